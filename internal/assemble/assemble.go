// Package assemble joins what the readers produced (pack.toml, reports,
// action plans and PDF appendices) into one *report.Pack. It runs after the
// readers and before number and rag; it reads no files itself.
package assemble

import (
	"path"
	"strings"

	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// Inputs is everything the readers produced for one pack. Maps are keyed by
// file path relative to the pack folder, as written in pack.toml and front
// matter.
type Inputs struct {
	Slug    string // the pack folder's name
	Config  config.Pack
	Reports map[string]*report.Report
	Plans   map[string]*report.ActionPlan
	PDFs    map[string][]byte
}

// Pack builds the pack's model. Reports or sources that failed to read are
// simply missing from the maps; their readers have already said why.
func Pack(in Inputs) (*report.Pack, diag.List) {
	var diags diag.List
	c := in.Config
	p := &report.Pack{
		Slug:         in.Slug,
		Council:      c.Council,
		Committee:    c.Committee,
		Meeting:      report.Meeting{Date: c.Meeting.Date, Time: c.Meeting.Time, Venue: c.Meeting.Venue},
		Membership:   report.Membership(c.Membership),
		Clerk:        contact(c.Clerk, diag.Pos{File: c.File}),
		Issued:       c.Issued,
		Illustrative: c.Illustrative,
		Formats:      formats(c.Formats),
		Theme:        themeName(c.Theme),
		Style:        style(c.Style),
		Scales:       Scales(c.Scales),
		Grounds:      groundsOf(c),
		Pos:          diag.Pos{File: c.File, Line: 1, Col: 1},
	}
	for _, ci := range c.Items {
		item := &report.Item{
			Slug: config.ItemSlug(ci), Title: ci.Title, Lead: ci.Lead,
			Purpose: ci.Purpose, Notes: ci.Notes, Pos: ci.Pos,
		}
		access(item, ci, config.Grounds(c))
		if ci.Report != "" {
			rep := in.Reports[ci.Report]
			if rep == nil {
				continue // its reader reported the problem
			}
			attachReport(item, rep)
			attachSources(rep, in)
			placeAppendixList(rep)
			diags.Append(exemptAppendices(rep, config.Grounds(c)))
		}
		p.Items = append(p.Items, item)
	}
	p.Items = partTwoLast(p.Items)
	return p, diags
}

func attachReport(item *report.Item, rep *report.Report) {
	item.Kind = report.ReportItem
	item.Report = rep
	item.Title = rep.Title
	item.Lead = "Report of the " + strings.TrimPrefix(rep.ReportOf, "the ")
	if rep.ReportOf == "" {
		item.Lead = ""
	}
	item.Purpose = rep.Purpose
}

// attachSources gives each appendix the content its reader produced.
func attachSources(rep *report.Report, in Inputs) {
	for _, a := range rep.Appendices {
		switch a.Kind {
		case report.AppendixPDF:
			a.PDF = in.PDFs[a.Source]
		case report.AppendixWorkbook:
			a.Plan = in.Plans[planKey(a.Source, a.Sheet)]
			if a.Plan != nil && a.Previous != "" {
				a.Plan.Previous = in.Plans[planKey(a.Previous, a.Sheet)]
			}
		}
	}
}

// PlanKey names a sheet of a workbook in Inputs.Plans.
func PlanKey(file, sheet string) string { return planKey(file, sheet) }

func planKey(file, sheet string) string { return path.Clean(file) + "#" + sheet }

func contact(c config.Contact, pos diag.Pos) report.Contact {
	return report.Contact{Name: c.Name, Role: c.Role, Phone: c.Phone, Email: c.Email, Pos: pos}
}

func formats(s string) string {
	if s != "" {
		return s
	}
	return "This information can be made available in large print, Braille or audio, or in another language, on request. Please contact the clerk."
}

func themeName(s string) string {
	if s == "" {
		return "default"
	}
	return s
}

func style(s config.Style) report.HouseStyle {
	nation := s.Nation
	if nation == "" {
		nation = "england"
	}
	ratings := s.Ratings
	if ratings == "" {
		ratings = "rag"
	}
	return report.HouseStyle{
		AppendixLetters: s.AppendixLetters,
		FlatNumbers:     s.FlatNumbers,
		OddPageStarts:   s.OddPageStarts,
		Nation:          nation,
		Ratings:         ratings,
	}
}

// Scales converts the pack's [[scale]] tables to the model's scales.
func Scales(in []config.Scale) []report.Scale {
	var out []report.Scale
	for _, s := range in {
		rs := report.Scale{Name: s.Name, Title: s.Title}
		for _, l := range s.Levels {
			rs.Levels = append(rs.Levels, report.ScaleLevel{
				Word: l.Word, Aliases: l.Aliases, Class: l.Class, Colour: l.Colour, Meaning: l.Meaning,
			})
		}
		out = append(out, rs)
	}
	return out
}

// placeAppendixList puts the list of appendices in the report's
// "Appendices" section, adding that section at the end when the author did
// not write one, so the list is always generated from the front matter.
func placeAppendixList(rep *report.Report) {
	if len(rep.Appendices) == 0 {
		return
	}
	for _, s := range rep.Sections() {
		title := strings.ToLower(strings.TrimSpace(report.PlainText(s.Title)))
		if title != "appendices" && title != "appendix" {
			continue
		}
		for _, b := range s.Body {
			if _, ok := b.(*report.AppendixList); ok {
				return
			}
		}
		s.Body = append(s.Body, &report.AppendixList{Pos: s.Pos})
		return
	}
	rep.Body = append(rep.Body, &report.Section{
		Level: 1,
		Title: []report.Inline{{Kind: report.TextRun, Text: "Appendices"}},
		Body:  []report.Block{&report.AppendixList{Pos: rep.Pos}},
		Pos:   rep.Pos,
	})
}
