package pdf

import (
	"strconv"

	"github.com/reportpack/reportpack/internal/report"
)

// report lays out an item's report: title block, body, appendix list,
// contact officer, then its appendices, each on a new page.
func (b *builder) report(it *report.Item) {
	r := it.Report
	b.item, b.rep = it.Slug, r
	b.f.newPage(b.pack.Style.OddPageStarts)
	b.f.setMark(mark{item: it.Slug, header: b.restrictedHeader("Item "+strconv.Itoa(it.Number)+": "+it.Title, it.Exempt), numbered: true})
	b.titleBlock(it)
	for _, blk := range r.Body {
		b.block(blk, b.st.left, 0)
	}
	b.contactOfficer(r.Contact)
	for _, a := range r.Appendices {
		b.appendix(it, a)
	}
}

// titleBlock prints the item number, title, meeting, lead and key facts.
func (b *builder) titleBlock(it *report.Item) {
	st, r := b.st, it.Report
	b.para(plainSpans("Item "+strconv.Itoa(it.Number), bold, st.muted), st.left, st.contentW(), RoleParagraph, 0)
	b.heading(plainSpans(it.Title, bold, st.accent), st.h1, 1, st.left, 2, itemAnchor(it.Slug))
	b.bookmark(strconv.Itoa(it.Number)+". "+it.Title, 1, itemAnchor(it.Slug))
	b.para(plainSpans(lead(it), bold, st.text), st.left, st.contentW(), RoleParagraph, 2)
	b.field("Meeting", b.pack.Committee, st.paraSpace)
	b.field("Date", longDate(b.pack.Meeting.Date), 0)
	b.field("Wards affected", joinNames(r.Wards), 0)
	if r.KeyDecision != nil {
		b.field("Key decision", yesNo(*r.KeyDecision), 0)
	}
	if it.Exempt != nil {
		b.field("Classification", "Exempt: paragraph "+strconv.Itoa(it.Exempt.Paragraph)+" of Part 1 of Schedule 12A to the Local Government Act 1972", 0)
	}
	for _, s := range accessNotes(it) {
		if it.Exempt == nil || s != it.Exempt.Statement() {
			b.para(plainSpans(s, regular, st.text), st.left, st.contentW(), RoleParagraph, st.paraSpace*0.5)
		}
	}
	b.rule(3, 5, st.accent)
}

// lead is "Report of …" for an item.
func lead(it *report.Item) string {
	if it.Lead != "" {
		return it.Lead
	}
	if it.Report != nil && it.Report.ReportOf != "" {
		return "Report of the " + it.Report.ReportOf
	}
	return ""
}

// yesNo prints a flag.
func yesNo(v bool) string {
	if v {
		return "Yes"
	}
	return "No"
}

// block lays out one body block whose text column starts at x; depth is
// the list nesting depth.
func (b *builder) block(blk report.Block, x float64, depth int) {
	switch v := blk.(type) {
	case *report.Section:
		b.section(v)
	case *report.Paragraph:
		b.paragraph(v, x)
	case *report.Subheading:
		b.heading(b.headingSpans(v.Title), b.st.h4, 4, b.st.left+b.hang, b.st.paraSpace*1.5, "")
	case *report.List:
		b.list(v, b.textX(x), b.newGroup(), 1)
	case *report.Table:
		b.table(v, b.textX(x), b.st.left+b.st.contentW()-b.textX(x))
	case *report.AppendixList:
		b.appendixList(b.rep)
	}
}

// textX is where body text starts: after the hanging numbers, except in
// text before the first heading.
func (b *builder) textX(x float64) float64 {
	if x == b.st.left && b.inSection {
		return x + b.hang
	}
	return x
}

// section prints a numbered heading and the blocks under it.
func (b *builder) section(s *report.Section) {
	st := b.st
	size, level := st.h2, 2
	num := s.Number.String()
	if s.Level == 1 {
		num += "."
	} else {
		size, level = st.h3, 3
	}
	anchor := b.qualify(s.Anchor)
	b.addText(textBlock{spans: b.headingSpans(s.Title), size: size, x: st.left + b.hang,
		w: st.contentW() - b.hang, label: num, labelX: st.left, labelFace: bold,
		labelRole: RoleParagraphNumber, before: st.paraSpace * 2.2, keep: true, anchor: anchor,
		info: textInfo{role: RoleHeading, level: level, block: b.newBlock(), row: noCell, col: noCell}})
	b.bookmark(num+" "+report.PlainText(s.Title), level, anchor)
	was := b.inSection
	b.inSection = true
	for _, blk := range s.Body {
		b.block(blk, st.left, 0)
	}
	b.inSection = was
}

