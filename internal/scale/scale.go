// Package scale holds the rating and judgement scales: RAG, BRAG and the
// inspectorates' judgement scales, best level first. actionplan uses a scale
// to normalise the ratings it reads from a workbook and rag uses one to check
// judgement grades, order counts and write keys. A Registry merges these
// built-in scales with the ones a pack defines in pack.toml.
package scale

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/reportpack/reportpack/internal/report"
)

// Registry is the set of scales a pack can name: the built-ins, overridden
// or added to by the pack's own.
type Registry struct {
	byName map[string]report.Scale
}

// NewRegistry returns the built-in scales merged with the pack's. A pack
// scale with a built-in's name replaces it; a pack level without a Class or
// Meaning inherits them from the built-in level with the same word.
func NewRegistry(pack []report.Scale) *Registry {
	r := &Registry{byName: map[string]report.Scale{}}
	for _, sc := range BuiltIn() {
		r.byName[sc.Name] = sc
	}
	for _, sc := range pack {
		if old, ok := r.byName[sc.Name]; ok {
			sc = inherit(sc, old)
		}
		r.byName[sc.Name] = sc
	}
	return r
}

// inherit fills a pack scale's missing title, classes and meanings from
// the built-in scale it replaces.
func inherit(sc, old report.Scale) report.Scale {
	if sc.Title == "" {
		sc.Title = old.Title
	}
	levels := make([]report.ScaleLevel, len(sc.Levels))
	copy(levels, sc.Levels)
	for i, lv := range levels {
		j := index(old, lv.Word)
		if j < 0 {
			continue
		}
		if lv.Class == "" {
			levels[i].Class = old.Levels[j].Class
		}
		if lv.Meaning == "" {
			levels[i].Meaning = old.Levels[j].Meaning
		}
		if len(lv.Aliases) == 0 {
			levels[i].Aliases = old.Levels[j].Aliases
		}
	}
	sc.Levels = levels
	return sc
}

// Lookup returns the scale called name.
func (r *Registry) Lookup(name string) (report.Scale, bool) {
	sc, ok := r.byName[name]
	return sc, ok
}

// Names returns the names of every scale, sorted, for hints.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.byName))
	for n := range r.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// NotOnScaleError says a word is not a level of a scale.
type NotOnScaleError struct {
	Word    string
	Allowed []string
}

// Error reads `"Ambre" is not one of Red, Amber, Green`.
func (e *NotOnScaleError) Error() string {
	return fmt.Sprintf("%q is not one of %s", e.Word, strings.Join(e.Allowed, ", "))
}

// Normalise returns the status for word on sc, matching the level's word or
// one of its aliases regardless of case, spacing and punctuation ("green ",
// "G", "GREEN"). It fails with a *NotOnScaleError listing the words.
func Normalise(sc report.Scale, word string) (report.Status, error) {
	i := index(sc, word)
	if i < 0 {
		return report.Status{}, &NotOnScaleError{Word: strings.TrimSpace(word), Allowed: Listing(sc)}
	}
	return StatusAt(sc, i), nil
}

// StatusAt returns the status of sc's level i.
func StatusAt(sc report.Scale, i int) report.Status {
	lv := sc.Levels[i]
	return report.Status{Word: lv.Word, Class: lv.Class, Colour: lv.Colour, Rank: i}
}

// Words returns the levels' words, best first.
func Words(sc report.Scale) []string {
	out := make([]string, len(sc.Levels))
	for i, lv := range sc.Levels {
		out[i] = lv.Word
	}
	return out
}

// acronymOrder is the order people say RAG and BRAG in.
var acronymOrder = map[string]int{"blue": 0, "red": 1, "amber": 2, "green": 3}

// Listing returns the words in the order people list them: "Red, Amber,
// Green" (and "Blue, Red, Amber, Green") for RAG-coloured scales, best first
// for judgement scales.
func Listing(sc report.Scale) []string {
	words := Words(sc)
	for _, lv := range sc.Levels {
		if _, ok := acronymOrder[lv.Class]; !ok {
			return words
		}
	}
	out := make([]string, len(sc.Levels))
	copy(out, words)
	sort.SliceStable(out, func(i, j int) bool {
		return acronymOrder[sc.Levels[index(sc, out[i])].Class] < acronymOrder[sc.Levels[index(sc, out[j])].Class]
	})
	return out
}

// Meaning returns the meaning of the level with the given word, or "".
func Meaning(sc report.Scale, word string) string {
	if i := index(sc, word); i >= 0 {
		return sc.Levels[i].Meaning
	}
	return ""
}

// index finds word among sc's words and aliases; -1 when absent.
func index(sc report.Scale, word string) int {
	k := Key(word)
	if k == "" {
		return -1
	}
	for i, lv := range sc.Levels {
		if Key(lv.Word) == k {
			return i
		}
		for _, a := range lv.Aliases {
			if Key(a) == k {
				return i
			}
		}
	}
	return -1
}

// Key folds s for matching: lower case, letters and digits only, so that
// "Plan ref. no", "plan ref no" and "PlanRefNo" compare equal.
func Key(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
