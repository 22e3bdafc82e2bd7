package actionplan

import (
	"strings"
	"testing"
)

// The example pack's workbook, saved by LibreOffice from its .fods source,
// reads as the seed's 13 formal areas: eight Green and five Amber (issue 3).
func TestExampleWorkbook(t *testing.T) {
	p, l := Read("action-plan.xlsx", readFile(t, "../../content/ofsted-scrutiny-2013/action-plan.xlsx"), "Actions", Options{})
	if len(l) > 0 {
		t.Fatalf("diagnostics:\n%s", l.Format())
	}
	formal, counts := 0, map[string]int{}
	for _, a := range p.Actions {
		if a.Formal {
			formal++
			counts[a.Rating.Word]++
		}
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"formal rows", formal, 13},
		{"green", counts["Green"], 8},
		{"amber", counts["Amber"], 5},
		{"first ref as printed", p.Actions[0].Ref, "A1 & A2"},
		{"merged service on the last safeguarding row", p.Actions[8].Group, "Safeguarding services"},
		{"merged timescale", p.Actions[3].Timescale, "Within 3 months"},
		{"second service", p.Actions[12].Group + " / " + p.Actions[12].Timescale, "Services for looked after children / Within 3 months"},
		{"progress lines", len(p.Actions[0].Progress), 5},
		{"themes", len(p.Themes), 8},
		{"as at", p.AsAt.Format("2 January 2006"), "28 February 2013"},
		{"illustrative rows are not formal", strings.HasPrefix(p.Actions[13].Area, "Illustrative") && !p.Actions[13].Formal, true},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v, want %v", c.got, c.want)
			}
		})
	}
}
