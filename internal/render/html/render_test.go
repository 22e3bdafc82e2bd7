package html

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden files in testdata")
	dumpDir = flag.String("dump", "", "also write the rendered files under this folder, to look at in a browser")
)

// memWriter collects output files.
type memWriter map[string][]byte

var _ Writer = memWriter(nil)

func (m memWriter) WriteFile(name string, data []byte) error {
	if _, dup := m[name]; dup {
		return fmt.Errorf("%s written twice", name)
	}
	m[name] = data
	return nil
}

func (m memWriter) names() []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func defaultTheme(t *testing.T) *theme.Theme {
	t.Helper()
	th, err := theme.Default()
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func render(t *testing.T, p *report.Pack, pages report.Pages) memWriter {
	t.Helper()
	out := memWriter{}
	if err := Render(out, p, defaultTheme(t), pages); err != nil {
		t.Fatalf("Render: %v", err)
	}
	if *dumpDir != "" {
		for name, data := range out {
			path := filepath.Join(*dumpDir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

func seedPages() report.Pages {
	return report.Pages{
		Total: 24,
		Items: map[string]report.PageRange{"item-3-ofsted-inspections": {First: 5, Last: 24}},
		Files: map[string]string{"item-3-ofsted-inspections": "item-3-ofsted-inspections.pdf"},
	}
}

func TestRenderFiles(t *testing.T) {
	out := render(t, seedPack(), seedPages())
	want := []string{"assets/style.css", "assets/theme.css", "index.html", "item-3-ofsted-inspections.html"}
	if got := out.names(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("files = %v, want %v", got, want)
	}
}
