package actionplan

import (
	"regexp"
	"strings"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// readRow reads one sheet row into an Action, skipping blank rows.
func (r *reader) readRow(row int) {
	if r.blank(row) {
		return
	}
	a := report.Action{
		Ref:       r.get(row, "ref"),
		Area:      oneLine(r.get(row, "area")),
		Group:     oneLine(r.get(row, "group")),
		Timescale: oneLine(r.get(row, "timescale")),
		Theme:     r.get(row, "theme"),
		Owner:     oneLine(r.get(row, "owner")),
		Progress:  progressLines(r.get(row, "progress")),
		Target:    dateText(r.get(row, "target")),
		Pos:       r.cellPos(row, r.firstCol()),
	}
	a.Refs = SplitRefs(a.Ref)
	a.Rating = r.rating(row)
	a.Formal = r.formal(row)
	a.Extra = r.extra(row)
	r.checkRow(row, a)
	r.plan.Actions = append(r.plan.Actions, a)
}

// checkRow reports a missing reference or area and references to themes
// the workbook does not define.
func (r *reader) checkRow(row int, a report.Action) {
	if a.Ref == "" {
		r.diags.Errorf(r.pos(row, "ref"), "the action has no plan reference").
			WithHint("type its reference, such as D9 or A1 & A2")
	}
	if a.Area == "" {
		r.diags.Errorf(r.pos(row, "area"), "the action has no area for improvement").
			WithHint("type the area for improvement this action addresses")
	}
	for _, ref := range a.Refs {
		r.checkTheme(row, "ref", "plan reference "+quote(ref), themeOf(ref))
	}
	if a.Theme != "" {
		r.checkTheme(row, "theme", "theme "+quote(a.Theme), strings.ToUpper(a.Theme))
	}
}

// rating normalises the row's rating against the scale; nil means not
// rated. A coloured cell without a word and a word not on the scale are
// errors naming the cell.
func (r *reader) rating(row int) *report.Status {
	v := r.get(row, "rating")
	pos := r.pos(row, "rating")
	label := ratingLabel(r.opts.Scale)
	if v == "" {
		if r.wb.filled(r.sheet, pos.Cell) {
			r.diags.Errorf(pos, "the %s cell is coloured but has no word in it", label).
				WithHint("type the word (%s) in the cell: colour alone does not print or read aloud", orList(scale.Listing(r.opts.Scale)))
		}
		return nil
	}
	st, err := scale.Normalise(r.opts.Scale, oneLine(v))
	if err != nil {
		r.diags.Errorf(pos, "%s %s", label, err).
			WithHint("type one of %s, or leave the cell empty if the action is not yet rated", orList(scale.Listing(r.opts.Scale)))
		return nil
	}
	return &st
}

// ratingLabel names the rating in messages: "RAG", "BRAG" or "rating".
func ratingLabel(sc report.Scale) string {
	switch sc.Name {
	case scale.RAG, scale.BRAG:
		return strings.ToUpper(sc.Name)
	}
	return "rating"
}

// formal reads the Formal column: yes/no, true/false, Y/N, 1/0.
func (r *reader) formal(row int) bool {
	v := r.get(row, "formal")
	switch scale.Key(v) {
	case "yes", "y", "true", "1", "formal", "x":
		return true
	case "no", "n", "false", "0", "":
		return false
	}
	r.diags.Errorf(r.pos(row, "formal"), "Formal %q is not yes or no", v).
		WithHint("type Yes for a formal area for improvement and No otherwise")
	return false
}

// extra returns the row's values in the extra columns, or nil.
func (r *reader) extra(row int) map[string]string {
	if len(r.extras) == 0 {
		return nil
	}
	m := make(map[string]string, len(r.extras))
	for _, k := range r.extras {
		m[k] = r.get(row, k)
	}
	return m
}

var refSep = regexp.MustCompile(`\s*(?:&|,|;|\+|\band\b)\s*`)

// SplitRefs splits a reference cell as printed ("A1 & A2", "C20, C21",
// "A14 and A15") into its parts.
func SplitRefs(ref string) []string {
	var out []string
	for _, p := range refSep.Split(ref, -1) {
		if p = strings.TrimFunc(p, isSpace); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// themeOf returns the leading letters of a reference, upper-cased: "D" for
// "D9"; "" when it starts with a digit.
func themeOf(ref string) string {
	i := strings.IndexFunc(ref, func(c rune) bool { return !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') })
	if i < 0 {
		i = len(ref)
	}
	return strings.ToUpper(ref[:i])
}

var bullet = regexp.MustCompile(`^(?:[•·▪◦●○■□‣⁃*\-–—]|o\s)\s*`)

// progressLines splits a progress cell into its lines, dropping bullets
// typed at their start and blank lines. Bullets pasted within a line
// ("• one • two") also split it.
func progressLines(v string) []string {
	var out []string
	for _, line := range strings.Split(v, "\n") {
		for _, part := range strings.Split(line, "•") {
			part = strings.TrimFunc(bullet.ReplaceAllString(strings.TrimFunc(part, isSpace), ""), isSpace)
			if part != "" {
				out = append(out, strings.Join(strings.Fields(part), " "))
			}
		}
	}
	return out
}

// oneLine joins a cell's lines and runs of spaces into single spaces.
func oneLine(v string) string { return strings.Join(strings.Fields(v), " ") }

func quote(s string) string { return `"` + s + `"` }

// orList joins words as "Red, Amber or Green".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
