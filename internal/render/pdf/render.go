package pdf

import (
	"context"
	"fmt"
	"time"

	"github.com/reportpack/reportpack/internal/parallel"

	"github.com/reportpack/reportpack/internal/render/pdf/post"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

// Options are the choices of one render.
type Options struct {
	// Now is the build's one notion of now (UTC): the PDF's creation and
	// modification dates. Zero falls back to the pack's date of issue.
	Now time.Time
	// LargePrint lays out the large-print edition (16 pt body by default).
	LargePrint bool
	// NoItemPDFs skips cutting each item's own PDF from the pack.
	NoItemPDFs bool
	// Untagged writes no structure tree: only to measure what tagging
	// costs, as every published pack is tagged (issue 10).
	Untagged bool
	// Context, when set, stops the render once it is done (Ctrl-C):
	// drawing skips the pages left and no more items are cut, and Write
	// returns the context's error.
	Context context.Context
}

// stopped returns the Context's error once the render should stop.
func (o Options) stopped() error {
	if o.Context == nil {
		return nil
	}
	return o.Context.Err()
}

// Result is the finished pack and what the HTML and tagging need of it.
type Result struct {
	PDF   []byte       // the finished pack
	Pages report.Pages // item slug -> page range through the pack, and the total
	// ItemPDFs holds each report item alone by slug, cut from the pack so
	// it keeps the pack's page numbers.
	ItemPDFs map[string][]byte
	// Roles lists every piece of text drawn, in drawing order, with its
	// logical role, for the tagging pass.
	Roles []DrawnText
}

// Render lays out and writes the committee pack. p must be numbered and
// summarised (after number.Assign and rag.Summarise); th gives the look.
func Render(p *report.Pack, th *theme.Theme, opts Options) (*Result, error) {
	l, err := Layout(p, th, opts)
	if err != nil {
		return nil, err
	}
	return l.Write()
}

// Laid is a pack laid out but not yet written. Its page numbers are
// final, so the HTML, which quotes them, can be rendered while the PDF
// is drawn and finished (issue 9).
type Laid struct {
	Pages report.Pages // item slug -> page range through the pack, and the total

	pack *report.Pack
	opts Options
	st   *style
	b    *builder
	lay  *layout
}

// Layout lays the pack out and stamps the agenda with the pages the items
// land on.
func Layout(p *report.Pack, th *theme.Theme, opts Options) (*Laid, error) {
	st := newStyle(th, opts.LargePrint)
	counts, err := appendixPages(p)
	if err != nil {
		return nil, err
	}
	b, lay, pages := stableLayout(p, st, counts, opts.LargePrint)
	furnish(st, lay.pages, shortMeeting(p), issuedLine(p))
	return &Laid{Pages: pages, pack: p, opts: opts, st: st, b: b, lay: lay}, nil
}

// Write draws the laid-out pages, finishes the PDF (tags, outline,
// links, merged appendices) and cuts the item PDFs. It reads the pack
// and the layout only, so it may run beside the HTML render. It may be
// called once: it lets go of the layout as it goes.
func (l *Laid) Write() (*Result, error) {
	p, st, lay, opts := l.pack, l.st, l.lay, l.opts
	now := buildTime(p, opts.Now)
	drawing := drawAsync(st, lay.pages, now, opts.stopped)
	// While gofpdf draws on one core, the links and the structure tree are
	// worked out from the same pages (which neither changes) on the other.
	nav := navigation(st, lay, l.b.outline)
	drawn := roles(lay.pages)
	var tree *post.Elem
	if !opts.Untagged {
		tree = tagTree(lay.pages, drawn, nav.linkOf, figures(st, lay))
	}
	ins := inserts(st, lay)
	// From here on the page model and the flow are not needed: dropped,
	// they can be collected while the PDF is finished instead of being
	// live beside it (issue 9: peak memory). Write is called once.
	l.lay, l.b = nil, nil
	d := <-drawing
	raw, err := d.pdf, d.err
	if err == nil {
		err = opts.stopped() // the drawing skipped the pages left
	}
	if err != nil {
		return nil, fmt.Errorf("writing the PDF: %w", err)
	}
	final, src, err := post.FinishSource(raw, document(p, now, opts.LargePrint), nav.outline, nav.links, ins, tree)
	if err != nil {
		return nil, fmt.Errorf("finishing the PDF: %w", err)
	}
	res := &Result{PDF: final, Pages: l.Pages, Roles: drawn}
	if !opts.NoItemPDFs {
		if res.ItemPDFs, err = itemPDFs(p, src, l.Pages, opts.stopped); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// drawResult is the laid-out pages written by maroto, or why they could not be.
type drawResult struct {
	pdf []byte
	err error
}

// drawAsync draws the pages on a goroutine of its own; the result
// arrives on the channel.
func drawAsync(st *style, pages []*page, now time.Time, stopped func() error) <-chan drawResult {
	out := make(chan drawResult, 1)
	go func() {
		pdf, err := draw(st, pages, now, stopped)
		out <- drawResult{pdf, err}
	}()
	return out
}

// stableLayout lays the pack out and stamps the agenda with the pages
// the items land on. The agenda's page numbers sit in a column of their
// own (pageRef), so they move nothing: a second layout with them would
// give the same pages, and stamping them saves that pass (issue 9).
func stableLayout(p *report.Pack, st *style, counts map[*report.Appendix]int, large bool) (*builder, *layout, report.Pages) {
	b := newBuilder(p, st, counts, report.Pages{}, large)
	lay := paginate(st, &b.f)
	pages := pageMap(p, lay)
	stampPages(st, lay.pages, pages)
	return b, lay, pages
}

// newBuilder builds the whole flow: front sheet, agenda, then the items,
// which are built side by side (see itemParts).
func newBuilder(p *report.Pack, st *style, counts map[*report.Appendix]int, pages report.Pages, large bool) *builder {
	b := &builder{st: st, pack: p, pages: pages, counts: counts, large: large}
	b.hang = textWidth("0.0.00", regular, st.body) + mm(st.body)*1.3
	b.frontSheet()
	b.agenda()
	b.join(b.itemParts(p.Items)...)
	return b
}

// appendixPages counts the pages of each PDF appendix, to reserve them.
func appendixPages(p *report.Pack) (map[*report.Appendix]int, error) {
	counts := map[*report.Appendix]int{}
	for _, it := range p.Items {
		if it.Report == nil {
			continue
		}
		for _, a := range it.Report.Appendices {
			if a.Kind != report.AppendixPDF {
				continue
			}
			n, err := post.PageCount(a.PDF)
			if err != nil {
				return nil, fmt.Errorf("appendix %s of item %d (%s): %w", a.Number, it.Number, a.Source, err)
			}
			counts[a] = n
		}
	}
	return counts, nil
}

// buildTime is opts.Now, else the date of issue, else the Unix epoch, in UTC.
func buildTime(p *report.Pack, now time.Time) time.Time {
	switch {
	case !now.IsZero():
		return now.UTC()
	case !p.Issued.IsZero():
		return p.Issued.UTC()
	}
	return time.Unix(0, 0).UTC()
}

// shortMeeting is the running header's right-hand text.
func shortMeeting(p *report.Pack) string {
	if p.Meeting.Date.IsZero() {
		return p.Committee
	}
	return p.Meeting.Date.Format("2 January 2006")
}

// issuedLine is the footer's "Issued 8 April 2013" ("Supplement issued …"
// in a supplementary pack).
func issuedLine(p *report.Pack) string {
	if p.Issued.IsZero() {
		return ""
	}
	if p.Supplement() {
		return "Supplement issued " + p.Issued.Format("2 January 2006")
	}
	return "Issued " + p.Issued.Format("2 January 2006")
}

// document is the pack's document properties.
func document(p *report.Pack, now time.Time, large bool) post.Document {
	title := p.Committee + ", " + p.Meeting.Date.Format("2 January 2006") + ": agenda pack"
	if large {
		title += " (large print)"
	}
	return post.Document{Title: title, Author: p.Council,
		Subject:  p.Committee + ", " + longDate(p.Meeting.Date),
		Language: "en-GB", Creator: "reportpack", Created: now}
}

// itemPDFs cuts each report item's pages out of the finished pack. The
// cuts are independent, so they run on every core; each lands in its own
// slot, so the result does not depend on scheduling.
func itemPDFs(p *report.Pack, src *post.Source, pages report.Pages, stopped func() error) (map[string][]byte, error) {
	var items []*report.Item
	for _, it := range p.Items {
		if _, ok := pages.Items[it.Slug]; ok {
			items = append(items, it)
		}
	}
	outs := make([][]byte, len(items))
	errs := make([]error, len(items))
	parallel.For(len(items), func(i int) {
		if errs[i] = stopped(); errs[i] != nil {
			return
		}
		r := pages.Items[items[i].Slug]
		outs[i], errs[i] = src.ExtractTitled(r.First, r.Last, itemTitle(p, items[i]))
	})
	return collect(items, outs, errs)
}

// itemTitle is the document title of an item's own PDF, e.g. "Item 4:
// Ofsted inspections – Children's Services Scrutiny Committee, 16 April
// 2013".
func itemTitle(p *report.Pack, it *report.Item) string {
	return fmt.Sprintf("Item %d: %s – %s, %s", it.Number, it.Title, p.Committee, p.Meeting.Date.Format("2 January 2006"))
}

// collect pairs cut PDFs with their items, reporting the first failure.
func collect(items []*report.Item, outs [][]byte, errs []error) (map[string][]byte, error) {
	m := make(map[string][]byte, len(items))
	for i, it := range items {
		if errs[i] != nil {
			return nil, fmt.Errorf("cutting item %d from the pack: %w", it.Number, errs[i])
		}
		m[it.Slug] = outs[i]
	}
	return m, nil
}
