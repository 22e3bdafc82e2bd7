package post

import (
	"bytes"
	"strconv"
	"sync"
)

// Marking a page's content for tagging. The page content is scanned
// operator by operator; every text object that shows text (BT … Tj … ET),
// every painted path, shading, inline image and XObject is a painting
// unit. A unit that is alone in its q … Q takes the q and Q in with it,
// so that a unit's q/Q are always balanced and marked-content sequences
// nest properly with the graphics state. A text unit the structure tree
// claims is wrapped as "/Tag <</MCID n>> BDC … EMC"; every other unit as
// "/Artifact BMC … EMC". Consecutive units with nothing painted and no
// q or Q between them share one sequence when they are lines of one
// element or artefacts both: one MCID per run of lines rather than per
// line keeps the ParentTree and screen readers' work small (issue 10).
// Operators that paint nothing (state changes, font-only text objects)
// are left outside any sequence, or inside a run they fall in.

// unitKind says what a painting unit draws.
type unitKind uint8

const (
	unitText  unitKind = iota + 1 // a text object that shows text
	unitPaint                     // a painted path, shading, image or XObject
)

// unit is a painting unit: the bytes [start, end) of the content, and
// how many q and Q operators came before its start and its end.
type unit struct {
	kind       unitKind
	start, end int
	qs, qe     int
}

// textMark says how to mark one text unit: its structure type and MCID.
type textMark struct {
	tag  string
	mcid int
}

// markFunc returns, for the k-th text unit (from 1), its mark and whether
// the structure tree claims it. joinable says that the unit may continue
// the sequence of text k-1; returning that text's mark joins it.
type markFunc func(k int, joinable bool) (textMark, bool)

// run is a marked-content sequence: the bytes [start, end) of the
// content it encloses and its mark, a claimed text's or an artefact's.
type run struct {
	start, end int
	mark       textMark
	claimed    bool
}

// markContent rewrites content so that every painting unit is marked. It
// returns the new content and the number of text units seen.
func markContent(content []byte, mark markFunc) ([]byte, int, error) {
	sc := scratchPool.Get().(*markScratch)
	defer scratchPool.Put(sc)
	units, drops, err := paintingUnits(content, sc)
	if err != nil {
		return nil, 0, err
	}
	runs, texts := runsOf(units, mark, sc.runs[:0])
	sc.runs = runs
	out := make([]byte, 0, markedSize(len(content), runs))
	c := copier{src: content, drops: drops}
	at := 0
	for _, r := range runs {
		out = c.copy(out, at, r.start)
		out = appendMark(out, r)
		out = c.copy(out, r.start, r.end)
		out = append(out, "\nEMC"...)
		at = r.end
	}
	out = c.copy(out, at, len(content))
	return out, texts, nil
}

// appendMark appends the operator that opens r's sequence.
func appendMark(out []byte, r run) []byte {
	if !r.claimed {
		return append(out, "/Artifact BMC\n"...)
	}
	out = append(out, '/')
	out = append(out, r.mark.tag...)
	out = append(out, " <</MCID "...)
	out = strconv.AppendInt(out, int64(r.mark.mcid), 10)
	return append(out, ">> BDC\n"...)
}

// markedSize is room enough for content of n bytes with runs marked, so
// that the marked page is one allocation of about its own size.
func markedSize(n int, runs []run) int {
	n++ // and a newline after it (markPages)
	for _, r := range runs {
		n += len("/ <</MCID 0000000000>> BDC\n\nEMC") + len(r.mark.tag)
	}
	return n
}

// markScratch is the room marking one page needs and the next page can
// reuse: pages are marked on all cores, a few hundred each.
type markScratch struct {
	units []unit
	runs  []run
	saves []qSave
	drops []span
}

var scratchPool = sync.Pool{New: func() any { return new(markScratch) }}

// span is a range [start, end) of a content stream.
type span struct{ start, end int }

// copier copies ranges of src in increasing order, leaving out drops
// (sorted, not overlapping).
type copier struct {
	src   []byte
	drops []span
}

