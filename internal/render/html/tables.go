package html

import (
	"github.com/reportpack/reportpack/internal/report"
)

// tableView is a report.Table arranged for HTML: rows split into row
// groups (one tbody each) at every group header row.
type tableView struct {
	ID      string // the caption's id, labelling the scrolling wrapper
	Anchor  string // "table-<label>" for cross-references; empty without a label
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
	Cells []cellView
}

// cellView is a cell with its column's alignment ("", "right", "center").
type cellView struct {
	report.Cell
	Align string
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
		Anchor:  tableAnchor(t.Label),
		Kind:    tableKinds[t.Kind],
		Caption: t.Caption,
		Columns: t.Columns,
		Key:     t.Key,
		Notes:   t.Notes,
	}
	v.Groups = groupRows(t.Rows, max(len(t.Columns), 1), aligns(t.Columns))
	return v
}

// groupRows starts a new row group at every top-level group row.
func groupRows(rows []report.Row, span int, align []string) [][]rowView {
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
			Cells: cells(r.Cells, align),
		})
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	return groups
}

// cells pairs each cell with its column's alignment; cells beyond the
// declared columns align left.
func cells(in []report.Cell, align []string) []cellView {
	out := make([]cellView, len(in))
	for i, c := range in {
		out[i].Cell = c
		if i < len(align) {
			out[i].Align = align[i]
		}
	}
	return out
}

// aligns lists the columns' alignments, "" for the default (left).
func aligns(cols []report.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		if c.Align == "right" || c.Align == "center" {
			out[i] = c.Align
		}
	}
	return out
}

// tableAnchor is the id cross-references to a labelled table link to, as
// number.Assign writes them: "table-<label>".
func tableAnchor(label string) string {
	if label == "" || anchorURL("table-"+label) == "" {
		return ""
	}
	return "table-" + label
}
