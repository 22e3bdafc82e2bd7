package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// slowPos is the definition LineIndex.Pos must agree with: count the
// characters from the start of the line.
func slowPos(src []byte, off int) (line, col int) {
	start := 0
	line = 1
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(src[start:off]) + 1
}

func TestLineIndexPos(t *testing.T) {
	long := strings.Repeat("é€a", 300) + "\n" + strings.Repeat("x", 1000)
	tests := []struct {
		name string
		src  string
	}{
		{"empty", ""},
		{"ASCII lines", "one\ntwo\n\nfour"},
		{"accented letters count as one column", "café au lait\nnaïve"},
		{"long lines of mixed widths", long},
		{"invalid bytes count one column each", "a\xff\xfeb\n\xe2\x82c" + strings.Repeat("\xff", 700)},
		{"offsets inside a character", "€€€"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			x := NewLineIndex("f.md", src)
			for off := -1; off <= len(src)+1; off++ {
				want := max(0, min(off, len(src)))
				line, col := slowPos(src, want)
				if got := x.Pos(off); got.Line != line || got.Col != col || got.File != "f.md" {
					t.Fatalf("Pos(%d) = %d:%d, want %d:%d", off, got.Line, got.Col, line, col)
				}
			}
		})
	}
}

// BenchmarkLineIndexLongLine is the case that was quadratic: every offset of
// a 1 MB line without a line break.
func BenchmarkLineIndexLongLine(b *testing.B) {
	src := []byte(strings.Repeat("é", 1<<19))
	x := NewLineIndex("f.md", src)
	for b.Loop() {
		for off := 0; off < len(src); off += 2 {
			x.Pos(off)
		}
	}
}