// copy appends src[from:to] to out without the dropped ranges in it.
func (c *copier) copy(out []byte, from, to int) []byte {
	for len(c.drops) > 0 && c.drops[0].start < to {
		d := c.drops[0]
		if d.start > from {
			out = append(out, c.src[from:d.start]...)
		}
		if d.end > to { // never: units and drops do not overlap
			return out
		}
		from = max(from, d.end)
		c.drops = c.drops[1:]
	}
	if from < to {
		out = append(out, c.src[from:to]...)
	}
	return out
}

// runsOf appends to runs the marked-content sequences units group into,
// asking mark about each text unit in order.
func runsOf(units []unit, mark markFunc, runs []run) ([]run, int) {
	texts := 0
	for i, u := range units {
		m, ok := textMark{}, false
		// Only the unit just before may be continued, and only with no
		// q or Q between, so that the sequence stays balanced.
		clean := i > 0 && units[i-1].qe == u.qs
		if u.kind == unitText {
			texts++
			prevText := clean && units[i-1].kind == unitText && runs[len(runs)-1].claimed
			m, ok = mark(texts, prevText)
		}
		if n := len(runs); clean && runs[n-1].claimed == ok && runs[n-1].mark == m {
			runs[n-1].end = u.end
			continue
		}
		runs = append(runs, run{start: u.start, end: u.end, mark: m, claimed: ok})
	}
	return runs, texts
}

// opClass is what an operator means to the unit scanner.
type opClass uint8

const (
	opOther       opClass = iota // paints nothing and opens nothing
	opOperand                    // true, false or null: an operand, not an operator
	opSave                       // q
	opRestore                    // Q
	opBeginText                  // BT
	opEndText                    // ET
	opShow                       // shows text: Tj, TJ, ' and "
	opTextState                  // sets text state: Tf, Tc, Tw, Tz, TL, Tr, Ts
	opPath                       // builds a path: m, l, c, v, y, h, re, W, W*
	opPaint                      // ends a path by painting it: S, s, f, F, f*, B, B*, b, b*
	opEndPath                    // n: ends a path without painting it
	opDraw                       // paints on its own: Do, sh
	opInlineImage                // BI
)

// classify looks an operator up by switch rather than map: every
// operator of every page is looked up, and switching on the bytes as a
// string neither allocates nor copies.
func classify(op []byte) opClass {
	switch string(op) {
	case "true", "false", "null":
		return opOperand
	case "q":
		return opSave
	case "Q":
		return opRestore
	case "BT":
		return opBeginText
	case "ET":
		return opEndText
	case "Tj", "TJ", "'", "\"":
		return opShow
	case "Tf", "Tc", "Tw", "Tz", "TL", "Tr", "Ts":
		return opTextState
	case "m", "l", "c", "v", "y", "h", "re", "W", "W*":
		return opPath
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
		return opPaint
	case "n":
		return opEndPath
	case "Do", "sh":
		return opDraw
	case "BI":
		return opInlineImage
	}
	return opOther
}

// unitScanner groups a content stream's operators into painting units.
type unitScanner struct {
	lex      lexer
	units    []unit
	operands int // start of the pending operands, -1 when none
	text     int // start of the open text object, -1 outside one
	shows    bool
	path     int     // start of the open path, -1 outside one
	saves    []qSave // the open q operators
	qs       int     // q and Q operators seen
	// A text object that shows nothing (gofpdf writes "BT /F… 12.00 Tf
	// ET" each time maroto sets the font, three times per run) is dropped
	// when the same bytes follow it with nothing between: the later one
	// sets the same state. It saves a twentieth of the compressed pack.
	plain bool // the open text object holds only state operators
	state span // the last text object that showed nothing, if plain
	drops []span
}

// qSave is an open q: where it starts, the q and Q seen before it and
// the units found before it.
type qSave struct {
	pos, qs, units int
}

// paintingUnits lists the painting units of content in order, and the
// repeated text objects that can be left out, in room taken from sc (and
// given back to it for the next page).
func paintingUnits(content []byte, sc *markScratch) ([]unit, []span, error) {
	s := unitScanner{lex: lexer{src: content}, operands: -1, text: -1, path: -1, state: span{-1, -1},
		units: sc.units[:0], saves: sc.saves[:0], drops: sc.drops[:0]}
	defer func() { sc.units, sc.saves, sc.drops = s.units, s.saves, s.drops }()
	for {
		tok, start, err := s.lex.next()
		if err != nil {
			return nil, nil, err
		}
		switch {
		case tok == nil:
			return s.units, s.drops, nil
		case !isOperatorStart(tok[0]):
			if s.operands < 0 {
				s.operands = start
			}
		default:
			if err := s.operator(classify(tok), start); err != nil {
				return nil, nil, err
			}
		}
	}
}

