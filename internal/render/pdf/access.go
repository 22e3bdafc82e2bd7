package pdf

import (
	"strconv"

	"github.com/reportpack/reportpack/internal/report"
)

// notForPublication heads every page of exempt information in the
// members' pack.
const notForPublication = "NOT FOR PUBLICATION"

// restrictedHeader prefixes a running header with NOT FOR PUBLICATION when
// the page holds exempt information in the members' pack.
func (b *builder) restrictedHeader(header string, ex *report.Exemption) string {
	if ex == nil || b.pack.Edition != report.MembersEdition {
		return header
	}
	return notForPublication + " (paragraph " + strconv.Itoa(ex.Paragraph) + ") · " + header
}

// editionNote says on the front sheet which copy of the pack this is: the
// members' pack, or a supplement to an agenda already issued.
func (b *builder) editionNote() {
	st := b.st
	if b.pack.Supplement() {
		b.heading(plainSpans("Supplementary agenda", bold, st.accent), st.h2, 2, st.left, st.paraSpace, "")
		b.para(plainSpans("This supplementary pack adds to the agenda issued on "+b.pack.SupplementOf+
			". It contains the papers that were not available when the agenda was published, with their original agenda numbers.",
			regular, st.text), st.left, st.contentW(), RoleParagraph, st.paraSpace*0.5)
	}
	if b.pack.Edition == report.MembersEdition {
		b.para(plainSpans(notForPublication+": this is the members' pack. It includes exempt information and must not be published or shared.",
			bold, st.text), st.left, st.contentW(), RoleParagraph, st.paraSpace)
	}
}

// partTwo heads the exempt items on the agenda.
func (b *builder) partTwo() {
	st := b.st
	b.heading(plainSpans("Part II: not open to the public", bold, st.accent), st.h3, 2, st.left, st.paraSpace*2, "")
	b.para(plainSpans("The remaining business is likely to be considered with the press and public excluded.", regular, st.text),
		st.left, st.contentW(), RoleParagraph, 1)
}

// accessNotes are the agenda and title-block lines about an item's
// exemption, lateness and revision.
func accessNotes(it *report.Item) []string {
	var out []string
	if it.Exempt != nil {
		out = append(out, it.Exempt.Statement())
	}
	if l := it.Late; l != nil {
		s := "Late item"
		if !l.Issued.IsZero() {
			s += ", issued " + l.Issued.Format("2 January 2006")
		}
		s += "."
		if l.Reason != "" {
			s += " " + l.Reason
		}
		if l.Urgent {
			s += " The Chair has agreed that it be considered as a matter of urgency under section 100B(4)(b) of the Local Government Act 1972."
		}
		out = append(out, s)
	}
	if r := it.Revision; r != nil {
		s := "Revised: this paper replaces " + r.Replaces + "."
		if r.Reason != "" {
			s += " " + r.Reason
		}
		out = append(out, s)
	}
	return out
}

// notice lays out the public page of an exempt item: its public title,
// the statement that it is not for publication, and its public summary.
func (b *builder) notice(it *report.Item) {
	st := b.st
	b.item, b.rep = it.Slug, nil
	b.f.newPage(b.pack.Style.OddPageStarts)
	b.f.setMark(mark{item: it.Slug, header: "Item " + strconv.Itoa(it.Number) + ": " + it.Title, numbered: true})
	b.para(plainSpans("Item "+strconv.Itoa(it.Number), bold, st.muted), st.left, st.contentW(), RoleParagraph, 0)
	b.heading(plainSpans(it.Title, bold, st.accent), st.h1, 1, st.left, 2, itemAnchor(it.Slug))
	b.bookmark(strconv.Itoa(it.Number)+". "+it.Title, 1, itemAnchor(it.Slug))
	b.rule(3, 5, st.accent)
	ex := it.Exempt
	lines := []string{ex.Statement()}
	if ex.Ground != "" {
		lines = append(lines, "Paragraph "+strconv.Itoa(ex.Paragraph)+" covers: "+ex.Ground)
	}
	if ex.PublicSummary != "" {
		lines = append(lines, ex.PublicSummary)
	}
	lines = append(lines, "The report is available to members of the committee only.")
	for _, s := range lines {
		b.para(plainSpans(s, regular, st.text), st.left, st.contentW(), RoleParagraph, st.paraSpace)
	}
}

// withheldNote is what the appendix list prints after a withheld
// appendix's public title.
func withheldNote(a *report.Appendix) string {
	return " (not for publication by virtue of paragraph " + strconv.Itoa(a.Exempt.Paragraph) +
		" of Part 1 of Schedule 12A to the Local Government Act 1972)"
}
