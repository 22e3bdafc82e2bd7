package number

import (
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// numberer walks a report's body giving numbers. In the usual style a
// paragraph takes the next number one level under its section or
// subsection, and paragraphs and subsections directly in a section share one
// counter. In the flat style paragraphs count 1, 2, 3 through the report.
type numberer struct {
	flat bool
	para int // the flat style's paragraph counter
	lt   *labelTable
}

// numberBody numbers the sections of body and what they hold. Blocks before
// the first section are not numbered.
func numberBody(body []report.Block, flat bool, lt *labelTable) {
	n := &numberer{flat: flat, lt: lt}
	sec := 0
	for _, b := range body {
		switch b := b.(type) {
		case *report.Section:
			sec++
			n.section(b, report.Number{sec})
		default:
			n.unnumbered(b)
		}
	}
}

func (n *numberer) section(s *report.Section, num report.Number) {
	s.Number = num
	s.Anchor = num.Anchor("section")
	n.lt.define(s.Label, report.Target{Kind: report.RefSection, Number: num.String(), Anchor: s.Anchor}, s.Pos)
	count, sub := 0, 0
	for _, b := range s.Body {
		switch b := b.(type) {
		case *report.Section:
			count, sub = n.next(count, sub)
			n.section(b, n.childNumber(num, count, sub))
		case *report.Paragraph:
			if b.Continuation {
				n.unnumbered(b)
				continue
			}
			count++
			n.paragraph(b, num, count)
		default:
			n.unnumbered(b)
		}
	}
}

// next advances the shared counter for a subsection; in the flat style
// subsections count on their own.
func (n *numberer) next(count, sub int) (int, int) {
	if n.flat {
		return count, sub + 1
	}
	return count + 1, sub
}

func (n *numberer) childNumber(parent report.Number, count, sub int) report.Number {
	if n.flat {
		return append(parent[:len(parent):len(parent)], sub)
	}
	return append(parent[:len(parent):len(parent)], count)
}

func (n *numberer) paragraph(p *report.Paragraph, parent report.Number, count int) {
	if n.flat {
		n.para++
		p.Number = report.Number{n.para}
	} else {
		p.Number = append(parent[:len(parent):len(parent)], count)
	}
	p.Anchor = p.Number.Anchor("para")
	n.lt.define(p.Label, report.Target{Kind: report.RefParagraph, Number: p.Number.String(), Anchor: p.Anchor}, p.Pos)
}

// unnumbered handles blocks that take no number: their labels cannot be
// referred to, except a data table's, which rag uses as a source.
func (n *numberer) unnumbered(b report.Block) {
	switch b := b.(type) {
	case *report.Paragraph:
		b.Number, b.Anchor = nil, ""
		if b.Label != "" {
			n.lt.unnumberedLabel(b.Label, b.Pos)
		}
	case *report.Table:
		if b.Label != "" {
			n.lt.define(b.Label, report.Target{Kind: report.RefTable, Anchor: "table-" + b.Label}, b.Pos)
		}
	}
}

// labelTable is a report's one namespace of labels and appendix ids.
type labelTable struct {
	targets    map[string]report.Target
	where      map[string]diag.Pos
	unnumbered map[string]bool // labels on un-numbered paragraphs, already reported
	diags      *diag.List
}

func newLabelTable(diags *diag.List) *labelTable {
	return &labelTable{
		targets: map[string]report.Target{}, where: map[string]diag.Pos{},
		unnumbered: map[string]bool{}, diags: diags,
	}
}

// define records a label; a second definition is an error naming the first.
func (lt *labelTable) define(label string, t report.Target, pos diag.Pos) {
	if label == "" {
		return
	}
	if first, dup := lt.where[label]; dup {
		lt.diags.Errorf(pos, "the label %q is already used at %s", label, first).
			WithHint("labels and appendix ids must be unique within a report: rename one of them")
		return
	}
	lt.targets[label] = t
	lt.where[label] = pos
}

// unnumberedLabel reports a label on a paragraph that has no number.
func (lt *labelTable) unnumberedLabel(label string, pos diag.Pos) {
	lt.diags.Errorf(pos, "the label %q is on a paragraph without a number, so it cannot be referred to", label).
		WithHint("put the label on the numbered paragraph this one continues, or on the section heading")
	if _, dup := lt.where[label]; !dup {
		lt.where[label] = pos
		lt.unnumbered[label] = true
	}
}