// headingSpans is heading text: bold, in the accent colour.
func (b *builder) headingSpans(in []report.Inline) []span {
	out := b.spans(in, bold)
	for i := range out {
		if out[i].link == "" {
			out[i].colour = b.st.accent
		}
	}
	return out
}

// paragraph prints a paragraph with its hanging number.
func (b *builder) paragraph(p *report.Paragraph, x float64) {
	st := b.st
	t := textBlock{spans: b.spans(p.Content, regular), size: st.body, x: b.textX(x),
		before: st.paraSpace, anchor: b.qualify(p.Anchor),
		info: textInfo{role: RoleParagraph, block: b.newBlock(), row: noCell, col: noCell}}
	t.w = st.left + st.contentW() - t.x
	if len(p.Number) > 0 {
		t.label, t.labelX, t.labelFace, t.labelRole = p.Number.String(), st.left, regular, RoleParagraphNumber
	}
	b.addText(t)
}

// list prints a bulleted or numbered list with hanging labels.
func (b *builder) list(l *report.List, x float64, group, depth int) {
	st := b.st
	indent := mm(st.body) * 1.6
	for i, it := range l.Items {
		label := "•"
		if l.Ordered {
			label = strconv.Itoa(i+1) + "."
		}
		b.addText(textBlock{spans: b.spans(it.Content, regular), size: st.body, x: x + indent,
			w: st.left + st.contentW() - x - indent, label: label, labelX: x, labelFace: regular,
			labelRole: RoleListLabel, before: st.paraSpace * 0.5,
			info: textInfo{role: RoleListItem, level: depth, block: b.newBlock(), group: group, row: noCell, col: noCell}})
		if it.Sub != nil {
			b.list(it.Sub, x+indent, b.newGroup(), depth+1)
		}
	}
}

// appendixList lists the report's appendices, numbered in the paragraph
// number column and linked where they are in the pack.
func (b *builder) appendixList(r *report.Report) {
	st := b.st
	group := b.newGroup()
	for _, a := range r.Appendices {
		sp := plainSpans(a.Title, regular, st.text)
		switch {
		case a.Withheld:
			sp = append(sp, span{text: withheldNote(a), colour: st.text})
		case a.Exempt != nil && b.pack.Edition == report.MembersEdition:
			if a.Kind != report.AppendixListed {
				sp[0].link, sp[0].colour = b.qualify(a.Anchor), st.link
			}
			sp = append(sp, span{text: " (" + notForPublication + ")", face: bold, colour: st.text})
		case a.Kind != report.AppendixListed:
			sp[0].link, sp[0].colour = b.qualify(a.Anchor), st.link
		default:
			sp = append(sp, span{text: " (supplied separately)", colour: st.text})
		}
		anchor := ""
		if a.Kind == report.AppendixListed {
			anchor = b.qualify(a.Anchor) // it has no pages: references land on its entry
		}
		b.addText(textBlock{spans: sp, size: st.body, x: st.left + b.hang, w: st.contentW() - b.hang,
			label: a.Number, labelX: st.left, labelFace: regular, labelRole: RoleListLabel,
			before: st.paraSpace * 0.6, anchor: anchor,
			info: textInfo{role: RoleListItem, level: 1, block: b.newBlock(), group: group, row: noCell, col: noCell}})
	}
}

// appendixName is "Appendix 1" or "Appendix A".
func appendixName(a *report.Appendix) string { return "Appendix " + a.Number }

// contactOfficer prints the report's contact officer block.
func (b *builder) contactOfficer(c report.Contact) {
	if c.IsZero() {
		return
	}
	b.heading(plainSpans("Contact officer", bold, b.st.accent), b.st.h2, 2, b.st.left, b.st.paraSpace*2.2, "")
	b.contactFields(c)
}
