package actionplan

import (
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// reader holds the state of reading one action-plan sheet.
type reader struct {
	wb     *workbook
	file   string
	sheet  string
	opts   Options
	plan   *report.ActionPlan
	diags  *diag.List
	g      grid
	header int            // 0-based index of the header row
	cols   map[string]int // canonical or extra key -> 0-based column
	extras []string       // keys of extra columns, in sheet order
	themes map[string]bool
}

// readActions reads the action rows below the header row.
func (r *reader) readActions() {
	g, err := r.wb.readGrid(r.sheet)
	if err != nil {
		r.diags.Errorf(r.sheetPos(), "cannot read the sheet: %s", describe(err, r.wb.limits)).WithHint("%s", saveAsHint)
		return
	}
	if len(g) == 0 {
		r.diags.Errorf(r.sheetPos(), "the sheet is empty").
			WithHint("put the action plan on this sheet under a header row naming the columns: %s", expectedHeaders())
		return
	}
	r.g = g
	if !r.mapHeader() {
		return
	}
	r.readAsAt()
	for row := r.header + 1; row < len(g); row++ {
		r.readRow(row)
	}
	if len(r.plan.Actions) == 0 {
		r.diags.Warnf(r.cellPos(r.header, 0), "there are no actions below the header row")
	}
	r.checkDuplicateRefs()
}

// mapHeader finds the header row and maps its cells to column keys. It
// reports whether every required column is there.
func (r *reader) mapHeader() bool {
	idx := r.opts.aliasIndex()
	r.header = findHeader(r.g, idx)
	if r.header < 0 {
		r.diags.Errorf(r.sheetPos(), "cannot find the header row in the first %d rows", headerScanRows).
			WithHint("give the action plan a header row naming its columns: %s", expectedHeaders())
		return false
	}
	r.cols = map[string]int{}
	for c, v := range r.g[r.header] {
		r.mapHeaderCell(c, v, idx)
	}
	return r.checkRequired()
}

// mapHeaderCell maps one header cell to a canonical key, or keeps it as
// an extra column under its folded text.
func (r *reader) mapHeaderCell(c int, v string, idx map[string]string) {
	if v == "" {
		return
	}
	key, canonical := idx[scale.Key(v)]
	if !canonical {
		key = scale.Key(v)
	}
	if key == "" {
		return
	}
	if _, dup := r.cols[key]; dup {
		r.diags.Warnf(r.cellPos(r.header, c), "a second %q column is ignored", v).
			WithHint("keep one column for each kind of information")
		return
	}
	r.cols[key] = c
	r.plan.Columns = append(r.plan.Columns, key)
	r.plan.Titles[key] = strings.Join(strings.Fields(v), " ")
	if !canonical {
		r.extras = append(r.extras, key)
	}
}

// required names the required columns in words.
var required = map[string]string{"ref": "plan reference", "area": "area for improvement", "rating": "rating"}

// checkRequired reports each required column missing from the header row.
func (r *reader) checkRequired() bool {
	ok := true
	for _, c := range columns {
		if _, found := r.cols[c.key]; !c.required || found {
			continue
		}
		ok = false
		r.diags.Errorf(r.cellPos(r.header, 0), "the header row (row %d) has no %s column", r.header+1, required[c.key]).
			WithHint("add a column headed %s; the headers expected are: %s", aliasHint(c.key), expectedHeaders())
	}
	return ok
}

// get returns the value of column key in row, or "" when the sheet has no
// such column.
func (r *reader) get(row int, key string) string {
	c, ok := r.cols[key]
	if !ok {
		return ""
	}
	return r.g.at(row, c)
}

// pos returns the position of column key's cell in row.
func (r *reader) pos(row int, key string) diag.Pos {
	return r.cellPos(row, r.cols[key])
}

// blank reports whether a row has nothing in the columns that make an
// action (group and timescale may be filled in from merged cells).
func (r *reader) blank(row int) bool {
	for key := range r.cols {
		if key != "group" && key != "timescale" && r.get(row, key) != "" {
			return false
		}
	}
	return true
}

// firstCol is the leftmost column of the table, where a row's position is.
func (r *reader) firstCol() int {
	first := -1
	for _, c := range r.cols {
		if first < 0 || c < first {
			first = c
		}
	}
	return first
}

// checkDuplicateRefs warns when two rows share a reference, since the
// direction of travel matches rows by it.
func (r *reader) checkDuplicateRefs() {
	seen := map[string]bool{}
	for _, a := range r.plan.Actions {
		k := refKey(a.Refs)
		if k != "" && seen[k] {
			r.diags.Warnf(a.Pos, "plan reference %q is used by more than one row", a.Ref).
				WithHint("give each action its own reference so that updates can be compared")
		}
		seen[k] = true
	}
}

// refKey is a reference folded for matching: its parts sorted and folded.
func refKey(refs []string) string {
	parts := make([]string, len(refs))
	for i, s := range refs {
		parts[i] = scale.Key(s)
	}
	sort.Strings(parts)
	return strings.Join(parts, "&")
}

// RefKey returns the key by which rows of two updates are matched: the
// parts of the reference, folded and sorted, so "A1 & A2" matches "a2, a1".
func RefKey(a report.Action) string { return refKey(a.Refs) }
