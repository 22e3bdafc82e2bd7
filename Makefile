# reportpack: `make build` builds the example pack into output/;
# `make test` runs every test.
GO ?= go
BIN := bin/reportpack
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/reportpack/reportpack/internal/cli.Version=$(VERSION)
FUZZTIME ?= 30s
# go test minimises each new input for up to 60 s by default, which leaves
# a short run minimising instead of fuzzing; crashers are still minimised.
FUZZMINIMIZETIME ?= 2s

.PHONY: all build reportpack test test-short bench bench-profile bench-peers fuzz vet lint fmt clean

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

## bench: every benchmark: each stage and the whole build on generated S, M
## and L packs, in the process and as a cold process (docs/performance.md).
## BENCH narrows them, e.g. make bench BENCH=/M
BENCH ?= .
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -timeout 90m ./...

## bench-profile: CPU and memory profiles of the whole build of M, top functions
bench-profile:
	@mkdir -p bin
	$(GO) test -run '^$$' -bench 'BenchmarkBuild/M$$' -benchtime 3x -cpuprofile bin/cpu-m.prof \
	  -memprofile bin/mem-m.prof -o bin/build.test ./internal/build
	$(GO) tool pprof -top -nodecount 25 bin/build.test bin/cpu-m.prof
	$(GO) tool pprof -top -cum -nodecount 40 bin/build.test bin/cpu-m.prof

## bench-peers: reportpack beside pandoc, WeasyPrint and LibreOffice on the
## same generated text; SIZES="S M" RUNS=3 narrow it
bench-peers:
	scripts/bench-peers

## fuzz: run every fuzz target (go test -fuzz) for FUZZTIME each, package by
## package; stops at the first finding, which go test saves under the
## package's testdata/fuzz/ to commit as a regression test
fuzz:
	@list=$$($(GO) test -list '^Fuzz' ./...) || exit 1; \
	echo "$$list" | awk '/^Fuzz/ { t[n++] = $$1 } /^ok/ { for (i = 0; i < n; i++) print $$2, t[i]; n = 0 }' | \
	while read pkg target; do \
	  echo "fuzzing $$target in $$pkg for $(FUZZTIME)"; \
	  $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) $$pkg || exit 1; \
	done

vet:
	$(GO) vet ./...

## lint: gofmt, go vet and staticcheck (fetched from the Go module proxy)
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint: vet
	@test -z "$$(gofmt -l cmd internal themes)" || { gofmt -l cmd internal themes; exit 1; }
	$(GO) run $(STATICCHECK) ./...

fmt:
	gofmt -l -w cmd internal themes

clean:
	rm -rf bin output
