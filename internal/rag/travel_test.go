package rag

import (
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/actionplan/xlsxtest"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// Two updates of one plan: the test pack for direction of travel (issue 3).
const (
	firstUpdate = "Position as at 30 November 2012\nRef\tService\tAction\tRAG\n" +
		"A1 & A2\tSafeguarding\tAssessments\tRed\n" +
		"D2\t\tChairing\tAmber\n" +
		"D3\t\tLADO report\tGreen\n" +
		"D7\t\tDropped action\tAmber\n" +
		"C1\t\tPathways\t\n"
	secondUpdate = "Position as at 28 February 2013\nRef\tService\tAction\tRAG\n" +
		"A2, A1\tSafeguarding\tAssessments\tAmber\n" +
		"D2\t\tChairing\tAmber\n" +
		"D3\t\tLADO report\tRed\n" +
		"C1\t\tPathways\tGreen\n" +
		"G1\t\tWorkforce\tGreen\n"
)

func readTSV(t *testing.T, tsv string, merges ...string) *report.ActionPlan {
	t.Helper()
	data := xlsxtest.Build(t, xlsxtest.Sheet{Name: "Actions", TSV: tsv, Merges: merges})
	p, l := actionplan.Read("update.xlsx", data, "", actionplan.Options{})
	if l.HasErrors() {
		t.Fatal(l.Format())
	}
	return p
}

func TestDirectionOfTravel(t *testing.T) {
	p := readTSV(t, secondUpdate, "B3:B7")
	p.Previous = readTSV(t, firstUpdate, "B3:B7")
	table := &report.Table{Kind: report.ActionPlanTable, Spec: &report.TableSpec{Kind: report.ActionPlanTable, Source: "plan", GroupBy: []string{"group"}}}
	para := &report.Paragraph{Content: []report.Inline{countRun("trend", "plan", "", "actions", nil), text(".")}}
	rep := &report.Report{Body: []report.Block{para, table}, Appendices: []*report.Appendix{{ID: "plan", Kind: report.AppendixWorkbook, Plan: p}}}
	l := Summarise(&report.Pack{Items: []*report.Item{{Report: rep}}}, scale.NewRegistry(nil))
	if len(l) > 0 {
		t.Fatal(l.Format())
	}
	checks := []struct{ name, got, want string }{
		{"columns", columnTitles(table), "Ref, Action, RAG, Direction of travel"},
		{"rows", layout(table), "# Safeguarding\nA2, A1 Assessments Amber ↑ Improved\nD2 Chairing Amber → No change\n" +
			"D3 LADO report Red ↓ Worsened\nC1 Pathways Green Newly rated\nG1 Workforce Green New"},
		{"removed rows noted", table.Notes[1], "Direction of travel compares each rating with the update of 30 November 2012. Removed since then: D7 (Dropped action)."},
		{"sentence", report.PlainText(para.Content), "Since the previous update, one of the five actions has improved, one is unchanged, one has worsened, one is new, one cannot be compared and one has been removed."},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got\n%s\nwant\n%s", c.got, c.want)
			}
		})
	}
}

func columnTitles(t *report.Table) string {
	var out []string
	for _, c := range t.Columns {
		out = append(out, c.Title)
	}
	return strings.Join(out, ", ")
}
