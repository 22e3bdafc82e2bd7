package rag

import (
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// Travel sets each action's Trend by comparing it with the row of the same
// reference in p.Previous, and lists in p.Removed the previous rows that
// are gone. Order is the scale's: a better level is an improvement (Red <
// Amber < Green < Blue), given by each status's Rank on the plan's scale.
// It does nothing when p has no Previous.
func Travel(p *report.ActionPlan) {
	if p.Previous == nil {
		return
	}
	prev := map[string]report.Action{}
	for _, a := range p.Previous.Actions {
		prev[refKey(a)] = a
	}
	seen := map[string]bool{}
	for i := range p.Actions {
		a := &p.Actions[i]
		k := refKey(*a)
		seen[k] = true
		old, ok := prev[k]
		if !ok {
			a.Trend = &report.Trend{New: true}
			continue
		}
		a.Trend = compare(old.Rating, a.Rating)
	}
	p.Removed = nil
	for _, a := range p.Previous.Actions {
		if !seen[refKey(a)] {
			p.Removed = append(p.Removed, a)
		}
	}
}

// compare returns the trend from old to now; an unrated side gives
// Direction 0 with Previous naming what it was ("" when unrated).
func compare(old, now *report.Status) *report.Trend {
	t := &report.Trend{}
	if old != nil {
		t.Previous = old.Word
	}
	if old == nil || now == nil {
		return t
	}
	switch {
	case now.Rank < old.Rank:
		t.Direction = +1
	case now.Rank > old.Rank:
		t.Direction = -1
	}
	return t
}

// refKey matches rows of two updates by their references, folded and
// sorted, so that "A1 & A2" matches "a2, a1".
func refKey(a report.Action) string {
	parts := make([]string, len(a.Refs))
	for i, r := range a.Refs {
		parts[i] = scale.Key(r)
	}
	if len(parts) == 0 {
		parts = []string{scale.Key(a.Ref)}
	}
	sort.Strings(parts)
	return strings.Join(parts, "&")
}

// trendText prints a trend as text a screen reader and a black-and-white
// print both carry: "↑ Improved", "→ No change", "↓ Worsened", "New".
func trendText(a report.Action) string {
	t := a.Trend
	switch {
	case t == nil:
		return ""
	case t.New:
		return "New"
	case a.Rating == nil:
		return "Not yet rated"
	case t.Previous == "":
		return "Newly rated"
	case t.Direction > 0:
		return "↑ Improved"
	case t.Direction < 0:
		return "↓ Worsened"
	}
	return "→ No change"
}

// countTrends tallies the directions of actions, and the removed rows.
func countTrends(actions []report.Action, removed int) trendTally {
	t := trendTally{removed: removed}
	for _, a := range actions {
		switch tr := a.Trend; {
		case tr == nil:
			t.uncompared++
		case tr.New:
			t.fresh++
		case a.Rating == nil || tr.Previous == "":
			t.uncompared++
		case tr.Direction > 0:
			t.improved++
		case tr.Direction < 0:
			t.worsened++
		default:
			t.same++
		}
	}
	return t
}
