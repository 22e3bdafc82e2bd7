package pdf

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/reportpack/reportpack/internal/render/pdf/post"
)

// The structure tree (issue 10): built from the roles recorded for every
// piece of text drawn, in drawing order, which is reading order. Each
// text becomes the marked content of the element it belongs in; the
// element is found by its path from the Document down:
//
//	Document / Sect (a part: front sheet, agenda, report, appendix)
//	  / Sect (a heading's section) … / P, H1-H6, L/LI/Lbl|LBody,
//	  Table/TR/TH|TD, Caption, Link, Figure
//
// Parts follow the page marks; headings open sections inside them; ids
// (block, group, row, column) tell sibling elements apart. Running
// headers, footers, page numbers and repeated table headers are left out
// of the tree, so post marks them as artefacts.

// seg is one step of an element's path: its type and what tells it from
// its siblings.
type seg struct {
	typ   string
	id    int
	key   string // a link's target
	scope string // a TH's scope
	span  int    // a cell's column span
}

// openElem is an element on the open path.
type openElem struct {
	seg
	elem *post.Elem
}

// sectState is an open section: a part of the pack or a heading's section.
type sectState struct {
	id     int
	level  int  // its heading's level
	headed bool // its heading has been seen
	part   bool // a part, closed only by the next part
}

// rowRec remembers a table row's cells, to add empty ones where a
// column drew no text, so every row has a cell for every column.
type rowRec struct {
	tr    *post.Elem
	group int
	cols  []int
}

// treeBuilder builds the structure tree.
type treeBuilder struct {
	doc       *post.Elem
	open      []openElem
	sects     []sectState
	nsect     int
	part      int    // part of the page being read
	item      string // item of the page being read
	level     int    // level of the last heading
	headBlock int    // block of the last heading
	lists     map[int][]seg
	facts     blockFacts
	linkOf    []int
	links     int // linked texts seen
	rows      []rowRec
	deferred  *deferredText
	last      lastText    // the text placed last
	path      []seg       // room for the path of the text being placed
	slab      []post.Elem // room for the next elements, allocated in blocks
}

// newElem is a new, empty element from a block of them: a pack has tens
// of thousands, and allocating each alone was a fifth of what building
// the tree allocated (issue 10).
func (tb *treeBuilder) newElem() *post.Elem {
	if len(tb.slab) == 0 {
		tb.slab = make([]post.Elem, 256)
	}
	e := &tb.slab[0]
	tb.slab = tb.slab[1:]
	return e
}

// lastText is the text placed last, its element and its index on its page.
type lastText struct {
	elem *post.Elem
	text DrawnText
	k    int
}

// joins reports whether t, the k-th text of its page placed in e, reads
// on from the text placed last without a break between words: the next
// fragment of its line, drawn where that one ends, or the next line of
// its block after a line that ends with its space.
func (l lastText) joins(e *post.Elem, t DrawnText, k int) bool {
	p := l.text
	switch {
	case l.elem != e || p.Block != t.Block || p.Page != t.Page || l.k != k-1:
		return false
	case p.Rect.Y == t.Rect.Y:
		return math.Abs(p.Rect.X+p.Rect.W-t.Rect.X) < 0.2
	}
	return strings.HasSuffix(p.Text, " ")
}

// deferredText is text read after the rest of its block (RolePageRef).
type deferredText struct {
	block int
	path  []seg
	kid   post.Kid
}

// blockFacts are what the tree needs to know of a block or table before
// reading its first text.
type blockFacts struct {
	role    map[int]Role // block -> role of its text (not its label)
	cols    map[int]int  // table group -> number of columns
	bullets map[int]bool // block -> a bulleted line in a table cell
}

// figure is an appendix page drawn on a placeholder page.
type figure struct {
	alt  string
	bbox post.Rect
}

// tagTree builds the structure tree of a laid-out pack from its pages,
// the roles of the text drawn (in order), the link index of each linked
// text (navLists.linkOf) and the figures drawn on placeholder pages.
func tagTree(pages []*page, drawn []DrawnText, linkOf []int, figures map[int]figure) *post.Elem {
	tb := &treeBuilder{doc: &post.Elem{Type: "Document"}, lists: map[int][]seg{},
		facts: factsOf(drawn), linkOf: linkOf}
	i := 0
	for n, pg := range pages {
		if pg.part != tb.part {
			tb.newPart(pg)
		}
		k := 0
		for ; i < len(drawn) && drawn[i].Page == n+1; i++ {
			k++
			tb.text(drawn[i], k)
		}
		if f, ok := figures[n+1]; ok {
			tb.figure(n+1, f)
		}
	}
	tb.flush()
	tb.padRows()
	return tb.doc
}

// factsOf reads each block's role, each table's width and the bulleted
// blocks in table cells.
func factsOf(drawn []DrawnText) blockFacts {
	f := blockFacts{role: map[int]Role{}, cols: map[int]int{}, bullets: map[int]bool{}}
	for _, t := range drawn {
		if _, ok := f.role[t.Block]; !ok && t.Role != RoleParagraphNumber && t.Role != RoleListLabel {
			f.role[t.Block] = t.Role
		}
		if t.Row != noCell {
			f.cols[t.Group] = max(f.cols[t.Group], t.Col+max(t.Span, 1))
			f.bullets[t.Block] = f.bullets[t.Block] || t.Role == RoleListLabel
		}
	}
	return f
}

