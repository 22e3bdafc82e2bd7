package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestInitWritesAPackThatBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new-pack")
	code, out, errs := run(t, nil, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d:\n%s%s", code, out, errs)
	}
	for _, f := range []string{"pack.toml", "report.md", "action-plan.xlsx", "glossary.toml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not write %s", f)
		}
	}
	report := readFile(t, filepath.Join(dir, "report.md"))
	for _, h := range []string{"# Purpose of the report", "# Recommendations", "# Reasons for the recommendations",
		"# Background", "# Options", "do nothing", "# Implications", "## Financial", "## Legal", "## Equality",
		"## Risk", "## Climate", "None arising.", "# Consultation", "# Background papers", "[contact]"} {
		if !strings.Contains(report, h) {
			t.Errorf("report.md lacks %q", h)
		}
	}
	code, _, errs = run(t, nil, "build", "--out", t.TempDir(), dir)
	if code != 0 {
		t.Fatalf("the new pack does not build: exit %d:\n%s", code, errs)
	}
}

func TestInitRefusesAFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	code, _, errs := run(t, nil, "init", dir)
	if code != 1 || !strings.Contains(errs, "already holds files; nothing was written") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("init wrote into a folder with files: %d entries", len(entries))
	}
}

func TestInitIntoAnEmptyFolder(t *testing.T) {
	if code, _, errs := run(t, nil, "init", t.TempDir()); code != 0 {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestTemplateActionPlan(t *testing.T) {
	tests := []struct {
		name string
		args func(dir string) []string
		code int
		want string
	}{
		{"writes a RAG workbook", func(d string) []string { return []string{"action-plan", filepath.Join(d, "plan.xlsx")} }, 0, "Wrote"},
		{"writes a BRAG workbook", func(d string) []string {
			return []string{"action-plan", "--scale", "brag", filepath.Join(d, "plan.xlsx")}
		}, 0, "Wrote"},
		{"refuses to overwrite", func(d string) []string {
			os.WriteFile(filepath.Join(d, "plan.xlsx"), []byte("officer's work"), 0o644)
			return []string{"action-plan", filepath.Join(d, "plan.xlsx")}
		}, 1, "already exists; nothing was written"},
		{"unknown scale", func(d string) []string { return []string{"action-plan", "--scale", "traffic", "x.xlsx"} }, 2, "Usage"},
		{"unknown template", func(d string) []string { return []string{"minutes", "x.xlsx"} }, 2, "Usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			code, out, errs := run(t, nil, append([]string{"template"}, tt.args(dir)...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d (want %d): %s%s", code, tt.code, out, errs)
			}
			if tt.name == "refuses to overwrite" && readFile(t, filepath.Join(dir, "plan.xlsx")) != "officer's work" {
				t.Error("the existing file was overwritten")
			}
		})
	}
}

// syncBuffer is a buffer serve's goroutines may write while the test reads.
type syncBuffer struct {
	mu  chan struct{}
	buf bytes.Buffer
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{mu: make(chan struct{}, 1)} }

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu <- struct{}{}
	defer func() { <-b.mu }()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu <- struct{}{}
	defer func() { <-b.mu }()
	return b.buf.String()
}

func TestServeStopsWhenCancelled(t *testing.T) {
	dir := unpack(t, "minimal")
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := newSyncBuffer(), newSyncBuffer()
	done := make(chan int, 1)
	go func() {
		done <- Main([]string{"serve", "--port", "0", dir}, IO{Out: out, Err: errb,
			Getenv: func(string) string { return "" }, Now: time.Now, Context: ctx})
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "2 items, 1 report") || !addr.MatchString(out.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start and build:\n%s%s", out, errb)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(out.String(), "Stopped.") {
			t.Errorf("exit %d:\n%s%s", code, out, errb)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
