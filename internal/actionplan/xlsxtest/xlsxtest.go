// Package xlsxtest builds small workbooks for tests from tab-separated text,
// so that test cases read as tables. It is used by the tests of actionplan
// and rag only.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheet is one sheet of a test workbook. TSV holds its rows: cells split by
// tabs, rows by newlines, and `\n` inside a cell is a line break. A cell
// that parses as a number is stored as a number (so 41333 is a date
// serial). Merges lists ranges such as "B3:B9"; Fills colours cells, e.g.
// {"F4": "FFC000"}.
type Sheet struct {
	Name   string
	TSV    string
	Merges []string
	Fills  map[string]string
}

// Build returns the bytes of an .xlsx holding sheets, in order.
func Build(t testing.TB, sheets ...Sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			must(t, f.SetSheetName("Sheet1", s.Name))
		} else if _, err := f.NewSheet(s.Name); err != nil {
			t.Fatal(err)
		}
		fillSheet(t, f, s)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fillSheet(t testing.TB, f *excelize.File, s Sheet) {
	t.Helper()
	for r, line := range strings.Split(strings.TrimPrefix(s.TSV, "\n"), "\n") {
		for c, v := range strings.Split(line, "\t") {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			must(t, setCell(f, s.Name, cell, v))
		}
	}
	for _, m := range s.Merges {
		a, b, _ := strings.Cut(m, ":")
		must(t, f.MergeCell(s.Name, a, b))
	}
	for cell, colour := range s.Fills {
		id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}})
		must(t, err)
		must(t, f.SetCellStyle(s.Name, cell, cell, id))
	}
}

func setCell(f *excelize.File, sheet, cell, v string) error {
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		return f.SetCellFloat(sheet, cell, n, -1, 64)
	}
	return f.SetCellStr(sheet, cell, strings.ReplaceAll(v, `\n`, "\n"))
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Zip returns a zip archive holding files, for files that are zips but not
// workbooks (a Word document named .xlsx).
func Zip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fw, err := w.Create(n)
		must(t, err)
		_, err = fw.Write([]byte(files[n]))
		must(t, err)
	}
	must(t, w.Close())
	return buf.Bytes()
}

// Protected returns a small workbook encrypted with a password, as Excel's
// "Encrypt with password" saves one.
func Protected(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetCellStr("Sheet1", "A1", "secret"))
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf, excelize.Options{Password: "password"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
