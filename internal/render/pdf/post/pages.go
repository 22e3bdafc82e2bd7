package post

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pageIndex lists a document's pages in order, found in one walk of its
// page tree. pdfcpu's PageDict walks the tree from its root for every
// look-up, which made finishing and cutting a pack quadratic in its pages
// (issue 9: about half a build's time with item PDFs).
type pageIndex struct {
	refs  []types.IndirectRef        // page n's reference at n-1
	attrs []model.InheritedPageAttrs // its boxes and rotation, inherited or its own
	byObj map[int]int                // page object number -> page number
}

// maxTreeDepth bounds the page tree's nesting, against hostile files.
const maxTreeDepth = 64

// indexPages walks ctx's page tree once, depth first. It fails when the
// tree holds fewer pages than the document claims.
func indexPages(ctx *model.Context) (*pageIndex, error) {
	pi := &pageIndex{byObj: map[int]int{}}
	root, err := ctx.Pages()
	if err != nil || root == nil {
		return nil, fmt.Errorf("the document has no page tree")
	}
	if err := pi.walk(ctx, *root, model.InheritedPageAttrs{}, map[int]bool{}, 0); err != nil {
		return nil, err
	}
	if len(pi.refs) < ctx.PageCount {
		return nil, fmt.Errorf("page %d: not found in the page tree", len(pi.refs)+1)
	}
	pi.refs, pi.attrs = pi.refs[:ctx.PageCount], pi.attrs[:ctx.PageCount]
	return pi, nil
}

// walk adds the pages under node ir, which inherits attrs. A page may
// appear twice; a node inside itself is an error.
func (pi *pageIndex) walk(ctx *model.Context, ir types.IndirectRef, attrs model.InheritedPageAttrs, seen map[int]bool, depth int) error {
	nr := ir.ObjectNumber.Value()
	d := dictOf(ctx, ir)
	if d == nil || depth > maxTreeDepth {
		return fmt.Errorf("the page tree is damaged at object %d", nr)
	}
	inherit(ctx, d, &attrs)
	kids, isNode := deref(ctx, d["Kids"]).(types.Array)
	if !isNode || d["Type"] == types.Name("Page") {
		if _, dup := pi.byObj[nr]; !dup {
			pi.byObj[nr] = len(pi.refs) + 1
		}
		pi.refs, pi.attrs = append(pi.refs, ir), append(pi.attrs, attrs)
		return nil
	}
	if seen[nr] {
		return fmt.Errorf("the page tree is damaged at object %d", nr)
	}
	seen[nr] = true
	for _, k := range kids {
		if kr, ok := k.(types.IndirectRef); ok {
			if err := pi.walk(ctx, kr, attrs, seen, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// inherit updates attrs with the boxes and rotation node d sets.
func inherit(ctx *model.Context, d types.Dict, attrs *model.InheritedPageAttrs) {
	if r := rectangle(ctx, d["MediaBox"]); r != nil {
		attrs.MediaBox = r
	}
	if r := rectangle(ctx, d["CropBox"]); r != nil {
		attrs.CropBox = r
	}
	if v, ok := number(deref(ctx, d["Rotate"])); ok {
		attrs.Rotate = int(v)
	}
}

// rectangle reads a rectangle array, or nil when o is not one.
func rectangle(ctx *model.Context, o types.Object) *types.Rectangle {
	a, ok := deref(ctx, o).(types.Array)
	if !ok || len(a) != 4 {
		return nil
	}
	var v [4]float64
	for i := range v {
		if v[i], ok = number(deref(ctx, a[i])); !ok {
			return nil
		}
	}
	return types.NewRectangle(v[0], v[1], v[2], v[3])
}

// page returns page n's dictionary as ctx holds it, its reference and
// its inherited attributes. ctx may be a cut's own copy of the document
// pi indexed: the dictionary is looked up in it.
func (pi *pageIndex) page(ctx *model.Context, n int) (types.Dict, types.IndirectRef, *model.InheritedPageAttrs, error) {
	if n < 1 || n > len(pi.refs) {
		return nil, types.IndirectRef{}, nil, fmt.Errorf("page %d is outside the document's %d pages", n, len(pi.refs))
	}
	d := dictOf(ctx, lookup(ctx, pi.refs[n-1]))
	if d == nil {
		return nil, types.IndirectRef{}, nil, fmt.Errorf("page %d: not found", n)
	}
	return d, pi.refs[n-1], &pi.attrs[n-1], nil
}

// number returns the page number of the page with object number nr.
func (pi *pageIndex) number(nr int) (int, bool) {
	p, ok := pi.byObj[nr]
	return p, ok && p <= len(pi.refs)
}