// operator handles one operator of class op beginning at start.
func (s *unitScanner) operator(op opClass, start int) error {
	if op == opOperand {
		if s.operands < 0 {
			s.operands = start
		}
		return nil
	}
	from := start
	if s.operands >= 0 {
		from = s.operands
	}
	s.operands = -1
	end := s.lex.pos
	switch {
	case op == opInlineImage:
		return s.inlineImage(start)
	case (op == opSave || op == opRestore) && s.text < 0:
		s.saveRestore(op, start, end)
	case op == opBeginText:
		s.text, s.shows, s.plain = from, false, true
	case op == opEndText && s.text >= 0:
		if s.shows {
			s.add(unitText, s.text, end)
		} else {
			s.stateOnly(s.text, end)
		}
		s.text = -1
	case s.text >= 0:
		s.shows = s.shows || op == opShow
		s.plain = s.plain && op == opTextState
	case op == opPath:
		if s.path < 0 {
			s.path = from
		}
	case op == opPaint && s.path >= 0:
		s.add(unitPaint, s.path, end)
		s.path = -1
	case op == opEndPath:
		s.path = -1
	case op == opDraw:
		s.add(unitPaint, from, end)
	}
	return nil
}

// stateOnly records a text object [start, end) that showed nothing,
// dropping the one before it when it is the same and only white space
// lies between.
func (s *unitScanner) stateOnly(start, end int) {
	src := s.lex.src
	if !s.plain {
		s.state = span{-1, -1}
		return
	}
	if p := s.state; p.start >= 0 && len(bytes.TrimSpace(src[p.end:start])) == 0 &&
		bytes.Equal(src[p.start:p.end], src[start:end]) {
		s.drops = append(s.drops, span{p.start, start}) // with the white space after it
	}
	s.state = span{start, end}
}

// add appends a unit [start, end) with no q or Q inside.
func (s *unitScanner) add(kind unitKind, start, end int) {
	s.units = append(s.units, unit{kind: kind, start: start, end: end, qs: s.qs, qe: s.qs})
}

// saveRestore follows q and Q; a Q whose q holds one unit and nothing
// else painted takes the q … Q into the unit.
func (s *unitScanner) saveRestore(op opClass, start, end int) {
	if op == opSave {
		s.saves = append(s.saves, qSave{pos: start, qs: s.qs, units: len(s.units)})
		s.qs++
		return
	}
	s.qs++
	if len(s.saves) == 0 {
		return
	}
	q := s.saves[len(s.saves)-1]
	s.saves = s.saves[:len(s.saves)-1]
	if len(s.units) != q.units+1 || s.path >= 0 {
		return
	}
	if u := &s.units[len(s.units)-1]; u.start >= q.pos {
		u.start, u.end, u.qs, u.qe = q.pos, end, q.qs, s.qs
	}
}

// inlineImage takes an inline image (BI … ID data EI) as one unit.
func (s *unitScanner) inlineImage(start int) error {
	end, err := s.lex.skipImage()
	if err != nil {
		return err
	}
	s.add(unitPaint, start, end)
	s.operands = -1
	return nil
}

// Operator classes for the audit, which reads a finished file's content
// once and compares operators as strings.

// paintOp reports operators that end a path by painting it.
func paintOp(op string) bool {
	switch op {
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
		return true
	}
	return false
}

// showOp reports operators that show text.
func showOp(op string) bool {
	switch op {
	case "Tj", "TJ", "'", "\"":
		return true
	}
	return false
}

// isOperator reports whether a token is an operator rather than an operand.
func isOperator(tok []byte) bool {
	if !isOperatorStart(tok[0]) {
		return false
	}
	s := string(tok)
	return s != "true" && s != "false" && s != "null"
}

// isOperatorStart reports whether a token starting with c may be an
// operator: names, strings, arrays, dictionaries and numbers are operands.
func isOperatorStart(c byte) bool {
	switch {
	case c == '/' || c == '(' || c == '<' || c == '[' || c == ']' || c == '>' ||
		c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return false
	}
	return true
}
