package build

import (
	"io/fs"
	"testing/fstest"
)

// fs returns the staged files as a read-only file system, for serve to
// show without writing them. fstest.MapFS is the standard library's
// in-memory fs.FS: it serves folders and files alike and copies nothing.
func (s *staging) fs() fs.FS {
	m := make(fstest.MapFS, len(s.files))
	for name, data := range s.files {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}
