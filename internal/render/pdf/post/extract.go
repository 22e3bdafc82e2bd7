package post

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Extract cuts pages first to last (1-based, inclusive) from a finished pack
// into a PDF of their own, for one agenda item's download. The pages keep the
// pack's running header and "Page N of M" footer, so a page number means the
// same thing everywhere. Outline entries whose target falls in the range are
// kept (an entry outside it is dropped and its children in range move up to
// its place); links to pages in the range keep working; links to pages
// outside it are removed; URI links stay. A tagged pack gives a tagged cut
// with the part of the structure tree that belongs to its pages. The
// document properties, dates included, are those of pdf.
func Extract(pdf []byte, first, last int) ([]byte, error) {
	src, err := Open(pdf)
	if err != nil {
		return nil, err
	}
	return src.Extract(first, last)
}

// extract cuts pages first to last from ctx, which it changes: src's
// objects, its own copy of the table.
func extract(ctx *model.Context, src *Source, first, last int) ([]byte, error) {
	pi := src.pages
	if first < 1 || last > ctx.PageCount || first > last {
		return nil, fmt.Errorf("cutting pages %d to %d: the pack has pages 1 to %d", first, last, ctx.PageCount)
	}
	old, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("reading the catalog: %w", err)
	}
	root := types.Dict{"Type": types.Name("Catalog")}
	for _, k := range []string{"Lang", "ViewerPreferences", "MarkInfo"} {
		if v, ok := old[k]; ok {
			root[k] = v
		}
	}
	if err := addOutline(ctx, pi, root, filterOutline(src.outline, first, last)); err != nil {
		return nil, err
	}
	skip, err := cutPages(ctx, pi, root, first, last)
	if err != nil {
		return nil, err
	}
	cutTree(ctx, pi, src.parents, old, root, first, last)
	rootRef, err := ctx.IndRefForNewObject(root)
	if err != nil {
		return nil, err
	}
	return write(ctx, *rootRef, infoRef(ctx), skip, cutObjectLevel)
}

// infoRef returns the pack's Info dictionary, or a new empty one.
func infoRef(ctx *model.Context) types.IndirectRef {
	if ctx.Info != nil {
		return *ctx.Info
	}
	ir, _ := ctx.IndRefForNewObject(types.Dict{})
	return *ir
}

// cutPages gives root a page tree of pages first to last, each page holding
// its inherited attributes itself, and returns the pages left out.
func cutPages(ctx *model.Context, pi *pageIndex, root types.Dict, first, last int) (map[int]bool, error) {
	skip := map[int]bool{}
	keep := map[int]bool{}
	var kids types.Array
	for p := 1; p <= ctx.PageCount; p++ {
		_, ir, _, err := pi.page(ctx, p)
		if err != nil {
			return nil, err
		}
		if p < first || p > last {
			skip[ir.ObjectNumber.Value()] = true
			continue
		}
		keep[ir.ObjectNumber.Value()] = true
		kids = append(kids, ir)
	}
	tree := types.Dict{"Type": types.Name("Pages"), "Kids": kids, "Count": types.Integer(len(kids))}
	treeRef, err := ctx.IndRefForNewObject(tree)
	if err != nil {
		return nil, err
	}
	for p := first; p <= last; p++ {
		_, ir, attrs, _ := pi.page(ctx, p)
		d := own(ctx, ir)
		flattenPage(ctx, d, attrs)
		d["Parent"] = *treeRef
		dropLinksTo(ctx, d, keep)
	}
	root["Pages"] = *treeRef
	return skip, nil
}

// flattenPage copies a page's inherited attributes onto the page itself,
// as its new parent has none.
func flattenPage(ctx *model.Context, d types.Dict, attrs *model.InheritedPageAttrs) {
	d["Resources"] = resources(ctx, d)
	if attrs.MediaBox != nil {
		d["MediaBox"] = attrs.MediaBox.Array()
	}
	if attrs.CropBox != nil {
		d["CropBox"] = attrs.CropBox.Array()
	}
	if attrs.Rotate != 0 {
		d["Rotate"] = types.Integer(attrs.Rotate)
	}
}

// dropLinksTo removes the page's internal links whose target is not a kept page.
func dropLinksTo(ctx *model.Context, d types.Dict, keep map[int]bool) {
	annots, ok := deref(ctx, d["Annots"]).(types.Array)
	if !ok {
		return
	}
	out := types.Array{}
	for _, a := range annots {
		if target, internal := linkTarget(ctx, dictOf(ctx, a)); internal && !keep[target] {
			continue
		}
		out = append(out, a)
	}
	d["Annots"] = out
}

// linkTarget returns the object number of the page an internal link
// annotation jumps to (0 when it cannot tell, as for a named destination)
// and whether the annotation is an internal link at all.
func linkTarget(ctx *model.Context, a types.Dict) (int, bool) {
	if a == nil || a["Subtype"] != types.Name("Link") {
		return 0, false
	}
	dest, ok := a["Dest"]
	if !ok {
		act := dictOf(ctx, a["A"])
		if act == nil || act["S"] != types.Name("GoTo") {
			return 0, false
		}
		dest = act["D"]
	}
	if arr, ok := deref(ctx, dest).(types.Array); ok && len(arr) > 0 {
		if ir, ok := arr[0].(types.IndirectRef); ok {
			return ir.ObjectNumber.Value(), true
		}
	}
	return 0, true
}
