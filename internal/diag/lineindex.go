package diag

import (
	"sort"
	"unicode/utf8"
)

// LineIndex converts byte offsets in a file to 1-based line and column
// numbers (columns count characters, not bytes, as editors do).
type LineIndex struct {
	file   string
	src    []byte
	starts []int // byte offset at which each line starts
}

// NewLineIndex indexes src, the contents of file.
func NewLineIndex(file string, src []byte) *LineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{file: file, src: src, starts: starts}
}

// Pos returns the position of byte offset off.
func (x *LineIndex) Pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	col := utf8.RuneCount(x.src[x.starts[line]:off]) + 1
	return Pos{File: x.file, Line: line + 1, Col: col}
}

// LinePos returns the position of the start of 1-based line n.
func (x *LineIndex) LinePos(n int) Pos {
	return Pos{File: x.file, Line: n, Col: 1}
}
