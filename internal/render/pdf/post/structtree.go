package post

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// writeTree fills in every element's dictionary, the ParentTree and the
// StructTreeRoot, and marks the catalog as tagged. annots are the link
// annotations, in the order of the links given to Finish.
func (t *tagging) writeTree(catalog types.Dict, annots []types.IndirectRef) {
	t.annots = annots
	var scratch types.Array
	for i, e := range t.order {
		scratch = t.fillElem(e, t.up[i], scratch[:0])
	}
	nums, next := t.parentTree()
	d := t.rootDict
	d["Type"] = types.Name("StructTreeRoot")
	d["K"] = t.ref(t.tree)
	d["ParentTree"] = types.Dict{"Nums": nums}
	d["ParentTreeNextKey"] = types.Integer(next)
	catalog["StructTreeRoot"] = t.root
	catalog["MarkInfo"] = types.Dict{"Marked": types.Boolean(true)}
}

// fillElem writes element e's dictionary; scratch is room for its kids,
// returned for the next element.
func (t *tagging) fillElem(e *Elem, parent types.Object, scratch types.Array) types.Array {
	d := t.elems[e]
	// No /Type: optional for structure elements (ISO 32000-1, table 323), and 20,000 of them add up.
	d.s = t.name(e.Type)
	d.p = parent
	pg := t.firstPage(e)
	if pg > 0 {
		d.pg = t.pageObjs[pg-1]
	}
	scratch = t.kids(e, pg, scratch)
	d.k = t.keepKids(scratch) // a single kid is written alone: most elements hold one MCID
	if e.Alt != "" {
		d.alt = textString(e.Alt)
	}
	d.a = attributes(e)
	return scratch
}

// keepKids copies kids into room shared by all elements' kids, so that
// each element's kids are not an allocation of their own.
func (t *tagging) keepKids(kids types.Array) types.Array {
	if len(kids) == 0 {
		return nil
	}
	if cap(t.kidRoom)-len(t.kidRoom) < len(kids) {
		t.kidRoom = make(types.Array, 0, max(1024, len(kids)))
	}
	at := len(t.kidRoom)
	t.kidRoom = append(t.kidRoom, kids...)
	return t.kidRoom[at:len(t.kidRoom):len(t.kidRoom)]
}

// name is structure type s as a name object, boxed once per type.
func (t *tagging) name(s string) types.Object {
	n, ok := t.names[s]
	if !ok {
		n = types.Name(s)
		t.names[s] = n
	}
	return n
}

// firstPage is the page of e's first marked content, or 0.
func (t *tagging) firstPage(e *Elem) int {
	for _, k := range e.Kids {
		if k.Elem == nil && k.Link == 0 {
			return k.Page
		}
	}
	return 0
}

// kids appends to out e's children: elements, MCIDs (as integers on
// page pg, else as marked-content references) and annotation references.
// Texts that share a marked-content sequence are one kid.
func (t *tagging) kids(e *Elem, pg int, out types.Array) types.Array {
	last := mcKey{-1, -1} // the page and MCID of the kid before, when content
	for _, k := range e.Kids {
		switch {
		case k.Elem != nil:
			out, last = append(out, t.ref(k.Elem)), mcKey{-1, -1}
		case k.Link > 0:
			out = append(out, types.Dict{"Type": types.Name("OBJR"), "Obj": t.annots[k.Link-1],
				"Pg": t.pageObjs[t.links[k.Link-1].Page-1]})
			last = mcKey{-1, -1}
		default:
			kid, mc := t.contentKid(k, pg)
			if mc != last || kid == nil {
				out = append(out, kid)
			}
			last = mc
		}
	}
	return out
}

// contentKid is an MCID on pg, or a reference to marked content
// elsewhere, and the page and MCID it names.
func (t *tagging) contentKid(k Kid, pg int) (types.Object, mcKey) {
	text := k.Text
	if k.Insert {
		text = 0
	}
	mcid := t.mcidFor(k.Page, text)
	if mcid < 0 {
		return nil, mcKey{-1, -1} // content the page turned out not to have; reported by markPage
	}
	if k.Page == pg {
		return t.mcidObj(mcid), mcKey{k.Page, mcid}
	}
	return types.Dict{"Type": types.Name("MCR"), "Pg": t.pageObjs[k.Page-1], "MCID": types.Integer(mcid)}, mcKey{k.Page, mcid}
}

// mcidObj is MCID n as an integer object, boxed once: Go boxes only
// integers below 256 without allocating, and a full page has more MCIDs.
func (t *tagging) mcidObj(n int) types.Object {
	for len(t.ints) <= n {
		t.ints = append(t.ints, types.Integer(len(t.ints)))
	}
	return t.ints[n]
}

// attributes is e's attribute dictionary: table scope and spans, or a
// figure's bounding box.
func attributes(e *Elem) types.Object {
	if e.Scope == "" && e.ColSpan <= 1 && e.BBox.IsZero() {
		return nil
	}
	a := types.Dict{}
	if e.Scope != "" {
		a["Scope"] = types.Name(e.Scope)
	}
	if e.ColSpan > 1 {
		a["ColSpan"] = types.Integer(e.ColSpan)
	}
	if len(a) > 0 {
		a["O"] = types.Name("Table")
		return a
	}
	if !e.BBox.IsZero() {
		b := e.BBox
		return types.Dict{"O": types.Name("Layout"), "BBox": types.Array{types.Float(round2(b.X0)),
			types.Float(round2(b.Y0)), types.Float(round2(b.X1)), types.Float(round2(b.Y1))}}
	}
	return nil
}

// parentTree lists the ParentTree's number tree: each page with marked
// content (key: page index) maps to its elements by MCID, then each
// claimed link annotation to its element. It sets the pages' and
// annotations' keys and returns the next free key.
func (t *tagging) parentTree() (types.Array, int) {
	nums := types.Array{}
	for p := 1; p <= t.ctx.PageCount; p++ {
		d := t.pages[p-1]
		d["Tabs"] = types.Name("S")
		if len(t.parents[p-1]) == 0 {
			continue
		}
		d["StructParents"] = types.Integer(p - 1)
		nums = append(nums, types.Integer(p-1), types.Array(t.parents[p-1]))
	}
	next := t.ctx.PageCount
	for i := range t.links {
		e := t.byLink[i+1]
		if e == nil {
			continue
		}
		if a, _ := t.ctx.Dereference(t.annots[i]); a != nil {
			a.(types.Dict)["StructParent"] = types.Integer(next)
		}
		nums = append(nums, types.Integer(next), t.ref(e))
		next++
	}
	return nums, next
}
