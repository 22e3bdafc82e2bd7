package pdf

import (
	"slices"

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
	// The fill goes first but takes the text's height: its slot is set after.
	es, h := b.cellContent(b.rowRoom(1), c, ts.x+ts.pad, w-2*ts.pad, ts, bold, info)
	h += 2 * ts.pad
	es[0] = fillElem(ts.x, 0, w, h, fill)
	shiftAll(es[1:], ts.pad)
	return &box{h: h, elems: b.keepRow(b.appendBorders(es, ts, h, false))}
}

// rowRoom is the builder's scratch for a row's elements, with n slots
// reserved at the front. A row is laid out there and then copied to
// room of its exact size by keepRow.
func (b *builder) rowRoom(n int) []elem {
	return slices.Grow(b.rowScratch[:0], n)[:n]
}

// keepRow copies a row's elements out of the scratch and keeps the
// scratch, grown as it may be, for the next row.
func (b *builder) keepRow(es []elem) []elem {
	b.rowScratch = es[:0]
	return slices.Clone(es)
}

// noFill marks a cell without a background.
var noFill = rgb{-1, -1, -1}

// cells lays out a row of cells side by side; the tallest sets the height.
func (b *builder) cells(cells []report.Cell, n int, ts *tableSet, f face, role Role, fill rgb) *box {
	// The fills go under the text but take its height: their slots come
	// first and are set once the text is.
	fills := fillCount(cells, ts, fill)
	es := b.rowRoom(fills)
	x, h := ts.x, 0.0
	for i, w := range ts.widths {
		var c report.Cell
		if i < len(cells) {
			c = cells[i]
		}
		info := textInfo{role: cellRole(role, c), block: b.newBlock(), group: ts.group, row: n, col: i}
		var ch float64
		es, ch = b.cellContent(es, c, x+ts.pad, w-2*ts.pad, ts, f, info)
		h = max(h, ch)
		x += w
	}
	bh := h + 2*ts.pad
	b.cellFills(es[:fills], cells, ts, bh, fill)
	shiftAll(es[fills:], ts.pad)
	return &box{h: bh, elems: b.keepRow(b.appendBorders(es, ts, bh, true))}
}

// cellRole is role, or row header for cells marked as such.
func cellRole(role Role, c report.Cell) Role {
	if c.Header && role == RoleTableCell {
		return RoleTableRowHeader
	}
	return role
}

// fillCount is how many fills cellFills paints.
func fillCount(cells []report.Cell, ts *tableSet, fill rgb) int {
	n := 0
	if fill != noFill {
		n++
	}
	for i := range ts.widths {
		if i < len(cells) && cells[i].Status != nil {
			n++
		}
	}
	return n
}

// cellFills paints the row's fill and each status cell's colour into
// out, which has room for fillCount of them.
func (b *builder) cellFills(out []elem, cells []report.Cell, ts *tableSet, h float64, fill rgb) {
	k := 0
	if fill != noFill {
		out[k] = fillElem(ts.x, 0, sum(ts.widths), h, fill)
		k++
	}
	x := ts.x
	for i, w := range ts.widths {
		if i < len(cells) && cells[i].Status != nil {
			out[k] = fillElem(x, 0, w, h, b.swatchOf(cells[i].Status).fill)
			k++
		}
		x += w
	}
}

// cellContent appends to dst a cell's text, status word and bullets laid
// out from its top-left; it returns them and their height.
func (b *builder) cellContent(dst []elem, c report.Cell, x, w float64, ts *tableSet, f face, info textInfo) ([]elem, float64) {
	content := b.spans(c.Content, f)
	plain := report.PlainText(c.Content)
	if c.Status != nil {
		sw := b.swatchOf(c.Status)
		col := sw.text
		f = f.withBold()
		if plain == "" {
			content = plainSpans(c.Status.Word, f, col)
		}
		for i := range content {
			content[i].colour, content[i].face = col, content[i].face.withBold()
		}
	}
	y := 0.0
	if len(content) > 0 && plain+statusWord(c) != "" {
		dst, y = b.setLines(dst, content, x, w, 0, ts.size, info)
	}
	for _, bl := range c.Bullets {
		info.block = b.newBlock()
		dst, y = b.bullet(dst, b.spans(bl, regular), x, w, y, ts, info)
	}
	return dst, y
}

// statusWord is a cell's status word, if any.
func statusWord(c report.Cell) string {
	if c.Status == nil {
		return ""
	}
	return c.Status.Word
}

// setLines appends rich text set in a cell from height y to dst,
// returning them and the new height.
func (b *builder) setLines(dst []elem, sp []span, x, w, y, size float64, info textInfo) ([]elem, float64) {
	lh := b.st.lineHeight(size) * 0.92
	base := baseline(lh, size)
	for _, ln := range b.lines.breakLines(sp, size, w, w) {
		dst = appendLine(dst, ln, x, y+base, size, info)
		y += lh
	}
	return dst, y
}

// bullet appends one bulleted line of a multi-line cell with a hanging
// bullet to dst.
func (b *builder) bullet(dst []elem, sp []span, x, w, y float64, ts *tableSet, info textInfo) ([]elem, float64) {
	indent := mm(ts.size) * 1.1
	if y > 0 {
		y += mm(ts.size) * 0.25
	}
	lbl := info
	lbl.role = RoleListLabel
	lh := b.st.lineHeight(ts.size) * 0.92
	dst = append(dst, textElem(x, y+baseline(lh, ts.size), "•", regular, ts.size, b.st.text, lbl))
	return b.setLines(dst, sp, x+indent, w-indent, y, ts.size, info)
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

// appendBorders appends a row's top and bottom rules and its side rules,
// with the rules between columns when inner is set.
func (b *builder) appendBorders(dst []elem, ts *tableSet, h float64, inner bool) []elem {
	c, t := b.st.rule, 0.25
	w := sum(ts.widths)
	dst = append(dst, hrule(ts.x, 0, w, t, c), hrule(ts.x, h, w, t, c), vrule(ts.x, 0, h, t, c))
	if !inner {
		return append(dst, vrule(ts.x+w, 0, h, t, c))
	}
	x := 0.0
	for _, cw := range ts.widths {
		x += cw
		dst = append(dst, vrule(ts.x+x, 0, h, t, c))
	}
	return dst
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
