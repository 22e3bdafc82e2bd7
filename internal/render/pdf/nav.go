package pdf

import (
	"strings"

	"github.com/reportpack/reportpack/internal/render/pdf/post"
)

// mmToPt converts millimetres to PDF points.
const mmToPt = 72 / 25.4

// navLists are the outline and links handed to post.Finish.
type navLists struct {
	outline []post.Outline
	links   []post.Link
	// linkOf gives, for each linked text in drawing order, the 1-based
	// index of its link in links, or 0 when the link was dropped.
	linkOf []int
}

// navigation resolves the outline and links against where anchors fell.
func navigation(st *style, lay *layout, entries []outlineEntry) navLists {
	links, linkOf := links(st, lay)
	return navLists{outline: outlineTree(lay, entries), links: links, linkOf: linkOf}
}

// outlineTree nests the flat bookmark list by level, dropping entries
// whose anchor was never placed.
func outlineTree(lay *layout, entries []outlineEntry) []post.Outline {
	var root []post.Outline
	for _, e := range entries {
		d, ok := lay.dests[e.anchor]
		if !ok {
			continue
		}
		o := post.Outline{Title: e.title, Page: d.page, Y: d.y * mmToPt}
		siblings := &root
		for lvl := 1; lvl < e.level && len(*siblings) > 0; lvl++ {
			siblings = &(*siblings)[len(*siblings)-1].Children
		}
		*siblings = append(*siblings, o)
	}
	return root
}

// links converts link spots: in-pack anchors to internal links, the rest
// to URI links. A link to an anchor that is not in the pack is dropped.
// It also returns, for each spot, its link's 1-based index (0: dropped).
func links(st *style, lay *layout) ([]post.Link, []int) {
	var out []post.Link
	index := make([]int, len(lay.links))
	for i, l := range lay.links {
		pl := post.Link{Page: l.page, Rect: pdfRect(st, l.rect), Text: l.text}
		if isURI(l.target) {
			pl.URI = l.target
		} else if d, ok := lay.dests[l.target]; ok {
			pl.DestPage, pl.DestY = d.page, d.y*mmToPt
		} else {
			continue
		}
		out = append(out, pl)
		index[i] = len(out)
	}
	return out, index
}

// isURI reports whether a link leaves the pack.
func isURI(s string) bool {
	for _, p := range []string{"http:", "https:", "mailto:", "tel:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// pdfRect converts a top-left millimetre rectangle to PDF user space.
func pdfRect(st *style, r Rect) post.Rect {
	return post.Rect{X0: r.X * mmToPt, Y0: (st.pageH - r.Y - r.H) * mmToPt,
		X1: (r.X + r.W) * mmToPt, Y1: (st.pageH - r.Y) * mmToPt}
}

// inserts asks post to draw each PDF appendix inside the content area of
// its placeholder pages, leaving the running header and footer around it.
func inserts(st *style, lay *layout) []post.Insert {
	area := pdfRect(st, Rect{X: st.left, Y: st.top, W: st.contentW(), H: st.contentH()})
	out := make([]post.Insert, 0, len(lay.inserts))
	for _, in := range lay.inserts {
		out = append(out, post.Insert{AtPage: in.first, Pages: in.pages, PDF: in.source, Area: area})
	}
	return out
}
