package rag

import (
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/report"
)

// tally counts ratings on a scale: how many rows have each level, and how
// many are not yet rated.
type tally struct {
	scale   report.Scale
	counts  []int // by rank, best first
	unrated int
}

func newTally(sc report.Scale) tally {
	return tally{scale: sc, counts: make([]int, len(sc.Levels))}
}

// add counts one status; nil counts as not rated.
func (t *tally) add(st *report.Status) {
	if st == nil || st.Rank < 0 || st.Rank >= len(t.counts) {
		t.unrated++
		return
	}
	t.counts[st.Rank]++
}

func (t tally) total() int {
	n := t.unrated
	for _, c := range t.counts {
		n += c
	}
	return n
}

// byCount returns the ranks present, most frequent first, ties in scale
// order best first.
func (t tally) byCount() []int {
	var ranks []int
	for r, c := range t.counts {
		if c > 0 {
			ranks = append(ranks, r)
		}
	}
	sort.SliceStable(ranks, func(i, j int) bool { return t.counts[ranks[i]] > t.counts[ranks[j]] })
	return ranks
}

// worstFirst returns the ranks present, worst first, as people say
// "either Amber or Green".
func (t tally) worstFirst() []int {
	var ranks []int
	for r := len(t.counts) - 1; r >= 0; r-- {
		if t.counts[r] > 0 {
			ranks = append(ranks, r)
		}
	}
	return ranks
}

func (t tally) word(rank int) string { return t.scale.Levels[rank].Word }

// breakdown says how the rows divide: "eight are Green and five are
// Amber", "all 13 are Green", "both are Amber", "twelve are Green and one
// is not yet rated", "none is rated yet".
func breakdown(t tally) string {
	ranks := t.byCount()
	n := t.total()
	switch {
	case n == 0:
		return "there are none"
	case len(ranks) == 0:
		return "none is rated yet"
	case len(ranks) == 1 && t.unrated == 0 && n > 1:
		return allOf(n) + " are " + t.word(ranks[0])
	}
	var parts []string
	for _, r := range ranks {
		parts = append(parts, number(t.counts[r])+" "+are(t.counts[r])+" "+t.word(r))
	}
	if t.unrated > 0 {
		parts = append(parts, number(t.unrated)+" "+are(t.unrated)+" not yet rated")
	}
	return join(parts, "and")
}

// allOf is "both" for two and "all N" otherwise.
func allOf(n int) string {
	if n == 2 {
		return "both"
	}
	return "all " + number(n)
}

// ofSentence is the "of" form: "of the 13 formal areas for improvement,
// eight are Green and five are Amber".
func ofSentence(t tally, noun, one string) string {
	switch n := t.total(); n {
	case 0:
		return "there are no " + noun
	case 1:
		return "the one " + one + " " + oneStatus(t)
	default:
		return "of the " + number(n) + " " + noun + ", " + breakdown(t)
	}
}

// oneStatus says what the only row is: "is Green" or "is not yet rated".
func oneStatus(t tally) string {
	if r := t.byCount(); len(r) == 1 {
		return "is " + t.word(r[0])
	}
	return "is not yet rated"
}

// allSentence is the "all" form: "all actions RAG rated as either Amber or
// Green"; the scale's worst level and unrated rows are named as
// exceptions: "..., except two RAG rated as Red and one not yet rated".
func allSentence(t tally, noun, one, verb string) string {
	n := t.total()
	if n == 0 {
		return "no " + noun
	}
	ranks := t.worstFirst()
	if len(ranks) == 0 {
		return "no " + noun + " yet rated"
	}
	worst := len(t.scale.Levels) - 1
	var except []string
	if len(ranks) > 1 && ranks[0] == worst {
		except = append(except, number(t.counts[worst])+" "+verb+" "+t.word(worst))
		ranks = ranks[1:]
	}
	if t.unrated > 0 {
		except = append(except, number(t.unrated)+" not yet rated")
	}
	subject := "all " + noun
	if n == 1 {
		subject = "the one " + one
	}
	s := subject + " " + verb + " " + eitherOr(t, ranks)
	if len(except) > 0 {
		s += ", except " + join(except, "and")
	}
	return s
}

