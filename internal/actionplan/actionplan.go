// Package actionplan reads officers' action-plan workbooks (.xlsx) into
// report.ActionPlan values and writes blank template workbooks. It sits
// after config and narrative in the pipeline: build calls Read once for each
// workbook appendix, and assemble attaches the plan to its appendix; rag
// later summarises it. It is the only package that imports excelize, and no
// excelize type leaves it.
package actionplan

import (
	"strings"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// Options says how to read a workbook.
type Options struct {
	// Scale is the rating scale ratings are checked against; the zero value
	// means the built-in RAG scale.
	Scale report.Scale
	// Aliases adds header texts for canonical column keys (see Keys), e.g.
	// {"rating": {"Delivery status"}}; matching ignores case, spacing and
	// punctuation.
	Aliases map[string][]string
	// ThemesSheet names the optional sheet of theme codes; "" means "Themes".
	ThemesSheet string
	// AsAt is the date the ratings are as at; zero means look for "as at
	// <date>" in the title rows above the header.
	AsAt time.Time
	// Limits bound what a workbook may hold; zero fields take the defaults.
	Limits Limits
}

// Limits bound the resources one workbook may use, against zip bombs and
// runaway sheets. A workbook over a limit is refused with an error.
type Limits struct {
	UnzipSize    int64 // total unpacked bytes; default 64 MiB
	UnzipXMLSize int64 // unpacked bytes of one sheet held in memory; default 16 MiB
	Rows         int   // last non-empty row of a sheet; default 10,000
	Columns      int   // last non-empty column of a sheet; default 200
	Sheets       int   // sheets in the workbook; default 100
}

// DefaultLimits are the limits used where Options.Limits leaves a field zero.
var DefaultLimits = Limits{
	UnzipSize:    64 << 20,
	UnzipXMLSize: 16 << 20,
	Rows:         10000,
	Columns:      200,
	Sheets:       100,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.UnzipSize > 0 {
		d.UnzipSize = l.UnzipSize
	}
	if l.UnzipXMLSize > 0 {
		d.UnzipXMLSize = l.UnzipXMLSize
	}
	if d.UnzipXMLSize > d.UnzipSize {
		d.UnzipXMLSize = d.UnzipSize
	}
	if l.Rows > 0 {
		d.Rows = l.Rows
	}
	if l.Columns > 0 {
		d.Columns = l.Columns
	}
	if l.Sheets > 0 {
		d.Sheets = l.Sheets
	}
	return d
}

// DefaultSheet is the sheet read when the appendix names none.
const DefaultSheet = "Actions"

// Read parses the action plan on sheet of the workbook data, whose name as
// the user wrote it is file. It returns the rows it could read and every
// problem found, positioned by workbook, sheet and cell; it never panics on
// bad input. An empty sheet name reads "Actions", or the first sheet when
// there is no sheet of that name.
func Read(file string, data []byte, sheet string, opts Options) (*report.ActionPlan, diag.List) {
	if len(opts.Scale.Levels) == 0 {
		opts.Scale, _ = scale.NewRegistry(nil).Lookup(scale.RAG)
	}
	opts.Limits = opts.Limits.withDefaults()
	var l diag.List
	plan := &report.ActionPlan{Workbook: file, Sheet: sheet, Scale: opts.Scale.Name, Titles: map[string]string{}}
	wb, ok := open(file, data, opts.Limits, &l)
	if !ok {
		return plan, l
	}
	defer wb.close()
	sheet, ok = wb.pickSheet(sheet, &l)
	if !ok {
		return plan, l
	}
	plan.Sheet = sheet
	r := &reader{wb: wb, file: file, sheet: sheet, opts: opts, plan: plan, diags: &l}
	r.readThemes()
	r.readActions()
	return plan, l
}

// themesSheet returns the name of the themes sheet to look for.
func (o Options) themesSheet() string {
	if o.ThemesSheet == "" {
		return "Themes"
	}
	return o.ThemesSheet
}

// clean trims spaces, non-breaking spaces and zero-width characters from
// both ends of s and turns Windows line ends into plain ones.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimFunc(s, isSpace)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff':
		return true
	}
	return false
}
