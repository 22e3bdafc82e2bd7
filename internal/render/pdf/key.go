package pdf

import "github.com/reportpack/reportpack/internal/report"

// key prints a table's key: each status word on its colour, then its
// meaning, so colour is never the only signal.
func (b *builder) key(entries []report.KeyEntry, x, w float64) {
	if len(entries) == 0 {
		return
	}
	st := b.st
	b.addText(textBlock{spans: plainSpans("Key", bold, st.text), size: st.body, x: x, w: w,
		before: st.paraSpace, keep: true,
		info: textInfo{role: RoleNote, block: b.newBlock(), row: noCell, col: noCell}})
	sw := 0.0
	for _, e := range entries {
		sw = max(sw, textWidth(e.Status.Word, bold, st.body))
	}
	sw += mm(st.body) * 1.2
	for i, e := range entries {
		b.keyEntry(e, x, w, sw, i < len(entries)-1)
	}
}

// keyEntry prints one status swatch with its meaning beside it.
func (b *builder) keyEntry(e report.KeyEntry, x, w, sw float64, keep bool) {
	st := b.st
	lh := st.lineHeight(st.body)
	info := textInfo{role: RoleNote, block: b.newBlock(), row: noCell, col: noCell}
	status := e.Status
	c := b.swatchOf(&status)
	start := len(b.f.entries)
	b.addText(textBlock{spans: plainSpans(e.Meaning, regular, st.text), size: st.body,
		x: x + sw + mm(st.body)*0.8, w: w - sw - mm(st.body)*0.8, before: 1.2, keep: keep, info: info})
	first := b.f.entries[start].box
	word := textElem(x+mm(st.body)*0.6, baseline(lh, st.body), status.Word, bold, st.body, c.text, info)
	first.elems = append([]elem{fillElem(x, 0.3, sw, lh-0.6, c.fill), word}, first.elems...)
}
