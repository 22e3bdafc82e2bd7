package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/render/html"
)

// Issue 9: after serve's Preview and Final, the HTML and the pack PDF are
// what a fresh build writes for the same files.
func TestFinalEqualsFreshBuild(t *testing.T) {
	dir := smallPack(t)
	s := NewSession()
	served := t.TempDir()
	if res, err := s.Preview(dir, Options{OutRoot: served}); err != nil || res.Diags.HasErrors() {
		t.Fatalf("first preview: %v\n%s", err, res.Diags.Format())
	}
	appendSentence(t, filepath.Join(dir, "report-001.md"), strings.Repeat("A longer paragraph now. ", 200))
	pre, err := s.Preview(dir, Options{OutRoot: served})
	if err != nil || pre.Out == "" {
		t.Fatalf("preview after an edit: %v\n%s", err, pre.Diags.Format())
	}
	if page := readFile(t, filepath.Join(pre.Out, "report-001.html")); !strings.Contains(page, "A longer paragraph now.") {
		t.Error("the preview lacks the edit")
	}
	checkReused(t, s, pre.Out)
	fin, err := s.Final(dir, Options{OutRoot: served})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Pack(dir, Options{OutRoot: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if fin.Pages != fresh.Pages || fin.Pages == pre.Pages {
		t.Errorf("pages: final %d, fresh %d, preview %d", fin.Pages, fresh.Pages, pre.Pages)
	}
	for _, name := range fresh.Files {
		if filepath.Ext(name) != ".html" && name != "pack.pdf" {
			continue
		}
		got, want := readFile(t, filepath.Join(fin.Out, name)), readFile(t, filepath.Join(fresh.Out, name))
		if !bytes.Equal([]byte(got), []byte(want)) {
			t.Errorf("%s differs from a fresh build's", name)
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// checkReused fails unless the preview's HTML in folder is what rendering
// every page afresh gives for the same model and page map: pages taken
// from the last render must be the pages the edit left unchanged.
func checkReused(t *testing.T, s *Session, folder string) {
	t.Helper()
	d, pages := s.last.draft, s.last.pages
	if s.last.reuse.Reused == 0 {
		t.Error("the preview rendered every page again")
	}
	want := newStaging()
	if err := html.Render(want, d.p, d.th, pages); err != nil {
		t.Fatal(err)
	}
	for _, name := range want.names() {
		if filepath.Ext(name) == ".html" && readFile(t, filepath.Join(folder, name)) != string(want.files[name]) {
			t.Errorf("the preview's %s is not what rendering it afresh gives", name)
		}
	}
}
