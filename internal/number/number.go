// Package number gives a pack its numbers: agenda items, sections and
// paragraphs, appendices, and the anchors renderers link to; then it resolves
// every cross-reference to printed text and a link. It runs after
// assemble.Pack and before rag.Summarise; nothing it numbers is typed by
// authors, so numbers and references survive any edit.
package number

import (
	"strconv"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// Assign numbers p's agenda items, and in each report its sections,
// paragraphs and appendices; fills each report's Labels; and resolves every
// cross-reference. It returns every problem found: duplicate labels and
// references to labels that do not exist.
func Assign(p *report.Pack) diag.List {
	var diags diag.List
	for i, it := range p.Items {
		it.Number = i + 1
		if it.Report != nil {
			diags.Append(Report(it.Report, p.Style))
		}
	}
	return diags
}

// Report numbers one report under the given house style and resolves its
// cross-references.
func Report(r *report.Report, style report.HouseStyle) diag.List {
	var diags diag.List
	lt := newLabelTable(&diags)
	numberAppendices(r.Appendices, style.AppendixLetters, lt)
	numberBody(r.Body, style.FlatNumbers, lt)
	r.Labels = lt.targets
	resolveAll(r, lt, &diags)
	return diags
}

// numberAppendices numbers appendices in attachment order.
func numberAppendices(apps []*report.Appendix, letters bool, lt *labelTable) {
	for i, a := range apps {
		a.Number = AppendixNumber(i+1, letters)
		a.Anchor = "appendix-" + lower(a.Number)
		lt.define(a.ID, report.Target{Kind: report.RefAppendix, Number: a.Number, Anchor: a.Anchor}, a.Pos)
	}
}

// AppendixNumber formats the n-th appendix (from 1): "3", or with letters
// "C", and after "Z" "AA", "AB" as spreadsheets do.
func AppendixNumber(n int, letters bool) string {
	if !letters {
		return strconv.Itoa(n)
	}
	var s []byte
	for n > 0 {
		n--
		s = append([]byte{byte('A' + n%26)}, s...)
		n /= 26
	}
	return string(s)
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
