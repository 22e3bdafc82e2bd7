// Package rag completes a numbered Pack with everything computed from data:
// it fills the data tables authors place in their reports (RAG summaries,
// judgement tables, lookup tables, full action plans) and the counts
// sentences written inline, and works out each action's direction of
// travel. It runs after number.Assign and before the renderers; after it
// the Pack is read-only. Counts are always computed here, never typed.
package rag

import (
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// Summarise fills every data table and computed count of every report in
// p, using reg to find scales by name, and returns every problem found:
// unknown sources, scales, columns and options, and grades not on their
// scale. It never stops at the first problem.
func Summarise(p *report.Pack, reg *scale.Registry) diag.List {
	var l diag.List
	for _, it := range p.Items {
		if it.Report == nil {
			continue
		}
		s := &summary{rep: it.Report, reg: reg, diags: &l, tables: map[string]*report.Table{}}
		s.run()
	}
	return l
}

// summary holds the state of summarising one report.
type summary struct {
	rep    *report.Report
	reg    *scale.Registry
	diags  *diag.List
	tables map[string]*report.Table // filled judgement tables by label
}

// run works out the directions of travel, then the tables, then the
// counts, since counts may read judgement tables.
func (s *summary) run() {
	for _, a := range s.rep.Appendices {
		if a.Plan != nil && a.Plan.Previous != nil {
			Travel(a.Plan)
		}
	}
	walk(s.rep.Body, nil, s.fillTable)
	s.appendixTables()
	walk(s.rep.Body, s.fillCounts, nil)
}

// appendixTables fills the full action-plan table of each workbook
// appendix: every row and column, grouped as in the workbook.
func (s *summary) appendixTables() {
	for _, a := range s.rep.Appendices {
		if a.Plan == nil {
			continue
		}
		spec := &report.TableSpec{Kind: report.ActionPlanTable, Source: a.ID, GroupBy: workbookGroups(a.Plan), Pos: a.Pos}
		a.Table = &report.Table{Kind: report.ActionPlanTable, Caption: a.Title + ": every action", Spec: spec, Pos: a.Pos}
		s.fillTable(a.Table)
	}
}

// workbookGroups groups a full plan by service, then timescale, where the
// workbook has those columns.
func workbookGroups(p *report.ActionPlan) []string {
	var groups []string
	for _, key := range []string{"group", "timescale"} {
		if hasColumn(p, key) {
			groups = append(groups, key)
		}
	}
	return groups
}

// walk visits every run of inlines and every table in blocks, in order,
// including list items and table cells.
func walk(blocks []report.Block, inl func([]report.Inline), tab func(*report.Table)) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *report.Section:
			walk(b.Body, inl, tab)
		case *report.Paragraph:
			visit(inl, b.Content)
		case *report.List:
			walkList(b, inl)
		case *report.Table:
			walkTable(b, inl, tab)
		}
	}
}

func walkList(l *report.List, inl func([]report.Inline)) {
	for _, it := range l.Items {
		visit(inl, it.Content)
		if it.Sub != nil {
			walkList(it.Sub, inl)
		}
	}
}

func walkTable(t *report.Table, inl func([]report.Inline), tab func(*report.Table)) {
	if tab != nil {
		tab(t)
	}
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			visit(inl, c.Content)
			for _, b := range c.Bullets {
				visit(inl, b)
			}
		}
	}
}

func visit(inl func([]report.Inline), content []report.Inline) {
	if inl != nil && len(content) > 0 {
		inl(content)
	}
}

// scaleOf returns the scale a plan's ratings are on, RAG by default.
func (s *summary) scaleOf(p *report.ActionPlan) report.Scale {
	if sc, ok := s.reg.Lookup(p.Scale); ok {
		return sc
	}
	sc, _ := s.reg.Lookup(scale.RAG)
	return sc
}

// plan finds the action plan of the appendix with the given id; nil, with
// an error, when there is none. An appendix whose workbook failed to read
// yields nil quietly: the reader has said why.
func (s *summary) plan(id string, pos diag.Pos) *report.ActionPlan {
	for _, a := range s.rep.Appendices {
		if a.ID != id {
			continue
		}
		if a.Plan == nil && a.Kind != report.AppendixWorkbook {
			s.diags.Errorf(pos, "appendix %q is not a workbook, so it has no action plan", id).
				WithHint("name an appendix whose file is an .xlsx action plan")
		}
		return a.Plan
	}
	if s.rep.FrontUnread {
		return nil // its appendices are unknown until the syntax error is fixed
	}
	s.diags.Errorf(pos, "there is no appendix %q in this report", id).
		WithHint("use the id of a workbook appendix from the front matter: %s", s.workbookIDs())
	return nil
}

// workbookIDs lists the ids of the report's workbook appendices.
func (s *summary) workbookIDs() string {
	var ids []string
	for _, a := range s.rep.Appendices {
		if a.Kind == report.AppendixWorkbook {
			ids = append(ids, `"`+a.ID+`"`)
		}
	}
	if len(ids) == 0 {
		return "(this report has none)"
	}
	return join(ids, "or")
}

// filtered returns the plan's actions that pass filter ("" or "formal").
func (s *summary) filtered(p *report.ActionPlan, filter string, pos diag.Pos) []report.Action {
	switch filter {
	case "":
		return p.Actions
	case "formal":
		if !hasColumn(p, "formal") {
			s.diags.Errorf(pos, "the plan in %s has no Formal column to filter on", p.Workbook).
				WithHint("add a Formal column (Yes or No) to the sheet, or remove filter = \"formal\"")
		}
		var out []report.Action
		for _, a := range p.Actions {
			if a.Formal {
				out = append(out, a)
			}
		}
		return out
	}
	s.diags.Errorf(pos, "unknown filter %q", filter).WithHint(`the filter can be "formal", or left out to keep every row`)
	return p.Actions
}

func hasColumn(p *report.ActionPlan, key string) bool {
	for _, c := range p.Columns {
		if c == key {
			return true
		}
	}
	return false
}
