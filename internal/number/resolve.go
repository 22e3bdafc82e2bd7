package number

import (
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// resolveAll resolves the cross-references in every inline of r: section
// titles, paragraphs, subheadings, list items and table cells.
func resolveAll(r *report.Report, lt *labelTable, diags *diag.List) {
	res := resolver{lt: lt, diags: diags, quiet: r.FrontUnread}
	res.blocks(r.Body)
}

type resolver struct {
	lt    *labelTable
	diags *diag.List
	quiet bool // the front matter did not read: a missing label may be an appendix id
}

func (res resolver) blocks(body []report.Block) {
	for _, b := range body {
		switch b := b.(type) {
		case *report.Section:
			res.inlines(b.Title)
			res.blocks(b.Body)
		case *report.Paragraph:
			res.inlines(b.Content)
		case *report.Subheading:
			res.inlines(b.Title)
		case *report.List:
			res.list(b)
		case *report.Table:
			res.table(b)
		}
	}
}

func (res resolver) list(l *report.List) {
	for i := range l.Items {
		res.inlines(l.Items[i].Content)
		if l.Items[i].Sub != nil {
			res.list(l.Items[i].Sub)
		}
	}
}

func (res resolver) table(t *report.Table) {
	for _, row := range t.Rows {
		for _, cell := range row.Cells {
			res.inlines(cell.Content)
			for _, b := range cell.Bullets {
				res.inlines(b)
			}
		}
	}
}

func (res resolver) inlines(in []report.Inline) {
	for i := range in {
		if in[i].Kind == report.RefRun && in[i].Ref != nil {
			res.resolve(&in[i])
		}
	}
}

// resolve sets the text and link of one cross-reference.
func (res resolver) resolve(in *report.Inline) {
	var found []report.Target
	for _, label := range in.Ref.Targets {
		t, ok := res.lt.targets[label]
		switch {
		case ok:
			found = append(found, t)
		case res.lt.unnumbered[label]:
			return // reported where the label is
		default:
			res.missing(label, in.Pos)
			return
		}
	}
	if len(found) == 0 || !res.sameKind(found, in) {
		return
	}
	in.Ref.Kind = found[0].Kind
	in.Text = Phrase(found, in.Ref.Bare)
	in.Link = "#" + found[0].Anchor
}

// sameKind reports an error when one reference names targets of different
// kinds, or a table, which has no number.
func (res resolver) sameKind(found []report.Target, in *report.Inline) bool {
	for _, t := range found {
		if t.Kind == report.RefTable {
			res.diags.Errorf(in.Pos, "%s refers to a table, and tables have no number", in.Text).
				WithHint("refer to the paragraph before the table instead")
			return false
		}
		if t.Kind != found[0].Kind {
			res.diags.Errorf(in.Pos, "%s mixes kinds of target (%s and %s)", in.Text, kindNoun(found[0].Kind, false), kindNoun(t.Kind, false)).
				WithHint("write separate references: [@a] and [@b]")
			return false
		}
	}
	return true
}

// missing reports a reference to a label that is not defined, suggesting
// labels with similar spelling.
func (res resolver) missing(label string, pos diag.Pos) {
	if res.quiet {
		return
	}
	d := res.diags.Errorf(pos, "nothing in this report is labelled %q", label)
	if similar := res.similar(label); len(similar) > 0 {
		d.WithHint("did you mean %s?", orList(similar))
		return
	}
	d.WithHint("label a heading or paragraph by ending it with {#%s}, or add an appendix with id = %q to the front matter", label, label)
}

// similar returns up to five known labels close in spelling to label,
// closest first: within one edit for every three characters, or containing
// it.
func (res resolver) similar(label string) []string {
	type cand struct {
		label string
		d     int
	}
	var cands []cand
	l := strings.ToLower(label)
	limit := max(1, len([]rune(l))/3)
	for known := range res.lt.targets {
		k := strings.ToLower(known)
		d := diag.Distance(l, k)
		if d <= limit || (len(l) >= 3 && (strings.Contains(k, l) || strings.Contains(l, k))) {
			cands = append(cands, cand{known, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].label < cands[j].label
	})
	var out []string
	for _, c := range cands[:min(5, len(cands))] {
		out = append(out, c.label)
	}
	return out
}

func orList(labels []string) string {
	q := make([]string, len(labels))
	for i, l := range labels {
		q[i] = "@" + l
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