// newPart opens the section of a part: an appendix's inside its item's,
// anything else at the top.
func (tb *treeBuilder) newPart(pg *page) {
	tb.flush()
	tb.part = pg.part
	if pg.item == "" || pg.item != tb.item || len(tb.sects) == 0 {
		tb.sects = tb.sects[:0]
	} else {
		tb.sects = tb.sects[:1]
	}
	tb.item = pg.item
	tb.nsect++
	tb.sects = append(tb.sects, sectState{id: tb.nsect, part: true})
}

// text places the k-th text of page t.Page in the tree.
func (tb *treeBuilder) text(t DrawnText, k int) {
	link := 0
	if t.Link != "" {
		link = tb.linkOf[tb.links]
		tb.links++
	}
	if t.Role.Artifact() || t.Repeat {
		return
	}
	if tb.deferred != nil && tb.deferred.block != t.Block {
		tb.flush()
	}
	if tb.facts.role[t.Block] == RoleHeading {
		tb.heading(t)
	}
	// The path is built in room reused from text to text: enter copies
	// what it keeps.
	path := tb.blockPath(tb.appendSects(tb.path[:0]), t)
	if t.Role == RolePageRef {
		tb.deferred = &deferredText{block: t.Block, path: slices.Clone(path), kid: post.Kid{Page: t.Page, Text: k}}
		return
	}
	if link > 0 {
		path = append(path, seg{typ: "Link", key: t.Link})
	}
	tb.path = path
	e := tb.enter(path)
	e.Kids = append(e.Kids, post.Kid{Page: t.Page, Text: k, Joins: tb.last.joins(e, t, k)})
	tb.last = lastText{e, t, k}
	if link > 0 {
		e.Kids = append(e.Kids, post.Kid{Link: link})
	}
}

// flush places deferred text at the end of its block's element.
func (tb *treeBuilder) flush() {
	if d := tb.deferred; d != nil {
		e := tb.enter(d.path)
		e.Kids = append(e.Kids, d.kid)
		tb.deferred, tb.last = nil, lastText{}
	}
}

// figure places an appendix page drawn on page p in its part.
func (tb *treeBuilder) figure(p int, f figure) {
	tb.flush()
	e := tb.enter(append(tb.appendSects(nil), seg{typ: "Figure", id: p}))
	e.Alt, e.BBox = f.alt, f.bbox
	e.Kids = append(e.Kids, post.Kid{Page: p, Insert: true})
}

// heading starts a heading: its level never more than one below the last
// heading's, and a new section unless it heads the one just opened.
func (tb *treeBuilder) heading(t DrawnText) {
	if t.Block == tb.headBlock {
		return
	}
	tb.headBlock = t.Block
	tb.level = min(max(t.Level, 1), tb.level+1)
	top := &tb.sects[len(tb.sects)-1]
	if !top.headed {
		top.headed, top.level = true, tb.level
		return
	}
	for n := len(tb.sects) - 1; n > 0 && !tb.sects[n].part && tb.sects[n].level >= tb.level; n-- {
		tb.sects = tb.sects[:n]
	}
	tb.nsect++
	tb.sects = append(tb.sects, sectState{id: tb.nsect, level: tb.level, headed: true})
}

// appendSects appends the path of the open sections to p.
func (tb *treeBuilder) appendSects(p []seg) []seg {
	for _, s := range tb.sects {
		p = append(p, seg{typ: "Sect", id: s.id})
	}
	return p
}

// headings are the heading types by level, so that placing a heading's
// text builds no string.
var headings = [...]string{"H1", "H2", "H3", "H4", "H5", "H6"}

// blockPath appends to p the path of t's element below the sections.
func (tb *treeBuilder) blockPath(p []seg, t DrawnText) []seg {
	switch {
	case t.Row != noCell || (t.Role == RoleCaption && t.Group != 0):
		return tb.tablePath(p, t)
	case t.Role == RoleListItem || t.Role == RoleListLabel || (t.Role == RolePageRef && t.Group != 0):
		return tb.listPath(p, t)
	case tb.facts.role[t.Block] == RoleHeading:
		h := "H" + strconv.Itoa(tb.level)
		if tb.level >= 1 && tb.level <= len(headings) {
			h = headings[tb.level-1]
		}
		return append(p, seg{typ: h, id: t.Block})
	case t.Role == RoleParagraphNumber:
		return append(p, seg{typ: "P", id: t.Block}, seg{typ: "Lbl"})
	}
	return append(p, seg{typ: "P", id: t.Block})
}

