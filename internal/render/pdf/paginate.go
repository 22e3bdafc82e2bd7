package pdf

// layout is the paginated pack: pages, and where each anchor, link and
// reserved appendix fell.
type layout struct {
	pages   []*page
	dests   map[string]dest
	links   []linkSpot
	inserts []placed
}

// dest is a place on a page: 1-based page and millimetres from the top.
type dest struct {
	page int
	y    float64
}

// linkSpot is a clickable rectangle on a page and where it points.
type linkSpot struct {
	page   int
	rect   Rect
	target string
	text   string
}

// placed is a reserved PDF appendix with the pages it occupies.
type placed struct {
	insert
	first int
}

// paginator stacks flow entries onto pages.
type paginator struct {
	st  *style
	f   *flow
	out *layout
	cur *page
	y   float64 // height used on the current page
	// scratch is where the current page's elements are stacked.
	scratch []elem
	mark    mark
	part    int // marks seen so far
}

// paginate lays the flow out on pages.
func paginate(st *style, f *flow) *layout {
	p := &paginator{st: st, f: f, out: &layout{dests: map[string]dest{}}}
	for i, e := range f.entries {
		p.step(i, e)
	}
	p.closePage()
	return p.out
}

// step handles one flow entry.
func (p *paginator) step(i int, e entry) {
	switch e.kind {
	case entBreak:
		p.breakPage(e.odd)
	case entMark:
		p.mark = e.mark
		p.part++
		if p.cur != nil && len(p.cur.elems) == 0 {
			p.stamp(p.cur)
		}
	case entInsert:
		p.reserve(e.insert)
	case entBox:
		p.place(i, e.box)
	}
}

// breakPage ends the current page if anything is on it, then pads with a
// blank page when an odd page is wanted.
func (p *paginator) breakPage(odd bool) {
	if p.cur != nil && (len(p.cur.elems) > 0 || p.cur.placeholder) {
		p.closePage()
	}
	if odd && p.cur == nil && len(p.out.pages)%2 == 1 {
		p.openPage()
		p.closePage()
	}
}

// openPage starts a fresh page for the current item, stacking it in the
// scratch room the pages before were stacked in.
func (p *paginator) openPage() *page {
	p.closePage()
	pg := &page{elems: p.scratch[:0]}
	p.stamp(pg)
	p.out.pages = append(p.out.pages, pg)
	p.cur, p.y = pg, 0
	return pg
}

// closePage ends the current page, if any, copying its elements to room
// of their own, with space for the furniture, so the scratch serves the
// next page: one allocation a page instead of growing each from nothing.
func (p *paginator) closePage() {
	if p.cur == nil {
		return
	}
	es := p.cur.elems
	p.cur.elems = append(make([]elem, 0, len(es)+furnitureElems), es...)
	p.scratch, p.cur = es[:0], nil
}

// stamp gives a page the current item's running header and numbering.
func (p *paginator) stamp(pg *page) {
	pg.item, pg.header, pg.numbered, pg.part = p.mark.item, p.mark.header, p.mark.numbered, p.part
}

// place stacks a box, moving to a new page when it (with the boxes it
// keeps with) does not fit and the page already holds something.
func (p *paginator) place(i int, b *box) {
	if p.cur == nil {
		p.openPage()
	}
	need := b.before + p.f.chainHeight(i)
	if p.y > 0 && p.y+need > p.st.contentH() {
		p.openPage()
		if b.header != nil {
			p.put(b.header, true)
		}
	}
	p.put(b, false)
}

// put draws a box at the current height and records its anchors and links.
func (p *paginator) put(b *box, repeat bool) {
	if p.y > 0 {
		p.y += b.before
	}
	top := p.st.top + p.y
	n := len(p.out.pages)
	for _, e := range b.elems {
		e = e.shifted(0, top)
		e.info.repeat = e.info.repeat || repeat
		p.cur.elems = append(p.cur.elems, e)
		if e.kind == elemText && e.link != "" {
			p.out.links = append(p.out.links, linkSpot{page: n, rect: e.rect(), target: e.link, text: e.text})
		}
	}
	for _, a := range b.anchors {
		if _, dup := p.out.dests[a.name]; !dup {
			p.out.dests[a.name] = dest{page: n, y: top + a.y}
		}
	}
	p.y += b.h
}

// reserve adds blank placeholder pages for a PDF appendix.
func (p *paginator) reserve(in insert) {
	p.breakPage(false)
	first := len(p.out.pages) + 1
	for k := 0; k < in.pages; k++ {
		pg := p.openPage()
		pg.placeholder = true
	}
	p.out.dests[in.key] = dest{page: first, y: 0}
	p.out.inserts = append(p.out.inserts, placed{insert: in, first: first})
	p.closePage()
}
