package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

func at(line int) diag.Pos { return diag.Pos{File: "r.md", Line: line, Col: 1} }

func text(s string, line int) []report.Inline {
	return []report.Inline{{Text: s, Pos: at(line)}}
}

func section(title string, line int, body ...report.Block) *report.Section {
	return &report.Section{Level: 1, Title: text(title, line), Body: body, Pos: at(line)}
}

func para(s string, line int) *report.Paragraph {
	return &report.Paragraph{Content: text(s, line), Pos: at(line)}
}

func ref(id string, line int) *report.Paragraph {
	return &report.Paragraph{Pos: at(line), Content: []report.Inline{
		{Text: "See "}, {Kind: report.RefRun, Text: "appendix 1", Ref: &report.Ref{Kind: report.RefAppendix, Targets: []string{id}}, Pos: at(line)}}}
}

func appendix(id, number string) *report.Appendix {
	return &report.Appendix{ID: id, Number: number, Pos: diag.Pos{File: "r.md", Line: 9, Col: 1}}
}

// check runs f over a report and compares its warnings' text.
func check(t *testing.T, got diag.List, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(want), got.Format())
	}
	for i, w := range want {
		if !strings.Contains(got[i].String(), w) || got[i].Severity != diag.Warning || got[i].Hint == "" {
			t.Errorf("warning %d is %q (hint %q), want a warning with a hint containing %q", i, got[i], got[i].Hint, w)
		}
	}
}

func TestRecommendations(t *testing.T) {
	tests := []struct {
		name string
		body []report.Block
		want []string
	}{
		{"a Recommendations section", []report.Block{section("Purpose", 1), section("Recommendations", 3)}, nil},
		{"a recommendation subsection", []report.Block{section("Decision", 1, &report.Section{Level: 2, Title: text("Recommendation", 2)})}, nil},
		{"none", []report.Block{section("Purpose", 1), para("That is all.", 2)},
			[]string{`r.md:1:1: warning: the report "Budget" has no recommendations`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, Recommendations(&report.Report{Title: "Budget", Body: tt.body, Pos: at(1)}), tt.want)
		})
	}
}

func TestAppendices(t *testing.T) {
	tests := []struct {
		name string
		body []report.Block
		apps []*report.Appendix
		want []string
	}{
		{"referred to by a cross-reference", []report.Block{ref("plan", 3)}, []*report.Appendix{appendix("plan", "1")}, nil},
		{"referred to by typed text", []report.Block{para("Appendix 1 shows it.", 3)}, []*report.Appendix{appendix("plan", "1")}, nil},
		{"typed range covers every appendix", []report.Block{para("See appendices 1 to 3.", 3)},
			[]*report.Appendix{appendix("a", "1"), appendix("b", "2"), appendix("c", "3")}, nil},
		{"attached but never referred to", []report.Block{para("No mention.", 3)}, []*report.Appendix{appendix("plan", "1")},
			[]string{`r.md:9:1: warning: appendix 1 ("plan") is attached but the report never refers to it`}},
		{"referred to but not attached", []report.Block{ref("plan", 3), para("As appendix 2 shows.", 4)}, []*report.Appendix{appendix("plan", "1")},
			[]string{"r.md:4:1: warning: the text refers to appendix 2, but the report has one appendix"}},
		{"lettered appendix not attached", []report.Block{para("See Appendix B.", 4)}, nil,
			[]string{"refers to appendix B, but the report has no appendices"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, Appendices(&report.Report{Body: tt.body, Appendices: tt.apps}), tt.want)
		})
	}
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestNotice(t *testing.T) {
	tests := []struct {
		name, issued, meeting, nation string
		want                          []string
	}{
		{"five clear weekdays in England", "2013-04-08", "2013-04-16", "england", nil},
		{"four clear weekdays in England", "2013-04-09", "2013-04-16", "england",
			[]string{"pack.toml:1:1: warning: the pack is issued 4 clear days before the meeting; the law in England requires 5"}},
		{"weekends do not count", "2013-04-12", "2013-04-19", "england", []string{"issued 4 clear days"}},
		{"three clear days are enough in Wales", "2013-04-10", "2013-04-16", "wales", nil},
		{"two are not", "2013-04-11", "2013-04-16", "wales", []string{"the law in Wales requires 3"}},
		{"nation defaults to England", "2013-04-12", "2013-04-16", "", []string{"the law in England requires 5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &report.Pack{Issued: day(tt.issued), Meeting: report.Meeting{Date: day(tt.meeting)},
				Style: report.HouseStyle{Nation: tt.nation}, Pos: diag.Pos{File: "pack.toml", Line: 1, Col: 1}}
			check(t, Notice(p), tt.want)
		})
	}
}

func TestNoticeHintGivesLatestDate(t *testing.T) {
	p := &report.Pack{Issued: day("2013-04-10"), Meeting: report.Meeting{Date: day("2013-04-16")}}
	got := Notice(p)
	if len(got) != 1 || !strings.Contains(got[0].Hint, "by Monday 8 April 2013") {
		t.Fatalf("got %+v", got)
	}
}

func TestPages(t *testing.T) {
	p := &report.Pack{Items: []*report.Item{
		{Slug: "apologies"},
		{Slug: "budget", Report: &report.Report{Title: "Budget", Pos: at(1)}},
	}}
	tests := []struct {
		name  string
		body  map[string]int
		limit int
		want  []string
	}{
		{"no limit", map[string]int{"budget": 20}, 0, nil},
		{"within the limit", map[string]int{"budget": 8}, 8, nil},
		{"over the limit", map[string]int{"budget": 9}, 8,
			[]string{`r.md:1:1: warning: the report "Budget" runs to 9 pages before its appendices; the pack's limit is 8`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, Pages(p, tt.body, tt.limit), tt.want)
		})
	}
}

func TestTypedAppendices(t *testing.T) {
	tests := map[string]string{
		"appendix 3":                  "3",
		"Appendices 1 and 2":          "1,2",
		"appendices 1 to 4":           "1,2,3,4",
		"appendices A to C":           "A,B,C",
		"appendix 1, 2 & 4 attached":  "1,2,4",
		"the appendix is attached":    "",
		"an appendix 2013 of figures": "2013",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := strings.Join(typedAppendices(in), ","); got != want {
				t.Errorf("typedAppendices(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestLateReasons(t *testing.T) {
	tests := []struct {
		name string
		item report.Item
		want []string
	}{
		{"on time", report.Item{Title: "Budget"}, nil},
		{"late with a reason", report.Item{Title: "Budget", Late: &report.Late{Reason: "Figures came after the deadline."}}, nil},
		{"late without a reason", report.Item{Title: "Budget", Pos: at(3), Late: &report.Late{}},
			[]string{`r.md:3:1: warning: the late item "Budget" does not say why it is late`}},
		{"revised without a reason", report.Item{Title: "Budget", Revision: &report.Revision{Replaces: "the first version", Pos: at(5)}},
			[]string{`r.md:5:1: warning: the revised item "Budget" does not say what changed`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, LateReasons(&tt.item), tt.want)
		})
	}
}
