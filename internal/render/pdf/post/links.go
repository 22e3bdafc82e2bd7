package post

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// addLinks adds a link annotation for each link to its page, after any
// annotations the page has, and returns the annotations' references in
// order. Pages with annotations get a structure tab order.
func addLinks(ctx *model.Context, pi *pageIndex, links []Link) ([]types.IndirectRef, error) {
	refs := make([]types.IndirectRef, 0, len(links))
	for i, l := range links {
		ir, err := addLink(ctx, pi, l)
		if err != nil {
			return nil, fmt.Errorf("link %d on page %d: %w", i+1, l.Page, err)
		}
		refs = append(refs, ir)
	}
	return refs, nil
}

// addLink adds one link annotation.
func addLink(ctx *model.Context, pi *pageIndex, l Link) (types.IndirectRef, error) {
	d, _, _, err := pi.page(ctx, l.Page)
	if err != nil {
		return types.IndirectRef{}, err
	}
	annot, err := linkAnnot(ctx, pi, l)
	if err != nil {
		return types.IndirectRef{}, err
	}
	ir, err := ctx.IndRefForNewObject(annot)
	if err != nil {
		return types.IndirectRef{}, err
	}
	old, _ := deref(ctx, d["Annots"]).(types.Array)
	annots := append(append(types.Array{}, old...), *ir)
	d["Annots"] = annots
	d["Tabs"] = types.Name("S")
	return *ir, nil
}

// linkAnnot builds a link annotation with no visible border.
func linkAnnot(ctx *model.Context, pi *pageIndex, l Link) (types.Dict, error) {
	r := l.Rect
	d := types.Dict{
		"Type":    types.Name("Annot"),
		"Subtype": types.Name("Link"),
		"Rect": types.Array{types.Float(round2(min(r.X0, r.X1))), types.Float(round2(min(r.Y0, r.Y1))),
			types.Float(round2(max(r.X0, r.X1))), types.Float(round2(max(r.Y0, r.Y1)))},
		"Border": types.Array{types.Integer(0), types.Integer(0), types.Integer(0)},
		"F":      types.Integer(4), // print
	}
	if l.Text != "" {
		d["Contents"] = textString(l.Text)
	}
	if l.URI != "" {
		d["A"] = types.Dict{"S": types.Name("URI"), "URI": types.StringLiteral(escapeLiteral(asciiURI(l.URI)))}
		return d, nil
	}
	dest, err := destination(ctx, pi, l.DestPage, l.DestY)
	if err != nil {
		return nil, fmt.Errorf("target: %w", err)
	}
	d["Dest"] = dest
	return d, nil
}

// asciiURI percent-encodes the bytes of u outside printable ASCII, as a
// URI action's string must be 7-bit ASCII.
func asciiURI(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= 0x20 || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
