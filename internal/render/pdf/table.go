package pdf

import (
	"github.com/reportpack/reportpack/internal/report"
)

// Tables: a box for the header, kept with the first row and repeated at the
// top of each continuation page, then a box a row so long tables break
// between rows. Status cells print their word on their colour.

// tableSet is a table being laid out: its geometry and ids.
type tableSet struct {
	x      float64
	widths []float64
	group  int
	size   float64
	pad    float64
}

// table lays out t in the column from x, width w.
func (b *builder) table(t *report.Table, x, w float64) {
	if len(t.Columns) == 0 && len(t.Rows) == 0 {
		return
	}
	st := b.st
	ts := &tableSet{x: x, group: b.newGroup(), size: st.table, pad: mm(st.table) * 0.45}
	widths, fits := b.columnWidths(t, w, ts)
	if !fits && x > st.left {
		x, w = st.left, st.contentW() // a crowded table takes the full width
		ts.x = x
		widths, _ = b.columnWidths(t, w, ts)
	}
	ts.widths = widths
	if t.Caption != "" {
		b.addText(textBlock{spans: plainSpans(t.Caption, bold, st.text), size: st.body, x: x, w: w,
			before: st.paraSpace, keep: true,
			info: textInfo{role: RoleCaption, block: b.newBlock(), group: ts.group, row: noCell, col: noCell}})
	}
	start := len(b.f.entries)
	var header *box
	if hasTitles(t.Columns) {
		header = b.headerRow(t.Columns, ts)
		header.before = st.paraSpace
		b.f.add(header)
	}
	for i, r := range t.Rows {
		rb := b.row(r, i+1, ts)
		rb.header = header
		if header == nil && i == 0 {
			rb.before = st.paraSpace
		}
		b.f.add(rb)
	}
	b.keepSmall(start, header)
	if len(t.Key) > 0 || len(t.Notes) > 0 {
		b.f.entries[len(b.f.entries)-1].box.keep = true // the key or notes follow the last row
	}
	b.key(t.Key, x, w)
	for _, n := range t.Notes {
		b.para(plainSpans(n, regular, st.muted), x, w, RoleNote, st.paraSpace*0.6)
	}
}

// keepSmall keeps a table of at most a third of a page on one page.
func (b *builder) keepSmall(start int, header *box) {
	h := 0.0
	for _, e := range b.f.entries[start:] {
		h += e.box.h
	}
	if h > b.st.contentH()/3 {
		return
	}
	for _, e := range b.f.entries[start : len(b.f.entries)-1] {
		e.box.keep = true
	}
}

// hasTitles reports whether any column has a heading.
func hasTitles(cols []report.Column) bool {
	for _, c := range cols {
		if c.Title != "" {
			return true
		}
	}
	return false
}

// headerRow lays out the column headings on the header fill.
func (b *builder) headerRow(cols []report.Column, ts *tableSet) *box {
	cells := make([]report.Cell, len(cols))
	for i, c := range cols {
		cells[i] = report.Cell{Content: []report.Inline{{Text: c.Title}}}
	}
	bx := b.cells(cells, 0, ts, bold, RoleTableHeader, b.st.thFill)
	bx.keep = true
	return bx
}

// row lays out one table row; group rows span the table.
func (b *builder) row(r report.Row, n int, ts *tableSet) *box {
	switch r.Kind {
	case report.GroupRow, report.SubgroupRow:
		fill := b.st.groupFill
		if r.Kind == report.SubgroupRow {
			fill = b.st.subgroupFill
		}
		bx := b.spanRow(r, n, ts, fill)
		bx.keep = true
		return bx
	}
	return b.cells(r.Cells, n, ts, regular, RoleTableCell, noFill)
}

// spanRow lays out a group heading across the whole table.
func (b *builder) spanRow(r report.Row, n int, ts *tableSet, fill rgb) *box {
	var c report.Cell
	if len(r.Cells) > 0 {
		c = r.Cells[0]
	}
	w := sum(ts.widths)
	info := textInfo{role: RoleTableRowHeader, block: b.newBlock(), group: ts.group, row: n, col: 0, span: len(ts.widths)}
	elems, h := b.cellContent(c, ts.x+ts.pad, w-2*ts.pad, ts, bold, info)
	h += 2 * ts.pad
	bx := &box{h: h, elems: []elem{fillElem(ts.x, 0, w, h, fill)}}
	bx.elems = append(bx.elems, shiftAll(elems, ts.pad)...)
	bx.elems = append(bx.elems, b.borders(ts, []float64{0, w}, h)...)
	return bx
}

// noFill marks a cell without a background.
var noFill = rgb{-1, -1, -1}

// cells lays out a row of cells side by side; the tallest sets the height.
func (b *builder) cells(cells []report.Cell, n int, ts *tableSet, f face, role Role, fill rgb) *box {
	bx := &box{}
	var texts []elem
	x, h := ts.x, 0.0
	for i, w := range ts.widths {
		var c report.Cell
		if i < len(cells) {
			c = cells[i]
		}
		info := textInfo{role: cellRole(role, c), block: b.newBlock(), group: ts.group, row: n, col: i}
		elems, ch := b.cellContent(c, x+ts.pad, w-2*ts.pad, ts, f, info)
		texts = append(texts, elems...)
		h = max(h, ch)
		x += w
	}
	bx.h = h + 2*ts.pad
	bx.elems = b.cellFills(cells, ts, bx.h, fill)
	bx.elems = append(bx.elems, shiftAll(texts, ts.pad)...)
	bx.elems = append(bx.elems, b.borders(ts, edges(ts.widths), bx.h)...)
	return bx
}

