package audience

import (
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/report"
)

func pack() *report.Pack {
	secret := &report.Report{
		Title: "Secret contract", Body: []report.Block{&report.Paragraph{Content: []report.Inline{{Text: "secret text"}}}},
	}
	public := &report.Report{
		Title: "Budget",
		Appendices: []*report.Appendix{
			{ID: "summary", Title: "Summary", Number: "1", Anchor: "appendix-1"},
			{ID: "advice", Title: "Secret advice", Number: "2", Anchor: "appendix-2", Kind: report.AppendixPDF,
				PDF: []byte("%PDF secret"), Exempt: &report.Exemption{Paragraph: 5, PublicTitle: "Legal advice"}},
		},
	}
	return &report.Pack{Slug: "cabinet", Items: []*report.Item{
		{Number: 1, Slug: "budget", Kind: report.ReportItem, Title: "Budget", Report: public},
		{Number: 2, Slug: "secret-contract", Kind: report.ReportItem, Title: "Secret contract", Report: secret,
			Exempt: &report.Exemption{Paragraph: 3, PublicTitle: "Waste contract", PublicSummary: "Tenders."},
			Late:   &report.Late{Reason: "secret reason", Urgent: true}, PartII: true},
	}}
}

func TestPublicWithholdsExemptContent(t *testing.T) {
	p := pack()
	pub, diags := Public(p)
	if len(diags) != 0 {
		t.Fatalf("unexpected problems: %s", diags.Format())
	}
	item := pub.Items[1]
	if !item.Withheld || item.Report != nil || item.Title != "Waste contract" || item.Slug != "item-2-exempt" {
		t.Errorf("exempt item not withheld: %+v", item)
	}
	if item.Late == nil || item.Late.Reason != "" || !item.Late.Urgent {
		t.Errorf("late mark of an exempt item: %+v", item.Late)
	}
	app := pub.Items[0].Report.Appendices[1]
	if !app.Withheld || app.PDF != nil || app.Title != "Legal advice" || app.ID != "" || app.Number != "2" {
		t.Errorf("exempt appendix not withheld: %+v", app)
	}
	if pub.Items[0].Report.Appendices[0].Title != "Summary" {
		t.Error("a public appendix was changed")
	}
}

func TestPublicLeavesTheOriginalAlone(t *testing.T) {
	p := pack()
	Public(p)
	if p.Items[1].Report == nil || p.Items[1].Title != "Secret contract" || p.Items[0].Report.Appendices[1].PDF == nil {
		t.Error("Public changed the pack it copied")
	}
}

func TestMembersAndSupplement(t *testing.T) {
	p := pack()
	m := Members(p)
	if m.Edition != report.MembersEdition || m.Slug != "cabinet-members" || p.Slug != "cabinet" {
		t.Errorf("members edition %q %v", m.Slug, m.Edition)
	}
	if !HasExempt(p) {
		t.Error("HasExempt missed the exempt item")
	}
	s := Supplement(p)
	if s == nil || len(s.Items) != 1 || s.Items[0].Number != 2 || !strings.HasSuffix(s.Slug, "-supplement") || !s.Supplement() {
		t.Errorf("supplement: %+v", s)
	}
	p.Items[1].Late = nil
	if Supplement(p) != nil {
		t.Error("a supplement without late or revised items")
	}
}
