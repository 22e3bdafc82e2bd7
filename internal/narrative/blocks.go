package narrative

import (
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// heading converts # to a section, ## to a subsection and ### (or deeper)
// to an un-numbered subheading.
func (c *converter) heading(n *ast.Heading, pos diag.Pos) report.Block {
	title, at := c.withAttrs(c.inlines(n, 0), pos)
	if at.continuation {
		c.diags.Warnf(pos, "a heading cannot be marked un-numbered with {-}; the mark was ignored").
			WithHint("use ### for an un-numbered subheading")
	}
	if n.Level >= 3 {
		if at.label != "" {
			c.diags.Warnf(pos, "the label %q on a ### subheading cannot be referred to: subheadings have no number", at.label).
				WithHint("put the label on the numbered paragraph after the subheading")
		}
		if n.Level > 3 {
			c.diags.Warnf(pos, "headings deeper than ### are shown as ### subheadings").
				WithHint("use # for sections, ## for subsections and ### for subheadings")
		}
		return &report.Subheading{Title: title, Pos: pos}
	}
	return &report.Section{Level: n.Level, Title: title, Label: at.label, Pos: pos}
}

// paragraph converts a paragraph, reading the {#label -} attributes at its end.
func (c *converter) paragraph(n ast.Node, pos diag.Pos) report.Block {
	content, at := c.withAttrs(c.inlines(n, 0), pos)
	if len(content) == 0 {
		if at.label != "" || at.continuation {
			c.diags.Warnf(pos, "these attributes have no paragraph text before them and were ignored").
				WithHint("put {#label} or {-} at the end of the paragraph's last line")
		}
		return nil
	}
	return &report.Paragraph{Content: content, Label: at.label, Continuation: at.continuation, Pos: pos}
}

// list converts a bulleted or numbered list and the lists nested in it.
func (c *converter) list(n *ast.List, pos diag.Pos, depth int) *report.List {
	l := &report.List{Ordered: n.IsOrdered(), Pos: pos}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		l.Items = append(l.Items, c.listItem(item, depth))
	}
	return l
}

// listItem joins an item's paragraphs with line breaks and merges its nested
// lists; other blocks cannot go in a list item.
func (c *converter) listItem(item ast.Node, depth int) report.ListItem {
	var li report.ListItem
	for child := item.FirstChild(); child != nil; child = child.NextSibling() {
		switch child := child.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if len(li.Content) > 0 {
				li.Content = append(li.Content, report.Inline{Kind: report.LineBreak, Pos: c.nodePos(child)})
			}
			li.Content = append(li.Content, c.inlines(child, 0)...)
		case *ast.List:
			li.Sub = mergeLists(li.Sub, c.list(child, c.nodePos(child), depth+1))
		default:
			c.diags.Warnf(c.nodePos(child), "only text and nested lists can go inside a list item; this was left out").
				WithHint("end the list first (a blank line, then text that is not indented)")
		}
	}
	return li
}

func mergeLists(a, b *report.List) *report.List {
	if a == nil {
		return b
	}
	a.Items = append(a.Items, b.Items...)
	return a
}

// table converts a GFM pipe table into a plain table.
func (c *converter) table(n *east.Table, pos diag.Pos) *report.Table {
	t := &report.Table{Kind: report.PlainTable, Pos: pos}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableHeader); ok {
			t.Columns = c.columns(row, n.Alignments)
			continue
		}
		r := report.Row{Kind: report.BodyRow, Pos: c.nodePos(row)}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			r.Cells = append(r.Cells, report.Cell{Content: c.inlines(cell, 0)})
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

func (c *converter) columns(header ast.Node, aligns []east.Alignment) []report.Column {
	var cols []report.Column
	for cell := header.FirstChild(); cell != nil; cell = cell.NextSibling() {
		content := c.inlines(cell, 0)
		for _, in := range content {
			if in.Kind == report.RefRun || in.Kind == report.CountRun {
				c.diags.Warnf(in.Pos, "cross-references and computed text cannot go in a table's heading row").
					WithHint("move it into a cell below the heading row")
			}
		}
		col := report.Column{Title: strings.TrimSpace(report.PlainText(content))}
		if i := len(cols); i < len(aligns) {
			col.Align = alignName(aligns[i])
		}
		cols = append(cols, col)
	}
	return cols
}

func alignName(a east.Alignment) string {
	switch a {
	case east.AlignLeft:
		return "left"
	case east.AlignRight:
		return "right"
	case east.AlignCenter:
		return "center"
	}
	return ""
}

// indented keeps text indented by four spaces (a Markdown code block, often
// pasted by accident) as a plain paragraph, with a warning.
func (c *converter) indented(n *ast.CodeBlock, pos diag.Pos) report.Block {
	c.diags.Warnf(pos, "this text is indented by four or more spaces, so Markdown reads it as code; it is kept as a plain paragraph").
		WithHint("remove the spaces at the start of the lines")
	text := strings.Join(strings.Fields(string(linesText(n, c.src))), " ")
	if text == "" {
		return nil
	}
	return &report.Paragraph{Content: []report.Inline{{Kind: report.TextRun, Text: text, Pos: pos}}, Pos: pos}
}

// linesText returns the raw text of a block's lines.
func linesText(n ast.Node, src []byte) []byte {
	var b []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}
