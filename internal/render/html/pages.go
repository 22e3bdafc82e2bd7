package html

import (
	"html/template"
	"strconv"

	"github.com/reportpack/reportpack/internal/report"
)

// page is what the layout template receives.
type page struct {
	Title   string // the <title>
	Pack    *report.Pack
	Meeting *meetingView // set on the meeting page
	Item    *itemView    // set on an item page
	// Restricted is the NOT FOR PUBLICATION banner of a members' page that
	// holds exempt information; empty on public pages.
	Restricted string
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
	// PartII is set on the first item taken after the public are excluded.
	PartII bool
}

// itemView is one report item's page.
type itemView struct {
	Entry    agendaEntry
	Report   *report.Report
	ReportOf string // the report's author as the title block prints it
	Body     []blockView
	// Appendices is set when the body has no appendix list block, and is
	// then listed after the last section, numbered AppendixNumber ("5."
	// after section 4; empty for un-numbered reports).
	Appendices     []appendixView
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
	Full     bool         // printed in full on the page (workbook appendices)
	Table    *tableView   // the full action plan, for Workbooks
	// Restricted marks an exempt appendix in the members' pack.
	Restricted string
}

func (r *renderer) meetingPage() page {
	agenda := make([]agendaEntry, len(r.pack.Items))
	partII := false
	for i, it := range r.pack.Items {
		agenda[i] = r.entry(it)
		if it.PartII && !partII {
			agenda[i].PartII, partII = true, true
		}
	}
	pg := page{
		Title:   r.pack.Committee + ", " + longDate(r.pack.Meeting.Date) + " – " + r.pack.Council,
		Pack:    r.pack,
		Meeting: &meetingView{Agenda: agenda},
	}
	if r.pack.Edition == report.MembersEdition {
		pg.Restricted = "Members' pack: it includes exempt information and is not for publication."
	}
	return pg
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
	if it.Withheld {
		return r.noticePage(i)
	}
	ctx := &bodyContext{tables: &tableCounter{}}
	v := &itemView{
		Entry:    r.entry(it),
		Report:   it.Report,
		ReportOf: leadOf(it),
	}
	ctx.appendices = r.appendices(v.Entry, it.Report)
	v.Body = blocks(it.Report.Body, 1, ctx)
	v.Workbooks = r.workbooks(ctx.appendices, ctx.tables)
	if !ctx.listed {
		// No appendix list block (assemble places one): list them after
		// the last section.
		v.Appendices = ctx.appendices
		v.AppendixNumber = nextSection(it.Report)
	}
	v.Prev, v.Next = r.neighbours(i)
	title := it.Report.Title
	if title == "" {
		title = it.Title
	}
	return page{
		Title:      title + " – " + r.pack.Committee + ", " + longDate(r.pack.Meeting.Date),
		Pack:       r.pack,
		Item:       v,
		Restricted: r.restricted(it),
	}
}

// noticePage is the public page of an exempt item: its public title, the
// statement that it is not for publication, and its public summary.
func (r *renderer) noticePage(i int) page {
	it := r.pack.Items[i]
	v := &itemView{Entry: r.entry(it)}
	v.Prev, v.Next = r.neighbours(i)
	return page{
		Title: it.Title + " – " + r.pack.Committee + ", " + longDate(r.pack.Meeting.Date),
		Pack:  r.pack,
		Item:  v,
	}
}

// restricted returns the NOT FOR PUBLICATION banner for a page of the
// members' pack that holds exempt information, or "" for public pages.
func (r *renderer) restricted(it *report.Item) string {
	if r.pack.Edition != report.MembersEdition || !it.Restricted() {
		return ""
	}
	if it.Exempt != nil {
		return it.Exempt.Statement()
	}
	return "This item has an exempt appendix, which is not for publication."
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

// appendices lists a report's appendices and says where each one is.
func (r *renderer) appendices(e agendaEntry, rep *report.Report) (list []appendixView) {
	for _, a := range rep.Appendices {
		v := appendixView{Appendix: a, Label: appendixLabel(a)}
		switch {
		case a.Kind == report.AppendixWorkbook && a.Table != nil:
			v.Href, v.Full = anchorURL(a.Anchor), true
		case a.Kind == report.AppendixPDF && e.PDF != "":
			v.Href, v.Where = e.PDF, "in the PDF of this item"
		case a.Withheld:
			v.Where = "not for publication by virtue of paragraph " + strconv.Itoa(a.Exempt.Paragraph) +
				" of Part 1 of Schedule 12A to the Local Government Act 1972"
		case a.Kind == report.AppendixListed:
			v.Where = "supplied separately"
		}
		if a.Exempt != nil && !a.Withheld {
			v.Restricted = "NOT FOR PUBLICATION: " + a.Exempt.Statement()
		}
		list = append(list, v)
	}
	return list
}

// workbooks lays out the appendices printed in full, after the body so
// that caption ids run in page order.
func (r *renderer) workbooks(list []appendixView, tables *tableCounter) []appendixView {
	var full []appendixView
	for _, v := range list {
		if v.Full {
			v.Table = newTable(v.Appendix.Table, tables)
			full = append(full, v)
		}
	}
	return full
}

func appendixLabel(a *report.Appendix) string {
	if a.Number == "" {
		return "Appendix"
	}
	return "Appendix " + a.Number
}
