package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// staging collects a pack's output files in memory and then swaps them into
// place in one step, so that a failed or interrupted build leaves the last
// good output exactly as it was.
type staging struct {
	mu    sync.Mutex        // the PDF and HTML renderers write at once
	files map[string][]byte // relative path -> contents
}

func newStaging() *staging { return &staging{files: map[string][]byte{}} }

// WriteFile records a file; it implements the HTML renderer's Writer.
func (s *staging) WriteFile(name string, data []byte) error {
	clean := filepath.ToSlash(filepath.Clean(name))
	if filepath.IsAbs(clean) || clean == ".." || len(clean) > 2 && clean[:3] == "../" {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[clean] = data
	return nil
}

// names returns the recorded file names in sorted order.
func (s *staging) names() []string {
	out := make([]string, 0, len(s.files))
	for n := range s.files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// commit writes the files into a fresh folder beside dest, then replaces
// dest with it. The old output is removed only once the new one is in place.
func (s *staging) commit(ctx context.Context, dest string) error {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	recoverOutput(dest)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // a no-op after a successful rename
	// MkdirTemp makes the folder private (0700); published output must be
	// readable by the web server that serves it.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, name := range s.names() {
		if err := ctx.Err(); err != nil {
			return err // interrupted: the deferred RemoveAll drops the half-written copy
		}
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, s.files[name], 0o644); err != nil {
			return err
		}
	}
	return swap(tmp, dest)
}

// swap moves dir into dest's place, keeping the old dest until it succeeds.
func swap(dir, dest string) error {
	old := oldCopy(dest)
	os.RemoveAll(old)
	if _, err := os.Stat(dest); err == nil {
		if err := os.Rename(dest, old); err != nil {
			return err
		}
	}
	if err := os.Rename(dir, dest); err != nil {
		os.Rename(old, dest) // put the last good output back
		return err
	}
	return os.RemoveAll(old)
}

// recoverOutput tidies up after a build that was killed mid-swap: it restores the
// previous output if only its ".old" copy is left, and removes half-written
// folders from earlier runs.
func recoverOutput(dest string) {
	old := oldCopy(dest)
	if _, err := os.Stat(dest); os.IsNotExist(err) {
		if _, err := os.Stat(old); err == nil {
			os.Rename(old, dest)
		}
	}
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".new-*"))
	for _, d := range stale {
		os.RemoveAll(d)
	}
}

// oldCopy is where swap keeps the previous output while it moves the new one
// in: hidden, like the staging folder, so that a build killed at that moment
// leaves nothing a clerk might upload; the next build puts it back.
func oldCopy(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".old")
}
