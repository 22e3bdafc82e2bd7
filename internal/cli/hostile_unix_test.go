//go:build unix

package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// TestNamedPipeIsNotRead checks that a report that is a named pipe is refused
// rather than read, which would wait for a writer for ever (issue 7).
func TestNamedPipeIsNotRead(t *testing.T) {
	dir := unpack(t, "minimal")
	replace(t, dir, "pack.toml", `"finance.md"`, `"pipe.md"`)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	code, _, errs := run(t, nil, "check", dir)
	text := strings.ReplaceAll(errs, filepath.ToSlash(dir), "PACK")
	want := `PACK/pack\.toml:\d+:1: cannot read the report "pipe\.md": it is not an ordinary file`
	if code != 1 || !regexp.MustCompile(want).MatchString(text) {
		t.Errorf("exit %d, want 1 and %q:\n%s", code, want, text)
	}
}
