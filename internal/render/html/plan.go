package html

import (
	"github.com/reportpack/reportpack/internal/report"
)

// Columns of an action plan left out when the plan is printed in full:
// group and timescale become group header rows; formal is a filter. The
// PDF renderer makes the same choices (render/pdf/plan.go).
var groupColumns = map[string]bool{"group": true, "timescale": true, "formal": true}

// planTable lays out a workbook appendix as the full action plan: every row,
// every column found in the sheet in sheet order, grouped by group and
// timescale in the workbook's order, with the direction of travel where
// the plan has a previous update.
func planTable(a *report.Appendix, scales []report.Scale, ids *tableCounter) *tableView {
	plan := a.Plan
	keys := planKeys(plan)
	t := &report.Table{
		Kind:    report.ActionPlanTable,
		Caption: a.Title + ": every action",
		Key:     planKey(plan, scales),
		Notes:   planNotes(plan),
	}
	for _, k := range keys {
		t.Columns = append(t.Columns, report.Column{Title: columnTitle(plan, k)})
	}
	trend := hasTrend(plan)
	if trend {
		t.Columns = append(t.Columns, report.Column{Title: "Change since last update"})
	}
	var group, timescale string
	for i, act := range plan.Actions {
		if i == 0 || act.Group != group {
			timescale = ""
			if act.Group != "" {
				t.Rows = append(t.Rows, textRow(report.GroupRow, act.Group))
			}
		}
		if act.Timescale != "" && act.Timescale != timescale {
			t.Rows = append(t.Rows, textRow(report.SubgroupRow, act.Timescale))
		}
		group, timescale = act.Group, act.Timescale
		t.Rows = append(t.Rows, actionRow(act, keys, trend))
	}
	return newTable(t, ids)
}

// planKeys returns the plan's columns in sheet order, less the grouping ones.
func planKeys(plan *report.ActionPlan) []string {
	var keys []string
	for _, k := range plan.Columns {
		if !groupColumns[k] {
			keys = append(keys, k)
		}
	}
	return keys
}

func columnTitle(plan *report.ActionPlan, key string) string {
	if t := plan.Titles[key]; t != "" {
		return t
	}
	return key
}

func hasTrend(plan *report.ActionPlan) bool {
	if plan.Previous != nil {
		return true
	}
	for _, a := range plan.Actions {
		if a.Trend != nil {
			return true
		}
	}
	return false
}

func textRow(kind report.RowKind, text string) report.Row {
	return report.Row{Kind: kind, Cells: []report.Cell{{Content: textInline(text)}}}
}

func textInline(s string) []report.Inline {
	if s == "" {
		return nil
	}
	return []report.Inline{{Kind: report.TextRun, Text: s}}
}

func actionRow(a report.Action, keys []string, trend bool) report.Row {
	row := report.Row{Kind: report.BodyRow, Pos: a.Pos}
	for _, k := range keys {
		row.Cells = append(row.Cells, actionCell(a, k))
	}
	if trend {
		row.Cells = append(row.Cells, report.Cell{Content: textInline(trendText(a.Trend))})
	}
	return row
}

// actionCell is one cell of an action's row, by canonical column key.
func actionCell(a report.Action, key string) report.Cell {
	switch key {
	case "ref":
		return report.Cell{Content: textInline(a.Ref)}
	case "area":
		return report.Cell{Content: textInline(a.Area), Header: true}
	case "theme":
		return report.Cell{Content: textInline(a.Theme)}
	case "rating":
		if a.Rating == nil {
			return report.Cell{Content: textInline("Not rated")}
		}
		return report.Cell{Status: a.Rating}
	case "progress":
		return progressCell(a.Progress)
	case "owner":
		return report.Cell{Content: textInline(a.Owner)}
	case "target":
		return report.Cell{Content: textInline(a.Target)}
	case "formal":
		return report.Cell{Content: textInline(yesNoBool(a.Formal))}
	}
	return report.Cell{Content: textInline(a.Extra[key])}
}

// progressCell prints a one-line progress summary as text, several as bullets.
func progressCell(lines []string) report.Cell {
	if len(lines) == 1 {
		return report.Cell{Content: textInline(lines[0])}
	}
	c := report.Cell{}
	for _, l := range lines {
		c.Bullets = append(c.Bullets, textInline(l))
	}
	return c
}

// trendText is the direction of travel in words, with a real arrow character.
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

func yesNoBool(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// planKey explains the ratings of the plan's scale.
func planKey(plan *report.ActionPlan, scales []report.Scale) []report.KeyEntry {
	for _, sc := range scales {
		if sc.Name != plan.Scale {
			continue
		}
		key := make([]report.KeyEntry, 0, len(sc.Levels))
		for i, lv := range sc.Levels {
			st := report.Status{Word: lv.Word, Class: lv.Class, Colour: lv.Colour, Rank: i}
			key = append(key, report.KeyEntry{Status: st, Meaning: lv.Meaning})
		}
		return key
	}
	return nil
}

// planNotes says where the ratings come from and what has been removed.
func planNotes(plan *report.ActionPlan) []string {
	var notes []string
	src := "Ratings from " + plan.Workbook
	if plan.Sheet != "" {
		src += ", sheet “" + plan.Sheet + "”"
	}
	if !plan.AsAt.IsZero() {
		src = "Ratings as at " + shortDate(plan.AsAt) + ", from " + plan.Workbook
	}
	notes = append(notes, src+".")
	for _, a := range plan.Removed {
		notes = append(notes, "No longer in the plan since the last update: "+a.Ref+" – "+a.Area+".")
	}
	return notes
}
