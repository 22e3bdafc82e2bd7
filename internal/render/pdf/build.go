package pdf

import (
	"strings"

	"github.com/reportpack/reportpack/internal/report"
)

// builder turns a Pack into a flow of boxes, recording the outline.
type builder struct {
	st         *style
	pack       *report.Pack
	pages      report.Pages // the previous pass's page map, quoted by the agenda
	counts     map[*report.Appendix]int
	large      bool
	f          flow
	outline    []outlineEntry
	item       string         // slug of the item being built; qualifies anchors
	rep        *report.Report // the report being built
	blocks     int
	groups     int
	hang       float64     // width of the hanging number column
	inSection  bool        // inside a numbered section: text starts after the hang
	lines      lineBuilder // room for breaking text, reused block after block
	rowScratch []elem      // room for laying out a table row; see rowRoom
}

// outlineEntry is a bookmark: title, depth from 1, and destination anchor.
type outlineEntry struct {
	title  string
	level  int
	anchor string
}

// newBlock returns a fresh id for a logical block.
func (b *builder) newBlock() int { b.blocks++; return b.blocks }

// newGroup returns a fresh id for a list or table.
func (b *builder) newGroup() int { b.groups++; return b.groups }

// qualify makes an in-report anchor unique in the pack: "slug#para-3-2-5".
func (b *builder) qualify(anchor string) string {
	if anchor == "" {
		return ""
	}
	return b.item + "#" + strings.TrimPrefix(anchor, "#")
}

// link qualifies in-report links and leaves external ones alone.
func (b *builder) link(l string) string {
	if strings.HasPrefix(l, "#") {
		return b.qualify(l)
	}
	return l
}

// spans converts inlines with the builder's colours and qualified links.
func (b *builder) spans(in []report.Inline, base face) []span {
	out := spansOf(in, base, b.st.text, b.st.link)
	for i := range out {
		out[i].link = b.link(out[i].link)
	}
	return out
}

// bookmark adds an outline entry.
func (b *builder) bookmark(title string, level int, anchor string) {
	b.outline = append(b.outline, outlineEntry{title: title, level: level, anchor: anchor})
}

// textBlock is rich text to set as lines: a paragraph, heading or list item.
type textBlock struct {
	spans     []span
	size      float64
	x, w      float64 // the text column
	label     string  // hanging label on the first line, drawn at labelX
	labelX    float64
	labelFace face
	labelRole Role
	info      textInfo // role of the text
	before    float64
	keep      bool   // keep with the next block
	anchor    string // qualified anchor at the first line
	gap       float64
}

// addText sets a text block as one box a line, keeping the first two and
// the last two lines together (no orphans or widows).
func (b *builder) addText(t textBlock) {
	lh := b.st.lineHeight(t.size)
	base := baseline(lh, t.size)
	firstX := t.x
	if t.label != "" {
		firstX = max(t.x, t.labelX+textWidth(t.label, t.labelFace, t.size)+mm(t.size)*0.6)
	}
	lines := b.lines.breakLines(t.spans, t.size, t.w-(firstX-t.x), t.w)
	n := len(lines)
	for i, ln := range lines {
		bx := &box{h: lh, keep: t.keep || (i == 0 && n > 1) || i == n-2}
		x := t.x
		if i == 0 {
			bx.before, x = t.before, firstX
			b.firstLine(bx, t, base)
		}
		bx.elems = appendLine(bx.elems, ln, x, base, t.size, t.info)
		b.f.add(bx)
	}
	if t.gap > 0 {
		b.f.add(&box{h: t.gap, keep: t.keep})
	}
}

// firstLine adds a block's label and anchor to its first line's box.
func (b *builder) firstLine(bx *box, t textBlock, base float64) {
	if t.anchor != "" {
		bx.anchors = append(bx.anchors, anchor{name: t.anchor})
	}
	if t.label == "" {
		return
	}
	info := t.info
	info.role = t.labelRole
	bx.elems = append(bx.elems, textElem(t.labelX, base, t.label, t.labelFace, t.size, b.colourOf(t), info))
}

// colourOf is the colour of a block's label: its first span's.
func (b *builder) colourOf(t textBlock) rgb {
	if len(t.spans) > 0 && t.spans[0].link == "" {
		return t.spans[0].colour
	}
	return b.st.text
}

// baseline is where text of size sits in a line of height lh.
func baseline(lh, size float64) float64 {
	s := mm(size)
	return (lh-(ascent+descent)*s)/2 + ascent*s
}

// para is a plain paragraph of body text in the column from x, width w.
func (b *builder) para(spans []span, x, w float64, role Role, before float64) {
	b.addText(textBlock{spans: spans, size: b.st.body, x: x, w: w, before: before,
		info: textInfo{role: role, block: b.newBlock(), row: noCell, col: noCell}})
}

// heading sets a heading in bold at size, kept with what follows.
func (b *builder) heading(spans []span, size float64, level int, x, before float64, anchor string) {
	b.addText(textBlock{spans: spans, size: size, x: x, w: b.st.left + b.st.contentW() - x,
		before: before, keep: true, anchor: anchor,
		info: textInfo{role: RoleHeading, level: level, block: b.newBlock(), row: noCell, col: noCell}})
}

// rule adds a full-width horizontal rule with space around it.
func (b *builder) rule(before, after float64, c rgb) {
	b.f.add(&box{h: after, before: before, elems: []elem{hrule(b.st.left, 0, b.st.contentW(), 0.4, c)}})
}

// spacer adds vertical space that disappears at the top of a page.
func (b *builder) spacer(h float64) { b.f.add(&box{before: h}) }
