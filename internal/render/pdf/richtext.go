package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/reportpack/reportpack/internal/report"
)

// The rich-text component: styled runs measured with the embedded fonts'
// metrics and broken into lines here, because maroto's text has one style
// per call. Each line becomes one text element per style change.

// span is a run of text in one face, colour and link.
type span struct {
	text   string
	face   face
	link   string
	colour rgb
	brk    bool // a hard line break; text is ignored
}

// frag is a piece of a laid-out line: text in one style at an offset.
type frag struct {
	x    float64
	text string
	face face
	link string
	col  rgb
}

// line is one laid-out line of rich text.
type line struct {
	frags []frag
	w     float64
	// between says the text goes on after this line with a space or a
	// line break between words, not inside a word.
	between bool
}

// spansOf converts report inlines to spans; base adds emphasis (bold
// headings), plain is the text colour and link the colour of links.
func spansOf(in []report.Inline, base face, plain, link rgb) []span {
	out := make([]span, 0, len(in))
	for _, r := range in {
		if r.Kind == report.LineBreak {
			out = append(out, span{brk: true})
			continue
		}
		f := faceOf(r.Style)
		if base == bold {
			f = f.withBold()
		}
		c := plain
		if r.Link != "" {
			c = link
		}
		out = append(out, span{text: r.Text, face: f, link: r.Link, colour: c})
	}
	return out
}

// plainSpans is a single span of plain text.
func plainSpans(s string, f face, c rgb) []span { return []span{{text: s, face: f, colour: c}} }

// atom is an unbreakable piece of text in one style; space atoms separate words.
type atom struct {
	text  string
	span  int
	w     float64
	space bool
	brk   bool
}

// atomize appends spans' words and spaces, measured at size, to dst.
// White space folds into one space atom, but a span's leading space is
// kept even after another span's trailing one.
func atomize(dst []atom, spans []span, size float64) []atom {
	for i, sp := range spans {
		if sp.brk {
			dst = append(dst, atom{brk: true, span: i})
			continue
		}
		spaced := false // the span's last atom is a space
		for s := sp.text; len(s) > 0; {
			k := strings.IndexAny(s, " \t\n")
			if k < 0 {
				k = len(s)
			}
			if k > 0 {
				dst = append(dst, atom{text: s[:k], span: i, w: textWidth(s[:k], sp.face, size)})
				spaced = false
			}
			if k == len(s) {
				break
			}
			if !spaced {
				dst = append(dst, atom{text: " ", span: i, w: textWidth(" ", sp.face, size), space: true})
				spaced = true
			}
			s = s[k+1:]
		}
	}
	return dst
}

// breakLines lays spans out in lines no wider than width (first line:
// first). Lines break at spaces; a word longer than a line is cut.
func breakLines(spans []span, size, first, width float64) []line {
	var lb lineBuilder
	return lb.breakLines(spans, size, first, width)
}

// lineBuilder accumulates atoms into lines. It keeps its slices from one
// breakLines to the next, as text is set a paragraph or cell at a time.
type lineBuilder struct {
	spans []span
	size  float64
	width float64
	atoms []atom
	cur   []atom
	curW  float64
	lines []line
}

// breakLines is the package's breakLines on lb's room: the lines and
// their fragments are valid until the next call.
func (lb *lineBuilder) breakLines(spans []span, size, first, width float64) []line {
	lb.atoms = atomize(lb.atoms[:0], spans, size)
	lb.spans, lb.size, lb.width = spans, size, first
	lb.cur, lb.curW, lb.lines = lb.cur[:0], 0, lb.lines[:0]
	for i := 0; i < len(lb.atoms); {
		i = lb.addWord(lb.atoms, i)
		if len(lb.lines) > 0 {
			lb.width = width
		}
	}
	lb.flush(false)
	if len(lb.lines) == 0 {
		lb.lines = append(lb.lines, line{})
	}
	return lb.lines
}

// addWord adds the word (or break or space) starting at atoms[i] and
// returns the index after it.
func (lb *lineBuilder) addWord(atoms []atom, i int) int {
	a := atoms[i]
	switch {
	case a.brk:
		lb.flush(true)
		return i + 1
	case a.space:
		if len(lb.cur) > 0 {
			lb.cur = append(lb.cur, a)
			lb.curW += a.w
		}
		return i + 1
	}
	j, w := i, 0.0
	for j < len(atoms) && !atoms[j].space && !atoms[j].brk {
		w += atoms[j].w
		j++
	}
	lb.place(atoms[i:j], w)
	return j
}

