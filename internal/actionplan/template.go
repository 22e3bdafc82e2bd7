package actionplan

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// templateRows is how many rows the template's drop-downs and colours
// cover.
const templateRows = 500

// templateWidths are the column widths, in characters, in template order.
var templateWidths = map[string]float64{
	"ref": 12, "group": 24, "timescale": 16, "theme": 8, "area": 50,
	"formal": 9, "rating": 12, "progress": 60, "owner": 20, "target": 14,
}

// templateFills are the fills used for ratings whose scale sets no colour,
// by status class: light tints that black text reads on.
var templateFills = map[string]string{
	"blue": "BDD7EE", "green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE",
	"outstanding": "BDD7EE", "good": "C6EFCE", "adequate": "FFEB9C",
	"requires-improvement": "FFEB9C", "inadequate": "FFC7CE",
}

// WriteTemplate writes a new action-plan workbook for officers to fill
// in: an "Actions" sheet with the expected headers, a drop-down on the
// rating column offering only sc's words, a fill colour for each rating,
// a frozen header row and sensible widths, and a "Themes" sheet.
func WriteTemplate(w io.Writer, sc report.Scale) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", DefaultSheet); err != nil {
		return err
	}
	steps := []func(*excelize.File, report.Scale) error{
		writeHeaders, addDropDowns, addRatingColours, writeThemesSheet,
	}
	for _, step := range steps {
		if err := step(f, sc); err != nil {
			return fmt.Errorf("writing the template: %w", err)
		}
	}
	_, err := f.WriteTo(w)
	return err
}

// writeHeaders writes the bold header row, widths and the frozen pane.
func writeHeaders(f *excelize.File, _ report.Scale) error {
	bold, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
	})
	if err != nil {
		return err
	}
	for i, c := range columns {
		col := colName(i)
		if err := f.SetCellStr(DefaultSheet, col+"1", c.aliases[0]); err != nil {
			return err
		}
		if err := f.SetColWidth(DefaultSheet, col, col, templateWidths[c.key]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(DefaultSheet, "A1", colName(len(columns)-1)+"1", bold); err != nil {
		return err
	}
	return f.SetPanes(DefaultSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// addDropDowns limits the rating column to the scale's words and the
// Formal column to Yes or No.
func addDropDowns(f *excelize.File, sc report.Scale) error {
	lists := map[string][]string{"rating": scale.Words(sc), "formal": {"Yes", "No"}}
	for _, key := range []string{"rating", "formal"} {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(columnRange(key))
		if err := dv.SetDropList(lists[key]); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Not on the list",
			"Choose one of: "+strings.Join(lists[key], ", "))
		if err := f.AddDataValidation(DefaultSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// addRatingColours fills each rating cell with its level's colour.
func addRatingColours(f *excelize.File, sc report.Scale) error {
	var formats []excelize.ConditionalFormatOptions
	for _, lv := range sc.Levels {
		fill := strings.TrimPrefix(lv.Colour, "#")
		if fill == "" {
			fill = templateFills[lv.Class]
		}
		if fill == "" {
			fill = "E7E6E6"
		}
		id, err := f.NewConditionalStyle(&excelize.Style{
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
		})
		if err != nil {
			return err
		}
		formats = append(formats, excelize.ConditionalFormatOptions{
			Type: "cell", Criteria: "==", Format: &id, Value: `"` + lv.Word + `"`,
		})
	}
	return f.SetConditionalFormat(DefaultSheet, columnRange("rating"), formats)
}

// writeThemesSheet adds the sheet of theme codes with its headers.
func writeThemesSheet(f *excelize.File, _ report.Scale) error {
	if _, err := f.NewSheet("Themes"); err != nil {
		return err
	}
	for cell, v := range map[string]string{"A1": "Code", "B1": "Title"} {
		if err := f.SetCellStr("Themes", cell, v); err != nil {
			return err
		}
	}
	if err := f.SetColWidth("Themes", "B", "B", 50); err != nil {
		return err
	}
	return f.SetPanes("Themes", &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// columnRange is the template's data range of column key: "G2:G501".
func columnRange(key string) string {
	for i, c := range columns {
		if c.key == key {
			return fmt.Sprintf("%s2:%s%d", colName(i), colName(i), templateRows+1)
		}
	}
	return ""
}

func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}
