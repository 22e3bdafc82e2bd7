package pdf

import (
	"strings"
	"time"

	"github.com/reportpack/reportpack/internal/report"
)

// longDate formats a date the way council papers print it: "Tuesday 12 March 2013".
func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("Monday 2 January 2006")
}

// frontSheet lays out page 1: council, committee, meeting, membership,
// contact, date of issue, the illustrative note and the offer of formats.
func (b *builder) frontSheet() {
	p, st := b.pack, b.st
	b.f.setMark(mark{header: ""})
	b.para(plainSpans(p.Council, bold, st.accent), st.left, st.contentW(), RoleParagraph, 0)
	b.heading(plainSpans(p.Committee, bold, st.accent), st.h1*1.2, 1, st.left, 4, "front")
	b.bookmark("Front sheet", 1, "front")
	b.rule(2, 6, st.accent)
	b.editionNote()
	b.field("Date", longDate(p.Meeting.Date), st.paraSpace)
	b.field("Time", p.Meeting.Time, 0)
	b.field("Venue", p.Meeting.Venue, 0)
	b.membership()
	b.clerk()
	b.spacer(st.paraSpace * 2)
	b.field("Date of issue", longDate(p.Issued), 0)
	b.smallPrint()
}

// fieldLabel is the longest label the front sheet and title blocks
// print; the label column is as wide as it.
const fieldLabel = "Co-opted members"

// field prints "Label   value" with the value in its own column.
func (b *builder) field(label, value string, before float64) {
	b.fieldSpans(label, plainSpans(value, regular, b.st.text), before)
}

// fieldSpans prints a label with rich value text.
func (b *builder) fieldSpans(label string, value []span, before float64) {
	if len(value) == 1 && strings.TrimSpace(value[0].text) == "" {
		return
	}
	st := b.st
	col := textWidth(fieldLabel, bold, st.body) + mm(st.body)*0.8
	b.addText(textBlock{spans: value, size: st.body, x: st.left + col, w: st.contentW() - col,
		label: label, labelX: st.left, labelFace: bold, labelRole: RoleParagraphNumber,
		before: max(before, st.paraSpace*0.4),
		info:   textInfo{role: RoleParagraph, block: b.newBlock(), row: noCell, col: noCell}})
}

// membership lists the committee's members by role.
func (b *builder) membership() {
	m := b.pack.Membership
	if m.Chair == "" && len(m.Members) == 0 {
		return
	}
	b.heading(plainSpans("Membership", bold, b.st.accent), b.st.h3, 2, b.st.left, b.st.paraSpace*2, "")
	b.field("Chair", m.Chair, 0)
	b.field("Vice-chair", m.ViceChair, 0)
	b.field("Members", joinNames(m.Members), 0)
	b.field("Co-opted members", joinNames(m.CoOptees), 0)
}

// joinNames lists names as "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// clerk prints the contact for the meeting.
func (b *builder) clerk() {
	c := b.pack.Clerk
	if c.IsZero() {
		return
	}
	b.heading(plainSpans("Contact for this meeting", bold, b.st.accent), b.st.h3, 2, b.st.left, b.st.paraSpace*2, "")
	b.contactFields(c)
}

// contactFields prints a contact's name, role, telephone and email.
func (b *builder) contactFields(c report.Contact) {
	name := c.Name
	if c.Role != "" {
		name += ", " + c.Role
	}
	b.field("Name", name, 0)
	if c.Phone != "" {
		b.fieldSpans("Telephone", []span{{text: c.Phone, link: "tel:" + strings.ReplaceAll(c.Phone, " ", ""), colour: b.st.link}}, 0)
	}
	if c.Email != "" {
		b.fieldSpans("Email", []span{{text: c.Email, link: "mailto:" + c.Email, colour: b.st.link}}, 0)
	}
}

// smallPrint adds the illustrative note and the offer of other formats.
func (b *builder) smallPrint() {
	st := b.st
	offer := b.pack.Formats
	if b.large {
		offer = strings.TrimSpace("This is the large-print edition of the pack. " + offer)
	}
	for _, s := range []string{offer, b.pack.Illustrative} {
		if strings.TrimSpace(s) == "" {
			continue
		}
		b.para(plainSpans(s, regular, st.text), st.left, st.contentW(), RoleNote, st.paraSpace*2)
	}
}
