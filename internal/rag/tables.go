package rag

import (
	"path"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// fillTable fills one data table from its spec; Markdown tables pass.
func (s *summary) fillTable(t *report.Table) {
	if t.Spec == nil {
		return
	}
	kind := t.Kind
	if kind == report.PlainTable {
		kind = t.Spec.Kind
	}
	t.Kind = kind
	t.Columns, t.Rows, t.Key, t.Notes = nil, nil, nil, nil
	switch kind {
	case report.RAGTable, report.ActionPlanTable:
		s.planTable(t)
	case report.JudgementTable:
		s.judgementTable(t)
	case report.LookupTable:
		s.lookupTable(t)
	}
	if t.Label != "" {
		s.tables[t.Label] = t
	}
}

// defaultTitles head columns whose workbook header is not known.
var defaultTitles = map[string]string{
	"ref": "Plan ref no", "area": "Area for improvement", "group": "Service", "timescale": "Timescale",
	"theme": "Theme", "rating": "RAG rating", "progress": "Progress summary", "owner": "Owner",
	"target": "Target date", "formal": "Formal", "trend": "Direction of travel",
}

// widths are relative column widths: text columns wide, codes narrow.
var widths = map[string]float64{"area": 3, "progress": 4, "ref": 1, "rating": 1.2, "theme": 0.8, "trend": 1.4, "formal": 0.8}

// planTable fills a RAG summary or full action-plan table.
func (s *summary) planTable(t *report.Table) {
	spec := t.Spec
	p := s.plan(spec.Source, spec.Pos)
	if p == nil {
		return
	}
	actions := s.filtered(p, spec.Filter, spec.Pos)
	show := s.showColumns(t, p)
	groups := s.groupColumns(spec, p)
	for _, key := range show {
		t.Columns = append(t.Columns, report.Column{Title: title(p, key), Width: width(key)})
	}
	t.Rows = groupRows(actions, groups, show, 0)
	t.Key = key(actions, s.scaleOf(p))
	t.Notes = planNotes(p, show)
}

// showColumns returns the columns to show, checked against the plan: the
// spec's, or by default the seed's four for a RAG table and every column
// but the grouping ones for a full plan. The direction of travel joins a
// full plan that has a previous update.
func (s *summary) showColumns(t *report.Table, p *report.ActionPlan) []string {
	show := t.Spec.Show
	if len(show) == 0 {
		show = defaultShow(t, p)
	}
	var ok []string
	for _, key := range show {
		if key == "trend" && p.Previous != nil || hasColumn(p, key) {
			ok = append(ok, key)
			continue
		}
		s.diags.Errorf(t.Spec.Pos, "the plan in %s has no column %q to show", p.Workbook, key).
			WithHint("the columns are %s", availableColumns(p))
	}
	return ok
}

func defaultShow(t *report.Table, p *report.ActionPlan) []string {
	if t.Kind == report.RAGTable {
		return []string{"area", "rating", "ref", "progress"}
	}
	var show []string
	for _, c := range p.Columns {
		if !contains(t.Spec.GroupBy, c) && c != "formal" {
			show = append(show, c)
		}
	}
	if p.Previous != nil {
		show = append(show, "trend")
	}
	return show
}

// groupColumns checks the spec's grouping: at most two existing columns.
func (s *summary) groupColumns(spec *report.TableSpec, p *report.ActionPlan) []string {
	var ok []string
	for _, key := range spec.GroupBy {
		if !hasColumn(p, key) {
			s.diags.Errorf(spec.Pos, "the plan in %s has no column %q to group by", p.Workbook, key).
				WithHint("the columns are %s", availableColumns(p))
			continue
		}
		ok = append(ok, key)
	}
	if len(ok) > 2 {
		s.diags.Errorf(spec.Pos, "a table can be grouped by two columns at most, not %d", len(ok)).
			WithHint("group by the service, then the timescale, for example")
		ok = ok[:2]
	}
	return ok
}

func availableColumns(p *report.ActionPlan) string {
	cols := append([]string{}, p.Columns...)
	if p.Previous != nil {
		cols = append(cols, "trend")
	}
	return join(quotedAll(cols), "and")
}

func quotedAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}

func title(p *report.ActionPlan, key string) string {
	if t := p.Titles[key]; t != "" {
		return t
	}
	if t := defaultTitles[key]; t != "" {
		return t
	}
	return key
}

