package pdf

import (
	"github.com/reportpack/reportpack/internal/report"
)

// pageMap reads back where each report item fell: from its title block's
// page to the last page of its appendices.
func pageMap(p *report.Pack, lay *layout) report.Pages {
	pm := report.Pages{Total: len(lay.pages), Items: map[string]report.PageRange{}, Files: map[string]string{}}
	for _, it := range p.Items {
		d, ok := lay.dests[itemAnchor(it.Slug)]
		if !ok {
			continue
		}
		r := report.PageRange{First: d.page, Last: d.page}
		for i := d.page; i <= len(lay.pages); i++ {
			if lay.pages[i-1].item == it.Slug {
				r.Last = i
			}
		}
		pm.Items[it.Slug] = r
		pm.Files[it.Slug] = it.Slug + ".pdf"
	}
	return pm
}

// samePages reports whether two page maps agree.
func samePages(a, b report.Pages) bool {
	if a.Total != b.Total || len(a.Items) != len(b.Items) {
		return false
	}
	for k, v := range a.Items {
		if b.Items[k] != v {
			return false
		}
	}
	return true
}

// roles lists every text element with its role, page and drawing order.
func roles(pages []*page) []DrawnText {
	var out []DrawnText
	for i, pg := range pages {
		for _, e := range pg.elems {
			if e.kind != elemText {
				continue
			}
			in := e.info
			out = append(out, DrawnText{Role: in.role, Level: in.level, Page: i + 1, Order: len(out),
				Text: e.text, Rect: e.rect(), Block: in.block, Group: in.group, Row: in.row, Col: in.col,
				Span: max(in.span, 1), Link: e.link, Repeat: in.repeat})
		}
	}
	return out
}
