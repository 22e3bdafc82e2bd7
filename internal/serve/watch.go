package serve

import (
	"io/fs"
	"path/filepath"
	"strings"
	"time"
)

// stamp is what a poll compares: a file changed when its size or
// modification time did.
type stamp struct {
	size int64
	mod  time.Time
}

// files maps each watched file's path to its stamp.
type files map[string]stamp

// snapshot stamps every file under roots, skipping hidden files and
// folders (".git", LibreOffice's ".~lock" files) and editors' backups.
// Polling needs no library and works the same on every system and
// network drive, where file-change notifications often do not.
func snapshot(roots []string) files {
	out := files{}
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // a file removed mid-walk is seen next time
			}
			if p != root && ignored(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				out[p] = stamp{size: info.Size(), mod: info.ModTime()}
			}
			return nil
		})
	}
	return out
}

func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasPrefix(name, "~$")
}

func (f files) equal(g files) bool {
	if len(f) != len(g) {
		return false
	}
	for k, v := range f {
		w, ok := g[k]
		if !ok || w.size != v.size || !w.mod.Equal(v.mod) {
			return false
		}
	}
	return true
}
