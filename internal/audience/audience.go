// Package audience makes the copies of a finished Pack that each audience
// may see. It runs after rag, before the renderers: Public returns a copy
// with every exempt item and appendix replaced by a notice, so that the
// public renderers never hold exempt content at all; Members marks the full
// pack for members only; Supplement keeps only late and revised items.
package audience

import (
	"strconv"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// Public returns the public copy of p: exempt items keep their agenda
// number, public title and summary and a notice; exempt appendices keep
// their number and public title. It also reports public content that draws
// on an exempt appendix, which would leak it.
func Public(p *report.Pack) (*report.Pack, diag.List) {
	var diags diag.List
	out := *p
	out.Edition = report.PublicEdition
	out.Items = make([]*report.Item, len(p.Items))
	for i, it := range p.Items {
		if it.Exempt != nil {
			out.Items[i] = withheldItem(it)
			continue
		}
		out.Items[i] = publicItem(it, &diags)
	}
	return &out, diags
}

// Members returns p marked as the members' edition: everything, with
// exempt pages marked NOT FOR PUBLICATION by the renderers. Its slug, and
// so its folder and file names, end in "-members".
func Members(p *report.Pack) *report.Pack {
	out := *p
	out.Edition = report.MembersEdition
	out.Slug = p.Slug + "-members"
	return &out
}

// HasExempt reports whether anything in p is exempt, so that a members'
// edition is needed.
func HasExempt(p *report.Pack) bool {
	for _, it := range p.Items {
		if it.Restricted() {
			return true
		}
	}
	return false
}

// WithheldSlug is the public file name of an exempt item's notice page. It
// is made from the agenda number alone: an item's own id may name what is
// exempt.
func WithheldSlug(n int) string { return "item-" + strconv.Itoa(n) + "-exempt" }

func withheldItem(it *report.Item) *report.Item {
	ex := *it.Exempt
	ex.Pos = diag.Pos{}
	return &report.Item{
		Number:   it.Number,
		Slug:     WithheldSlug(it.Number),
		Kind:     it.Kind,
		Title:    ex.PublicTitle,
		Purpose:  ex.PublicSummary,
		Exempt:   &ex,
		Withheld: true,
		PartII:   true,
		Late:     withheldLate(it.Late),
		Revision: withheldRevision(it.Revision),
	}
}

// withheldLate keeps the fact and date of a late exempt paper, not its
// reason, which the clerk wrote for members.
func withheldLate(l *report.Late) *report.Late {
	if l == nil {
		return nil
	}
	return &report.Late{Urgent: l.Urgent, Issued: l.Issued}
}

func withheldRevision(r *report.Revision) *report.Revision {
	if r == nil {
		return nil
	}
	return &report.Revision{Replaces: r.Replaces}
}

// publicItem copies a public item, withholding any exempt appendices of
// its report.
func publicItem(it *report.Item, diags *diag.List) *report.Item {
	out := *it
	if it.Report == nil || !it.Restricted() {
		return &out
	}
	rep := *it.Report
	rep.Appendices = make([]*report.Appendix, len(it.Report.Appendices))
	exempt := map[string]bool{}
	for i, a := range it.Report.Appendices {
		rep.Appendices[i] = a
		if a.Exempt != nil {
			rep.Appendices[i] = withheldAppendix(a)
			exempt[a.ID] = true
		}
	}
	checkStandsAlone(rep.Body, exempt, diags)
	out.Report = &rep
	return &out
}

func withheldAppendix(a *report.Appendix) *report.Appendix {
	ex := *a.Exempt
	ex.Pos = diag.Pos{}
	title := ex.PublicTitle
	if title == "" {
		title = "Exempt information"
	}
	return &report.Appendix{
		Number:   a.Number,
		Anchor:   a.Anchor,
		Title:    title,
		Kind:     report.AppendixListed,
		Exempt:   &ex,
		Withheld: true,
	}
}
