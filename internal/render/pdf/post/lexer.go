package post

import (
	"bytes"
	"fmt"
)

// lexer splits a content stream into tokens: numbers, names, strings,
// arrays' brackets, dictionaries (whole) and operators. It only needs to
// find where each token starts and ends, so it does not decode them.
type lexer struct {
	src []byte
	pos int
}

// next returns the next token and where it starts; nil at the end. It
// reads every byte of every page, so white space and the tokens most of
// a page is made of (numbers, names, operators) are read in one pass,
// inline.
func (l *lexer) next() ([]byte, int, error) {
	src, i := l.src, l.pos
	for i < len(src) {
		if c := src[i]; byteClass[c] == classSpace {
			i++
		} else if c == '%' {
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		} else {
			break
		}
	}
	if i >= len(src) {
		l.pos = i
		return nil, i, nil
	}
	start := i
	c := src[i]
	if c == '/' {
		i++
	} else if byteClass[c] != 0 {
		l.pos = i
		return l.delimited(c)
	}
	for i < len(src) && byteClass[src[i]] == 0 {
		i++
	}
	l.pos = i
	return src[start:i], start, nil
}

// delimited reads a token at l.pos that starts with the delimiter c
// other than '/': a string, a dictionary or a bracket.
func (l *lexer) delimited(c byte) ([]byte, int, error) {
	start := l.pos
	var err error
	switch {
	case c == '(':
		err = l.literal()
	case c == '<' && l.peek(1) == '<':
		err = l.dict()
	case c == '<':
		err = l.skipTo('>')
	case c == ')':
		err = fmt.Errorf("page content: a ')' closes no string")
	default: // [ ] > { }
		l.pos++
	}
	if err != nil {
		return nil, start, err
	}
	return l.src[start:l.pos], start, nil
}

// peek returns the byte i ahead, or 0 past the end.
func (l *lexer) peek(i int) byte {
	if l.pos+i < len(l.src) {
		return l.src[l.pos+i]
	}
	return 0
}

// literal consumes a (string) with escapes and balanced parentheses.
func (l *lexer) literal() error {
	depth := 0
	for ; l.pos < len(l.src); l.pos++ {
		switch l.src[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos++
				return nil
			}
		}
	}
	return fmt.Errorf("page content: a string does not end")
}

// skipTo consumes up to and including the byte c.
func (l *lexer) skipTo(c byte) error {
	for ; l.pos < len(l.src); l.pos++ {
		if l.src[l.pos] == c {
			l.pos++
			return nil
		}
	}
	return fmt.Errorf("page content: %q is missing", c)
}

// dict consumes a << … >> dictionary, nested ones and strings included.
func (l *lexer) dict() error {
	l.pos += 2
	for {
		tok, _, err := l.next()
		switch {
		case err != nil:
			return err
		case tok == nil:
			return fmt.Errorf("page content: a dictionary does not end")
		case len(tok) == 1 && tok[0] == '>' && l.pos < len(l.src) && l.src[l.pos] == '>':
			l.pos++
			return nil
		}
	}
}

// skipImage skips an inline image's dictionary and data after BI, up to
// and including EI, and returns where it ends.
func (l *lexer) skipImage() (int, error) {
	i := bytes.Index(l.src[l.pos:], []byte("ID"))
	if i < 0 {
		return 0, fmt.Errorf("page content: an inline image has no data")
	}
	for j := l.pos + i + 3; j+2 <= len(l.src); j++ {
		if l.src[j] == 'E' && l.src[j+1] == 'I' && isSpace(l.src[j-1]) &&
			(j+2 == len(l.src) || isSpace(l.src[j+2]) || isDelim(l.src[j+2])) {
			l.pos = j + 2
			return l.pos, nil
		}
	}
	return 0, fmt.Errorf("page content: an inline image does not end")
}

// Byte classes for the lexer, looked up rather than compared: the lexer
// reads every byte of every page.
const (
	classSpace = 1 << iota
	classDelim
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte{' ', '\n', '\r', '\t', '\f', 0} {
		t[c] = classSpace
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = classDelim
	}
	return t
}()

// isSpace reports PDF white space.
func isSpace(c byte) bool { return byteClass[c] == classSpace }

// isDelim reports PDF delimiters.
func isDelim(c byte) bool { return byteClass[c] == classDelim }
