package diag

import (
	"sort"
	"unicode/utf8"
)

// markEvery is how many bytes apart LineIndex records a column, so that
// Pos counts characters over at most this many bytes, however long the line.
const markEvery = 256

// LineIndex converts byte offsets in a file to 1-based line and column
// numbers (columns count characters, not bytes, as editors do). Pos takes
// time independent of line length, so positions over a file with one huge
// line stay linear in all; a LineIndex is safe for concurrent use.
type LineIndex struct {
	file   string
	src    []byte
	starts []int  // byte offset at which each line starts
	marks  []mark // column checkpoints, in offset order; each line start is one
}

// mark records that the character starting at byte off is in column col-1
// counted from 0, i.e. col characters precede it on its line.
type mark struct{ off, col int }

// NewLineIndex indexes src, the contents of file.
func NewLineIndex(file string, src []byte) *LineIndex {
	x := &LineIndex{file: file, src: src, starts: []int{0}, marks: []mark{{0, 0}}}
	col, last := 0, 0
	for i := 0; i < len(src); {
		if src[i] == '\n' {
			i++
			x.starts = append(x.starts, i)
			x.marks = append(x.marks, mark{i, 0})
			col, last = 0, i
			continue
		}
		if i-last >= markEvery {
			x.marks = append(x.marks, mark{i, col})
			last = i
		}
		_, n := utf8.DecodeRune(src[i:])
		i += n
		col++
	}
	return x
}

// Pos returns the position of byte offset off.
func (x *LineIndex) Pos(off int) Pos {
	off = max(0, min(off, len(x.src)))
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	m := x.marks[sort.Search(len(x.marks), func(i int) bool { return x.marks[i].off > off })-1]
	col := m.col + utf8.RuneCount(x.src[m.off:off]) + 1
	return Pos{File: x.file, Line: line + 1, Col: col}
}

// LinePos returns the position of the start of 1-based line n.
func (x *LineIndex) LinePos(n int) Pos {
	return Pos{File: x.file, Line: n, Col: 1}
}