// eitherOr names levels: "Green", "either Amber or Green", "Red, Amber
// or Green".
func eitherOr(t tally, ranks []int) string {
	words := make([]string, len(ranks))
	for i, r := range ranks {
		words[i] = t.word(r)
	}
	if len(words) == 2 {
		return "either " + words[0] + " or " + words[1]
	}
	return join(words, "or")
}

// judgementSentence is the "judgements" form: "three of the four sub
// judgements were graded as ‘Good’, with a fourth graded ‘Outstanding’".
func judgementSentence(t tally, noun, one string) string {
	ranks := t.byCount()
	n := t.total() - t.unrated
	switch {
	case n == 0:
		return "none of the " + noun + " were graded"
	case n == 1:
		return "the one " + one + " was graded as " + quoted(t.word(ranks[0]))
	case len(ranks) == 1:
		return allOf(n) + " " + noun + " were graded as " + quoted(t.word(ranks[0]))
	}
	first := number(t.counts[ranks[0]]) + " of the " + number(n) + " " + noun + " " +
		wereWas(t.counts[ranks[0]]) + " graded as " + quoted(t.word(ranks[0]))
	return first + judgementRest(t, ranks[1:], n)
}

// judgementRest words the grades after the most frequent one.
func judgementRest(t tally, ranks []int, n int) string {
	if len(ranks) == 1 {
		c := t.counts[ranks[0]]
		switch {
		case c == 1 && ordinal(n) != "":
			return ", with " + article(ordinal(n)) + " " + ordinal(n) + " graded " + quoted(t.word(ranks[0]))
		case c == 1:
			return ", with the other one graded " + quoted(t.word(ranks[0]))
		}
		return ", with the other " + number(c) + " graded " + quoted(t.word(ranks[0]))
	}
	var parts []string
	for _, r := range ranks {
		parts = append(parts, number(t.counts[r])+" as "+quoted(t.word(r)))
	}
	return ", " + join(parts, "and")
}

func wereWas(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func article(word string) string {
	if strings.IndexByte("aeiou", word[0]) >= 0 {
		return "an"
	}
	return "a"
}

func quoted(s string) string { return "‘" + s + "’" }

// trendTally counts directions of travel.
type trendTally struct {
	improved, same, worsened, fresh, uncompared, removed int
}

func (t trendTally) total() int {
	return t.improved + t.same + t.worsened + t.fresh + t.uncompared
}

// trendSentence is the "trend" form: "since the previous update, three of
// the 13 actions have improved, nine are unchanged and one has worsened".
func trendSentence(t trendTally, noun, one string) string {
	n := t.total()
	if n == 0 {
		return "since the previous update, there are no " + noun
	}
	type part struct {
		c         int
		one, many string
	}
	all := []part{
		{t.improved, "has improved", "have improved"},
		{t.same, "is unchanged", "are unchanged"},
		{t.worsened, "has worsened", "have worsened"},
		{t.fresh, "is new", "are new"},
		{t.uncompared, "cannot be compared", "cannot be compared"},
	}
	var phrases []string
	for _, p := range all {
		if p.c == 0 {
			continue
		}
		verb := p.many
		if p.c == 1 {
			verb = p.one
		}
		if len(phrases) == 0 {
			phrases = append(phrases, trendSubject(p.c, n, noun, one)+" "+verb)
			continue
		}
		phrases = append(phrases, number(p.c)+" "+verb)
	}
	if t.removed > 0 {
		phrases = append(phrases, number(t.removed)+" "+map[bool]string{true: "has", false: "have"}[t.removed == 1]+" been removed")
	}
	return "since the previous update, " + join(phrases, "and")
}

// trendSubject opens the trend sentence: "all 13 actions", "both actions"
// or "three of the 13 actions".
func trendSubject(c, n int, noun, one string) string {
	if n == 1 {
		return "the one " + one
	}
	if c == n {
		return allOf(n) + " " + noun
	}
	return number(c) + " of the " + number(n) + " " + noun
}
