package html

import (
	summarise "github.com/reportpack/reportpack/internal/rag"
	"github.com/reportpack/reportpack/internal/scale"
	"time"

	"github.com/reportpack/reportpack/internal/report"
)

// Helpers that build report values tersely for tests.

func txt(s string) []report.Inline { return []report.Inline{{Kind: report.TextRun, Text: s}} }

func para(num report.Number, anchor string, in ...report.Inline) *report.Paragraph {
	return &report.Paragraph{Content: in, Number: num, Anchor: anchor}
}

func run(s string) report.Inline { return report.Inline{Kind: report.TextRun, Text: s} }

func boldRun(s string) report.Inline {
	return report.Inline{Kind: report.TextRun, Text: s, Style: report.Bold}
}

func section(level int, num report.Number, title string, body ...report.Block) *report.Section {
	return &report.Section{Level: level, Number: num, Anchor: num.Anchor("section"), Title: txt(title), Body: body}
}

func bullets(items ...string) *report.List {
	l := &report.List{}
	for _, it := range items {
		l.Items = append(l.Items, report.ListItem{Content: txt(it)})
	}
	return l
}

func status(word, class string, rank int) *report.Status {
	return &report.Status{Word: word, Class: class, Rank: rank}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// seedPack is a cut-down version of the seed paper: enough of every kind
// of block to exercise the templates.
func seedPack() *report.Pack {
	yes := false
	rep := &report.Report{
		Title:       "Ofsted inspections of safeguarding and looked after children services",
		ReportOf:    "Chief Executive/Director of Children's Services",
		Purpose:     "To receive the adoption inspection report and an update on the safeguarding action plan.",
		Date:        date(2013, 3, 12),
		Wards:       []string{"All"},
		KeyDecision: &yes,
		Contact:     report.Contact{Name: "Meg Boustead", Role: "Head of Performance", Phone: "0191 561 2356", Email: "meg.boustead@sunderland.gov.uk"},
		Body: []report.Block{
			section(1, report.Number{1}, "Purpose of the report",
				para(report.Number{1, 1}, "para-1-1", run("To provide this Committee with the final inspection report, provided as "),
					report.Inline{Kind: report.RefRun, Text: "appendix 1 and 2", Style: report.Bold, Link: "#appendix-1"}, run(" respectively.")),
				para(report.Number{1, 2}, "para-1-2", run("To provide a second progress update."))),
			section(1, report.Number{2}, "Adoption inspection report and draft action plan",
				section(2, report.Number{2, 1}, "Introduction and background",
					para(report.Number{2, 1, 1}, "para-2-1-1", run("Ofsted conducts inspections every three years.")),
					para(report.Number{2, 1, 2}, "para-2-1-2", run("The current round grades services as follows:")),
					&report.List{Items: []report.ListItem{
						{Content: []report.Inline{boldRun("Outstanding:"), run(" exceeds minimum requirements")}},
						{Content: []report.Inline{boldRun("Good:"), run(" a service of high quality")}},
					}}),
				section(2, report.Number{2, 3}, "The inspection findings",
					para(report.Number{2, 3, 1}, "para-2-3-1", run("Three of the four sub judgements were graded ‘Good’.")),
					judgementTable())),
			section(1, report.Number{3}, "Announced inspection action plan progress",
				section(2, report.Number{3, 2}, "Progress to date",
					para(report.Number{3, 2, 2}, "para-3-2-2", run("Of the 13 formal areas for improvement, eight are Green and five are Amber.")),
					ragTable(),
					&report.Subheading{Title: txt("Case file audits")},
					para(report.Number{3, 2, 5}, "para-3-2-5", run("The Case File Audit system has been reviewed; see "),
						report.Inline{Kind: report.RefRun, Text: "paragraph 3.2.2", Link: "#para-3-2-2"}, run(".")),
					bullets("Shared leadership", "Customer focus"),
					&report.Paragraph{Content: txt("TQM principles have been applied."), Continuation: true})),
			section(1, report.Number{4}, "Recommendations",
				para(report.Number{4, 1}, "para-4-1", run("The Scrutiny Committee is asked to note the report; see "),
					report.Inline{Kind: report.RefRun, Text: "the findings table", Link: "#table-findings"}, run("."))),
			section(1, report.Number{5}, "Appendices", &report.AppendixList{}),
		},
		Appendices: []*report.Appendix{
			{ID: "adoption-report", Title: "Adoption Service inspection report (February 2013)", Number: "1", Anchor: "appendix-1", Kind: report.AppendixPDF, Source: "appendices/adoption.pdf"},
			{ID: "adoption-plan", Title: "Adoption inspection: draft action plan", Number: "2", Anchor: "appendix-2", Kind: report.AppendixListed},
			{ID: "plan", Title: "Announced inspection action plan update", Number: "3", Anchor: "appendix-3", Kind: report.AppendixWorkbook, Plan: samplePlan()},
		},
	}
	return summarised(&report.Pack{
		Slug:         "ofsted-scrutiny-2013",
		Council:      "Sunderland City Council",
		Committee:    "Children's Services Scrutiny Committee",
		Meeting:      report.Meeting{Date: date(2013, 3, 12), Time: "5.30 pm", Venue: "Committee Room 1, Civic Centre, Sunderland"},
		Membership:   report.Membership{Chair: "Councillor A Smith", ViceChair: "Councillor B Jones", Members: []string{"Councillor C Brown", "Councillor D Green"}, CoOptees: []string{"Mr E White (parent governor)"}},
		Clerk:        report.Contact{Name: "Jane Clerk", Role: "Governance Services", Phone: "0191 561 1000", Email: "committees@sunderland.gov.uk"},
		Issued:       date(2013, 3, 4),
		Illustrative: "The meeting details and membership are illustrative.",
		Theme:        "default",
		Scales: []report.Scale{{Name: "rag", Levels: []report.ScaleLevel{
			{Word: "Green", Class: "green", Meaning: "On track"},
			{Word: "Amber", Class: "amber", Meaning: "Some slippage"},
			{Word: "Red", Class: "red", Meaning: "Off track"},
		}}},
		Items: []*report.Item{
			{Number: 1, Slug: "item-1-apologies", Kind: report.Procedural, Title: "Apologies for absence"},
			{Number: 2, Slug: "item-2-declarations", Kind: report.Procedural, Title: "Declarations of interest", Notes: "Members are asked to declare any interests."},
			{Number: 3, Slug: "item-3-ofsted-inspections", Kind: report.ReportItem, Title: rep.Title, Purpose: rep.Purpose, Report: rep},
		},
	})
}

func judgementTable() *report.Table {
	row := func(label, word, class string, rank int) report.Row {
		return report.Row{Cells: []report.Cell{{Content: txt(label), Header: true}, {Status: status(word, class, rank)}}}
	}
	return &report.Table{
		Kind: report.JudgementTable, Label: "findings", Caption: "Adoption Service inspection judgements, February 2013",
		Columns: []report.Column{{Title: "Judgement"}, {Title: "Grade"}},
		Rows: []report.Row{
			row("Overall effectiveness", "Good", "good", 1),
			row("Quality of service", "Outstanding", "outstanding", 0),
		},
		Notes: []string{"Scale: Ofsted children's social care (before November 2013)."},
	}
}

func ragTable() *report.Table {
	body := func(area, word, class, ref string, progress ...string) report.Row {
		c := report.Cell{}
		for _, p := range progress {
			c.Bullets = append(c.Bullets, txt(p))
		}
		return report.Row{Cells: []report.Cell{{Content: txt(area), Header: true}, {Status: status(word, class, 0)}, {Content: txt(ref)}, c}}
	}
	return &report.Table{
		Kind: report.RAGTable, Caption: "Formal areas for improvement by RAG rating",
		Columns: []report.Column{{Title: "Formal area for improvement"}, {Title: "RAG rating"}, {Title: "Plan ref no"}, {Title: "Progress summary"}},
		Rows: []report.Row{
			{Kind: report.GroupRow, Cells: []report.Cell{{Content: txt("Safeguarding services")}}},
			{Kind: report.SubgroupRow, Cells: []report.Cell{{Content: txt("Immediately")}}},
			body("Ensure that all assessments clearly identify risk", "Amber", "amber", "A1 & A2", "Forms amended.", "Risk assessment model in use."),
			body("Ensure the views of children are taken into account", "Green", "green", "A14 & A15", "Views added as a flag on CCM."),
			{Kind: report.GroupRow, Cells: []report.Cell{{Content: txt("Services for looked after children")}}},
			{Kind: report.SubgroupRow, Cells: []report.Cell{{Content: txt("Within 3 months")}}},
			body("Ensure robust reporting of Regulation 33 visits", "Amber", "amber", "D9", "A new reporting format agreed."),
		},
		Key: []report.KeyEntry{
			{Status: report.Status{Word: "Green", Class: "green"}, Meaning: "On track"},
			{Status: report.Status{Word: "Amber", Class: "amber"}, Meaning: "Some slippage"},
		},
		Notes: []string{"Ratings as at 1 March 2013, from action-plan.xlsx."},
	}
}

func samplePlan() *report.ActionPlan {
	return &report.ActionPlan{
		Workbook: "action-plan.xlsx", Sheet: "Actions", AsAt: date(2013, 3, 1), Scale: "rag",
		Columns: []string{"ref", "group", "timescale", "area", "rating", "progress", "owner"},
		Titles:  map[string]string{"ref": "Plan ref no", "area": "Formal area for improvement", "rating": "RAG rating", "progress": "Progress summary", "owner": "Owner"},
		Actions: []report.Action{
			{Ref: "A1 & A2", Area: "Assessments identify risk", Group: "Safeguarding services", Timescale: "Immediately", Rating: status("Amber", "amber", 1), Progress: []string{"Forms amended.", "Workshops held."}, Owner: "Head of Safeguarding"},
			{Ref: "D2", Area: "Review the chairing of conferences", Group: "Safeguarding services", Timescale: "Within 3 months", Rating: status("Green", "green", 0), Progress: []string{"Review has taken place."}, Owner: "SSCB"},
			{Ref: "C20", Area: "Designated doctor for looked after children", Group: "Services for looked after children", Timescale: "Within 3 months", Progress: []string{"Doctor appointed."}, Owner: "STPCT"},
		},
	}
}

// summarised runs the rag stage over a fixture, as the pipeline does before
// rendering, so that workbook appendices carry their full tables.
func summarised(p *report.Pack) *report.Pack {
	summarise.Summarise(p, scale.NewRegistry(p.Scales))
	return p
}
