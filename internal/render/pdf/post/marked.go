package post

import (
	"bytes"
	"strconv"
)

// Marking a page's content for tagging. The page content is scanned
// operator by operator; every text object that shows text (BT … Tj … ET),
// every painted path, shading, inline image and XObject is a painting
// unit. A text unit the structure tree claims is wrapped as
// "/Tag <</MCID n>> BDC … EMC"; every other unit as "/Artifact BMC … EMC".
// Units never contain q or Q, so the marked-content sequences nest
// properly with the graphics state. Operators that paint nothing (state
// changes, font-only text objects) are left outside any sequence.

// unitKind says what a painting unit draws.
type unitKind uint8

const (
	unitText  unitKind = iota + 1 // a text object that shows text
	unitPaint                     // a painted path, shading, image or XObject
)

// unit is a painting unit: the bytes [start, end) of the content.
type unit struct {
	kind       unitKind
	start, end int
}

// textMark says how to mark one text unit: its structure type and MCID.
type textMark struct {
	tag  string
	mcid int
}

// markContent rewrites content so that every painting unit is marked;
// mark returns, for the k-th text unit (from 1), its tag and whether the
// structure tree claims it. It returns the new content and the number of
// text units seen.
func markContent(content []byte, mark func(k int) (textMark, bool)) ([]byte, int, error) {
	units, err := paintingUnits(content)
	if err != nil {
		return nil, 0, err
	}
	var b bytes.Buffer
	b.Grow(len(content) + len(units)*24)
	at, texts := 0, 0
	for _, u := range units {
		b.Write(content[at:u.start])
		m, ok := textMark{}, false
		if u.kind == unitText {
			texts++
			m, ok = mark(texts)
		}
		if ok {
			b.WriteString("/" + m.tag + " <</MCID " + strconv.Itoa(m.mcid) + ">> BDC\n")
		} else {
			b.WriteString("/Artifact BMC\n")
		}
		b.Write(content[u.start:u.end])
		b.WriteString("\nEMC")
		at = u.end
	}
	b.Write(content[at:])
	return b.Bytes(), texts, nil
}

// pathOps build a path; paintOps end one by painting it.
var (
	pathOps  = map[string]bool{"m": true, "l": true, "c": true, "v": true, "y": true, "h": true, "re": true, "W": true, "W*": true}
	paintOps = map[string]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true}
	showOps  = map[string]bool{"Tj": true, "TJ": true, "'": true, "\"": true}
)

// unitScanner groups a content stream's operators into painting units.
type unitScanner struct {
	lex      lexer
	units    []unit
	operands int // start of the pending operands, -1 when none
	text     int // start of the open text object, -1 outside one
	shows    bool
	path     int // start of the open path, -1 outside one
}

// paintingUnits lists the painting units of content in order.
func paintingUnits(content []byte) ([]unit, error) {
	s := unitScanner{lex: lexer{src: content}, operands: -1, text: -1, path: -1}
	for {
		tok, start, err := s.lex.next()
		if err != nil {
			return nil, err
		}
		switch {
		case tok == nil:
			return s.units, nil
		case string(tok) == "BI":
			if err := s.inlineImage(start); err != nil {
				return nil, err
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
	case op == "BT":
		s.text, s.shows = from, false
	case op == "ET" && s.text >= 0:
		if s.shows {
			s.units = append(s.units, unit{kind: unitText, start: s.text, end: end})
		}
		s.text = -1
	case s.text >= 0:
		s.shows = s.shows || showOps[op]
	case pathOps[op]:
		if s.path < 0 {
			s.path = from
		}
	case paintOps[op] && s.path >= 0:
		s.units = append(s.units, unit{kind: unitPaint, start: s.path, end: end})
		s.path = -1
	case op == "n":
		s.path = -1
	case op == "Do" || op == "sh":
		s.units = append(s.units, unit{kind: unitPaint, start: from, end: end})
	}
}

// inlineImage takes an inline image (BI … ID data EI) as one unit.
func (s *unitScanner) inlineImage(start int) error {
	end, err := s.lex.skipImage()
	if err != nil {
		return err
	}
	s.units = append(s.units, unit{kind: unitPaint, start: start, end: end})
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
