package packgen

import (
	"fmt"
	"strings"
)

// countText writes out a computed sentence the way reportpack's house style
// does, closely enough that pack.md holds text of the same length.
func countText(d *doc, c *count) string {
	switch c.form {
	case "judgements":
		return judgementsText(d, c.noun)
	case "all":
		return "all " + c.noun + " RAG rated as " + strings.Join(present(tally(d, false)), " or ")
	case "of":
		t := tally(d, c.filter == "formal")
		return fmt.Sprintf("Of the %s %s, %s", words(t.total), c.noun, breakdown(t))
	}
	return ""
}

// ratingTally counts a plan's ratings, worst last.
type ratingTally struct {
	total  int
	counts map[string]int
}

var ratingOrder = []string{"Green", "Amber", "Red"}

func tally(d *doc, formalOnly bool) ratingTally {
	t := ratingTally{counts: map[string]int{}}
	for _, r := range d.plan {
		if formalOnly && r[colFormal] != "Yes" {
			continue
		}
		t.total++
		t.counts[r[colRating]]++
	}
	return t
}

// present lists the ratings that occur, in scale order.
func present(t ratingTally) []string {
	var out []string
	for _, r := range ratingOrder {
		if t.counts[r] > 0 {
			out = append(out, r)
		}
	}
	return out
}

func breakdown(t ratingTally) string {
	var parts []string
	for _, r := range present(t) {
		verb := "are"
		if t.counts[r] == 1 {
			verb = "is"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", words(t.counts[r]), verb, r))
	}
	return joinAnd(parts)
}

func judgementsText(d *doc, noun string) string {
	var tb *table
	for _, bl := range d.blocks {
		if bl.kind == judgementTable {
			tb = bl.table
		}
	}
	counts, order := map[string]int{}, []string{}
	for _, r := range tb.rows[1:] {
		if counts[r[1]] == 0 {
			order = append(order, r[1])
		}
		counts[r[1]]++
	}
	var parts []string
	for _, g := range order {
		parts = append(parts, fmt.Sprintf("%s as '%s'", words(counts[g]), g))
	}
	return fmt.Sprintf("Of the %s %s, %s were graded", words(len(tb.rows)-1), noun, joinAnd(parts))
}

func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// words writes one to nine in words and larger numbers in figures.
func words(n int) string {
	small := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	if n >= 0 && n < len(small) {
		return small[n]
	}
	return fmt.Sprint(n)
}
