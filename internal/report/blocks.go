package report

import (
	"strconv"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
)

// Block is a piece of a report's body: a section, paragraph, list, table or
// subheading.
type Block interface {
	// BlockPos returns where the block starts in its file.
	BlockPos() diag.Pos
}

// Number is a hierarchical paragraph or section number such as 2.1.1.
type Number []int

// String formats n as "2.1.1"; the zero Number formats as "".
func (n Number) String() string {
	parts := make([]string, len(n))
	for i, v := range n {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ".")
}

// Anchor returns an id for n with the given prefix: "para-2-1-1".
func (n Number) Anchor(prefix string) string {
	if len(n) == 0 {
		return ""
	}
	return prefix + "-" + strings.ReplaceAll(n.String(), ".", "-")
}

// Section is a numbered heading with the blocks under it. A level-1 section
// holds paragraphs and level-2 sections; they share one counter.
type Section struct {
	Level  int // 1 for a section, 2 for a subsection
	Title  []Inline
	Label  string // author's label for cross-references; may be empty
	Number Number // assigned by number.Assign
	Anchor string // "section-2-1"
	Body   []Block
	Pos    diag.Pos
}

// BlockPos implements Block.
func (s *Section) BlockPos() diag.Pos { return s.Pos }

// Paragraph is a run of text. Paragraphs directly in a section are numbered
// unless marked as continuations; those elsewhere (before the first heading,
// in list items, in table cells) are not.
type Paragraph struct {
	Content      []Inline
	Label        string
	Continuation bool   // the author asked for no number
	Number       Number // assigned by number.Assign; empty when un-numbered
	Anchor       string
	Pos          diag.Pos
}

// BlockPos implements Block.
func (p *Paragraph) BlockPos() diag.Pos { return p.Pos }

// Subheading is an un-numbered heading inside a section (Markdown level 3).
type Subheading struct {
	Title []Inline
	Pos   diag.Pos
}

// BlockPos implements Block.
func (h *Subheading) BlockPos() diag.Pos { return h.Pos }

// List is a bulleted or numbered list.
type List struct {
	Ordered bool
	Items   []ListItem
	Pos     diag.Pos
}

// BlockPos implements Block.
func (l *List) BlockPos() diag.Pos { return l.Pos }

// ListItem is one entry of a list: its text and any nested list.
type ListItem struct {
	Content []Inline
	Sub     *List // nested list, or nil
}

// AppendixList is where a report lists its appendices, numbered as its
// references print them. assemble places it in the report's "Appendices"
// section, adding that section at the end when the author did not write it.
type AppendixList struct {
	Pos diag.Pos
}

// BlockPos implements Block.
func (a *AppendixList) BlockPos() diag.Pos { return a.Pos }
