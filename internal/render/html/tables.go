package html

import (
	"github.com/reportpack/reportpack/internal/report"
)

// tableView is a report.Table arranged for HTML: rows split into row
// groups (one tbody each) at every group header row.
type tableView struct {
	ID      string // the caption's id, labelling the scrolling wrapper
	Kind    string // CSS class: "plain", "judgement", "rag", "lookup", "action-plan"
	Caption string
	Columns []report.Column
	Groups  [][]rowView
	Key     []report.KeyEntry
	Notes   []string
}

// rowView is one row; group rows have one cell spanning the table.
type rowView struct {
	Group bool // a group or subgroup header row
	Sub   bool // a subgroup header row
	Span  int  // columns a group row spans
	Cells []report.Cell
}

var tableKinds = map[report.TableKind]string{
	report.PlainTable:      "plain",
	report.JudgementTable:  "judgement",
	report.RAGTable:        "rag",
	report.LookupTable:     "lookup",
	report.ActionPlanTable: "action-plan",
}

func newTable(t *report.Table, ids *tableCounter) *tableView {
	v := &tableView{
		ID:      ids.next(),
		Kind:    tableKinds[t.Kind],
		Caption: t.Caption,
		Columns: t.Columns,
		Key:     t.Key,
		Notes:   t.Notes,
	}
	v.Groups = groupRows(t.Rows, max(len(t.Columns), 1))
	return v
}

// groupRows starts a new row group at every top-level group row.
func groupRows(rows []report.Row, span int) [][]rowView {
	var groups [][]rowView
	var cur []rowView
	for _, r := range rows {
		if r.Kind == report.GroupRow && len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
		cur = append(cur, rowView{
			Group: r.Kind != report.BodyRow,
			Sub:   r.Kind == report.SubgroupRow,
			Span:  span,
			Cells: r.Cells,
		})
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	return groups
}
