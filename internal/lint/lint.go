// Package lint warns about what a clerk should fix before publishing, over
// the finished model: it runs after rag (and the acronym check) and before
// the renderers, and changes nothing. Its warnings are about form rather
// than content: a report without recommendations, an appendix attached but
// never referred to, papers issued too late for the law, a report longer
// than the council's page limit (Pages, once the PDF is laid out), a late or
// revised item that does not say why.
package lint

import (
	"fmt"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// Model returns the warnings about p that need no page numbers.
func Model(p *report.Pack) diag.List {
	var diags diag.List
	diags.Append(Notice(p))
	for _, it := range p.Items {
		diags.Append(LateReasons(it))
		if it.Report == nil || len(it.Report.Body) == 0 {
			continue // an empty or unreadable report: its reader has said why
		}
		diags.Append(Recommendations(it.Report))
		diags.Append(Appendices(it.Report))
	}
	return diags
}

// Recommendations warns about a report with no section whose heading
// names its recommendations: committees decide on them, so every report
// needs them, even if only "That the Committee notes the report".
func Recommendations(r *report.Report) diag.List {
	var diags diag.List
	if hasRecommendations(r.Body) {
		return diags
	}
	name := "this report"
	if r.Title != "" { // unset when the front matter did not read
		name = fmt.Sprintf("the report %q", r.Title)
	}
	diags.Warnf(r.Pos, "%s has no recommendations", name).
		WithHint(`add a section "# Recommendations" with the decisions asked for, worded as resolutions: "That the Committee notes …"`)
	return diags
}

func hasRecommendations(body []report.Block) bool {
	for _, b := range body {
		s, ok := b.(*report.Section)
		if !ok {
			continue
		}
		if strings.Contains(strings.ToLower(report.PlainText(s.Title)), "recommend") || hasRecommendations(s.Body) {
			return true
		}
	}
	return false
}