// cellRole is role, or row header for cells marked as such.
func cellRole(role Role, c report.Cell) Role {
	if c.Header && role == RoleTableCell {
		return RoleTableRowHeader
	}
	return role
}

// cellFills paints the row's fill and each status cell's colour.
func (b *builder) cellFills(cells []report.Cell, ts *tableSet, h float64, fill rgb) []elem {
	var out []elem
	if fill != noFill {
		out = append(out, fillElem(ts.x, 0, sum(ts.widths), h, fill))
	}
	x := ts.x
	for i, w := range ts.widths {
		if i < len(cells) && cells[i].Status != nil {
			out = append(out, fillElem(x, 0, w, h, b.swatchOf(cells[i].Status).fill))
		}
		x += w
	}
	return out
}

// cellContent lays out a cell's text, status word and bullets from its
// top-left; it returns the elements and their height.
func (b *builder) cellContent(c report.Cell, x, w float64, ts *tableSet, f face, info textInfo) ([]elem, float64) {
	content := b.spans(c.Content, f)
	if c.Status != nil {
		sw := b.swatchOf(c.Status)
		col := sw.text
		f = f.withBold()
		if report.PlainText(c.Content) == "" {
			content = plainSpans(c.Status.Word, f, col)
		}
		for i := range content {
			content[i].colour, content[i].face = col, content[i].face.withBold()
		}
	}
	var out []elem
	y := 0.0
	if len(content) > 0 && report.PlainText(c.Content)+statusWord(c) != "" {
		out, y = b.setLines(content, x, w, 0, ts.size, info)
	}
	for _, bl := range c.Bullets {
		info.block = b.newBlock()
		var es []elem
		es, y = b.bullet(b.spans(bl, regular), x, w, y, ts, info)
		out = append(out, es...)
	}
	return out, y
}

// statusWord is a cell's status word, if any.
func statusWord(c report.Cell) string {
	if c.Status == nil {
		return ""
	}
	return c.Status.Word
}

// setLines sets rich text in a cell from height y, returning the new height.
func (b *builder) setLines(sp []span, x, w, y, size float64, info textInfo) ([]elem, float64) {
	lh := b.st.lineHeight(size) * 0.92
	base := baseline(lh, size)
	var out []elem
	for _, ln := range breakLines(sp, size, w, w) {
		out = append(out, lineElems(ln, x, y+base, size, info)...)
		y += lh
	}
	return out, y
}

// bullet sets one bulleted line of a multi-line cell with a hanging bullet.
func (b *builder) bullet(sp []span, x, w, y float64, ts *tableSet, info textInfo) ([]elem, float64) {
	indent := mm(ts.size) * 1.1
	if y > 0 {
		y += mm(ts.size) * 0.25
	}
	lbl := info
	lbl.role = RoleListLabel
	lh := b.st.lineHeight(ts.size) * 0.92
	out := []elem{textElem(x, y+baseline(lh, ts.size), "•", regular, ts.size, b.st.text, lbl)}
	es, y := b.setLines(sp, x+indent, w-indent, y, ts.size, info)
	return append(out, es...), y
}

// swatchOf finds a status's colours: the theme palette by class, else the
// scale's colour with black or white text, else a neutral grey.
func (b *builder) swatchOf(s *report.Status) swatch {
	if sw, ok := b.st.palette[s.Class]; ok {
		return sw
	}
	fill := parseColour(s.Colour, rgb{230, 230, 230})
	return swatch{fill: fill, text: readableOn(fill)}
}

// readableOn picks black or white text for a fill.
func readableOn(c rgb) rgb {
	if 299*c.r+587*c.g+114*c.b > 128000 {
		return rgb{11, 12, 12}
	}
	return rgb{255, 255, 255}
}

// borders draws a row's top and bottom rules and the column rules.
func (b *builder) borders(ts *tableSet, xs []float64, h float64) []elem {
	c, t := b.st.rule, 0.25
	w := sum(ts.widths)
	out := []elem{hrule(ts.x, 0, w, t, c), hrule(ts.x, h, w, t, c)}
	for _, x := range xs {
		out = append(out, vrule(ts.x+x, 0, h, t, c))
	}
	return out
}

// edges are the offsets of the column boundaries, 0 to the full width.
func edges(widths []float64) []float64 {
	out := make([]float64, 0, len(widths)+1)
	x := 0.0
	out = append(out, 0)
	for _, w := range widths {
		x += w
		out = append(out, x)
	}
	return out
}

// shiftAll moves elements down by dy.
func shiftAll(es []elem, dy float64) []elem {
	for i := range es {
		es[i] = es[i].shifted(0, dy)
	}
	return es
}

// sum adds up widths.
func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}
