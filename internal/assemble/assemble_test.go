package assemble

import (
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/report"
)

func TestPartTwoLast(t *testing.T) {
	ex := func(slug string, para int) *report.Item {
		return &report.Item{Slug: slug, PartII: true, Exempt: &report.Exemption{Paragraph: para}}
	}
	items := []*report.Item{{Slug: "apologies"}, ex("contract", 3), {Slug: "budget"}, ex("staffing", 1)}
	got := partTwoLast(items)
	var slugs []string
	for _, it := range got {
		slugs = append(slugs, it.Slug)
	}
	if strings.Join(slugs, " ") != "apologies budget exclusion-of-the-public contract staffing" {
		t.Fatalf("order: %v", slugs)
	}
	if want := "paragraphs 3 and 1 of Part 1 of Schedule 12A"; !strings.Contains(got[2].Purpose, want) {
		t.Errorf("resolution %q lacks %q", got[2].Purpose, want)
	}
	if got := partTwoLast(items[:1]); len(got) != 1 {
		t.Error("a pack with nothing exempt gained an item")
	}
}

func TestAppendixListIsPlaced(t *testing.T) {
	apps := []*report.Appendix{{ID: "a"}}
	section := func(title string) *report.Section {
		return &report.Section{Level: 1, Title: []report.Inline{{Text: title}}}
	}
	t.Run("in the author's Appendices section", func(t *testing.T) {
		s := section("Appendices")
		rep := &report.Report{Appendices: apps, Body: []report.Block{section("Purpose"), s}}
		placeAppendixList(rep)
		placeAppendixList(rep) // a second call changes nothing
		if len(s.Body) != 1 || len(rep.Body) != 2 {
			t.Fatalf("section body %d blocks, report %d", len(s.Body), len(rep.Body))
		}
	})
	t.Run("in a new section at the end", func(t *testing.T) {
		rep := &report.Report{Appendices: apps, Body: []report.Block{section("Purpose")}}
		placeAppendixList(rep)
		last, ok := rep.Body[len(rep.Body)-1].(*report.Section)
		if !ok || report.PlainText(last.Title) != "Appendices" {
			t.Fatal("no Appendices section added")
		}
	})
	t.Run("not without appendices", func(t *testing.T) {
		rep := &report.Report{Body: []report.Block{section("Purpose")}}
		placeAppendixList(rep)
		if len(rep.Body) != 1 {
			t.Error("an Appendices section was added to a report with none")
		}
	})
}

func TestPackTakesReportDetailsFromTheReport(t *testing.T) {
	rep := &report.Report{Title: "Budget", ReportOf: "Director of Finance", Purpose: "To report."}
	p, diags := Pack(Inputs{
		Slug: "cabinet",
		Config: config.Pack{Council: "C", Committee: "Cabinet", Items: []config.Item{
			{ID: "apologies", Title: "Apologies"}, {Report: "budget.md"}, {Report: "missing.md"},
		}},
		Reports: map[string]*report.Report{"budget.md": rep},
	})
	if len(diags) != 0 {
		t.Fatalf("problems: %s", diags.Format())
	}
	if len(p.Items) != 2 {
		t.Fatalf("%d items; an item whose report failed to read should be left out", len(p.Items))
	}
	it := p.Items[1]
	if it.Kind != report.ReportItem || it.Title != "Budget" || it.Lead != "Report of the Director of Finance" || it.Slug != "budget" {
		t.Errorf("item %+v", it)
	}
	if p.Theme != "default" || p.Style.Nation != "england" || p.Style.Ratings != "rag" || len(p.Grounds) != 7 {
		t.Errorf("defaults: theme %q, style %+v, %d grounds", p.Theme, p.Style, len(p.Grounds))
	}
}
