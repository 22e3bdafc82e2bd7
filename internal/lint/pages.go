package lint

import (
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// Pages warns about reports longer than limit sides of A4 before their
// appendices. body holds each report item's page count by item slug, as
// laid out in the PDF; limit 0 means the pack sets no limit.
func Pages(p *report.Pack, body map[string]int, limit int) diag.List {
	var diags diag.List
	if limit <= 0 {
		return diags
	}
	for _, it := range p.Items {
		n, ok := body[it.Slug]
		if it.Report == nil || !ok || n <= limit {
			continue
		}
		diags.Warnf(it.Report.Pos, "the report %q runs to %d pages before its appendices; the pack's limit is %d", it.Report.Title, n, limit).
			WithHint("shorten it, or move detail into an appendix; the limit is page_limit under [style] in pack.toml")
	}
	return diags
}
