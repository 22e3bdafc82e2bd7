package post

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// addOutline replaces the document's outline with items; top-level entries
// open, deeper ones closed, so a long pack shows its items and their
// sections. The viewer opens with the outline showing.
func addOutline(ctx *model.Context, pi *pageIndex, root types.Dict, items []Outline) error {
	delete(root, "Outlines")
	if len(items) == 0 {
		return nil
	}
	top := types.Dict{"Type": types.Name("Outlines")}
	ir, err := ctx.IndRefForNewObject(top)
	if err != nil {
		return err
	}
	first, last, n, err := outlineItems(ctx, pi, items, *ir, 0)
	if err != nil {
		return err
	}
	top["First"], top["Last"], top["Count"] = first, last, types.Integer(n)
	root["Outlines"] = *ir
	root["PageMode"] = types.Name("UseOutlines")
	return nil
}

// outlineItems writes one level of the outline under parent and returns its
// first and last items and how many items show when parent is open.
func outlineItems(ctx *model.Context, pi *pageIndex, items []Outline, parent types.IndirectRef, depth int) (first, last types.IndirectRef, visible int, err error) {
	var prev types.Dict
	for i, it := range items {
		d, ir, err := outlineItem(ctx, pi, it, parent, depth)
		if err != nil {
			return first, last, 0, err
		}
		if i == 0 {
			first = ir
		} else {
			d["Prev"], prev["Next"] = last, ir
		}
		prev, last = d, ir
		visible++
		if c, ok := d["Count"].(types.Integer); ok && c > 0 {
			visible += int(c)
		}
	}
	return first, last, visible, nil
}

// outlineItem writes one outline entry and its children.
func outlineItem(ctx *model.Context, pi *pageIndex, it Outline, parent types.IndirectRef, depth int) (types.Dict, types.IndirectRef, error) {
	dest, err := destination(ctx, pi, it.Page, it.Y)
	if err != nil {
		return nil, types.IndirectRef{}, fmt.Errorf("bookmark %q: %w", it.Title, err)
	}
	d := types.Dict{"Title": textString(it.Title), "Parent": parent, "Dest": dest}
	ir, err := ctx.IndRefForNewObject(d)
	if err != nil {
		return nil, types.IndirectRef{}, err
	}
	if len(it.Children) == 0 {
		return d, *ir, nil
	}
	first, last, n, err := outlineItems(ctx, pi, it.Children, *ir, depth+1)
	if err != nil {
		return nil, types.IndirectRef{}, err
	}
	if depth > 0 {
		n = -n // closed: the count of what opening it would show, negated
	}
	d["First"], d["Last"], d["Count"] = first, last, types.Integer(n)
	return d, *ir, nil
}

// destination returns an explicit destination: page n, y points below its
// top, zoom unchanged.
func destination(ctx *model.Context, pi *pageIndex, n int, y float64) (types.Array, error) {
	_, ir, attrs, err := pi.page(ctx, n)
	if err != nil {
		return nil, err
	}
	box := pageBox(attrs)
	top := box.UR.Y - max(y, 0)
	return types.Array{ir, types.Name("XYZ"), nil, types.Float(round2(top)), nil}, nil
}

// round2 rounds to hundredths of a point, keeping the file short and stable.
func round2(f float64) float64 {
	return float64(int64(f*100+0.5*sign(f))) / 100
}

// sign returns -1 for negative f, else 1.
func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// readOutline reads a document's outline back, with absolute page numbers;
// entries whose destination it cannot resolve are left out, their children
// moving up.
func readOutline(ctx *model.Context, pi *pageIndex, root types.Dict) []Outline {
	top := dictOf(ctx, root["Outlines"])
	if top == nil {
		return nil
	}
	return readItems(ctx, top["First"], pi, 0)
}

// readItems reads a chain of sibling outline items starting at o.
func readItems(ctx *model.Context, o types.Object, pi *pageIndex, depth int) []Outline {
	var out []Outline
	for i := 0; o != nil && i < 100000 && depth < 32; i++ {
		d := dictOf(ctx, o)
		if d == nil {
			break
		}
		it := Outline{Title: decodeText(deref(ctx, d["Title"]))}
		it.Children = readItems(ctx, d["First"], pi, depth+1)
		if p, y, ok := readDest(ctx, d, pi); ok {
			it.Page, it.Y = p, y
			out = append(out, it)
		} else {
			out = append(out, it.Children...)
		}
		o = d["Next"]
	}
	return out
}

// readDest resolves an outline item's explicit destination to a page number
// and a distance from the page top.
func readDest(ctx *model.Context, d types.Dict, pi *pageIndex) (int, float64, bool) {
	dest := d["Dest"]
	if act := dictOf(ctx, d["A"]); dest == nil && act != nil {
		dest = act["D"]
	}
	arr, ok := deref(ctx, dest).(types.Array)
	if !ok || len(arr) == 0 {
		return 0, 0, false
	}
	ir, ok := arr[0].(types.IndirectRef)
	p, found := pi.number(ir.ObjectNumber.Value())
	if !ok || !found {
		return 0, 0, false
	}
	y := 0.0
	if len(arr) >= 4 && arr[1] == types.Name("XYZ") {
		if top, ok := number(deref(ctx, arr[3])); ok {
			y = pageBox(&pi.attrs[p-1]).UR.Y - top
		}
	}
	return p, y, true
}

// number returns a numeric object's value.
func number(o types.Object) (float64, bool) {
	switch v := o.(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

// filterOutline keeps the entries that target pages first to last; an entry
// outside the range gives its place to its kept children.
func filterOutline(items []Outline, first, last int) []Outline {
	var out []Outline
	for _, it := range items {
		kids := filterOutline(it.Children, first, last)
		if it.Page < first || it.Page > last {
			out = append(out, kids...)
			continue
		}
		it.Children = kids
		out = append(out, it)
	}
	return out
}
