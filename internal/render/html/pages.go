package html

import (
	"html/template"

	"github.com/reportpack/reportpack/internal/report"
)

// page is what the layout template receives.
type page struct {
	Title   string // the <title>
	Pack    *report.Pack
	Meeting *meetingView // set on the meeting page
	Item    *itemView    // set on an item page
}

// meetingView is the front sheet and agenda.
type meetingView struct {
	Agenda []agendaEntry
}

// agendaEntry is one agenda item as the agenda shows it.
type agendaEntry struct {
	Item  *report.Item
	Lead  string       // "Report of the …"; empty for procedural items
	Href  template.URL // the item's page; empty for procedural items
	PDF   template.URL // the item's own PDF; empty when none
	Pages string       // "Pages 5–12"; empty when the PDF gave none
}

// itemView is one report item's page.
type itemView struct {
	Entry      agendaEntry
	Report     *report.Report
	ReportOf   string // the report's author as the title block prints it
	Body       []blockView
	Appendices []appendixView
	// AppendixNumber numbers the generated list of appendices as the next
	// section ("5." after section 4), or is empty for un-numbered reports.
	AppendixNumber string
	Workbooks      []appendixView // appendices printed in full on the page
	Prev, Next     *agendaEntry
}

// appendixView is one appendix in the report's list.
type appendixView struct {
	Appendix *report.Appendix
	Label    string       // "Appendix 1"
	Href     template.URL // where the appendix is: "#appendix-3" or the item PDF
	Where    string       // how to reach it: "in the PDF of this item"
	Table    *tableView   // workbook appendices: the full action plan
}

func (r *renderer) meetingPage() page {
	agenda := make([]agendaEntry, len(r.pack.Items))
	for i, it := range r.pack.Items {
		agenda[i] = r.entry(it)
	}
	return page{
		Title:   r.pack.Committee + ", " + longDate(r.pack.Meeting.Date) + " – " + r.pack.Council,
		Pack:    r.pack,
		Meeting: &meetingView{Agenda: agenda},
	}
}

func (r *renderer) entry(it *report.Item) agendaEntry {
	e := agendaEntry{Item: it}
	if it.Kind == report.ReportItem {
		e.Lead = reportOf(leadOf(it))
	}
	if hasPage(it) {
		e.Href = fileURL(itemFile(it))
	}
	if f, ok := r.pages.Files[it.Slug]; ok {
		e.PDF = fileURL(f)
	}
	if pr, ok := r.pages.Items[it.Slug]; ok {
		e.Pages = pageRange(pr)
	}
	return e
}

// leadOf prefers the report's "report of", the one source for report items.
func leadOf(it *report.Item) string {
	if it.Report != nil && it.Report.ReportOf != "" {
		return it.Report.ReportOf
	}
	return it.Lead
}

func (r *renderer) itemPage(i int) page {
	it := r.pack.Items[i]
	tables := &tableCounter{}
	v := &itemView{
		Entry:    r.entry(it),
		Report:   it.Report,
		ReportOf: leadOf(it),
		Body:     blocks(it.Report.Body, 1, tables),
	}
	v.AppendixNumber = nextSection(it.Report)
	v.Appendices, v.Workbooks = r.appendices(v.Entry, it.Report, tables)
	v.Prev, v.Next = r.neighbours(i)
	title := it.Report.Title
	if title == "" {
		title = it.Title
	}
	return page{
		Title: title + " – " + r.pack.Committee + ", " + longDate(r.pack.Meeting.Date),
		Pack:  r.pack,
		Item:  v,
	}
}

// neighbours returns the previous and next items that have pages.
func (r *renderer) neighbours(i int) (prev, next *agendaEntry) {
	for j := i - 1; j >= 0 && prev == nil; j-- {
		if hasPage(r.pack.Items[j]) {
			e := r.entry(r.pack.Items[j])
			prev = &e
		}
	}
	for j := i + 1; j < len(r.pack.Items) && next == nil; j++ {
		if hasPage(r.pack.Items[j]) {
			e := r.entry(r.pack.Items[j])
			next = &e
		}
	}
	return prev, next
}

// nextSection numbers the list of appendices after the last top-level
// section, as the seed paper's "5. Appendices" follows "4. Recommendations".
func nextSection(rep *report.Report) string {
	secs := rep.Sections()
	if len(secs) == 0 || len(secs[len(secs)-1].Number) != 1 {
		return ""
	}
	return report.Number{secs[len(secs)-1].Number[0] + 1}.String()
}

func (r *renderer) appendices(e agendaEntry, rep *report.Report, tables *tableCounter) (list, full []appendixView) {
	for _, a := range rep.Appendices {
		v := appendixView{Appendix: a, Label: appendixLabel(a)}
		switch {
		case a.Kind == report.AppendixWorkbook && a.Plan != nil:
			v.Href = anchorURL(a.Anchor)
			v.Table = planTable(a, r.pack.Scales, tables)
			full = append(full, v)
		case a.Kind == report.AppendixPDF && e.PDF != "":
			v.Href, v.Where = e.PDF, "in the PDF of this item"
		}
		list = append(list, v)
	}
	return list, full
}

func appendixLabel(a *report.Appendix) string {
	if a.Number == "" {
		return "Appendix"
	}
	return "Appendix " + a.Number
}
