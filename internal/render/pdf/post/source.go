package post

import (
	"fmt"
	"maps"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Source is a finished pack read once, so that each agenda item can be cut
// from it without reading the whole file again: a tagged pack holds
// thousands of structure elements, and copying them is far cheaper than
// parsing them once per item.
type Source struct {
	ctx     *model.Context
	pages   *pageIndex
	outline []Outline // the pack's outline, with absolute page numbers
	// parents is the ParentTree's entries (key -> value), read once for
	// all the cuts, which only read it: each keeps a few of thousands.
	// It is read before any cut, as pdfcpu's look-ups write to the
	// table they read (its current object number).
	parents map[int]types.Object
}

// newSource is a Source over ctx, whose pages pi indexes and whose
// catalog is root.
func newSource(ctx *model.Context, pi *pageIndex, root types.Dict) *Source {
	return &Source{ctx: ctx, pages: pi, outline: readOutline(ctx, pi, root), parents: parentTreeNums(ctx, root)}
}

// Open reads a finished pack to cut items from: its objects, its page
// tree and its outline, once for all the cuts.
func Open(pdf []byte) (*Source, error) {
	ctx, err := read(pdf, "the pack")
	if err != nil {
		return nil, err
	}
	decodeAll(ctx)
	pi, err := indexPages(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the pack: %w", err)
	}
	root, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("reading the catalog: %w", err)
	}
	return newSource(ctx, pi, root), nil
}

// decodeAll decodes every object held in an object stream now: pdfcpu
// decodes them on first use, writing to the shared table, which cuts
// running at once must not do.
func decodeAll(ctx *model.Context) {
	for nr := range ctx.Table {
		deref(ctx, *types.NewIndirectRef(nr, 0))
	}
}

// Extract is the package's Extract on the pack s was opened on. It works
// on its own copy of the pack's objects, so it is safe to call from
// several goroutines at once.
func (s *Source) Extract(first, last int) ([]byte, error) {
	return extract(s.clone(), s, first, last)
}

// ExtractTitled is Extract with title as the cut's own title (the Info
// dictionary's /Title, which viewers show), so that an item's PDF is not
// titled as the whole pack.
func (s *Source) ExtractTitled(first, last int, title string) ([]byte, error) {
	ctx := s.clone()
	if ctx.Info != nil {
		if info := own(ctx, *ctx.Info); info != nil {
			info["Title"] = textString(title)
		}
	}
	return extract(ctx, s, first, last)
}

// clone gives a cut its own cross-reference table. The entries and
// objects are shared with the Source until the cut changes one: it takes
// its own copy first (own), so cuts running at once never see each
// other's changes. Copying only what changes keeps a cut cheap even though a
// tagged pack holds thousands of structure elements.
func (s *Source) clone() *model.Context {
	xt := *s.ctx.XRefTable
	xt.Table = maps.Clone(s.ctx.Table)
	if head, ok := xt.Table[0]; ok { // the free list's head, changed when objects are added
		c := *head
		xt.Table[0] = &c
	}
	size := *s.ctx.Size
	xt.Size = &size
	xt.RootDict = nil
	xt.PageAnnots = nil
	ctx := *s.ctx
	ctx.XRefTable = &xt
	return &ctx
}

// own replaces the dictionary ir refers to with a copy of its own in ctx
// and returns the copy, to be changed. Its values are shared: change a
// key's value by setting the key, never in place.
func own(ctx *model.Context, ir types.IndirectRef) types.Dict {
	nr := ir.ObjectNumber.Value()
	deref(ctx, ir) // an object in an object stream is decoded on first use
	e, ok := ctx.Table[nr]
	if !ok {
		return nil
	}
	d, ok := e.Object.(types.Dict)
	if !ok {
		return nil
	}
	entry := *e
	entry.Object = maps.Clone(d)
	ctx.Table[nr] = &entry
	return entry.Object.(types.Dict)
}
