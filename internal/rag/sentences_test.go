package rag

import (
	"testing"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

func mustScale(t *testing.T, name string) report.Scale {
	t.Helper()
	sc, ok := scale.NewRegistry(nil).Lookup(name)
	if !ok {
		t.Fatalf("no scale %q", name)
	}
	return sc
}

// ragTally builds a RAG tally from green, amber, red and unrated counts.
func ragTally(t *testing.T, g, a, r, u int) tally {
	tl := newTally(mustScale(t, scale.RAG))
	tl.counts = []int{g, a, r}
	tl.unrated = u
	return tl
}

// Issue 3: counts sentences for every shape of counts.
func TestOfSentence(t *testing.T) {
	noun, one := "formal areas for improvement", "formal area for improvement"
	tests := []struct {
		name       string
		g, a, r, u int
		want       string
	}{
		{"the seed: two colours, more Green", 8, 5, 0, 0, "of the 13 formal areas for improvement, eight are Green and five are Amber"},
		{"one Amber turned Green", 9, 4, 0, 0, "of the 13 formal areas for improvement, nine are Green and four are Amber"},
		{"more Amber than Green puts Amber first", 2, 11, 0, 0, "of the 13 formal areas for improvement, 11 are Amber and two are Green"},
		{"ties in scale order best first", 4, 4, 4, 0, "of the 12 formal areas for improvement, four are Green, four are Amber and four are Red"},
		{"three colours by count", 1, 2, 10, 0, "of the 13 formal areas for improvement, 10 are Red, two are Amber and one is Green"},
		{"one colour", 13, 0, 0, 0, "of the 13 formal areas for improvement, all 13 are Green"},
		{"one colour, small", 0, 0, 3, 0, "of the three formal areas for improvement, all three are Red"},
		{"two rows, one colour", 0, 2, 0, 0, "of the two formal areas for improvement, both are Amber"},
		{"zeros left out", 5, 0, 1, 0, "of the six formal areas for improvement, five are Green and one is Red"},
		{"one not yet rated", 8, 4, 0, 1, "of the 13 formal areas for improvement, eight are Green, four are Amber and one is not yet rated"},
		{"one colour and unrated", 12, 0, 0, 2, "of the 14 formal areas for improvement, 12 are Green and two are not yet rated"},
		{"none rated", 0, 0, 0, 3, "of the three formal areas for improvement, none is rated yet"},
		{"a single row", 0, 1, 0, 0, "the one formal area for improvement is Amber"},
		{"a single unrated row", 0, 0, 0, 1, "the one formal area for improvement is not yet rated"},
		{"no rows", 0, 0, 0, 0, "there are no formal areas for improvement"},
		{"ten is in figures", 10, 0, 0, 0, "of the 10 formal areas for improvement, all 10 are Green"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ofSentence(ragTally(t, tt.g, tt.a, tt.r, tt.u), noun, one); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAllSentence(t *testing.T) {
	verb := "RAG rated as"
	tests := []struct {
		name       string
		g, a, r, u int
		want       string
	}{
		{"the seed: no Red", 10, 6, 0, 0, "all actions RAG rated as either Amber or Green"},
		{"one colour", 16, 0, 0, 0, "all actions RAG rated as Green"},
		{"all Red", 0, 0, 4, 0, "all actions RAG rated as Red"},
		{"Red named as an exception", 10, 4, 2, 0, "all actions RAG rated as either Amber or Green, except two RAG rated as Red"},
		{"Red and one other", 3, 0, 1, 0, "all actions RAG rated as Green, except one RAG rated as Red"},
		{"unrated named as an exception", 10, 5, 0, 1, "all actions RAG rated as either Amber or Green, except one not yet rated"},
		{"Red and unrated", 1, 1, 1, 2, "all actions RAG rated as either Amber or Green, except one RAG rated as Red and two not yet rated"},
		{"none rated", 0, 0, 0, 2, "no actions yet rated"},
		{"no rows", 0, 0, 0, 0, "no actions"},
		{"a single row", 0, 1, 0, 0, "the one action RAG rated as Amber"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := allSentence(ragTally(t, tt.g, tt.a, tt.r, tt.u), "actions", "action", verb); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	t.Run("BRAG lists three colours worst first", func(t *testing.T) {
		tl := newTally(mustScale(t, scale.BRAG))
		tl.counts = []int{2, 3, 1, 0}
		if got, want := allSentence(tl, "actions", "action", "rated"), "all actions rated Amber, Green or Blue"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestJudgementSentence(t *testing.T) {
	noun, one := "sub judgements", "sub judgement"
	tests := []struct {
		name       string
		o, g, a, i int
		want       string
	}{
		{"the seed: three Good and one Outstanding", 1, 3, 0, 0, "three of the four sub judgements were graded as ‘Good’, with a fourth graded ‘Outstanding’"},
		{"ordinal starting with a vowel", 1, 7, 0, 0, "seven of the eight sub judgements were graded as ‘Good’, with an eighth graded ‘Outstanding’"},
		{"beyond ten, no ordinal", 1, 11, 0, 0, "11 of the 12 sub judgements were graded as ‘Good’, with the other one graded ‘Outstanding’"},
		{"two and two, best first", 2, 2, 0, 0, "two of the four sub judgements were graded as ‘Outstanding’, with the other two graded ‘Good’"},
		{"three grades", 1, 3, 2, 0, "three of the six sub judgements were graded as ‘Good’, two as ‘Adequate’ and one as ‘Outstanding’"},
		{"all the same", 0, 4, 0, 0, "all four sub judgements were graded as ‘Good’"},
		{"both the same", 0, 0, 0, 2, "both sub judgements were graded as ‘Inadequate’"},
		{"one judgement", 0, 0, 1, 0, "the one sub judgement was graded as ‘Adequate’"},
		{"a single most frequent", 1, 0, 0, 1, "one of the two sub judgements was graded as ‘Outstanding’, with a second graded ‘Inadequate’"},
		{"none graded", 0, 0, 0, 0, "none of the sub judgements were graded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := newTally(mustScale(t, scale.OfstedSocialCare12))
			tl.counts = []int{tt.o, tt.g, tt.a, tt.i}
			if got := judgementSentence(tl, noun, one); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTrendSentence(t *testing.T) {
	tests := []struct {
		name string
		tt   trendTally
		want string
	}{
		{"mixed", trendTally{improved: 3, same: 9, worsened: 1}, "since the previous update, three of the 13 actions have improved, nine are unchanged and one has worsened"},
		{"all unchanged", trendTally{same: 13}, "since the previous update, all 13 actions are unchanged"},
		{"new and removed", trendTally{improved: 1, same: 2, fresh: 1, removed: 1}, "since the previous update, one of the four actions has improved, two are unchanged, one is new and one has been removed"},
		{"a single action", trendTally{worsened: 1}, "since the previous update, the one action has worsened"},
		{"nothing", trendTally{}, "since the previous update, there are no actions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trendSentence(tt.tt, "actions", "action"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"nine in words", number(9), "nine"},
		{"ten in figures", number(10), "10"},
		{"singular before for", singular("formal areas for improvement"), "formal area for improvement"},
		{"singular -ies", singular("priorities"), "priority"},
		{"singular two words", singular("sub judgements"), "sub judgement"},
		{"singular -ches", singular("approaches"), "approach"},
		{"capitalise", capitalise("of the 13"), "Of the 13"},
		{"percent rounds half up", itoa(percent(1, 8)), "13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
