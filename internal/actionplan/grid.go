package actionplan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/reportpack/reportpack/internal/diag"
)

// grid is a sheet's cell values, raw (dates as serial numbers, formulas as
// their cached values), trimmed, rows and columns counted from 0.
type grid [][]string

// at returns the value at row r, column c, or "" outside the grid.
func (g grid) at(r, c int) string {
	if r < 0 || r >= len(g) || c < 0 || c >= len(g[r]) {
		return ""
	}
	return g[r][c]
}

// cellName names the cell at 0-based row r and column c: "F12".
func cellName(r, c int) string {
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return "R" + strconv.Itoa(r+1) + "C" + strconv.Itoa(c+1)
	}
	return name
}

// readGrid reads sheet within the workbook's limits and spreads each
// merged cell's value down the rows it spans.
func (wb *workbook) readGrid(sheet string) (grid, error) {
	wb.loadSkipped()
	g, err := wb.readRows(sheet)
	if err != nil {
		return nil, err
	}
	wb.fillMerged(sheet, g)
	return g, nil
}

// readRows reads raw cell values row by row, refusing a sheet whose
// content lies beyond the row or column limit.
func (wb *workbook) readRows(sheet string) (g grid, err error) {
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, fmt.Errorf("the sheet is damaged (%v)", r)
		}
	}()
	rows, err := wb.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for n := 0; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		cols = trimRow(cols)
		if len(cols) == 0 {
			g = append(g, nil)
			continue
		}
		if n >= wb.limits.Rows || len(cols) > wb.limits.Columns {
			return nil, fmt.Errorf("the sheet is larger than the limit of %d rows and %d columns",
				wb.limits.Rows, wb.limits.Columns)
		}
		g = append(g, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	return trimGrid(g), nil
}

// trimRow cleans every value and drops trailing empty cells.
func trimRow(cols []string) []string {
	last := -1
	for i, v := range cols {
		cols[i] = clean(v)
		if cols[i] != "" {
			last = i
		}
	}
	return cols[:last+1]
}

// trimGrid drops trailing empty rows.
func trimGrid(g grid) grid {
	for len(g) > 0 && len(g[len(g)-1]) == 0 {
		g = g[:len(g)-1]
	}
	return g
}

// fillMerged copies the value of each merged range into the first column
// of every row the range spans, so that a group label merged down the
// Service column applies to each of its rows. Ranges are clipped to the
// grid, so a huge merge costs nothing. Asking excelize for the merges
// parses the whole sheet a second time, so a workbook with none is not
// asked (a quarter of reading a plan).
func (wb *workbook) fillMerged(sheet string, g grid) {
	if wb.noMerges {
		wb.skipped = append(wb.skipped, sheet)
		return
	}
	merges, err := wb.f.GetMergeCells(sheet, true)
	if err != nil {
		return
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		v := g.at(r1-1, c1-1)
		for r := r1; r < r2 && r < len(g); r++ {
			g.set(r, c1-1, v)
		}
	}
}

// loadSkipped has excelize parse the sheets whose merges were not asked
// for, as asking would have. excelize's Rows reads a sheet it has parsed
// from that parse rather than the file, and the themes sheet may be the
// plan's own, so the grid read next stays what it was.
func (wb *workbook) loadSkipped() {
	for _, sheet := range wb.skipped {
		_, _ = wb.f.GetMergeCells(sheet, true)
	}
	wb.skipped = nil
}

// set puts v at row r, column c, growing the row as needed.
func (g grid) set(r, c int, v string) {
	for len(g[r]) <= c {
		g[r] = append(g[r], "")
	}
	if g[r][c] == "" {
		g[r][c] = v
	}
}

// filled reports whether the cell has a solid fill colour, for spotting a
// rating given by colour alone.
func (wb *workbook) filled(sheet, cell string) bool {
	id, err := wb.f.GetCellStyle(sheet, cell)
	if err != nil || id == 0 {
		return false
	}
	st, err := wb.f.GetStyle(id)
	if err != nil || st == nil || st.Fill.Pattern == 0 {
		return false
	}
	// A solid fill whose colour excelize does not decode (LibreOffice
	// writes ARGB) still counts as coloured; only white does not.
	for _, c := range st.Fill.Color {
		if c = strings.ToUpper(strings.TrimPrefix(c, "#")); c == "FFFFFF" || c == "FFFFFFFF" {
			return false
		}
	}
	return true
}

// sheetPos is the position of the whole sheet.
func (r *reader) sheetPos() diag.Pos { return diag.Pos{File: r.file, Sheet: r.sheet} }

// cellPos is the position of a cell of the sheet being read.
func (r *reader) cellPos(row, col int) diag.Pos {
	return diag.Pos{File: r.file, Sheet: r.sheet, Cell: cellName(row, col)}
}
