package post

import (
	"bytes"
	"strconv"
)

// The content scanner's reading of operators as it was before it was
// made faster (session 2 of issue 10's tagging work), kept as the
// reference the fast one must agree with on any content
// (TestMarkContentMatchesReference, FuzzMarkContent): a lexer with one
// call per kind of token, and operators compared as strings. What did
// not change (units, q … Q, dropped font settings, runs) is shared.

// refMarkContent is markContent through the reference scanner.
func refMarkContent(content []byte, mark markFunc) ([]byte, int, error) {
	units, drops, err := refPaintingUnits(content)
	if err != nil {
		return nil, 0, err
	}
	runs, texts := runsOf(units, mark, nil)
	var b bytes.Buffer
	c := copier{src: content, drops: drops}
	at := 0
	for _, r := range runs {
		b.Write(c.copy(nil, at, r.start))
		if r.claimed {
			b.WriteString("/" + r.mark.tag + " <</MCID " + strconv.Itoa(r.mark.mcid) + ">> BDC\n")
		} else {
			b.WriteString("/Artifact BMC\n")
		}
		b.Write(c.copy(nil, r.start, r.end))
		b.WriteString("\nEMC")
		at = r.end
	}
	b.Write(c.copy(nil, at, len(content)))
	return b.Bytes(), texts, nil
}

// refPaintingUnits is paintingUnits through the reference lexer and
// operator classes.
func refPaintingUnits(content []byte) ([]unit, []span, error) {
	s := unitScanner{lex: lexer{src: content}, operands: -1, text: -1, path: -1, state: span{-1, -1}}
	lex := refLexer{&s.lex}
	for {
		tok, start, err := lex.next()
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
			if err := s.operator(refClassify(string(tok)), start); err != nil {
				return nil, nil, err
			}
		default:
			if s.operands < 0 {
				s.operands = start
			}
		}
	}
}

// refClassify is classify as the operator helpers of old compared
// operators, as strings.
func refClassify(op string) opClass {
	switch {
	case op == "q":
		return opSave
	case op == "Q":
		return opRestore
	case op == "BT":
		return opBeginText
	case op == "ET":
		return opEndText
	case showOp(op):
		return opShow
	case oneOf(op, "Tf", "Tc", "Tw", "Tz", "TL", "Tr", "Ts"):
		return opTextState
	case oneOf(op, "m", "l", "c", "v", "y", "h", "re", "W", "W*"):
		return opPath
	case paintOp(op):
		return opPaint
	case op == "n":
		return opEndPath
	case op == "Do" || op == "sh":
		return opDraw
	}
	return opOther
}

// oneOf reports whether op is one of ops.
func oneOf(op string, ops ...string) bool {
	for _, o := range ops {
		if op == o {
			return true
		}
	}
	return false
}

// refLexer is the lexer as it was: white space, then one call per kind
// of token. Strings, dictionaries and brackets are read by lexer.go's
// delimited.
type refLexer struct{ *lexer }

// next returns the next token and where it starts; nil at the end.
func (l refLexer) next() ([]byte, int, error) {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if byteClass[c] == classSpace {
			l.pos++
		} else if c == '%' {
			for l.pos < len(l.src) && l.src[l.pos] != '\n' && l.src[l.pos] != '\r' {
				l.pos++
			}
		} else {
			break
		}
	}
	if l.pos >= len(l.src) {
		return nil, l.pos, nil
	}
	start := l.pos
	switch c := l.src[l.pos]; {
	case c == '/':
		l.pos++
		l.regular()
	case byteClass[c] == classDelim:
		return l.delimited(c)
	default:
		l.regular()
	}
	return l.src[start:l.pos], start, nil
}

// regular consumes a run of regular characters.
func (l refLexer) regular() {
	for l.pos < len(l.src) && byteClass[l.src[l.pos]] == 0 {
		l.pos++
	}
}
