package rag

import (
	"strings"

	"github.com/reportpack/reportpack/internal/report"
)

// lookupTable fills a table of codes and titles (the improvement themes),
// from inline rows or the Themes sheet of the source appendix's workbook,
// laid out in N column pairs filled down, then across.
func (s *summary) lookupTable(t *report.Table) {
	items := s.lookupItems(t.Spec)
	if items == nil {
		return
	}
	n := max(t.Spec.Columns, 1)
	t.Columns = lookupColumns(t.Spec.Headers, n)
	per := (len(items) + n - 1) / n
	for r := 0; r < per; r++ {
		row := report.Row{Pos: items[r].Pos}
		for j := 0; j < n; j++ {
			row.Cells = append(row.Cells, lookupCells(items, j*per+r)...)
		}
		t.Rows = append(t.Rows, row)
	}
}

// lookupItems returns the inline rows, or the source plan's themes.
func (s *summary) lookupItems(spec *report.TableSpec) []report.Lookup {
	if len(spec.Data) > 0 {
		var items []report.Lookup
		for i, row := range spec.Data {
			if len(row) != 2 {
				s.diags.Errorf(statusPos(spec, i), "a lookup row needs a code and a title, not %d cells", len(row)).
					WithHint(`write each row as ["A", "Quality of assessment and planning"]`)
				continue
			}
			items = append(items, report.Lookup{Code: strings.TrimSpace(row[0]), Title: strings.TrimSpace(row[1]), Pos: statusPos(spec, i)})
		}
		return items
	}
	if spec.Source == "" {
		s.diags.Errorf(spec.Pos, "the lookup table has no rows and no source").
			WithHint("give rows = [[code, title], ...], or source = the id of a workbook appendix with a Themes sheet")
		return nil
	}
	p := s.plan(spec.Source, spec.Pos)
	if p != nil && len(p.Themes) == 0 {
		s.diags.Errorf(spec.Pos, "the workbook %s has no Themes sheet", p.Workbook).
			WithHint("add a sheet called Themes with a code and a title on each row")
	}
	if p == nil {
		return nil
	}
	return p.Themes
}

// lookupColumns heads n column pairs: the spec's two headings repeated, or
// its 2n headings, or "Code" and "Title".
func lookupColumns(headers []string, n int) []report.Column {
	if len(headers) != 2 && len(headers) != 2*n {
		headers = []string{"Code", "Title"}
	}
	var cols []report.Column
	for j := 0; j < n; j++ {
		h := headers
		if len(headers) == 2*n {
			h = headers[2*j:]
		}
		cols = append(cols, report.Column{Title: h[0], Width: 0.5}, report.Column{Title: h[1], Width: 3})
	}
	return cols
}

// lookupCells is the code (a row header) and title of item i, or two empty
// cells past the end.
func lookupCells(items []report.Lookup, i int) []report.Cell {
	if i >= len(items) {
		return []report.Cell{{}, {}}
	}
	code := textCell(items[i].Code)
	code.Header = true
	return []report.Cell{code, textCell(items[i].Title)}
}