func width(key string) float64 {
	if w, ok := widths[key]; ok {
		return w
	}
	return 1.5
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// groupRows lays out actions grouped by keys[level:], groups in the order
// they first appear in the workbook, with a heading row for each.
func groupRows(actions []report.Action, keys, show []string, level int) []report.Row {
	if level == len(keys) {
		rows := make([]report.Row, len(actions))
		for i, a := range actions {
			rows[i] = bodyRow(a, show)
		}
		return rows
	}
	kind := report.GroupRow
	if level > 0 {
		kind = report.SubgroupRow
	}
	var rows []report.Row
	for _, g := range groupsInOrder(actions, keys[level]) {
		label := g.value
		if label == "" {
			label = "Not stated"
		}
		rows = append(rows, report.Row{Kind: kind, Cells: []report.Cell{textCell(label)}, Pos: g.actions[0].Pos})
		rows = append(rows, groupRows(g.actions, keys, show, level+1)...)
	}
	return rows
}

type group struct {
	value   string
	actions []report.Action
}

// groupsInOrder splits actions by the value of key, first appearance first.
func groupsInOrder(actions []report.Action, key string) []group {
	var groups []group
	index := map[string]int{}
	for _, a := range actions {
		v := value(a, key)
		i, ok := index[v]
		if !ok {
			i = len(groups)
			index[v] = i
			groups = append(groups, group{value: v})
		}
		groups[i].actions = append(groups[i].actions, a)
	}
	return groups
}

// value is an action's text in column key.
func value(a report.Action, key string) string {
	switch key {
	case "ref":
		return a.Ref
	case "area":
		return a.Area
	case "group":
		return a.Group
	case "timescale":
		return a.Timescale
	case "theme":
		return a.Theme
	case "owner":
		return a.Owner
	case "target":
		return a.Target
	case "formal":
		if a.Formal {
			return "Yes"
		}
		return "No"
	case "trend":
		return trendText(a)
	}
	return a.Extra[key]
}

// bodyRow is one action as a row of the shown columns.
func bodyRow(a report.Action, show []string) report.Row {
	cells := make([]report.Cell, len(show))
	for i, key := range show {
		cells[i] = cell(a, key)
	}
	return report.Row{Kind: report.BodyRow, Cells: cells, Pos: a.Pos}
}

// cell is an action's cell in column key: the rating as its word with its
// status, progress as bullets, the area as the row's header.
func cell(a report.Action, key string) report.Cell {
	switch key {
	case "rating":
		if a.Rating == nil {
			return textCell("Not yet rated")
		}
		st := *a.Rating
		c := textCell(st.Word)
		c.Status = &st
		return c
	case "progress":
		c := report.Cell{}
		for _, line := range a.Progress {
			c.Bullets = append(c.Bullets, []report.Inline{{Kind: report.TextRun, Text: line}})
		}
		return c
	case "area":
		c := textCell(a.Area)
		c.Header = true
		return c
	}
	return textCell(value(a, key))
}

func textCell(s string) report.Cell {
	if s == "" {
		return report.Cell{}
	}
	return report.Cell{Content: []report.Inline{{Kind: report.TextRun, Text: s}}}
}

// key explains each status the actions use, in scale order, and "Not yet
// rated" when some are.
func key(actions []report.Action, sc report.Scale) []report.KeyEntry {
	t := newTally(sc)
	for _, a := range actions {
		t.add(a.Rating)
	}
	var out []report.KeyEntry
	for r, c := range t.counts {
		if c > 0 {
			lv := sc.Levels[r]
			st := report.Status{Word: lv.Word, Class: lv.Class, Colour: lv.Colour, Rank: r}
			out = append(out, report.KeyEntry{Status: st, Meaning: lv.Meaning})
		}
	}
	if t.unrated > 0 {
		out = append(out, report.KeyEntry{
			Status:  report.Status{Word: "Not yet rated", Class: "none", Rank: len(sc.Levels)},
			Meaning: "No rating has been given yet",
		})
	}
	return out
}

// planNotes says where the ratings come from and, with a direction of
// travel, which rows have gone since the previous update.
func planNotes(p *report.ActionPlan, show []string) []string {
	src := "from " + path.Base(p.Workbook)
	note := "Ratings " + src + "."
	if !p.AsAt.IsZero() {
		note = "Ratings as at " + p.AsAt.Format("2 January 2006") + ", " + src + "."
	}
	notes := []string{note}
	if contains(show, "trend") && p.Previous != nil {
		notes = append(notes, travelNote(p))
	}
	return notes
}

// travelNote explains the direction of travel and lists removed rows.
func travelNote(p *report.ActionPlan) string {
	since := "the previous update"
	if !p.Previous.AsAt.IsZero() {
		since = "the update of " + p.Previous.AsAt.Format("2 January 2006")
	}
	note := "Direction of travel compares each rating with " + since + "."
	if len(p.Removed) == 0 {
		return note
	}
	var gone []string
	for _, a := range p.Removed {
		gone = append(gone, a.Ref+" ("+a.Area+")")
	}
	return note + " Removed since then: " + join(gone, "and") + "."
}

// statusPos is where a row of a spec is: its own line when known.
func statusPos(spec *report.TableSpec, i int) diag.Pos {
	if i < len(spec.RowPos) && !spec.RowPos[i].IsZero() {
		return spec.RowPos[i]
	}
	return spec.Pos
}
