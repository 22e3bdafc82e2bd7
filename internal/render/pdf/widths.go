package pdf

import (
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/report"
)

// columnWidths shares w between the columns: by the relative widths the
// table gives, else by content — every column gets at least its longest
// word, and the rest goes where the text is longest.
// A heading's longest word always fits: when the words do not all fit,
// body words are cut before a heading is (a "Theme" heading never prints
// as "Them" over "e").
// It also reports whether every column got room for its longest word.
func (b *builder) columnWidths(t *report.Table, w float64, ts *tableSet) ([]float64, bool) {
	n := columnCount(t)
	minW, natW := make([]float64, n), make([]float64, n)
	for i, c := range t.Columns {
		b.measure(plainSpans(c.Title, bold, b.st.text), i, ts, minW, natW)
	}
	head := append([]float64(nil), minW...)
	ws, fits := b.bodyWidths(t, w, ts, minW, natW)
	return floor(ws, head, w), fits
}

// bodyWidths measures the body cells into minW and natW and shares w.
func (b *builder) bodyWidths(t *report.Table, w float64, ts *tableSet, minW, natW []float64) ([]float64, bool) {
	n := len(minW)
	for _, r := range t.Rows {
		if r.Kind != report.BodyRow {
			continue
		}
		for i, c := range r.Cells {
			b.measureCell(c, i, ts, minW, natW)
		}
	}
	if given := givenWidths(t.Columns, n); given != nil {
		return atLeast(scaleTo(given, w), minW, w), sum(minW) <= w
	}
	return share(minW, natW, w), sum(minW) <= w
}

// floor raises columns narrower than hard to it, taking the room from
// the columns above their floor in proportion to how far above they are.
// When not even the floors fit in w, they are scaled to it.
func floor(ws, hard []float64, w float64) []float64 {
	need, excess := 0.0, 0.0
	for i := range ws {
		if ws[i] < hard[i] {
			need += hard[i] - ws[i]
		} else {
			excess += ws[i] - hard[i]
		}
	}
	switch {
	case need == 0:
		return ws
	case need > excess:
		return scaleTo(hard, w)
	}
	out := make([]float64, len(ws))
	for i := range ws {
		out[i] = max(hard[i], ws[i]-(ws[i]-hard[i])*need/excess)
	}
	return out
}

// atLeast raises columns narrower than their longest word to it, taking
// the room from the other columns in proportion to their widths.
func atLeast(ws, minW []float64, w float64) []float64 {
	if sum(minW) > w {
		return waterFill(minW, w)
	}
	fixed := make([]bool, len(ws))
	for range ws {
		free, room := 0.0, w
		for i := range ws {
			if fixed[i] {
				room -= minW[i]
			} else {
				free += ws[i]
			}
		}
		changed := false
		for i := range ws {
			if !fixed[i] && ws[i]/free*room < minW[i] {
				fixed[i], changed = true, true
			}
		}
		if !changed {
			return settle(ws, minW, fixed, free, room)
		}
	}
	return scaleTo(minW, w)
}

// settle sets fixed columns to their minimum and shares room among the rest.
func settle(ws, minW []float64, fixed []bool, free, room float64) []float64 {
	out := make([]float64, len(ws))
	for i := range ws {
		out[i] = minW[i]
		if !fixed[i] {
			out[i] = ws[i] / free * room
		}
	}
	return out
}

// columnCount is the number of columns: headings or the widest row.
func columnCount(t *report.Table) int {
	n := len(t.Columns)
	for _, r := range t.Rows {
		if r.Kind == report.BodyRow {
			n = max(n, len(r.Cells))
		}
	}
	return n
}

// givenWidths returns the table's relative widths when every column sets one.
func givenWidths(cols []report.Column, n int) []float64 {
	if len(cols) != n || n == 0 {
		return nil
	}
	out := make([]float64, n)
	for i, c := range cols {
		if c.Width <= 0 {
			return nil
		}
		out[i] = c.Width
	}
	return out
}

// measureCell records a cell's minimum and natural widths.
func (b *builder) measureCell(c report.Cell, i int, ts *tableSet, minW, natW []float64) {
	if i >= len(minW) {
		return
	}
	b.measure(b.spans(c.Content, regular), i, ts, minW, natW)
	if c.Status != nil {
		b.measure(plainSpans(c.Status.Word, bold, b.st.text), i, ts, minW, natW)
	}
	indent := mm(ts.size) * 1.1
	for _, bl := range c.Bullets {
		b.measure(b.spans(bl, regular), i, ts, minW, natW)
	}
	if len(c.Bullets) > 0 {
		natW[i] += indent
		minW[i] += indent
	}
}

// measure widens column i to fit the spans' longest word and whole text.
func (b *builder) measure(sp []span, i int, ts *tableSet, minW, natW []float64) {
	total := 0.0
	for _, s := range sp {
		total += textWidth(s.text, s.face, ts.size)
		for _, word := range strings.Fields(s.text) {
			minW[i] = max(minW[i], textWidth(word, s.face, ts.size)+2*ts.pad)
		}
	}
	natW[i] = max(natW[i], total+2*ts.pad)
}

// share allots w: when the text fits on one line a column, natural widths;
// otherwise minimums first and the rest in proportion to how much more
// each column would like; when even the minimums do not fit, waterFill.
func share(minW, natW []float64, w float64) []float64 {
	if sum(natW) <= w {
		return scaleTo(natW, w)
	}
	rest := w - sum(minW)
	if rest <= 0 {
		return waterFill(minW, w)
	}
	want := sum(natW) - sum(minW)
	out := make([]float64, len(minW))
	for i := range out {
		out[i] = minW[i]
		if want > 0 {
			out[i] += rest * (natW[i] - minW[i]) / want
		}
	}
	return out
}

// waterFill gives narrow columns (status words, references) all they need
// and shares what is left equally among the wide ones.
func waterFill(minW []float64, w float64) []float64 {
	order := make([]int, len(minW))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return minW[order[a]] < minW[order[b]] })
	out := make([]float64, len(minW))
	left := w
	for k, i := range order {
		fair := left / float64(len(order)-k)
		out[i] = min(minW[i], fair)
		left -= out[i]
	}
	return out
}

// scaleTo scales widths so they add up to w.
func scaleTo(ws []float64, w float64) []float64 {
	t := sum(ws)
	out := make([]float64, len(ws))
	for i, v := range ws {
		out[i] = v / t * w
	}
	return out
}
