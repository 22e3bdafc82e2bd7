package pdf

// The layout model: pages of positioned elements, built by the flow and
// paginator and written by draw. Nothing here knows maroto.

// elemKind says what an element draws.
type elemKind uint8

const (
	elemText elemKind = iota // a string at a baseline
	elemFill                 // a filled rectangle
	elemRule                 // a straight line
)

// elem is one thing drawn on a page. Coordinates are millimetres from the
// page's top-left corner (from the box's top while the element is still in
// a box).
type elem struct {
	kind   elemKind
	x, y   float64 // text: left and baseline; fill: top-left; rule: start
	w, h   float64 // text: width and size in mm; fill: size; rule: delta to the end
	text   string
	face   face
	size   float64 // pt
	colour rgb
	thick  float64 // rule thickness in mm
	link   string  // link target; text only
	pages  string  // slug of the item whose pages the text prints (RolePageRef); see stampPages
	info   textInfo
}

// textInfo is the logical role of a text element, copied into DrawnText.
type textInfo struct {
	role     Role
	level    int
	block    int
	group    int
	row, col int
	span     int // table columns the cell spans; 0 or 1 for one
	repeat   bool
}

// noCell is the row/column of text outside any table.
const noCell = -1

// page is one laid-out page of the pack.
type page struct {
	elems       []elem
	item        string // slug of the agenda item the page belongs to; "" for front sheet and agenda
	header      string // running header text
	numbered    bool   // prints "Page N of M"
	placeholder bool   // reserved for a page of a PDF appendix
	part        int    // which mark (front sheet, agenda, report, appendix) the page belongs to, from 1
}

// textElem makes a text element with its baseline at y.
func textElem(x, y float64, s string, f face, size float64, c rgb, info textInfo) elem {
	return elem{kind: elemText, x: x, y: y, w: textWidth(s, f, size), h: mm(size),
		text: s, face: f, size: size, colour: c, info: info}
}

// fillElem makes a filled rectangle.
func fillElem(x, y, w, h float64, c rgb) elem {
	return elem{kind: elemFill, x: x, y: y, w: w, h: h, colour: c}
}

// hrule makes a horizontal rule of width w.
func hrule(x, y, w, thick float64, c rgb) elem {
	return elem{kind: elemRule, x: x, y: y, w: w, colour: c, thick: thick}
}

// vrule makes a vertical rule of height h.
func vrule(x, y, h, thick float64, c rgb) elem {
	return elem{kind: elemRule, x: x, y: y, h: h, colour: c, thick: thick}
}

// shifted returns e moved down by dy and right by dx.
func (e elem) shifted(dx, dy float64) elem {
	e.x += dx
	e.y += dy
	return e
}

// rect is the box a text element's glyphs occupy.
func (e elem) rect() Rect {
	s := e.h
	return Rect{X: e.x, Y: e.y - ascent*s, W: e.w, H: (ascent + descent) * s}
}
