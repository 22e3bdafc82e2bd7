package lint

import (
	"regexp"
	"strconv"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// Appendices warns about an appendix attached but never referred to, and
// about "appendix 4" typed in the text when the report has no appendix 4.
func Appendices(r *report.Report) diag.List {
	var diags diag.List
	referred := map[string]bool{} // appendix ids and numbers referred to
	byNumber := map[string]bool{}
	for _, a := range r.Appendices {
		byNumber[a.Number] = true
	}
	eachInline(r.Body, func(in report.Inline, at diag.Pos) {
		if in.Kind == report.RefRun && in.Ref != nil {
			for _, t := range in.Ref.Targets {
				referred[t] = true
			}
			return
		}
		for _, n := range typedAppendices(in.Text) {
			referred[n] = true
			if !byNumber[n] {
				diags.Warnf(at, "the text refers to appendix %s, but the report has %s", n, howMany(len(r.Appendices))).
					WithHint("attach it under [[appendices]] in the front matter, or correct the reference; write references as [@id] so that their numbers follow the appendices")
			}
		}
	})
	for _, a := range r.Appendices {
		if !referred[a.ID] && !referred[a.Number] {
			diags.Warnf(a.Pos, "appendix %s (%q) is attached but the report never refers to it", a.Number, a.ID).
				WithHint("refer to it where the report discusses it, as [@%s], or remove it from the front matter", a.ID)
		}
	}
	return diags
}

func howMany(n int) string {
	switch n {
	case 0:
		return "no appendices"
	case 1:
		return "one appendix"
	}
	return strconv.Itoa(n) + " appendices"
}

// typedRef matches appendix references typed as text: "appendix 3",
// "Appendices 1 and 2", "appendices A to C", "appendix 1, 2 & 4".
var typedRef = regexp.MustCompile(`\b[Aa]ppendi(?:x|ces)\s+([0-9]+|[A-Z]\b)((?:\s*(?:,|and|&|to)\s*(?:[0-9]+|[A-Z]\b))*)`)

var refPart = regexp.MustCompile(`[0-9]+|\b[A-Z]\b|\bto\b`)

// typedAppendices returns the appendix numbers or letters typed in s,
// ranges expanded.
func typedAppendices(s string) []string {
	var out []string
	for _, m := range typedRef.FindAllStringSubmatch(s, -1) {
		parts := refPart.FindAllString(m[1]+" "+m[2], -1)
		for i := 0; i < len(parts); i++ {
			if parts[i] == "to" && i > 0 && i+1 < len(parts) {
				out = append(out, between(parts[i-1], parts[i+1])...)
				continue
			}
			if parts[i] != "to" {
				out = append(out, parts[i])
			}
		}
	}
	return out
}

// between lists the numbers or letters strictly between a and b.
func between(a, b string) []string {
	var out []string
	if x, err := strconv.Atoi(a); err == nil {
		if y, err := strconv.Atoi(b); err == nil && y-x < 100 {
			for n := x + 1; n < y; n++ {
				out = append(out, strconv.Itoa(n))
			}
		}
		return out
	}
	if len(a) == 1 && len(b) == 1 {
		for c := a[0] + 1; c < b[0]; c++ {
			out = append(out, string(c))
		}
	}
	return out
}

// eachInline calls f with every run of text in body and where its block
// starts; runs carry their own position where the reader knew it.
func eachInline(body []report.Block, f func(report.Inline, diag.Pos)) {
	runs := func(in []report.Inline, at diag.Pos) {
		for _, r := range in {
			if !r.Pos.IsZero() {
				f(r, r.Pos)
			} else {
				f(r, at)
			}
		}
	}
	for _, b := range body {
		switch b := b.(type) {
		case *report.Section:
			runs(b.Title, b.Pos)
			eachInline(b.Body, f)
		case *report.Paragraph:
			runs(b.Content, b.Pos)
		case *report.Subheading:
			runs(b.Title, b.Pos)
		case *report.List:
			eachListInline(b, f, runs)
		case *report.Table:
			for _, row := range b.Rows {
				for _, c := range row.Cells {
					runs(c.Content, b.Pos)
				}
			}
		}
	}
}

func eachListInline(l *report.List, f func(report.Inline, diag.Pos), runs func([]report.Inline, diag.Pos)) {
	for _, it := range l.Items {
		runs(it.Content, l.Pos)
		if it.Sub != nil {
			eachListInline(it.Sub, f, runs)
		}
	}
}
