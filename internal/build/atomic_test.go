package build

import (
	"bytes"
	"context"
	"github.com/reportpack/reportpack/internal/packtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFailedBuildKeepsBothFolders checks that a build with a content error
// leaves the public folder and the members' folder byte for byte as the last
// good build left them (issue 7).
func TestFailedBuildKeepsBothFolders(t *testing.T) {
	dir := exemptPack(t)
	out := t.TempDir()
	if res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out}); err != nil || res.Diags.HasErrors() {
		t.Fatalf("first build: %v\n%s", err, res.Diags.Format())
	}
	public, members := filepath.Join(out, "cabinet"), filepath.Join(out, "cabinet-members")
	before := map[string]map[string][]byte{public: packtest.Tree(t, public), members: packtest.Tree(t, members)}
	file := filepath.Join(dir, "finance.md")
	src, _ := os.ReadFile(file)
	write(t, file, bytes.Replace(src, []byte("[@summary]"), []byte("[@no-such-label]"), 1))
	res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out})
	if err != nil || !res.Diags.HasErrors() || res.Out != "" || res.MembersOut != "" {
		t.Fatalf("broken build: err %v, out %q %q\n%s", err, res.Out, res.MembersOut, res.Diags.Format())
	}
	for folder, files := range before {
		after := packtest.Tree(t, folder)
		if len(after) != len(files) {
			t.Errorf("%s: %d files, then %d", folder, len(files), len(after))
		}
		for name, data := range files {
			if !bytes.Equal(data, after[name]) {
				t.Errorf("%s/%s changed after a failed build", folder, name)
			}
		}
	}
	assertOnly(t, out, "cabinet", "cabinet-members")
}

// TestCancelledBuildKeepsOutput cancels a build's Context, as Ctrl-C does:
// Pack returns the context's error and writes nothing.
func TestCancelledBuildKeepsOutput(t *testing.T) {
	dir := exemptPack(t)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out, Context: ctx})
	if err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	assertOnly(t, out)
}

// TestCommitRecoversFromAKilledSwap sets up what a build killed mid-swap
// leaves (the old output moved aside, a half-written staging folder) and
// checks the next commit restores, then replaces, and tidies both.
func TestCommitRecoversFromAKilledSwap(t *testing.T) {
	out := t.TempDir()
	dest := filepath.Join(out, "pack")
	write(t, filepath.Join(oldCopy(dest), "index.html"), []byte("old"))
	write(t, filepath.Join(out, ".pack.new-123", "half.html"), []byte("half"))
	s := newStaging()
	s.WriteFile("index.html", []byte("new"))
	if err := s.commit(context.Background(), dest); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "new" {
		t.Errorf("index.html = %q, want new", got)
	}
	assertOnly(t, out, "pack")
}

// assertOnly fails unless dir holds exactly the entries names, hidden ones
// included.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
