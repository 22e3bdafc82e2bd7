package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
