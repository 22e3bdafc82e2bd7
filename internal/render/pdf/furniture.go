package pdf

import "strconv"

// furnitureElems is the most elements furnish adds to a page.
const furnitureElems = 5

// furnish adds the running header (the item's title) and the footer,
// "Page N of M" and the date of issue, to every page; they are artefacts
// for tagging. meeting is the short meeting line printed at the header's
// right; issued is "Issued 8 April 2013", so that every page, and every
// item cut from the pack, says which issue it belongs to.
func furnish(st *style, pages []*page, meeting, issued string) {
	total := strconv.Itoa(len(pages))
	for i, pg := range pages {
		if pg.header != "" {
			pg.elems = append(pg.elems, headerElems(st, pg.header, meeting)...)
		}
		if pg.numbered {
			pg.elems = append(pg.elems, footerElem(st, "Page "+strconv.Itoa(i+1)+" of "+total))
			if issued != "" {
				pg.elems = append(pg.elems, issueElem(st, issued))
			}
		}
	}
}

// issueElem prints the date of issue at the footer's left.
func issueElem(st *style, s string) elem {
	return textElem(st.left, st.pageH-st.bottom+mm(st.small)*2.4, s, regular, st.small, st.muted,
		textInfo{role: RoleFooter, row: noCell, col: noCell})
}

// headerElems draws the running header above the top margin with a rule.
func headerElems(st *style, title, meeting string) []elem {
	y := st.top - mm(st.small)*1.2
	info := textInfo{role: RoleHeader, row: noCell, col: noCell}
	right := textElem(0, y, meeting, regular, st.small, st.muted, info)
	right.x = st.left + st.contentW() - right.w
	room := st.contentW() - right.w - 6
	left := textElem(st.left, y, truncate(title, regular, st.small, room), regular, st.small, st.muted, info)
	return []elem{left, right, hrule(st.left, y+mm(st.small)*0.5, st.contentW(), 0.2, st.muted)}
}

// footerElem centres the page number below the bottom margin.
func footerElem(st *style, s string) elem {
	e := textElem(0, st.pageH-st.bottom+mm(st.small)*2.4, s, regular, st.small, st.muted,
		textInfo{role: RolePageNumber, row: noCell, col: noCell})
	e.x = (st.pageW - e.w) / 2
	return e
}
