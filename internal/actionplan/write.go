package actionplan

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// WritePlan writes a workbook with one sheet named sheet: a bold header
// row, then rows as text cells, wrapped so that multi-line cells (progress
// written one bullet a line) show every line. It is for tools that produce
// workbooks, such as the benchmark pack generator; the output is the same
// bytes for the same arguments.
func WritePlan(w io.Writer, sheet string, header []string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := writeGrid(f, sheet, header, rows); err != nil {
		return fmt.Errorf("writing sheet %q: %w", sheet, err)
	}
	_, err := f.WriteTo(w)
	return err
}

// writeGrid writes the header row and the rows below it with their styles.
func writeGrid(f *excelize.File, sheet string, header []string, rows [][]string) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := writeRow(f, sheet, 1, header, bold); err != nil {
		return err
	}
	for i, row := range rows {
		if err := writeRow(f, sheet, i+2, row, wrap); err != nil {
			return err
		}
	}
	return nil
}

// writeRow writes one row of text cells, from column A, with style.
func writeRow(f *excelize.File, sheet string, r int, cells []string, style int) error {
	if len(cells) == 0 {
		return nil
	}
	for c, v := range cells {
		cell, err := excelize.CoordinatesToCellName(c+1, r)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cells), r)
	return f.SetCellStyle(sheet, "A"+fmt.Sprint(r), last, style)
}
