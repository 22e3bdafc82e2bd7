package audience

import (
	"time"

	"github.com/reportpack/reportpack/internal/report"
)

// Supplement returns the supplementary pack of p: only its late and
// revised items, each keeping its agenda number, issued on the latest of
// their own dates of issue. It returns nil when no item is late or revised.
func Supplement(p *report.Pack) *report.Pack {
	var items []*report.Item
	for _, it := range p.Items {
		if it.Late != nil || it.Revision != nil {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return nil
	}
	out := *p
	out.Items = items
	out.Slug = p.Slug + "-supplement"
	out.SupplementOf = p.Issued.Format("2 January 2006")
	out.Issued = latestIssue(items, p.Issued)
	return &out
}

// latestIssue is the latest date of issue among late items, or def.
func latestIssue(items []*report.Item, def time.Time) time.Time {
	latest := def
	for _, it := range items {
		if it.Late != nil && it.Late.Issued.After(latest) {
			latest = it.Late.Issued
		}
	}
	return latest
}
