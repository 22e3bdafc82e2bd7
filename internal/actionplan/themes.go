package actionplan

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// themeCode is what a theme code looks like: a letter or a short code.
var themeCode = regexp.MustCompile(`^[A-Za-z0-9]{1,3}$`)

// joined is a theme written in one cell: "A – Quality of assessment".
var joined = regexp.MustCompile(`^([A-Za-z0-9]{1,3})\s*[–—:\-.)]\s*(.+)$`)

// readThemes reads the optional themes sheet into the plan: a code and a
// title in the first two filled cells of each row, or both in one cell
// ("A – Quality of assessment and planning"). Header and title rows are
// skipped.
func (r *reader) readThemes() {
	name := r.wb.findSheet(r.opts.themesSheet())
	if name == "" {
		return
	}
	g, err := r.wb.readGrid(name)
	pos := r.sheetPos()
	pos.Sheet = name
	if err != nil {
		r.diags.Errorf(pos, "cannot read the sheet: %s", describe(err, r.wb.limits))
		return
	}
	r.themes = map[string]bool{}
	for row := range g {
		r.readTheme(name, g, row)
	}
	if len(r.plan.Themes) == 0 {
		r.diags.Warnf(pos, "the themes sheet has no themes").
			WithHint("list each theme's code and title in two columns, or delete the sheet")
	}
}

// readTheme reads one row of the themes sheet.
func (r *reader) readTheme(sheet string, g grid, row int) {
	code, title, col := themeCells(g[row])
	if code == "" {
		return
	}
	pos := r.cellPos(row, col)
	pos.Sheet = sheet
	up := strings.ToUpper(code)
	if r.themes[up] {
		r.diags.Errorf(pos, "theme %q is listed twice", code).WithHint("give each theme its own code")
		return
	}
	r.themes[up] = true
	r.plan.Themes = append(r.plan.Themes, report.Lookup{Code: code, Title: title, Pos: pos})
}

// themeCells picks the code, title and code's column from a row, or ""
// when the row is not a theme (a header, title or blank row).
func themeCells(cells []string) (code, title string, col int) {
	var filled []int
	for c, v := range cells {
		if v != "" {
			filled = append(filled, c)
		}
	}
	switch {
	case len(filled) == 0:
		return "", "", 0
	case len(filled) == 1:
		if m := joined.FindStringSubmatch(oneLine(cells[filled[0]])); m != nil {
			return m[1], m[2], filled[0]
		}
		return "", "", 0
	}
	code = cells[filled[0]]
	switch scale.Key(code) {
	case "code", "theme", "letter", "ref":
		return "", "", 0
	}
	if !themeCode.MatchString(code) {
		return "", "", 0
	}
	return code, oneLine(cells[filled[1]]), filled[0]
}

// checkTheme reports a theme code not on the themes sheet; what says what
// holds it ("plan reference "K3"").
func (r *reader) checkTheme(row int, key, what, code string) {
	if len(r.themes) == 0 || code == "" || r.themes[code] {
		return
	}
	codes := make([]string, len(r.plan.Themes))
	for i, t := range r.plan.Themes {
		codes[i] = t.Code
	}
	msg := fmt.Sprintf("%s is in theme %q, which is not on the %q sheet", what, code, r.opts.themesSheet())
	if key == "theme" {
		msg = fmt.Sprintf("%s is not on the %q sheet", what, r.opts.themesSheet())
	}
	r.diags.Errorf(r.pos(row, key), "%s", msg).
		WithHint("the themes are %s; correct the reference or add the theme", strings.Join(codes, ", "))
}
