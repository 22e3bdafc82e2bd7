package pdf

import (
	"slices"

	"github.com/reportpack/reportpack/internal/parallel"

	"github.com/reportpack/reportpack/internal/report"
)

// The items' parts of the flow are independent of one another: each
// starts on a page of its own and reads nothing the others build, except
// that block and group ids run on through the pack. So each item is built
// on a builder of its own, on every core, numbering from zero, and the
// parts are joined in agenda order with their ids moved up past the ones
// before (issue 9). The joined flow is the one a single builder makes.

// part is one item's share of the flow, its bookmarks and how many block
// and group ids it used.
type part struct {
	f              flow
	outline        []outlineEntry
	blocks, groups int
}

// buildItem builds one agenda item's pages: a report, or the notice that
// stands for a withheld one. Other items have no pages of their own.
func (b *builder) buildItem(it *report.Item) {
	switch {
	case it.Withheld:
		b.notice(it)
	case it.Kind == report.ReportItem && it.Report != nil:
		b.report(it)
	}
}

// itemParts builds each item's part on up to GOMAXPROCS workers; each
// part lands in its item's slot, so scheduling changes nothing.
func (b *builder) itemParts(items []*report.Item) []part {
	parts := make([]part, len(items))
	parallel.For(len(items), func(i int) { parts[i] = b.part(items[i]) })
	return parts
}

// part builds an item on a fresh builder that shares b's read-only
// inputs. The per-item state (item, rep, inSection) starts as it does in
// a single builder: report and notice set item and rep, and inSection is
// false between items, as section restores it and appendix clears it.
func (b *builder) part(it *report.Item) part {
	w := &builder{st: b.st, pack: b.pack, pages: b.pages, counts: b.counts, large: b.large, hang: b.hang}
	w.buildItem(it)
	return part{f: w.f, outline: w.outline, blocks: w.blocks, groups: w.groups}
}

// join appends the parts to the flow in order, moving each one's block
// and group ids (0 is none) past those already used.
func (b *builder) join(parts ...part) {
	n := 0
	for _, pt := range parts {
		n += len(pt.f.entries)
	}
	b.f.entries = slices.Grow(b.f.entries, n)
	for _, pt := range parts {
		for _, e := range pt.f.entries {
			if e.kind == entBox {
				renumber(e.box, b.blocks, b.groups)
			}
		}
		b.f.entries = append(b.f.entries, pt.f.entries...)
		b.outline = append(b.outline, pt.outline...)
		b.blocks += pt.blocks
		b.groups += pt.groups
	}
}

// renumber moves a box's block and group ids (0 is none) up by blocks
// and groups.
func renumber(bx *box, blocks, groups int) {
	for i := range bx.elems {
		in := &bx.elems[i].info
		if in.block != 0 {
			in.block += blocks
		}
		if in.group != 0 {
			in.group += groups
		}
	}
}
