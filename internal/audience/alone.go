package audience

import (
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// checkStandsAlone reports tables and computed sentences in a public report
// that draw on an exempt appendix: the public report must stand alone.
func checkStandsAlone(blocks []report.Block, exempt map[string]bool, diags *diag.List) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *report.Section:
			checkStandsAlone(b.Body, exempt, diags)
		case *report.Table:
			if b.Spec != nil && exempt[b.Spec.Source] {
				leak(diags, b.Pos, "a table", b.Spec.Source)
			}
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					checkInlines(c.Content, exempt, diags)
				}
			}
		case *report.Paragraph:
			checkInlines(b.Content, exempt, diags)
		case *report.List:
			checkList(b, exempt, diags)
		}
	}
}

func checkList(l *report.List, exempt map[string]bool, diags *diag.List) {
	for _, it := range l.Items {
		checkInlines(it.Content, exempt, diags)
		if it.Sub != nil {
			checkList(it.Sub, exempt, diags)
		}
	}
}

func checkInlines(in []report.Inline, exempt map[string]bool, diags *diag.List) {
	for _, r := range in {
		if r.Kind == report.CountRun && r.Count != nil && exempt[r.Count.Source] {
			leak(diags, r.Pos, "a computed sentence", r.Count.Source)
		}
	}
}

func leak(diags *diag.List, pos diag.Pos, what, id string) {
	diags.Errorf(pos, "%s in the public report draws on appendix %q, which is exempt", what, id).
		WithHint("the public report must stand alone: move the table or sentence into the exempt appendix, or make the appendix public")
}
