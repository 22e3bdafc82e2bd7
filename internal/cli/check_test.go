package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestCheckWarnings(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"warnings alone exit 0", nil, 0, []string{
			`finance.md:22:45: warning: the acronym "CIPFA" is not spelt out`,
			"no errors, 1 warning"}},
		{"--strict makes warnings errors", []string{"--strict"}, 1, []string{
			`finance.md:22:45: the acronym "CIPFA" is not spelt out`,
			"1 error, 0 warnings"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := unpack(t, "warnings")
			code, out, errs := run(t, nil, append(append([]string{"check"}, tt.args...), dir)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d:\n%s%s", code, tt.code, out, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out+errs, w) {
					t.Errorf("output lacks %q:\n%s%s", w, out, errs)
				}
			}
		})
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		args     []string
		want     bool
	}{
		{"terminal shows steps", true, nil, true},
		{"pipe shows none", false, nil, false},
		{"--quiet shows none", true, []string{"--quiet"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := unpack(t, "minimal")
			var out, errb bytes.Buffer
			args := append(append([]string{"build", "--out", t.TempDir()}, tt.args...), dir)
			code := Main(args, IO{Out: &out, Err: &errb, Getenv: func(string) string { return "" },
				ErrIsTerminal: tt.terminal, Now: time.Now})
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, errb.String())
			}
			got := strings.Contains(errb.String(), "[3/5] "+dir+": laying out the PDF")
			if got != tt.want {
				t.Errorf("progress shown %v, want %v; stderr %q", got, tt.want, errb.String())
			}
			if !tt.want && errb.Len() != 0 {
				t.Errorf("stderr should be empty, got %q", errb.String())
			}
		})
	}
}
