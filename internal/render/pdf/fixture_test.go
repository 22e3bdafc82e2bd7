package pdf

import (
	"fmt"
	summarise "github.com/reportpack/reportpack/internal/rag"
	"github.com/reportpack/reportpack/internal/scale"
	"testing"
	"time"

	"github.com/johnfercher/maroto/v2"
	mpage "github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

// testTheme is a theme literal like the default theme, so these tests do
// not depend on theme loading.
func testTheme() *theme.Theme {
	return &theme.Theme{
		Name: "test",
		Page: theme.Page{Size: "A4", MarginTop: 20, MarginBottom: 20, MarginLeft: 20, MarginRight: 20},
		Fonts: theme.Fonts{Family: "Liberation Sans", Body: 12, LargePrint: 16, H1: 20, H2: 15, H3: 13,
			H4: 12, Small: 9, LineSpacing: 1.4, ParagraphSpace: 3},
		Colours: theme.Colours{Text: "#0b0c0c", Accent: "#1d3f6e", Muted: "#505a5f", Link: "#1d4f91",
			TableHeader: "#dde4ec", TableRule: "#6f777b", GroupRow: "#eef1f4"},
		Palette: map[string]theme.Swatch{
			"red": {Fill: "#c2271b", Text: "#ffffff"}, "amber": {Fill: "#ffbf47", Text: "#0b0c0c"},
			"green": {Fill: "#00703c", Text: "#ffffff"}, "good": {Fill: "#cce2d8", Text: "#004020"},
			"outstanding": {Fill: "#005a30", Text: "#ffffff"},
		},
	}
}

// date is a UTC date.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// txt is a plain inline run; b a bold one.
func txt(s string) report.Inline { return report.Inline{Text: s} }
func b(s string) report.Inline   { return report.Inline{Text: s, Style: report.Bold} }

// ref is a resolved cross-reference.
func ref(s, anchor string) report.Inline {
	return report.Inline{Kind: report.RefRun, Text: s, Link: "#" + anchor, Style: report.Bold}
}

// numbered makes a numbered paragraph.
func numbered(n report.Number, in ...report.Inline) *report.Paragraph {
	return &report.Paragraph{Content: in, Number: n, Anchor: n.Anchor("para")}
}

// section makes a numbered section.
func section(level int, n report.Number, title string, body ...report.Block) *report.Section {
	return &report.Section{Level: level, Number: n, Anchor: n.Anchor("section"), Title: []report.Inline{txt(title)}, Body: body}
}

// status is a rating.
func status(word string) *report.Status {
	return &report.Status{Word: word, Class: map[string]string{"Good": "good", "Outstanding": "outstanding"}[word]}
}

// rag is a RAG rating.
func rag(word string) *report.Status {
	return &report.Status{Word: word, Class: map[string]string{"Green": "green", "Amber": "amber", "Red": "red"}[word]}
}

// seedPack is a pack shaped like the seed paper: front sheet, procedural
// items, one report with numbered sections, bold references, lists,
// judgement and RAG tables, a PDF appendix and a workbook appendix.
func seedPack(t testing.TB, planRows int) *report.Pack {
	t.Helper()
	r := &report.Report{Title: "Ofsted inspections of safeguarding and looked after children services",
		ReportOf: "Chief Executive/Director of Children’s Services", Wards: []string{"All"},
		Contact: report.Contact{Name: "Meg Boustead", Phone: "0191 561 2356", Email: "meg.boustead@sunderland.gov.uk"}}
	r.Appendices = []*report.Appendix{
		{ID: "adoption-report", Title: "Adoption Service inspection report (February 2013)", Number: "1",
			Anchor: "appendix-1", Kind: report.AppendixPDF, PDF: appendixPDF(t, 2)},
		{ID: "plan", Title: "Announced inspection action plan update – February / March 2013", Number: "2",
			Anchor: "appendix-2", Kind: report.AppendixWorkbook, Plan: actionPlan(planRows)},
	}
	r.Body = []report.Block{
		section(1, report.Number{1}, "Purpose of the report",
			numbered(report.Number{1, 1}, txt("To provide this Committee with the final inspection report, attached as "),
				ref("appendix 1", "appendix-1"), txt(". The service’s ‘Overall Effectiveness’ was judged ‘Good’ – see "),
				ref("paragraph 2.1.2", "para-2-1-2"), txt(" for the £ detail; Welsh names such as Llŷr and Gŵyn print.")),
			numbered(report.Number{1, 2}, txt("A copy of the action plan is attached as "), ref("appendix 2", "appendix-2"), txt("."))),
		section(1, report.Number{2}, "Adoption inspection report and draft action plan",
			section(2, report.Number{2, 1}, "Introduction and background",
				numbered(report.Number{2, 1, 1}, txt(lorem(60))),
				numbered(report.Number{2, 1, 2}, txt("The current round of inspections grades services using the following judgements:")),
				&report.List{Items: []report.ListItem{
					{Content: []report.Inline{b("Outstanding:"), txt(" A service of exceptional quality that significantly exceeds minimum requirements")}},
					{Content: []report.Inline{b("Good:"), txt(" A service of high quality that exceeds minimum requirements")}},
				}},
				&report.Subheading{Title: []report.Inline{txt("Case file audits")}},
				numbered(report.Number{2, 1, 3}, txt("Ofsted judged the Adoption Service to be ‘Good’ overall:")),
				judgementTable(),
				numbered(report.Number{2, 1, 4}, txt(lorem(90))),
			),
			numbered(report.Number{2, 2}, txt("Of the 13 formal areas for improvement, eight are Green and five are Amber.")),
			ragTable(),
			numbered(report.Number{2, 3}, txt(lorem(120))),
		),
		section(1, report.Number{3}, "Recommendations",
			numbered(report.Number{3, 1}, txt("The Scrutiny Committee is asked to note the very positive Adoption Inspection report.")),
			numbered(report.Number{3, 2}, txt("The Scrutiny Committee is requested to note the progress to date."))),
		section(1, report.Number{4}, "Appendices", &report.AppendixList{}),
	}
	return summarised(&report.Pack{
		Slug: "ofsted-scrutiny-2013", Council: "Sunderland City Council",
		Committee: "Children’s Services Scrutiny Committee",
		Meeting:   report.Meeting{Date: date(2013, 4, 16), Time: "5.30 pm", Venue: "Committee Room 1, Civic Centre, Sunderland SR2 7DN"},
		Membership: report.Membership{Chair: "Councillor Ellen Hartley", ViceChair: "Councillor David Okafor",
			Members: []string{"Councillor Margaret Ainsley", "Councillor Peter Brannigan", "Councillor Susan Carr"}},
		Clerk:        report.Contact{Name: "Karen Whitfield", Role: "Scrutiny Officer", Phone: "0191 561 1004", Email: "karen.whitfield@sunderland.gov.uk"},
		Issued:       date(2013, 4, 8),
		Illustrative: "The meeting’s date, time and venue are illustrative.",
		Formats:      "This pack is available in large print, Braille or audio on request.",
		Items: []*report.Item{
			{Number: 1, Slug: "item-1-apologies", Title: "Apologies for absence and substitutes"},
			{Number: 2, Slug: "item-2-declarations", Title: "Declarations of interest", Purpose: "Members to declare any interests."},
			{Number: 3, Slug: "item-3-ofsted-inspections", Kind: report.ReportItem, Title: r.Title,
				Lead: "Report of the Chief Executive/Director of Children’s Services", Purpose: "To present the inspection report and action plan.", Report: r},
		},
	})
}

// lorem is n words of filler.
func lorem(n int) string {
	words := []string{"the", "service", "has", "reflected", "upon", "these", "recommendations", "and",
		"included", "in", "its", "draft", "action", "plan", "those", "improvements", "where", "resources", "exist"}
	out := ""
	for i := 0; i < n; i++ {
		if i > 0 {
			out += " "
		}
		out += words[i%len(words)]
	}
	return out + "."
}

// judgementTable is a two-column judgement table with status cells.
func judgementTable() *report.Table {
	row := func(label, grade string) report.Row {
		return report.Row{Cells: []report.Cell{{Content: []report.Inline{txt(label)}, Header: true}, {Status: status(grade)}}}
	}
	return &report.Table{Kind: report.JudgementTable, Caption: "Adoption inspection judgements",
		Columns: []report.Column{{Title: "Judgement"}, {Title: "Grade"}},
		Rows: []report.Row{row("Overall effectiveness", "Good"), row("Quality of service", "Outstanding"),
			row("Leadership and management", "Good")}}
}

// ragTable is a grouped RAG summary table with bullets and a key.
func ragTable() *report.Table {
	row := func(area, word, ref string, progress ...string) report.Row {
		c := report.Cell{}
		for _, p := range progress {
			c.Bullets = append(c.Bullets, []report.Inline{txt(p)})
		}
		return report.Row{Cells: []report.Cell{{Content: []report.Inline{txt(area)}}, {Status: rag(word)},
			{Content: []report.Inline{txt(ref)}}, c}}
	}
	t := &report.Table{Kind: report.RAGTable,
		Columns: []report.Column{{Title: "Formal area for improvement"}, {Title: "RAG rating"}, {Title: "Plan ref no"}, {Title: "Progress summary"}},
		Key:     []report.KeyEntry{{Status: *rag("Green"), Meaning: "On track"}, {Status: *rag("Amber"), Meaning: "Some slippage"}},
		Notes:   []string{"Ratings as at 1 March 2013, from action-plan.xlsx."}}
	t.Rows = append(t.Rows, report.Row{Kind: report.GroupRow, Cells: []report.Cell{{Content: []report.Inline{txt("Safeguarding services")}}}})
	t.Rows = append(t.Rows, report.Row{Kind: report.SubgroupRow, Cells: []report.Cell{{Content: []report.Inline{txt("Immediately")}}}})
	for i := 0; i < 6; i++ {
		t.Rows = append(t.Rows, row("Ensure that all assessments clearly identify risk and protective factors", []string{"Amber", "Green"}[i%2],
			fmt.Sprintf("A%d & A%d", 2*i+1, 2*i+2), "Forms amended and managers / staff reminded of their responsibilities.",
			"Risk assessment model in use across the service."))
	}
	return t
}

// actionPlan is a workbook appendix of n actions.
func actionPlan(n int) *report.ActionPlan {
	p := &report.ActionPlan{Workbook: "action-plan.xlsx", Sheet: "Actions", AsAt: date(2013, 3, 1),
		Columns: []string{"ref", "group", "timescale", "area", "rating", "progress", "owner"},
		Titles:  map[string]string{"ref": "Ref", "area": "Area for improvement", "rating": "RAG", "progress": "Progress", "owner": "Lead officer"}}
	for i := 0; i < n; i++ {
		p.Actions = append(p.Actions, report.Action{Ref: fmt.Sprintf("A%d", i+1), Area: lorem(12 + i%9),
			Group:     []string{"Safeguarding services", "Services for looked after children"}[i*2/max(n, 1)],
			Timescale: []string{"Immediately", "Within 3 months", "Within 6 months"}[i%3], Rating: rag([]string{"Green", "Amber"}[i%2]),
			Progress: []string{"New formats and templates developed.", lorem(10 + i%7)}, Owner: "Head of Safeguarding"})
	}
	return p
}

// appendixPDF is a small PDF of n pages standing in for an inspection report.
func appendixPDF(t testing.TB, n int) []byte {
	t.Helper()
	m := maroto.New(config.NewBuilder().WithCreationDate(date(2013, 4, 3)).Build())
	for i := 0; i < n; i++ {
		m.AddPages(mpage.New().Add(text.NewRow(20, fmt.Sprintf("Ofsted inspection report, page %d", i+1), props.Text{Size: 16})))
	}
	doc, err := m.Generate()
	if err != nil {
		t.Fatal(err)
	}
	return doc.GetBytes()
}

// summarised runs the rag stage over a fixture, as the pipeline does before
// rendering, so that workbook appendices carry their full tables.
func summarised(p *report.Pack) *report.Pack {
	summarise.Summarise(p, scale.NewRegistry(p.Scales))
	return p
}
