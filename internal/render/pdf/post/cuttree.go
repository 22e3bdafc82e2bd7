package post

import (
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Cutting the structure tree for Extract: the elements kept are those the
// kept pages' ParentTree entries name (their marked content and link
// annotations) and their ancestors, plus empty elements (such as empty
// table cells) under a kept parent. Marked content and annotations on
// other pages are dropped from the elements' kids; a Link that no longer
// has its annotation becomes a Span. The StructTreeRoot is changed in
// place (in the cut's own copy), so the elements' parent references stay
// valid.

// treeCut is the state of cutting a structure tree.
type treeCut struct {
	ctx    *model.Context
	pi     *pageIndex
	nums   map[int]types.Object // ParentTree: key -> value, shared by all cuts: read only
	pages  map[int]bool         // kept page object numbers
	annots map[int]bool         // kept annotation object numbers
	kept   map[int]bool         // kept element object numbers
	// keptElems and keptDicts are the kept elements, FinishSource's
	// and those of a pack read from its bytes.
	keptElems []*structElem
	keptDicts []int
	keys      []int // ParentTree keys kept
	// kidRoom is room the kept elements' kid arrays are cut from.
	kidRoom types.Array
}

// cutTree keeps the part of the structure tree of the catalog old that
// belongs to pages first to last, and gives it to root; parents are
// the ParentTree's entries.
func cutTree(ctx *model.Context, pi *pageIndex, parents map[int]types.Object, old, root types.Dict, first, last int) {
	ref, ok := old["StructTreeRoot"].(types.IndirectRef)
	if !ok {
		return
	}
	str := own(ctx, ref)
	if str == nil {
		return
	}
	c := &treeCut{ctx: ctx, pi: pi, nums: parents, pages: map[int]bool{},
		annots: map[int]bool{}, kept: map[int]bool{}}
	for p := first; p <= last; p++ {
		c.keepPage(p)
	}
	copies := newElemCopies(len(c.keptElems))
	for _, e := range c.keptElems {
		c.filterElemKids(copies.own(ctx, e))
	}
	for _, nr := range c.keptDicts {
		c.filterKids(own(ctx, *types.NewIndirectRef(nr, 0)))
	}
	str["K"] = c.filter(str["K"], 0)
	str["ParentTree"] = types.Dict{"Nums": c.keptNums()}
	root["StructTreeRoot"] = old["StructTreeRoot"]
}

// parentTreeNums reads the entries of the ParentTree of the catalog
// root's StructTreeRoot, if any. Cuts share the result and never change
// it, nor the objects it reads: the values are kept as they are.
func parentTreeNums(ctx *model.Context, root types.Dict) map[int]types.Object {
	return parentNums(ctx, dictOf(ctx, root["StructTreeRoot"])["ParentTree"])
}

// readNums reads a number tree's entries into nums, following its kids.
func readNums(ctx *model.Context, o types.Object, nums map[int]types.Object, depth int) {
	d := dictOf(ctx, o)
	if d == nil || depth > 32 {
		return
	}
	if arr, ok := deref(ctx, d["Nums"]).(types.Array); ok {
		for i := 0; i+1 < len(arr); i += 2 {
			if k, ok := deref(ctx, arr[i]).(types.Integer); ok {
				nums[int(k)] = arr[i+1]
			}
		}
	}
	if kids, ok := deref(ctx, d["Kids"]).(types.Array); ok {
		for _, k := range kids {
			readNums(ctx, k, nums, depth+1)
		}
	}
}

// keepPage keeps the elements page p's content and annotations belong to.
func (c *treeCut) keepPage(p int) {
	d, ir, _, err := c.pi.page(c.ctx, p)
	if err != nil {
		return
	}
	c.pages[ir.ObjectNumber.Value()] = true
	if k, ok := deref(c.ctx, d["StructParents"]).(types.Integer); ok {
		c.keepKey(int(k))
	}
	annots, _ := deref(c.ctx, d["Annots"]).(types.Array)
	for _, a := range annots {
		if ir, ok := a.(types.IndirectRef); ok {
			c.annots[ir.ObjectNumber.Value()] = true
		}
		if k, ok := deref(c.ctx, dictOf(c.ctx, a)["StructParent"]).(types.Integer); ok {
			c.keepKey(int(k))
		}
	}
}

// keepKey keeps the elements of ParentTree entry k and their ancestors.
func (c *treeCut) keepKey(k int) {
	v, ok := c.nums[k]
	if !ok {
		return
	}
	c.keys = append(c.keys, k)
	if arr, ok := deref(c.ctx, v).(types.Array); ok {
		for _, e := range arr {
			c.keepElem(e)
		}
		return
	}
	c.keepElem(v)
}

// keepElem keeps an element and its ancestors up to the StructTreeRoot.
func (c *treeCut) keepElem(o types.Object) {
	for i := 0; i < 256; i++ {
		if e := elemOf(c.ctx, o); e != nil {
			if c.kept[e.nr] {
				return
			}
			c.kept[e.nr] = true
			c.keptElems = append(c.keptElems, e)
			o = e.p
			continue
		}
		ir, ok := o.(types.IndirectRef)
		if !ok || c.kept[ir.ObjectNumber.Value()] {
			return
		}
		d := dictOf(c.ctx, ir)
		if d == nil || d["Type"] == types.Name("StructTreeRoot") {
			return
		}
		c.kept[ir.ObjectNumber.Value()] = true
		c.keptDicts = append(c.keptDicts, ir.ObjectNumber.Value())
		o = d["P"]
	}
}

// filterKids drops the kids of element d that are not kept.
func (c *treeCut) filterKids(d types.Dict) {
	if d == nil {
		return
	}
	pg := 0
	if ir, ok := d["Pg"].(types.IndirectRef); ok {
		pg = ir.ObjectNumber.Value()
		if !c.pages[pg] {
			delete(d, "Pg")
		}
	}
	d["K"] = c.filter(d["K"], pg)
	if d["S"] == types.Name("Link") && !c.hasAnnot(d["K"]) {
		d["S"] = types.Name("Span") // its annotation was on a page left out
	}
}

// filterElemKids is filterKids for an element FinishSource built.
func (c *treeCut) filterElemKids(e *structElem) {
	pg := objNr(e.pg)
	if pg != 0 && !c.pages[pg] {
		e.pg = nil
	}
	e.k, e.kArr = c.filter(e.kids(), pg), true
	if e.s == types.Name("Link") && !c.hasAnnot(e.k) {
		e.s = types.Name("Span") // its annotation was on a page left out
	}
}

// filter returns the kept kids of k (an array or a single kid); pg is
// the page object number integer MCIDs refer to. The kids are cut from
// room shared by the cut's elements: most elements keep a kid or two.
func (c *treeCut) filter(k types.Object, pg int) types.Array {
	arr, ok := deref(c.ctx, k).(types.Array)
	n := len(arr)
	if !ok {
		n = 1
	}
	if cap(c.kidRoom)-len(c.kidRoom) < n {
		c.kidRoom = make(types.Array, 0, max(1024, n))
	}
	at := len(c.kidRoom)
	if !ok {
		c.keepIn(k, pg)
	}
	for _, kid := range arr {
		c.keepIn(kid, pg)
	}
	return c.kidRoom[at:len(c.kidRoom):len(c.kidRoom)]
}

// keepIn adds kid to the kids being filtered when it stays.
func (c *treeCut) keepIn(kid types.Object, pg int) {
	if kid != nil && c.keepKid(kid, pg) {
		c.kidRoom = append(c.kidRoom, kid)
	}
}

// keepKid reports whether one kid stays: an MCID on a kept page, a
// marked-content or object reference on a kept page, a kept element or
// an element with no content.
func (c *treeCut) keepKid(kid types.Object, pg int) bool {
	if _, ok := kid.(types.Integer); ok {
		return c.pages[pg]
	}
	if e := elemOf(c.ctx, kid); e != nil {
		return c.kept[objNr(kid)] || !e.kArr && len(e.k) == 0
	}
	d := dictOf(c.ctx, kid)
	switch {
	case d == nil:
		return false
	case d["Type"] == types.Name("MCR"):
		return c.pages[objNr(d["Pg"])]
	case d["Type"] == types.Name("OBJR"):
		return c.annots[objNr(d["Obj"])]
	}
	return c.kept[objNr(kid)] || d["K"] == nil
}

// hasAnnot reports whether kids hold an object reference.
func (c *treeCut) hasAnnot(kids types.Object) bool {
	arr, _ := kids.(types.Array)
	for _, k := range arr {
		if d := dictOf(c.ctx, k); d != nil && d["Type"] == types.Name("OBJR") {
			return true
		}
	}
	return false
}

// keptNums is the ParentTree's entries for the kept pages and annotations.
func (c *treeCut) keptNums() types.Array {
	sort.Ints(c.keys)
	out := make(types.Array, 0, 2*len(c.keys))
	for _, k := range c.keys {
		out = append(out, types.Integer(k), c.nums[k])
	}
	return out
}

// elemOf is the element FinishSource built that o is or refers to, or
// nil: the cut's own copy when it holds one in its table.
func elemOf(ctx *model.Context, o types.Object) *structElem {
	if nr := objNr(o); nr != 0 {
		if e, ok := ctx.Table[nr]; ok && e != nil {
			o = e.Object
		} else if r, ok := o.(elemRef); ok {
			return r.e // elements are kept out of the table
		}
	}
	e, _ := o.(*structElem)
	return e
}

// elemCopies is room for the copies a cut makes of the elements it
// keeps, allocated at once rather than two allocations per element.
type elemCopies struct {
	elems   []structElem
	entries []model.XRefTableEntry
	gen     int // the copies' generation number, 0
}

// newElemCopies is room for n copies.
func newElemCopies(n int) *elemCopies {
	return &elemCopies{elems: make([]structElem, 0, n), entries: make([]model.XRefTableEntry, 0, n)}
}

// own puts a copy of element e, as FinishSource built it, in ctx's
// table under e's number and returns the copy, to be changed as own's
// are.
func (c *elemCopies) own(ctx *model.Context, e *structElem) *structElem {
	if len(c.elems) == cap(c.elems) { // never: room for every kept element
		c.elems, c.entries = make([]structElem, 0, 16), make([]model.XRefTableEntry, 0, 16)
	}
	c.elems = append(c.elems, *e)
	cp := &c.elems[len(c.elems)-1]
	c.entries = append(c.entries, model.XRefTableEntry{Object: cp, Generation: &c.gen, RefCount: 1})
	ctx.Table[e.nr] = &c.entries[len(c.entries)-1]
	return cp
}

// objNr is the object number o refers to, or 0.
func objNr(o types.Object) int {
	switch r := o.(type) {
	case types.IndirectRef:
		return r.ObjectNumber.Value()
	case elemRef:
		return r.e.nr
	}
	return 0
}
