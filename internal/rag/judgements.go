package rag

import (
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// namedScale finds the scale a table names, reporting a missing or unknown
// name.
func (s *summary) namedScale(name string, pos diag.Pos) (report.Scale, bool) {
	if name == "" {
		s.diags.Errorf(pos, "the judgement table does not name its scale").
			WithHint(`add scale = "..." naming one of %s`, join(quotedAll(s.reg.Names()), "or"))
		return report.Scale{}, false
	}
	sc, ok := s.reg.Lookup(name)
	if !ok {
		s.diags.Errorf(pos, "there is no scale called %q", name).
			WithHint("use one of %s, or define it under [scales] in pack.toml", join(quotedAll(s.reg.Names()), "or"))
	}
	return sc, ok
}

// judgementTable fills a table of label -> grade rows, one or more grade
// columns, checking each grade against the named scale.
func (s *summary) judgementTable(t *report.Table) {
	spec := t.Spec
	sc, ok := s.namedScale(spec.Scale, spec.Pos)
	if !ok {
		return
	}
	headers := s.judgementHeaders(spec)
	for _, h := range headers {
		t.Columns = append(t.Columns, report.Column{Title: h})
	}
	for i, row := range spec.Data {
		t.Rows = append(t.Rows, s.judgementRow(sc, row, len(headers), statusPos(spec, i)))
	}
	s.checkOverall(spec)
	t.Notes = []string{"Grades on the " + sc.Title + "."}
}

// judgementHeaders returns the column headings: the spec's, or
// "Judgement" and "Grade" for a one-grade table.
func (s *summary) judgementHeaders(spec *report.TableSpec) []string {
	if len(spec.Headers) > 0 {
		return spec.Headers
	}
	n := 2
	for _, row := range spec.Data {
		n = max(n, len(row))
	}
	if n > 2 {
		s.diags.Errorf(spec.Pos, "the judgement table has %d columns but no headers", n).
			WithHint(`add headers = ["Judgement", "Safeguarding services", ...], one for each column`)
	}
	h := []string{"Judgement", "Grade"}
	for len(h) < n {
		h = append(h, "")
	}
	return h
}

// judgementRow is a label (the row's header) followed by its grades.
func (s *summary) judgementRow(sc report.Scale, row []string, width int, pos diag.Pos) report.Row {
	if len(row) != width {
		s.diags.Errorf(pos, "the row has %d cells but the table has %d columns", len(row), width).
			WithHint("give each row a label and one grade for each column")
	}
	r := report.Row{Pos: pos}
	for i := 0; i < width; i++ {
		v := ""
		if i < len(row) {
			v = strings.TrimSpace(row[i])
		}
		if i == 0 {
			c := textCell(v)
			c.Header = true
			r.Cells = append(r.Cells, c)
			continue
		}
		r.Cells = append(r.Cells, s.gradeCell(sc, v, pos))
	}
	return r
}

// gradeCell is a grade with its status; a grade not on the scale is an
// error naming the line.
func (s *summary) gradeCell(sc report.Scale, v string, pos diag.Pos) report.Cell {
	if v == "" {
		return report.Cell{}
	}
	st, err := scale.Normalise(sc, v)
	if err != nil {
		s.diags.Errorf(pos, "grade %s", err).
			WithHint("the table uses the %s; check the spelling or the table's scale", sc.Title)
		return textCell(v)
	}
	c := textCell(st.Word)
	c.Status = &st
	return c
}

// checkOverall reports an overall label that names no row.
func (s *summary) checkOverall(spec *report.TableSpec) {
	if spec.Overall == "" {
		return
	}
	for _, row := range spec.Data {
		if len(row) > 0 && strings.EqualFold(strings.TrimSpace(row[0]), spec.Overall) {
			return
		}
	}
	s.diags.Errorf(spec.Pos, "no row is labelled %q, the overall judgement", spec.Overall).
		WithHint("make overall the label of the overall row exactly, or leave it out")
}

// gradeTally counts a judgement table's grades, leaving out the overall
// row and, when column is set, every other column.
func gradeTally(t *report.Table, sc report.Scale, column string) (tally, bool) {
	tl := newTally(sc)
	cols := map[int]bool{}
	for i, c := range t.Columns {
		if i > 0 && (column == "" || strings.EqualFold(c.Title, column)) {
			cols[i] = true
		}
	}
	for _, r := range t.Rows {
		if len(r.Cells) == 0 || isOverall(t, r) {
			continue
		}
		for i, c := range r.Cells {
			if cols[i] && c.Status != nil {
				tl.add(c.Status)
			}
		}
	}
	return tl, len(cols) > 0
}

func isOverall(t *report.Table, r report.Row) bool {
	return t.Spec.Overall != "" && strings.EqualFold(report.PlainText(r.Cells[0].Content), t.Spec.Overall)
}
