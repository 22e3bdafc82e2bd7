package pdf

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/reportpack/reportpack/internal/report"
)

// appendix lays out one appendix on a new page: a workbook as a table, a
// PDF as reserved pages that post-processing replaces with its own.
// Listed appendices are supplied separately and take no pages.
func (b *builder) appendix(it *report.Item, a *report.Appendix) {
	if a.Kind == report.AppendixListed {
		return
	}
	title := appendixName(a) + ": " + a.Title
	anchor := b.qualify(a.Anchor)
	b.f.newPage(b.pack.Style.OddPageStarts)
	b.f.setMark(mark{item: it.Slug, header: b.restrictedHeader("Item "+strconv.Itoa(it.Number)+", "+lowerFirst(title), exemptionOf(it, a)), numbered: true})
	b.bookmark(title, 2, anchor)
	if a.Kind == report.AppendixPDF {
		b.f.reserve(insert{key: anchor, title: title, pages: max(b.counts[a], 1), source: a.PDF})
		return
	}
	st := b.st
	b.heading(plainSpans(title, bold, st.accent), st.h1, 2, st.left, 0, anchor) // level 2: a part of the item
	if a.Table == nil {
		return
	}
	b.inSection = false
	b.table(a.Table, st.left, st.contentW())
}

// lowerFirst lower-cases the first letter: "appendix 2: …" after "Item 3, ".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// exemptionOf is the exemption that covers an appendix: its own, or its
// item's.
func exemptionOf(it *report.Item, a *report.Appendix) *report.Exemption {
	if a.Exempt != nil {
		return a.Exempt
	}
	return it.Exempt
}
