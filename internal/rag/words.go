package rag

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var smallNumbers = [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// number writes n in house style: one to nine in words, 10 and above in
// figures.
func number(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return strconv.Itoa(n)
}

var ordinals = [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinal writes n as "fourth" up to ten, else "" (callers say "the other
// one" instead).
func ordinal(n int) string {
	if n > 0 && n < len(ordinals) {
		return ordinals[n]
	}
	return ""
}

// are returns "is" for one and "are" otherwise.
func are(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// join lists phrases as "a", "a and b", "a, b and c".
func join(parts []string, conj string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + conj + " " + parts[len(parts)-1]
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// singular makes a plural noun phrase singular: "formal areas for
// improvement" -> "formal area for improvement", "actions" -> "action",
// "sub judgements" -> "sub judgement". Authors can override it with the
// singular option.
func singular(noun string) string {
	head, tail := noun, ""
	for _, sep := range []string{" for ", " of ", " in ", " from ", " against ", " to "} {
		if i := strings.Index(noun, sep); i > 0 {
			head, tail = noun[:i], noun[i:]
			break
		}
	}
	words := strings.Fields(head)
	if len(words) == 0 {
		return noun
	}
	last := words[len(words)-1]
	switch {
	case strings.HasSuffix(last, "ies") && len(last) > 3:
		last = last[:len(last)-3] + "y"
	case strings.HasSuffix(last, "ches"), strings.HasSuffix(last, "shes"), strings.HasSuffix(last, "sses"), strings.HasSuffix(last, "xes"):
		last = last[:len(last)-2]
	case strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss"):
		last = last[:len(last)-1]
	}
	words[len(words)-1] = last
	return strings.Join(words, " ") + tail
}

// percent rounds part/whole to a whole percentage, halves up.
func percent(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return (200*part + whole) / (2 * whole)
}
