package post

import (
	"bytes"
	"strconv"
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
	units, drops, err := paintingUnits(content)
	if err != nil {
		return nil, 0, err
	}
	runs, texts := runsOf(units, mark)
	var b bytes.Buffer
	b.Grow(len(content) + len(runs)*24)
	c := copier{src: content, drops: drops}
	at := 0
	for _, r := range runs {
		c.copy(&b, at, r.start)
		if r.claimed {
			b.WriteString("/" + r.mark.tag + " <</MCID " + strconv.Itoa(r.mark.mcid) + ">> BDC\n")
		} else {
			b.WriteString("/Artifact BMC\n")
		}
		c.copy(&b, r.start, r.end)
		b.WriteString("\nEMC")
		at = r.end
	}
	c.copy(&b, at, len(content))
	return b.Bytes(), texts, nil
}

// span is a range [start, end) of a content stream.
type span struct{ start, end int }

// copier copies ranges of src in increasing order, leaving out drops
// (sorted, not overlapping).
type copier struct {
	src   []byte
	drops []span
}

// copy writes src[from:to] to b without the dropped ranges in it.
func (c *copier) copy(b *bytes.Buffer, from, to int) {
	for len(c.drops) > 0 && c.drops[0].start < to {
		d := c.drops[0]
		if d.start > from {
			b.Write(c.src[from:d.start])
		}
		if d.end > to { // never: units and drops do not overlap
			return
		}
		from = max(from, d.end)
		c.drops = c.drops[1:]
	}
	if from < to {
		b.Write(c.src[from:to])
	}
}

// runsOf groups units into marked-content sequences, asking mark about
// each text unit in order.
func runsOf(units []unit, mark markFunc) ([]run, int) {
	var runs []run
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

// Operator classes, by switch rather than map: every operator of every
// page is looked up.

// pathOp reports operators that build a path.
func pathOp(op string) bool {
	switch op {
	case "m", "l", "c", "v", "y", "h", "re", "W", "W*":
		return true
	}
	return false
}

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

// stateOp reports operators that set text state.
func stateOp(op string) bool {
	switch op {
	case "Tf", "Tc", "Tw", "Tz", "TL", "Tr", "Ts":
		return true
	}
	return false
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
// repeated text objects that can be left out.
func paintingUnits(content []byte) ([]unit, []span, error) {
	s := unitScanner{lex: lexer{src: content}, operands: -1, text: -1, path: -1, state: span{-1, -1}}
	for {
		tok, start, err := s.lex.next()
		if err != nil {
			return nil, nil, err
		}
		switch {
		case tok == nil:
			return s.units, s.drops, nil
		case string(tok) == "BI":
			if err := s.inlineImage(start); err != nil {
				return nil, nil, err
			}
		case isOperator(tok):
			s.operator(tok, start)
		default:
			if s.operands < 0 {
				s.operands = start
			}
		}
	}
}

// operator handles one operator beginning at start.
func (s *unitScanner) operator(tok []byte, start int) {
	op := string(tok) // short; compared and looked up without copying
	from := start
	if s.operands >= 0 {
		from = s.operands
	}
	s.operands = -1
	end := s.lex.pos
	switch {
	case (op == "q" || op == "Q") && s.text < 0:
		s.saveRestore(op, start, end)
	case op == "BT":
		s.text, s.shows, s.plain = from, false, true
	case op == "ET" && s.text >= 0:
		if s.shows {
			s.add(unitText, s.text, end)
		} else {
			s.stateOnly(s.text, end)
		}
		s.text = -1
	case s.text >= 0:
		s.shows = s.shows || showOp(op)
		s.plain = s.plain && stateOp(op)
	case pathOp(op):
		if s.path < 0 {
			s.path = from
		}
	case paintOp(op) && s.path >= 0:
		s.add(unitPaint, s.path, end)
		s.path = -1
	case op == "n":
		s.path = -1
	case op == "Do" || op == "sh":
		s.add(unitPaint, from, end)
	}
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
func (s *unitScanner) saveRestore(op string, start, end int) {
	if op == "q" {
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
	if u := &s.units[len(s.units)-1]; len(s.units) == q.units+1 && s.path < 0 && u.start >= q.pos {
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

// isOperator reports whether a token is an operator rather than an operand.
func isOperator(tok []byte) bool {
	switch c := tok[0]; {
	case c == '/' || c == '(' || c == '<' || c == '[' || c == ']' || c == '>' ||
		c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return false
	}
	s := string(tok)
	return s != "true" && s != "false" && s != "null"
}
