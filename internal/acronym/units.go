package acronym

import (
	"strings"
	"unicode/utf8"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// unit is one piece of text read in order: a paragraph, heading, list
// item or cell. Inlines are the runs it joins (nil for text that is not
// printed from inlines, such as workbook cells); starts[i] is where run i
// begins in Text.
type unit struct {
	Text    string
	Inlines []report.Inline
	starts  []int
	Pos     diag.Pos
	Where   string // for cells: "in the Progress column"
}

// inlineUnit joins runs into one unit, remembering where each begins.
func inlineUnit(in []report.Inline, pos diag.Pos) unit {
	u := unit{Inlines: in, Pos: pos}
	var b strings.Builder
	for _, r := range in {
		u.starts = append(u.starts, b.Len())
		if r.Kind == report.LineBreak {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(r.Text)
	}
	u.Text = b.String()
	return u
}

// locate finds the run holding byte offset off of the unit's text and the
// offset inside it; run is -1 for units without runs.
func (u unit) locate(off int) (run, inner int) {
	run = -1
	for i, s := range u.starts {
		if s <= off {
			run = i
		}
	}
	if run < 0 {
		return -1, off
	}
	return run, off - u.starts[run]
}

// posAt is the position of byte offset off: the run's own position moved
// along its line where that is known, else the unit's.
func (u unit) posAt(off int) diag.Pos {
	run, inner := u.locate(off)
	pos := u.Pos
	text := u.Text
	if run >= 0 && !u.Inlines[run].Pos.IsZero() {
		pos, text = u.Inlines[run].Pos, u.Inlines[run].Text
	} else {
		inner = off
	}
	if pos.Line > 0 && pos.Col > 0 && inner <= len(text) && !strings.Contains(text[:inner], "\n") {
		pos.Col += utf8.RuneCountInString(text[:inner])
	}
	return pos
}

// mark records on the run holding t that it is an acronym with long form
// title; the HTML prints it as <abbr title>. Tokens across runs are left.
func (u unit) mark(t token, title string) {
	run, inner := u.locate(t.Start)
	if run < 0 || inner+t.End-t.Start > len(u.Inlines[run].Text) {
		return
	}
	in := &u.Inlines[run]
	in.Abbrs = append(in.Abbrs, report.Abbr{Start: inner, End: inner + t.End - t.Start, Title: title})
}

// reportUnits lists a report's text in reading order: its body, then the
// rows of its workbook appendices.
func reportUnits(r *report.Report) []unit {
	var out []unit
	for _, b := range r.Body {
		out = append(out, blockUnits(b, r)...)
	}
	for _, a := range r.Appendices {
		if a.Plan != nil {
			out = append(out, planUnits(a.Plan)...)
		}
	}
	return out
}

func blockUnits(b report.Block, r *report.Report) []unit {
	switch b := b.(type) {
	case *report.Section:
		out := []unit{inlineUnit(b.Title, b.Pos)}
		for _, c := range b.Body {
			out = append(out, blockUnits(c, r)...)
		}
		return out
	case *report.Paragraph:
		return []unit{inlineUnit(b.Content, b.Pos)}
	case *report.Subheading:
		return []unit{inlineUnit(b.Title, b.Pos)}
	case *report.List:
		return listUnits(b, b.Pos)
	case *report.Table:
		return tableUnits(b)
	case *report.AppendixList:
		var out []unit
		for _, a := range r.Appendices {
			out = append(out, unit{Text: a.Title, Pos: a.Pos})
		}
		return out
	}
	return nil
}

func listUnits(l *report.List, pos diag.Pos) []unit {
	var out []unit
	for _, it := range l.Items {
		out = append(out, inlineUnit(it.Content, pos))
		if it.Sub != nil {
			out = append(out, listUnits(it.Sub, pos)...)
		}
	}
	return out
}

func tableUnits(t *report.Table) []unit {
	out := []unit{{Text: t.Caption, Pos: t.Pos}}
	for _, c := range t.Columns {
		out = append(out, unit{Text: c.Title, Pos: t.Pos})
	}
	for _, row := range t.Rows {
		pos := row.Pos
		if pos.IsZero() {
			pos = t.Pos
		}
		for _, c := range row.Cells {
			out = append(out, inlineUnit(c.Content, pos))
			for _, b := range c.Bullets {
				out = append(out, inlineUnit(b, pos))
			}
		}
	}
	return out
}

// planUnits lists an action plan's cells row by row, in sheet order.
func planUnits(p *report.ActionPlan) []unit {
	var out []unit
	for _, lk := range p.Themes {
		out = append(out, unit{Text: lk.Title, Pos: lk.Pos})
	}
	for _, a := range p.Actions {
		for _, key := range p.Columns {
			for _, text := range actionTexts(a, key) {
				out = append(out, unit{Text: text, Pos: a.Pos, Where: "in the " + columnTitle(p, key) + " column"})
			}
		}
	}
	return out
}

func columnTitle(p *report.ActionPlan, key string) string {
	if t := p.Titles[key]; t != "" {
		return t
	}
	return key
}

// actionTexts is the free text of one column of an action: references,
// ratings and dates hold no acronyms worth checking.
func actionTexts(a report.Action, key string) []string {
	switch key {
	case "area":
		return []string{a.Area}
	case "group":
		return []string{a.Group}
	case "timescale":
		return []string{a.Timescale}
	case "progress":
		return a.Progress
	case "owner":
		return []string{a.Owner}
	case "ref", "rating", "target", "theme", "formal":
		return nil
	}
	if v, ok := a.Extra[key]; ok {
		return []string{v}
	}
	return nil
}
