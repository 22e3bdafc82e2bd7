package pdf

import (
	"strconv"

	"github.com/reportpack/reportpack/internal/report"
)

// itemAnchor is the destination of an item's title block.
func itemAnchor(slug string) string { return slug + "#item" }

// agenda lays out the agenda: each item with its number, title, lead,
// purpose and the pages of its report, linked to the report.
func (b *builder) agenda() {
	st := b.st
	b.f.newPage(false)
	b.f.setMark(mark{header: b.pack.Committee + ": agenda", numbered: true})
	b.heading(plainSpans("Agenda", bold, st.accent), st.h1, 1, st.left, 0, "agenda")
	b.bookmark("Agenda", 1, "agenda")
	b.para(plainSpans(b.pack.Committee+", "+longDate(b.pack.Meeting.Date)+meetingTime(b.pack.Meeting), regular, st.muted),
		st.left, st.contentW(), RoleParagraph, 1)
	b.rule(2, 4, st.accent)
	list := b.newGroup()
	partII := false
	for _, it := range b.pack.Items {
		if it.PartII && !partII {
			b.partTwo()
			list, partII = b.newGroup(), true
		}
		b.agendaItem(it, list)
	}
}

// meetingTime is ", 5.30 pm" or "".
func meetingTime(m report.Meeting) string {
	if m.Time == "" {
		return ""
	}
	return ", " + m.Time
}

// pagesWord prints an item's page range: "Page 5" or "Pages 5 to 18".
func pagesWord(r report.PageRange) string {
	if r.First == 0 {
		return "Pages 00 to 00" // first pass: the right width, replaced when known
	}
	if r.Last <= r.First {
		return "Page " + strconv.Itoa(r.First)
	}
	return "Pages " + strconv.Itoa(r.First) + " to " + strconv.Itoa(r.Last)
}

// agendaItem lays out one agenda entry, an item of the agenda's list.
func (b *builder) agendaItem(it *report.Item, list int) {
	st := b.st
	pageCol := textWidth("Pages 000 to 000", regular, st.body)
	x := st.left + b.hang
	w := st.contentW() - b.hang - pageCol - 4
	title := plainSpans(it.Title, bold, st.text)
	if it.Kind == report.ReportItem {
		title[0].link, title[0].colour = itemAnchor(it.Slug), st.link
	}
	blk := b.newBlock()
	info := textInfo{role: RoleListItem, level: 1, block: blk, group: list, row: noCell, col: noCell}
	start := len(b.f.entries)
	b.addText(textBlock{spans: title, size: st.body, x: x, w: w, label: strconv.Itoa(it.Number) + ".",
		labelX: st.left, labelFace: bold, labelRole: RoleListLabel, before: st.paraSpace * 1.5, info: info})
	if it.Kind == report.ReportItem {
		ref := info
		ref.role = RolePageRef
		b.pageRef(start, it.Slug, pagesWord(b.pages.Items[it.Slug]), ref)
	}
	for _, s := range append([]string{it.Lead, it.Purpose, it.Notes}, accessNotes(it)...) {
		if s != "" {
			b.addText(textBlock{spans: plainSpans(s, regular, st.text), size: st.body, x: x, w: w, before: 1, info: info})
		}
	}
	b.keepTogether(start)
}

// pageRef right-aligns an item's pages on the first line of its entry.
// The text takes a column of its own, so it never moves anything else:
// stampPages can rewrite it once the pages are known.
func (b *builder) pageRef(start int, slug, s string, info textInfo) {
	st := b.st
	bx := b.f.entries[start].box
	x := st.left + st.contentW() - textWidth(s, regular, st.body)
	e := textElem(x, baseline(st.lineHeight(st.body), st.body), s, regular, st.body, st.text, info)
	e.pages = slug
	bx.elems = append(bx.elems, e)
}

// stampPages writes the item pages pm into the agenda of a laid-out
// pack, right-aligned as pageRef places them. It gives the layout a
// second pass with pm would give, without laying the pack out again.
func stampPages(st *style, pages []*page, pm report.Pages) {
	for _, pg := range pages {
		for i := range pg.elems {
			e := &pg.elems[i]
			if e.kind != elemText || e.pages == "" {
				continue
			}
			s := pagesWord(pm.Items[e.pages])
			e.w = textWidth(s, e.face, e.size)
			e.x, e.text = st.left+st.contentW()-e.w, s
		}
	}
}

// keepTogether keeps every box from start to the end of the flow together.
func (b *builder) keepTogether(start int) {
	for i := start; i < len(b.f.entries)-1; i++ {
		if e := b.f.entries[i]; e.kind == entBox {
			e.box.keep = true
		}
	}
}
