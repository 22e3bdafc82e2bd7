package narrative

import (
	"sort"
	"unicode/utf8"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// converter turns goldmark nodes into report blocks. Offsets in the body are
// turned into file positions by adding the line where the body starts.
type converter struct {
	file    string
	src     []byte
	lineOff int
	diags   *diag.List
	// lines holds the offset each body line starts at, and last the most
	// recent position computed, so that columns along a long line are
	// counted once rather than from the line's start every time.
	lines []int
	last  struct{ off, line, col int }
	// htmlLines holds the lines already warned about for raw HTML.
	htmlLines map[int]bool
	// reported holds malformed references and computed text already
	// reported, so that checkUnclosed does not report them again.
	reported []string
}

func newConverter(file string, body []byte, bodyLine int, diags *diag.List) *converter {
	c := &converter{file: file, src: body, lineOff: bodyLine - 1, diags: diags}
	c.lines = []int{0}
	for i, b := range body {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	return c
}

// pos converts a byte offset in the body to a position in the file. Columns
// count characters, as diag.LineIndex does.
func (c *converter) pos(off int) diag.Pos {
	off = max(0, min(off, len(c.src)))
	line := sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off }) - 1
	var col int
	if c.last.line == line && c.last.off <= off && c.last.col > 0 {
		col = c.last.col + utf8.RuneCount(c.src[c.last.off:off])
	} else {
		col = utf8.RuneCount(c.src[c.lines[line]:off]) + 1
	}
	c.last.off, c.last.line, c.last.col = off, line, col
	return diag.Pos{File: c.file, Line: line + 1 + c.lineOff, Col: col}
}

// nodePos finds where n starts: its own offset, its first line, or that of
// its first descendant that has one.
func (c *converter) nodePos(n ast.Node) diag.Pos {
	for d := 0; n != nil && d < 64; d++ {
		if off := n.Pos(); off >= 0 {
			return c.pos(off)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return c.pos(n.Lines().At(0).Start)
		}
		n = n.FirstChild()
	}
	return diag.Pos{File: c.file, Line: 1 + c.lineOff, Col: 1}
}

// document converts the whole body: blocks before the first heading, then
// sections holding their paragraphs, subsections and other blocks.
func (c *converter) document(root ast.Node) []report.Block {
	var blocks []report.Block
	for child := root.FirstChild(); child != nil; child = child.NextSibling() {
		blocks = append(blocks, c.block(child, 0)...)
	}
	var n nester
	for _, b := range captionTables(blocks, c.diags) {
		n.add(b, c.diags)
	}
	return n.body
}

// block converts one top-level block node. It returns several blocks for a
// block quote (whose content is read as ordinary blocks) and none for
// content that is dropped.
func (c *converter) block(n ast.Node, depth int) []report.Block {
	pos := c.nodePos(n)
	switch n := n.(type) {
	case *ast.Heading:
		return one(c.heading(n, pos))
	case *ast.Paragraph, *ast.TextBlock:
		return one(c.paragraph(n, pos))
	case *ast.List:
		return one(c.list(n, pos, depth+1))
	case *east.Table:
		return one(c.table(n, pos))
	case *ast.FencedCodeBlock:
		return one(c.fenced(n, pos))
	case *ast.CodeBlock:
		return one(c.indented(n, pos))
	case *ast.Blockquote:
		return c.quote(n, pos, depth+1)
	case *ast.HTMLBlock:
		c.diags.Warnf(pos, "raw HTML is not allowed in a report and was left out").
			WithHint("write the content in Markdown; for a table use | pipes |, for emphasis **bold**")
	case *ast.ThematicBreak:
		c.diags.Warnf(pos, "horizontal rules (---, ***) are ignored").
			WithHint("start a new section with a # heading instead")
	}
	return nil
}

// one wraps b in a slice, or returns nil when b is nil.
func one[T report.Block](b T) []report.Block {
	var zero T
	if any(b) == any(zero) {
		return nil
	}
	return []report.Block{b}
}

func (c *converter) quote(n *ast.Blockquote, pos diag.Pos, depth int) []report.Block {
	c.diags.Warnf(pos, "quoted text (lines starting with >) is shown as ordinary paragraphs").
		WithHint("remove the > marks; to quote someone, use quotation marks")
	var out []report.Block
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		out = append(out, c.block(child, depth)...)
	}
	return out
}

// nester places blocks into sections as headings open them.
type nester struct {
	body     []report.Block
	sec, sub *report.Section
}

func (n *nester) add(b report.Block, diags *diag.List) {
	if s, ok := b.(*report.Section); ok {
		n.addSection(s, diags)
		return
	}
	switch {
	case n.sub != nil:
		n.sub.Body = append(n.sub.Body, b)
	case n.sec != nil:
		n.sec.Body = append(n.sec.Body, b)
	default:
		n.body = append(n.body, b)
	}
}

func (n *nester) addSection(s *report.Section, diags *diag.List) {
	if s.Level == 2 && n.sec == nil {
		diags.Errorf(s.Pos, "this subsection (##) comes before any section (#)").
			WithHint("start the report's first section with a single #, e.g. # Purpose of the report")
		s.Level = 1
	}
	if s.Level == 1 {
		n.body = append(n.body, s)
		n.sec, n.sub = s, nil
		return
	}
	n.sec.Body = append(n.sec.Body, s)
	n.sub = s
}
