package rag

import (
	"os"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

func examplePlan(t *testing.T) *report.ActionPlan {
	t.Helper()
	data, err := os.ReadFile("../../content/ofsted-scrutiny-2013/action-plan.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, l := actionplan.Read("action-plan.xlsx", data, "Actions", actionplan.Options{})
	if l.HasErrors() {
		t.Fatal(l.Format())
	}
	return p
}

// countRun is the inline an author's {{form source ...}} becomes.
func countRun(form, source, filter, noun string, opts map[string]string) report.Inline {
	return report.Inline{Kind: report.CountRun, Count: &report.CountSpec{Form: form, Source: source, Filter: filter, Noun: noun, Options: opts},
		Pos: diag.Pos{File: "report.md", Line: 7, Col: 1}}
}

func text(s string) report.Inline { return report.Inline{Kind: report.TextRun, Text: s} }

// seedPack is the seed report's computed parts: 2.3.1, 3.1.3, 3.2.1, 3.2.2.
func seedPack(p *report.ActionPlan) (*report.Pack, []*report.Paragraph, map[string]*report.Table) {
	paras := []*report.Paragraph{
		{Content: []report.Inline{text("Ofsted judged the Adoption Service to be ‘Good’ overall. "),
			countRun("judgements", "adoption-grades", "", "sub judgements", nil), text(", i.e.")}},
		{Content: []report.Inline{text("This demonstrates that all areas of the action plan have begun implementation with "),
			countRun("all", "plan", "", "actions", map[string]string{"verb": "RAG rated as"}), text(".")}},
		{Content: []report.Inline{countRun("of", "plan", "formal", "formal areas for improvement", nil),
			text(". A summary of the progress is provided within the table below.")}},
	}
	tables := map[string]*report.Table{
		"rag": {Kind: report.RAGTable, Spec: &report.TableSpec{Kind: report.RAGTable, Source: "plan", Filter: "formal",
			GroupBy: []string{"group", "timescale"}, Show: []string{"area", "rating", "ref", "progress"}}},
		"adoption-grades": {Kind: report.JudgementTable, Label: "adoption-grades", Spec: &report.TableSpec{Kind: report.JudgementTable,
			Scale: scale.OfstedSocialCare12, Overall: "Overall Effectiveness", Data: [][]string{
				{"Overall Effectiveness", "Good"}, {"Outcomes for children and young people", "Good"},
				{"Quality of service", "Outstanding"}, {"Safeguarding children and young people", "Good"},
				{"Leadership and management", "Good"}}}},
		"themes": {Kind: report.LookupTable, Spec: &report.TableSpec{Kind: report.LookupTable, Source: "plan", Columns: 2,
			Headers: []string{"Code", "Improvement theme"}}},
	}
	body := []report.Block{&report.Section{Level: 1, Body: []report.Block{
		paras[0], tables["adoption-grades"], tables["themes"], paras[1], paras[2], tables["rag"],
	}}}
	rep := &report.Report{Body: body, Appendices: []*report.Appendix{{ID: "plan", Kind: report.AppendixWorkbook, Plan: p}}}
	return &report.Pack{Items: []*report.Item{{Kind: report.ReportItem, Report: rep}}}, paras, tables
}

// The seed's computed sentences and tables come out of the example
// workbook (issue 3).
func TestSeedReport(t *testing.T) {
	pack, paras, tables := seedPack(examplePlan(t))
	if l := Summarise(pack, scale.NewRegistry(nil)); len(l) > 0 {
		t.Fatal(l.Format())
	}
	checks := []struct{ name, got, want string }{
		{"2.3.1 judgements", report.PlainText(paras[0].Content), "Ofsted judged the Adoption Service to be ‘Good’ overall. Three of the four sub judgements were graded as ‘Good’, with a fourth graded ‘Outstanding’, i.e."},
		{"3.2.1 all", report.PlainText(paras[1].Content), "This demonstrates that all areas of the action plan have begun implementation with all actions RAG rated as either Amber or Green."},
		{"3.2.2 of", report.PlainText(paras[2].Content), "Of the 13 formal areas for improvement, eight are Green and five are Amber. A summary of the progress is provided within the table below."},
		{"judgement note", strings.Join(tables["adoption-grades"].Notes, ""), "Grades on the Ofsted children's social care scale in use before November 2013."},
		{"rag table layout", layout(tables["rag"]), seedLayout},
		{"rag key", keyWords(tables["rag"]), "Green, Amber"},
		{"rag note", strings.Join(tables["rag"].Notes, ""), "Ratings as at 28 February 2013, from action-plan.xlsx."},
		{"themes down then across", layout(tables["themes"]), "A Quality of assessment and planning E Early intervention / partnership working\n" +
			"B Service user engagement / views F Education\nC Health services G Workforce\nD Quality assurance / performance management H Offending"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got\n%s\nwant\n%s", c.got, c.want)
			}
		})
	}
}

const seedLayout = `# Safeguarding services
## Immediately
A1 & A2 Amber 5
A14 & A15 Green 4
## Within 3 months
A4 & A5 Amber 5
D2 Green 2
C1 Green 1
G1 Amber 2
## Within 6 months
D3 Green 1
D4 Amber 2
B1 Green 2
# Services for looked after children
## Immediately
A16 Green 1
## Within 3 months
C20 Green 3
C21 Green 3
D9 Amber 2`

// layout prints a table's rows compactly: group rows with #, body rows as
// ref, rating and the number of progress bullets (RAG tables), or their
// cells' text.
func layout(t *report.Table) string {
	var lines []string
	for _, r := range t.Rows {
		switch {
		case r.Kind == report.GroupRow:
			lines = append(lines, "# "+report.PlainText(r.Cells[0].Content))
		case r.Kind == report.SubgroupRow:
			lines = append(lines, "## "+report.PlainText(r.Cells[0].Content))
		case t.Kind == report.RAGTable:
			lines = append(lines, report.PlainText(r.Cells[2].Content)+" "+r.Cells[1].Status.Word+" "+itoa(len(r.Cells[3].Bullets)))
		default:
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, report.PlainText(c.Content))
			}
			lines = append(lines, strings.Join(cells, " "))
		}
	}
	return strings.Join(lines, "\n")
}

func keyWords(t *report.Table) string {
	var w []string
	for _, k := range t.Key {
		w = append(w, k.Status.Word)
	}
	return strings.Join(w, ", ")
}

// Changing one Amber to Green changes the table and the sentence (issue 3).
func TestOneAmberTurnsGreen(t *testing.T) {
	p := examplePlan(t)
	g, _ := scale.Normalise(mustScale(t, scale.RAG), "Green")
	p.Actions[12].Rating = &g // D9
	pack, paras, tables := seedPack(p)
	if l := Summarise(pack, scale.NewRegistry(nil)); len(l) > 0 {
		t.Fatal(l.Format())
	}
	if got, want := report.PlainText(paras[2].Content[:1]), "Of the 13 formal areas for improvement, nine are Green and four are Amber"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !strings.HasSuffix(layout(tables["rag"]), "D9 Green 2") {
		t.Errorf("table not updated:\n%s", layout(tables["rag"]))
	}
}
