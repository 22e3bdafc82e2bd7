# reportpack: `make build` builds the example pack into output/;
# `make test` runs every test.
GO ?= go
BIN := bin/reportpack
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/reportpack/reportpack/internal/cli.Version=$(VERSION)
FUZZTIME ?= 30s

.PHONY: all build reportpack test test-short bench fuzz vet fmt clean

all: build

reportpack:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/reportpack

## build: build the example pack(s) under content/ into output/
build: reportpack
	./$(BIN) build

## test: vet, then every test with the race detector
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

## test-short: every test without the race detector (faster while editing)
test-short:
	$(GO) test ./...

## bench: the benchmarks (see docs/performance.md)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: run each fuzz target for FUZZTIME
fuzz:
	@for target in $$($(GO) test -list '^Fuzz' ./... | grep '^Fuzz'); do \
	  pkg=$$(grep -rl "func $$target(" --include='*_test.go' internal | xargs dirname | head -1); \
	  echo "fuzzing $$target in ./$$pkg for $(FUZZTIME)"; \
	  $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; \
	done

vet:
	$(GO) vet ./...

fmt:
	gofmt -l -w cmd internal themes

clean:
	rm -rf bin output
