package config

import (
	"fmt"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
)

// Exemption is an [[exemption]] table: one paragraph of Schedule 12A as the
// council prints it.
type Exemption struct {
	Paragraph   int    `toml:"paragraph"`
	Description string `toml:"description"`
}

// englishGrounds are the paragraphs of Part 1 of Schedule 12A to the Local
// Government Act 1972 as amended in England (2006); Wales numbers the same
// grounds 12 to 18.
var englishGrounds = []string{
	"Information relating to any individual.",
	"Information which is likely to reveal the identity of an individual.",
	"Information relating to the financial or business affairs of any particular person (including the authority holding that information).",
	"Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.",
	"Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.",
	"Information which reveals that the authority proposes to give under any enactment a notice under or by virtue of which requirements are imposed on a person, or to make an order or direction under any enactment.",
	"Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
}

// Grounds returns the Schedule 12A paragraphs the pack may cite: its own
// [[exemption]] list, else England's 1 to 7 or Wales's 12 to 18.
func Grounds(p Pack) []Exemption {
	if len(p.Exemptions) > 0 {
		return p.Exemptions
	}
	first := 1
	if p.Style.Nation == "wales" {
		first = 12
	}
	out := make([]Exemption, len(englishGrounds))
	for i, d := range englishGrounds {
		out[i] = Exemption{Paragraph: first + i, Description: d}
	}
	return out
}

// validateAccess checks the exemption, late and revision settings of items.
func validateAccess(p *Pack) diag.List {
	var diags diag.List
	grounds := Grounds(*p)
	for i := range p.Items {
		it := &p.Items[i]
		if it.Exempt != 0 {
			checkExemption(it, grounds, &diags)
		} else if it.PublicTitle != "" || it.PublicSummary != "" {
			diags.Errorf(it.Pos, "this item has a public title or summary but is not marked exempt").
				WithHint("add exempt = N (the Schedule 12A paragraph), or remove public_title and public_summary")
		}
		if it.Urgent && it.Late == "" {
			diags.Errorf(it.Pos, "this item is marked urgent but not late").
				WithHint(`add late = "why it could not be issued with the agenda"`)
		}
		if it.Revision != "" && it.Replaces == "" || it.Replaces != "" && it.Revision == "" {
			diags.Errorf(it.Pos, "a revised paper needs both replaces and revision").
				WithHint(`say what it replaces (replaces = "the version issued on 8 April 2013") and what changed (revision = "...")`)
		}
	}
	return diags
}

func checkExemption(it *Item, grounds []Exemption, diags *diag.List) {
	if GroundFor(grounds, it.Exempt) == "" {
		diags.Errorf(it.Pos, "exempt = %d is not a paragraph of Schedule 12A this pack knows", it.Exempt).
			WithHint("use one of %s, or list the council's own under [[exemption]]", paragraphList(grounds))
	}
	if strings.TrimSpace(it.PublicTitle) == "" {
		diags.Errorf(it.Pos, "an exempt item needs a public title for the public agenda").
			WithHint(`add public_title = "..." that says what the item is about without revealing exempt information`)
	}
}

// GroundFor returns the description of paragraph n, or "" if it is not listed.
func GroundFor(grounds []Exemption, n int) string {
	for _, g := range grounds {
		if g.Paragraph == n {
			return g.Description
		}
	}
	return ""
}

func paragraphList(grounds []Exemption) string {
	nums := make([]string, len(grounds))
	for i, g := range grounds {
		nums[i] = fmt.Sprint(g.Paragraph)
	}
	return strings.Join(nums, ", ")
}
