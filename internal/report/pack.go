// Package report is the model at the centre of the pipeline: the readers
// (config, narrative, actionplan) fill it, assemble joins the pieces into a
// Pack, number and rag complete it, and the renderers only read it. It knows
// nothing of Markdown, TOML, spreadsheets, HTML or PDF.
package report

import (
	"time"

	"github.com/reportpack/reportpack/internal/diag"
)

// Pack is one meeting's agenda pack: front sheet, agenda and reports.
type Pack struct {
	Slug         string     // output folder name, e.g. "childrens-scrutiny-2013-03-12"
	Council      string     // "Sunderland City Council"
	Committee    string     // "Children's Services Scrutiny Committee"
	Meeting      Meeting    // when and where
	Membership   Membership // who sits on the committee
	Clerk        Contact    // contact for the meeting
	Issued       time.Time  // date of issue (publication), UTC midnight
	Illustrative string     // a note that some details are illustrative; empty if none
	Formats      string     // offer of other formats (large print, Braille, audio)
	Theme        string     // theme name, "default" unless set
	Style        HouseStyle // numbering and layout conventions of the council
	Scales       []Scale    // rating and judgement scales known to this pack
	Items        []*Item    // agenda items in order
	Grounds      []Ground   // the Schedule 12A paragraphs this pack cites by
	// SupplementOf is set on a supplementary pack: the date of issue of the
	// pack it adds to, e.g. "8 April 2013".
	SupplementOf string
	// Edition says which copy this is: public (the default), members (with
	// exempt content, marked NOT FOR PUBLICATION) or a supplement.
	Edition Edition
	Pos     diag.Pos // where pack.toml is
}

// Edition says which copy of a pack a renderer is printing.
type Edition int

// Editions.
const (
	PublicEdition  Edition = iota // for the website: no exempt content
	MembersEdition                // for members only: everything, exempt pages marked
)

// Supplement reports whether the pack is a supplementary pack: only late
// or revised items, with a front sheet listing them.
func (p *Pack) Supplement() bool { return p.SupplementOf != "" }

// Meeting says when and where the committee meets.
type Meeting struct {
	Date  time.Time // the meeting's date, UTC midnight
	Time  string    // "5.30 pm"
	Venue string
}

// Membership lists the committee's members by role.
type Membership struct {
	Chair     string
	ViceChair string
	Members   []string
	CoOptees  []string
}

// Contact is a person to contact about a meeting or a report.
type Contact struct {
	Name  string
	Role  string
	Phone string
	Email string
	Pos   diag.Pos
}

// IsZero reports whether no contact details are given.
func (c Contact) IsZero() bool { return c.Name == "" && c.Phone == "" && c.Email == "" }

// HouseStyle holds the conventions that differ between councils.
type HouseStyle struct {
	AppendixLetters bool   // appendices lettered A, B, C rather than numbered
	FlatNumbers     bool   // paragraphs numbered 1, 2, 3 through the report rather than 1.1, 2.1.1
	OddPageStarts   bool   // each report and appendix starts on an odd page (double-sided printing)
	Nation          string // "england" or "wales": notice periods and exempt paragraph numbers
	Ratings         string // scale action plans are rated on: "rag" (default), "brag" or a pack scale
}

// ItemKind says whether an agenda item has a report.
type ItemKind int

// Item kinds.
const (
	Procedural ItemKind = iota // apologies, declarations, minutes: no report
	ReportItem                 // an officer's report
)

// Item is one numbered agenda item.
type Item struct {
	Number  int      // agenda number, assigned by number.Assign
	Slug    string   // stable file name for the item's page, e.g. "item-5-ofsted-inspections"
	Kind    ItemKind // procedural or report
	Title   string
	Lead    string  // "Report of the Chief Executive"; from the report for report items
	Purpose string  // one line shown on the agenda
	Notes   string  // extra agenda text for procedural items
	Report  *Report // nil for procedural items
	// Exempt is set when the whole item is exempt information; the public
	// pack keeps only its public title and a notice.
	Exempt *Exemption
	// Withheld is set on the public copy of an exempt item: its content has
	// been removed and renderers print Exempt's notice instead.
	Withheld bool
	Late     *Late     // issued late, in a supplementary pack; nil if not
	Revision *Revision // replaces an earlier version; nil if not
	PartII   bool      // taken after the resolution to exclude the public
	Pos      diag.Pos
}

// Restricted reports whether anything of the item is exempt: the item
// itself or one of its report's appendices.
func (it *Item) Restricted() bool {
	if it.Exempt != nil {
		return true
	}
	if it.Report != nil {
		for _, a := range it.Report.Appendices {
			if a.Exempt != nil {
				return true
			}
		}
	}
	return false
}

// Report is one officer's report with its appendices.
type Report struct {
	Title       string
	ReportOf    string // "Chief Executive/Director of Children's Services"
	Purpose     string
	Date        time.Time
	Contact     Contact
	Wards       []string // empty means not stated; ["All"] for all wards
	KeyDecision *bool    // nil when not stated
	Body        []Block  // blocks before the first heading, then *Section blocks
	Appendices  []*Appendix
	Labels      map[string]Target // every label defined in the report, filled by number
	Source      string            // the Markdown file, relative to the pack
	Pos         diag.Pos
	// FrontUnread says the front matter is not valid TOML, so the report's
	// appendices are unknown: references to them are not checked, as every
	// one would be reported again after the syntax error.
	FrontUnread bool
}

// Sections returns the report's top-level sections in order.
func (r *Report) Sections() []*Section {
	var out []*Section
	for _, b := range r.Body {
		if s, ok := b.(*Section); ok {
			out = append(out, s)
		}
	}
	return out
}

// Target is what a label or appendix id refers to, once numbered.
type Target struct {
	Kind   RefKind
	Number string // "3.2.5", "2", "1" or "A"
	Anchor string // HTML id and PDF destination name
}

// Appendix is a document attached to a report.
type Appendix struct {
	ID     string // the author's id, used in references
	Title  string
	Number string // "1" or "A", assigned by number.Assign in attachment order
	Anchor string // "appendix-1"
	Source string // file relative to the pack: .pdf, .xlsx or .md; empty for none
	Sheet  string // for workbooks: the sheet to read
	// Previous is the previous update's workbook, for direction of travel;
	// empty when there is none.
	Previous string
	Kind     AppendixKind
	PDF      []byte      // contents of a PDF appendix, read by build
	Plan     *ActionPlan // rows of a workbook appendix
	// Table is a workbook appendix printed in full, filled by rag so that
	// every renderer prints the same rows.
	Table *Table
	// Exempt is set when the appendix is exempt information.
	Exempt *Exemption
	// Withheld is set on the public copy of an exempt appendix: its content
	// is gone and renderers print Exempt's notice in its place.
	Withheld bool
	Pos      diag.Pos
}

// AppendixKind says where an appendix's content comes from.
type AppendixKind int

// Appendix kinds.
const (
	AppendixListed   AppendixKind = iota // title only: printed in the list, supplied separately
	AppendixPDF                          // an existing PDF merged into the pack
	AppendixWorkbook                     // an action plan read from a workbook and printed as a table
)
