package acronym

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is an acronym as written in a text: Text[Start:End], and its key,
// the acronym without a plural "s" ("IROs" -> "IRO").
type token struct {
	Start, End int
	Key        string
}

// definition is an acronym spelt out as "Long form (ABC)": the token inside
// the brackets and the long form before them ("" when the words before the
// brackets do not spell the acronym's letters).
type definition struct {
	token
	Long string
}

// tokens finds the acronyms in s: runs of two or more capital letters that
// are whole words, with an optional plural "s". Roman numerals and text
// written wholly in capitals (a shouted heading) are left alone.
func tokens(s string) []token {
	if shouted(s) {
		return nil
	}
	var out []token
	for start := 0; start < len(s); {
		r, n := utf8.DecodeRuneInString(s[start:])
		if !isWordRune(r) {
			start += n
			continue
		}
		end := start
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !isWordRune(r) {
				break
			}
			end += n
		}
		if key, ok := acronymKey(s[start:end]); ok {
			out = append(out, token{Start: start, End: end, Key: key})
		}
		start = end
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// acronymKey reports whether word is an acronym and returns it without a
// plural "s".
func acronymKey(word string) (string, bool) {
	key := strings.TrimSuffix(word, "s")
	if len(key) < 2 || isRoman(key) {
		return "", false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 'A' || key[i] > 'Z' {
			return "", false
		}
	}
	return key, true
}

// isRoman reports whether s is a small Roman numeral such as "II" or "XIV",
// which numbers things rather than abbreviating them.
func isRoman(s string) bool {
	return strings.Trim(s, "IVX") == "" && len(s) <= 5
}

// shouted reports whether s is written wholly in capitals over more than one
// word, such as a heading copied from an old paper: its words are not
// acronyms.
func shouted(s string) bool {
	words := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLower) >= 0 {
			return false
		}
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return words >= 2
}

// definitions finds the acronyms s spells out as "Long form (ABC)".
func definitions(s string) []definition {
	var out []definition
	for _, t := range tokens(s) {
		before := strings.TrimRight(s[:t.Start], " \u00a0")
		after := strings.TrimLeft(s[t.End:], " \u00a0")
		if !strings.HasSuffix(before, "(") || !strings.HasPrefix(after, ")") {
			continue
		}
		words := strings.Fields(strings.TrimSuffix(before, "("))
		if len(words) == 0 {
			continue
		}
		out = append(out, definition{token: t, Long: longForm(words, t.Key)})
	}
	return out
}

// minor words may sit inside a long form without giving it a letter:
// "Department for Education (DfE)", "Children and Adolescent Mental Health
// Services".
var minor = map[string]bool{"of": true, "and": true, "the": true, "for": true,
	"in": true, "on": true, "to": true, "&": true, "a": true, "with": true}

// longForm walks back over the words before "(ABC)" matching the
// acronym's letters from its last: a word gives its initial, a word in
// capitals ("NHS") gives all its letters, minor words give none. It returns
// the matched words, or "" when they do not spell the acronym.
func longForm(words []string, key string) string {
	rest := key
	i := len(words) - 1
	for ; i >= 0 && rest != ""; i-- {
		w := strings.Trim(words[i], ",;:\"'“”‘’")
		switch {
		case w == "":
			return ""
		case isUpperWord(w) && strings.HasSuffix(rest, w):
			rest = strings.TrimSuffix(rest, w)
		case strings.EqualFold(firstLetter(w), rest[len(rest)-1:]):
			rest = rest[:len(rest)-1]
		case minor[strings.ToLower(w)]:
		default:
			return ""
		}
	}
	if rest != "" {
		return ""
	}
	return strings.Trim(strings.Join(words[i+1:], " "), ",;:")
}

func isUpperWord(w string) bool {
	_, ok := acronymKey(w)
	return ok && !strings.HasSuffix(w, "s")
}

func firstLetter(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	return string(r)
}
