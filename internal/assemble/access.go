package assemble

import (
	"strconv"
	"strings"

	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// exclusionSlug is the id of the generated "exclusion of the public" item.
const exclusionSlug = "exclusion-of-the-public"

// access copies an item's exemption, lateness and revision into the model.
func access(item *report.Item, ci config.Item, grounds []config.Exemption) {
	if ci.Exempt != 0 {
		item.Exempt = &report.Exemption{
			Paragraph:     ci.Exempt,
			Ground:        config.GroundFor(grounds, ci.Exempt),
			PublicTitle:   ci.PublicTitle,
			PublicSummary: ci.PublicSummary,
			Pos:           ci.Pos,
		}
		item.PartII = true
	}
	if ci.Late != "" {
		item.Late = &report.Late{Reason: ci.Late, Urgent: ci.Urgent, Pos: ci.Pos}
		item.Late.Issued = ci.LateIssued
	}
	if ci.Replaces != "" {
		item.Revision = &report.Revision{Replaces: ci.Replaces, Reason: ci.Revision, Pos: ci.Pos}
	}
}

// groundsOf converts the pack's Schedule 12A list for the model.
func groundsOf(c config.Pack) []report.Ground {
	var out []report.Ground
	for _, g := range config.Grounds(c) {
		out = append(out, report.Ground{Paragraph: g.Paragraph, Description: g.Description})
	}
	return out
}

// partTwoLast moves exempt items after the public ones, keeping each part's
// order, and puts the resolution to exclude the public between them, as
// the Local Government Act 1972 (s100A(4)) requires.
func partTwoLast(items []*report.Item) []*report.Item {
	var public, private []*report.Item
	for _, it := range items {
		if it.PartII {
			private = append(private, it)
		} else {
			public = append(public, it)
		}
	}
	if len(private) == 0 {
		return items
	}
	if !hasSlug(public, exclusionSlug) {
		public = append(public, exclusionItem(private))
	}
	return append(public, private...)
}

func exclusionItem(private []*report.Item) *report.Item {
	paras := map[int]bool{}
	var list []int
	for _, it := range private {
		if it.Exempt != nil && !paras[it.Exempt.Paragraph] {
			paras[it.Exempt.Paragraph] = true
			list = append(list, it.Exempt.Paragraph)
		}
	}
	return &report.Item{
		Slug:  exclusionSlug,
		Kind:  report.Procedural,
		Title: "Exclusion of the press and public",
		Purpose: "To resolve that the press and public be excluded from the meeting for the following " +
			plural(len(private), "item") + " of business, as " + itThey(len(private)) +
			" likely to involve the disclosure of exempt information as defined in " +
			paragraphs(list) + " of Part 1 of Schedule 12A to the Local Government Act 1972.",
	}
}

func hasSlug(items []*report.Item, slug string) bool {
	for _, it := range items {
		if it.Slug == slug {
			return true
		}
	}
	return false
}

func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

func itThey(n int) string {
	if n == 1 {
		return "it is"
	}
	return "they are"
}

// paragraphs phrases a list of paragraph numbers: "paragraph 3",
// "paragraphs 1 and 3", "paragraphs 1, 2 and 3".
func paragraphs(nums []int) string {
	words := make([]string, len(nums))
	for i, n := range nums {
		words[i] = strconv.Itoa(n)
	}
	switch len(words) {
	case 1:
		return "paragraph " + words[0]
	}
	return "paragraphs " + strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// exemptAppendices completes each exempt appendix's exemption from the
// pack's list of grounds, reporting paragraphs the pack does not know.
func exemptAppendices(rep *report.Report, grounds []config.Exemption) diag.List {
	var diags diag.List
	for _, a := range rep.Appendices {
		if a.Exempt == nil {
			continue
		}
		a.Exempt.Ground = config.GroundFor(grounds, a.Exempt.Paragraph)
		if a.Exempt.Ground == "" {
			diags.Errorf(a.Pos, "exempt = %d is not a paragraph of Schedule 12A this pack knows", a.Exempt.Paragraph).
				WithHint("use a paragraph from the pack's list (England 1 to 7, Wales 12 to 18), or list the council's own under [[exemption]] in pack.toml")
		}
	}
	return diags
}