// tablePath appends to p the path of a caption or of a cell's text.
func (tb *treeBuilder) tablePath(p []seg, t DrawnText) []seg {
	p = append(p, seg{typ: "Table", id: t.Group})
	if t.Role == RoleCaption {
		return append(p, seg{typ: "Caption"})
	}
	cell := seg{typ: "TD", id: t.Col}
	switch tb.facts.role[t.Block] {
	case RoleTableHeader:
		cell.typ, cell.scope = "TH", "Column"
	case RoleTableRowHeader:
		cell.typ, cell.scope = "TH", "Row"
	}
	if t.Span > 1 {
		cell.span = t.Span
	}
	p = append(p, seg{typ: "TR", id: t.Row}, cell)
	if tb.facts.bullets[t.Block] {
		p = append(p, seg{typ: "L"}, seg{typ: "LI", id: t.Block}, labelOrBody(t))
	}
	return p
}

// listPath appends to p the path of a list item's label or text; a
// nested list sits in the body of the item before it.
func (tb *treeBuilder) listPath(p []seg, t DrawnText) []seg {
	base, ok := tb.lists[t.Group]
	if !ok {
		base = []seg{{typ: "L", id: t.Group}}
		if t.Level > 1 {
			base = append(tb.openBody(), base...)
		}
		tb.lists[t.Group] = base
	}
	p = append(p, base...)
	return append(p, seg{typ: "LI", id: t.Block}, labelOrBody(t))
}

// openBody is the open path below the sections down to the innermost
// list item's body, or nil.
func (tb *treeBuilder) openBody() []seg {
	below := tb.open[min(len(tb.sects), len(tb.open)):]
	for i := len(below) - 1; i >= 0; i-- {
		if below[i].typ == "LBody" {
			out := make([]seg, i+1)
			for j := range out {
				out[j] = below[j].seg
			}
			return out
		}
	}
	return nil
}

// labelOrBody is a list item's label or body.
func labelOrBody(t DrawnText) seg {
	if t.Role == RoleListLabel {
		return seg{typ: "Lbl"}
	}
	return seg{typ: "LBody"}
}

// enter makes path the open path, closing elements that are not on it
// and creating those that are new, and returns its last element.
func (tb *treeBuilder) enter(path []seg) *post.Elem {
	n := 0
	for n < len(tb.open) && n < len(path) && tb.open[n].seg == path[n] {
		n++
	}
	tb.open = tb.open[:n]
	for _, s := range path[n:] {
		parent := tb.doc
		if len(tb.open) > 0 {
			parent = tb.open[len(tb.open)-1].elem
		}
		e := tb.newElem()
		e.Type, e.Scope, e.ColSpan = s.typ, s.scope, s.span
		parent.Kids = append(parent.Kids, post.Kid{Elem: e})
		tb.open = append(tb.open, openElem{seg: s, elem: e})
		tb.noteCell(s, e, path)
	}
	return tb.open[len(tb.open)-1].elem
}

// noteCell records new table rows and the columns of their cells.
func (tb *treeBuilder) noteCell(s seg, e *post.Elem, path []seg) {
	switch s.typ {
	case "TR":
		tb.rows = append(tb.rows, rowRec{tr: e, group: tableGroup(path)})
	case "TH", "TD":
		r := &tb.rows[len(tb.rows)-1]
		r.cols = append(r.cols, s.id)
		if s.span > 1 {
			r.cols = nil // a spanning cell fills the row
			r.group = 0
		}
	}
}

// tableGroup is the id of the table on path.
func tableGroup(path []seg) int {
	for _, s := range path {
		if s.typ == "Table" {
			return s.id
		}
	}
	return 0
}

// padRows gives every row a cell for each column: an empty TD (TH in a
// header row) where the column drew no text.
func (tb *treeBuilder) padRows() {
	for _, r := range tb.rows {
		n := tb.facts.cols[r.group]
		if r.group == 0 || len(r.cols) >= n {
			continue
		}
		empty := "TD"
		if r.tr.Kids[0].Elem.Scope == "Column" {
			empty = "TH"
		}
		kids := make([]post.Kid, 0, n)
		j := 0
		for c := 0; c < n; c++ {
			if j < len(r.cols) && r.cols[j] == c {
				kids = append(kids, r.tr.Kids[j])
				j++
				continue
			}
			cell := tb.newElem()
			cell.Type = empty
			if empty == "TH" {
				cell.Scope = "Column"
			}
			kids = append(kids, post.Kid{Elem: cell})
		}
		r.tr.Kids = kids
	}
}

// figures describes each page of each PDF appendix for its Figure: the
// merged pages are drawn as they were published, their text untagged, so
// the alternate text says what they are and that a screen reader cannot
// read them here.
func figures(st *style, lay *layout) map[int]figure {
	area := pdfRect(st, Rect{X: st.left, Y: st.top, W: st.contentW(), H: st.contentH()})
	out := map[int]figure{}
	for _, in := range lay.inserts {
		for k := 0; k < in.pages; k++ {
			alt := in.title + ", page " + strconv.Itoa(k+1) + " of " + strconv.Itoa(in.pages) +
				". " + UntaggedAppendix
			out[in.first+k] = figure{alt: alt, bbox: area}
		}
	}
	return out
}

// UntaggedAppendix is what the alternate text of a merged PDF appendix's
// pages says after naming the page: their text is not tagged.
const UntaggedAppendix = "This page is merged from a PDF as it was published; its text is not tagged, so a screen reader cannot read it here."
