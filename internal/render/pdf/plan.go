package pdf

import (
	"github.com/reportpack/reportpack/internal/report"
)

// planTable turns a workbook's action plan into a table: the columns the
// sheet has, group and timescale as group rows, ratings as status cells
// and progress as bullets.
func planTable(p *report.ActionPlan) *report.Table {
	t := &report.Table{Kind: report.ActionPlanTable}
	keys := planKeys(p)
	for _, k := range keys {
		t.Columns = append(t.Columns, report.Column{Title: columnTitle(p, k)})
	}
	var group, sub string
	for i := range p.Actions {
		a := &p.Actions[i]
		if a.Group != "" && a.Group != group {
			group, sub = a.Group, ""
			t.Rows = append(t.Rows, spanning(report.GroupRow, a.Group))
		}
		if a.Timescale != "" && a.Timescale != sub {
			sub = a.Timescale
			t.Rows = append(t.Rows, spanning(report.SubgroupRow, a.Timescale))
		}
		t.Rows = append(t.Rows, planRow(a, keys))
	}
	if !p.AsAt.IsZero() {
		t.Notes = append(t.Notes, "Ratings as at "+p.AsAt.Format("2 January 2006")+", from "+p.Workbook+".")
	}
	return t
}

// grouped keys print as group rows rather than columns.
var grouped = map[string]bool{"group": true, "timescale": true, "formal": true}

// planKeys are the columns to print, in sheet order, with a trend column
// when the plan compares with a previous update.
func planKeys(p *report.ActionPlan) []string {
	var keys []string
	for _, k := range p.Columns {
		if !grouped[k] {
			keys = append(keys, k)
		}
	}
	if p.Previous != nil {
		keys = append(keys, "trend")
	}
	return keys
}

// columnTitle is the heading the workbook gave a column, or a default.
func columnTitle(p *report.ActionPlan, key string) string {
	if t := p.Titles[key]; t != "" {
		return t
	}
	if key == "trend" {
		return "Change since last update"
	}
	return key
}

// spanning is a group row with one cell.
func spanning(kind report.RowKind, text string) report.Row {
	return report.Row{Kind: kind, Cells: []report.Cell{{Content: []report.Inline{{Text: text}}}}}
}

// planRow is one action as a table row.
func planRow(a *report.Action, keys []string) report.Row {
	r := report.Row{Pos: a.Pos}
	for _, k := range keys {
		r.Cells = append(r.Cells, planCell(a, k))
	}
	return r
}

// planCell is the cell of action a for column key.
func planCell(a *report.Action, key string) report.Cell {
	switch key {
	case "rating":
		if a.Rating == nil {
			return textCell("Not rated")
		}
		return report.Cell{Status: a.Rating}
	case "progress":
		c := report.Cell{}
		for _, l := range a.Progress {
			c.Bullets = append(c.Bullets, []report.Inline{{Text: l}})
		}
		return c
	case "trend":
		return textCell(trendText(a.Trend))
	}
	return textCell(planField(a, key))
}

// planField is a plain-text field of an action.
func planField(a *report.Action, key string) string {
	switch key {
	case "ref":
		return a.Ref
	case "area":
		return a.Area
	case "theme":
		return a.Theme
	case "owner":
		return a.Owner
	case "target":
		return a.Target
	}
	return a.Extra[key]
}

// textCell is a cell of plain text.
func textCell(s string) report.Cell { return report.Cell{Content: []report.Inline{{Text: s}}} }

// trendText prints a direction of travel as words with a real arrow.
func trendText(t *report.Trend) string {
	switch {
	case t == nil:
		return ""
	case t.New:
		return "New"
	case t.Direction > 0:
		return "↑ Improved (was " + t.Previous + ")"
	case t.Direction < 0:
		return "↓ Worse (was " + t.Previous + ")"
	}
	return "→ No change"
}
