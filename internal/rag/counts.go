package rag

import (
	"sort"
	"strconv"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// formOptions lists, for each form, the options it accepts besides the
// source, filter and noun.
var formOptions = map[string][]string{
	"of":         {"cap", "singular"},
	"breakdown":  {"cap"},
	"all":        {"cap", "singular", "verb"},
	"count":      {"cap", "rating"},
	"share":      {"cap", "rating"},
	"judgements": {"cap", "singular", "column"},
	"trend":      {"cap", "singular"},
}

// fillCounts computes every counts run in content.
func (s *summary) fillCounts(content []report.Inline) {
	for i := range content {
		in := &content[i]
		if in.Kind != report.CountRun || in.Count == nil {
			continue
		}
		text, ok := s.count(in.Count, in.Pos)
		if !ok {
			in.Text = "[count not available]"
			continue
		}
		if capitalised(in.Count, content[:i]) {
			text = capitalise(text)
		}
		in.Text = text
	}
}

// capitalised reports whether the run starts a sentence: the author's cap
// option, or else nothing but a full stop, question or exclamation mark
// before it in the paragraph.
func capitalised(c *report.CountSpec, before []report.Inline) bool {
	switch c.Options["cap"] {
	case "yes", "true":
		return true
	case "no", "false":
		return false
	}
	prev := strings.TrimRight(report.PlainText(before), " \u00a0\n")
	return prev == "" || strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, "?") || strings.HasSuffix(prev, "!")
}

// count computes one counts run.
func (s *summary) count(c *report.CountSpec, pos diag.Pos) (string, bool) {
	if !s.checkOptions(c, pos) {
		return "", false
	}
	if c.Form == "judgements" {
		return s.judgementCount(c, pos)
	}
	p := s.plan(c.Source, pos)
	if p == nil {
		return "", false
	}
	actions := s.filtered(p, c.Filter, pos)
	noun := orDefault(c.Noun, "actions")
	one := orDefault(c.Options["singular"], singular(noun))
	t := newTally(s.scaleOf(p))
	for _, a := range actions {
		t.add(a.Rating)
	}
	switch c.Form {
	case "of":
		return ofSentence(t, noun, one), true
	case "breakdown":
		return breakdown(t), true
	case "all":
		return allSentence(t, noun, one, orDefault(c.Options["verb"], "rated")), true
	case "count", "share":
		return s.ratingCount(c, t, pos)
	}
	if p.Previous == nil {
		s.diags.Errorf(pos, "the plan in %s has no previous update to compare with", p.Workbook).
			WithHint(`set previous = "last-update.xlsx" on the appendix in the front matter`)
		return "", false
	}
	return trendSentence(countTrends(actions, len(p.Removed)), noun, one), true
}

// checkOptions reports an unknown form or an option the form does not take.
func (s *summary) checkOptions(c *report.CountSpec, pos diag.Pos) bool {
	allowed, ok := formOptions[c.Form]
	if !ok {
		s.diags.Errorf(pos, "unknown computed text %q", c.Form).
			WithHint("use one of %s (see docs/computed-text.md)", join(quotedAll(formNames()), "or"))
		return false
	}
	good := true
	for _, k := range sortedKeys(c.Options) {
		if !contains(allowed, k) {
			good = false
			s.diags.Errorf(pos, "%q does not take the option %q", c.Form, k).
				WithHint("its options are source, filter, noun and %s", join(quotedAll(allowed), "and"))
		}
	}
	return good
}

// ratingCount is the count and share forms: how many rows, or how many of
// one rating ("eight"; "eight of 13 (62%) are Green").
func (s *summary) ratingCount(c *report.CountSpec, t tally, pos diag.Pos) (string, bool) {
	n, word := t.total(), ""
	if r, ok := c.Options["rating"]; ok {
		var found bool
		n, word, found = s.ratingOf(t, r, pos)
		if !found {
			return "", false
		}
	}
	if c.Form == "count" {
		return number(n), true
	}
	return number(n) + " of " + number(t.total()) + " (" + strconv.Itoa(percent(n, t.total())) + "%) " + are(n) + " " + word, true
}

// ratingOf counts one rating, named by a word on the scale or "unrated".
func (s *summary) ratingOf(t tally, r string, pos diag.Pos) (int, string, bool) {
	switch scale.Key(r) {
	case "unrated", "notrated", "notyetrated":
		return t.unrated, "not yet rated", true
	}
	st, err := scale.Normalise(t.scale, r)
	if err != nil {
		s.diags.Errorf(pos, "rating %s", err).WithHint(`or use rating="unrated"`)
		return 0, "", false
	}
	return t.counts[st.Rank], st.Word, true
}

// judgementCount is the judgements form over a labelled judgement table.
func (s *summary) judgementCount(c *report.CountSpec, pos diag.Pos) (string, bool) {
	t, ok := s.tables[c.Source]
	if !ok || t.Kind != report.JudgementTable {
		s.diags.Errorf(pos, "there is no judgement table labelled %q in this report", c.Source).
			WithHint(`label the table with label = "%s" in its judgement-table block`, c.Source)
		return "", false
	}
	sc, ok := s.reg.Lookup(t.Spec.Scale)
	if !ok {
		return "", false
	}
	tl, ok := gradeTally(t, sc, c.Options["column"])
	if !ok {
		s.diags.Errorf(pos, "the judgement table %q has no column %q", c.Source, c.Options["column"]).
			WithHint("use one of the table's headers")
		return "", false
	}
	noun := orDefault(c.Noun, "judgements")
	return judgementSentence(tl, noun, orDefault(c.Options["singular"], singular(noun))), true
}

func formNames() []string { return sortedKeys(formOptions) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