// fitSlack is how far, in mm, a word may overrun a line and still fit: a
// column measured to fit its longest word exactly gets its width back
// through different sums, a rounding error short (issue 9: "Theme" was
// cut to "Them" and "e").
const fitSlack = 1e-6

// place puts a word of width w on the current line or the next.
func (lb *lineBuilder) place(word []atom, w float64) {
	if lb.curW+w > lb.width+fitSlack && len(lb.cur) > 0 {
		lb.flush(true)
	}
	if w > lb.width+fitSlack && len(lb.cur) == 0 {
		lb.cutWord(word)
		return
	}
	lb.cur = append(lb.cur, word...)
	lb.curW += w
}

// cutWord places a word too long for any line, cutting it between runes.
func (lb *lineBuilder) cutWord(word []atom) {
	for _, a := range word {
		f := lb.spans[a.span].face
		for _, r := range a.text {
			s := string(r)
			w := textWidth(s, f, lb.size)
			if lb.curW+w > lb.width && len(lb.cur) > 0 {
				lb.flush(false)
			}
			lb.cur = append(lb.cur, atom{text: s, span: a.span, w: w})
			lb.curW += w
		}
	}
}

// flush ends the current line, dropping trailing spaces and merging
// neighbouring atoms of the same span into fragments; between says the
// text goes on after a space or a line break.
func (lb *lineBuilder) flush(between bool) {
	for len(lb.cur) > 0 && lb.cur[len(lb.cur)-1].space {
		lb.curW -= lb.cur[len(lb.cur)-1].w
		lb.cur = lb.cur[:len(lb.cur)-1]
	}
	// The slot past the last line may hold an earlier call's fragments:
	// their room is reused.
	var frags []frag
	if n := len(lb.lines); n < cap(lb.lines) {
		frags = lb.lines[:n+1][n].frags[:0]
	}
	ln := lb.merge(frags, lb.cur)
	ln.between = between
	lb.lines = append(lb.lines, ln)
	lb.cur, lb.curW = lb.cur[:0], 0
}

// merge joins atoms into fragments appended to frags, one per run of the
// same span.
func (lb *lineBuilder) merge(frags []frag, atoms []atom) line {
	ln := line{frags: frags}
	x := 0.0
	for k := 0; k < len(atoms); {
		sp := lb.spans[atoms[k].span]
		start, end := x, k
		n := 0
		for ; end < len(atoms) && lb.sameStyle(atoms[end].span, sp); end++ {
			n += len(atoms[end].text)
			x += atoms[end].w
		}
		text := atoms[k].text
		if end-k > 1 {
			var b strings.Builder
			b.Grow(n)
			for _, a := range atoms[k:end] {
				b.WriteString(a.text)
			}
			text = b.String()
		}
		ln.frags = append(ln.frags, frag{x: start, text: text, face: sp.face, link: sp.link, col: sp.colour})
		k = end
	}
	ln.w = x
	return ln
}

// sameStyle reports whether span i prints like sp.
func (lb *lineBuilder) sameStyle(i int, sp span) bool {
	o := lb.spans[i]
	return o.face == sp.face && o.link == sp.link && o.colour == sp.colour
}

// appendLine appends to out the elements that draw a line with its left
// edge at x and baseline at y, underlining links so colour is not their only sign. A line the text
// goes on from ends with a space, drawn but not measured: a tagged pack
// marks a paragraph's lines as one sequence, and the space keeps the last
// word of a line apart from the first of the next for screen readers and
// text extraction (issue 10).
func appendLine(out []elem, ln line, x, y, size float64, info textInfo) []elem {
	for i, f := range ln.frags {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		e := textElem(x+f.x, y, f.text, f.face, size, f.col, info)
		if ln.between && i == len(ln.frags)-1 {
			e.text += " "
		}
		e.link = f.link
		out = append(out, e)
		if f.link != "" {
			out = append(out, hrule(e.x, y+mm(size)*0.12, e.w, mm(size)*0.06, f.col))
		}
	}
	return out
}

// truncate shortens s with an ellipsis so that it fits width.
func truncate(s string, f face, size, width float64) string {
	if textWidth(s, f, size) <= width {
		return s
	}
	for len(s) > 0 {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		if textWidth(s+"…", f, size) <= width {
			return strings.TrimSpace(s) + "…"
		}
	}
	return ""
}
