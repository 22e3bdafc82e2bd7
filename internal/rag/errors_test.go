package rag

import (
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

func TestSummariseErrors(t *testing.T) {
	at := diag.Pos{File: "report.md", Line: 20, Col: 1}
	judgement := func(sc string, rows ...[]string) report.Block {
		return &report.Table{Kind: report.JudgementTable, Spec: &report.TableSpec{Kind: report.JudgementTable, Scale: sc, Data: rows, Pos: at,
			RowPos: []diag.Pos{{File: "report.md", Line: 23}, {File: "report.md", Line: 24}}}}
	}
	para := func(in report.Inline) report.Block { return &report.Paragraph{Content: []report.Inline{in}} }
	tests := []struct {
		name  string
		block report.Block
		want  string
	}{
		{"a grade not on the scale names its line", judgement(scale.OfstedSocialCare12, []string{"Overall", "Good"}, []string{"Quality", "Requires improvement"}),
			`report.md:24: grade "Requires improvement" is not one of Outstanding, Good, Adequate, Inadequate`},
		{"an unknown scale", judgement("ofsted-1999", []string{"Overall", "Good"}), `report.md:20:1: there is no scale called "ofsted-1999"`},
		{"a table without a scale", judgement("", []string{"Overall", "Good"}), `report.md:20:1: the judgement table does not name its scale`},
		{"an unknown appendix", para(countRun("of", "nope", "", "actions", nil)), `report.md:7:1: there is no appendix "nope" in this report`},
		{"an unknown form", para(countRun("tally", "plan", "", "", nil)), `report.md:7:1: unknown computed text "tally"`},
		{"an option the form does not take", para(countRun("of", "plan", "", "", map[string]string{"verb": "x"})), `report.md:7:1: "of" does not take the option "verb"`},
		{"filter on a plan without a Formal column", para(countRun("of", "plan", "formal", "", nil)), `report.md:7:1: the plan in update.xlsx has no Formal column to filter on`},
		{"trend without a previous update", para(countRun("trend", "plan", "", "", nil)), `report.md:7:1: the plan in update.xlsx has no previous update to compare with`},
		{"judgements over a missing table", para(countRun("judgements", "grades", "", "", nil)), `report.md:7:1: there is no judgement table labelled "grades" in this report`},
		{"showing a column the plan lacks", &report.Table{Kind: report.RAGTable, Spec: &report.TableSpec{Source: "plan", Show: []string{"owner"}, Pos: at}},
			`report.md:20:1: the plan in update.xlsx has no column "owner" to show`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := readTSV(t, "Ref\tAction\tRAG\nA1\tOne\tGreen\n")
			rep := &report.Report{Body: []report.Block{tt.block}, Appendices: []*report.Appendix{{ID: "plan", Kind: report.AppendixWorkbook, Plan: p}}}
			l := Summarise(&report.Pack{Items: []*report.Item{{Report: rep}}}, scale.NewRegistry(nil))
			var got []string
			for _, d := range l {
				got = append(got, d.String())
				if d.Hint == "" {
					t.Errorf("no hint: %s", d)
				}
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
