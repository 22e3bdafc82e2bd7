package post

import (
	"fmt"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// checkInserts rejects inserts that fall outside the layout or overlap.
func checkInserts(pages int, inserts []Insert) error {
	used := make([]int, pages+1) // placeholder page -> insert number
	for i, in := range inserts {
		if in.Pages < 1 || in.AtPage < 1 || in.AtPage+in.Pages-1 > pages {
			return fmt.Errorf("PDF appendix %d: placeholder pages %d to %d are outside the pack's %d pages",
				i+1, in.AtPage, in.AtPage+in.Pages-1, pages)
		}
		for p := in.AtPage; p < in.AtPage+in.Pages; p++ {
			if used[p] != 0 {
				return fmt.Errorf("PDF appendices %d and %d both use page %d", used[p], i+1, p)
			}
			used[p] = i + 1
		}
	}
	return nil
}

// insert draws each page of in.PDF on its placeholder page; n numbers the
// insert so that resource names stay unique; tg, when not nil, marks it.
func insert(ctx *model.Context, pi *pageIndex, in Insert, n int, tg *tagging) error {
	src, err := read(in.PDF, "the appendix")
	if err != nil {
		return err
	}
	srcPages, err := indexPages(src)
	if err != nil {
		return fmt.Errorf("reading the appendix: %w", err)
	}
	if src.PageCount != in.Pages {
		return fmt.Errorf("the appendix has %d pages but the layout left %d for it", src.PageCount, in.Pages)
	}
	memo := map[int]types.Object{}
	for p := 1; p <= src.PageCount; p++ {
		form, box, err := pageForm(src, srcPages, ctx, p, memo)
		if err != nil {
			return fmt.Errorf("appendix page %d: %w", p, err)
		}
		name := "RPInsert" + strconv.Itoa(n) + "p" + strconv.Itoa(p)
		if err := drawForm(ctx, pi, in.AtPage+p-1, in.Area, name, form, box, tg); err != nil {
			return fmt.Errorf("placeholder page %d: %w", in.AtPage+p-1, err)
		}
	}
	return nil
}

// placed is an appendix page's visible box and rotation, as drawn.
type placed struct {
	box    types.Rectangle
	rotate int
}

// pageForm turns page p of src into a form XObject in dst: its content
// streams joined, its resources copied.
func pageForm(src *model.Context, srcPages *pageIndex, dst *model.Context, p int, memo map[int]types.Object) (types.IndirectRef, placed, error) {
	d, _, attrs, err := srcPages.page(src, p)
	if err != nil {
		return types.IndirectRef{}, placed{}, err
	}
	content, err := pageContent(src, d["Contents"])
	if err != nil {
		return types.IndirectRef{}, placed{}, err
	}
	box := pageBox(attrs)
	fd := types.Dict{
		"Type":    types.Name("XObject"),
		"Subtype": types.Name("Form"),
		"BBox":    box.Array(),
	}
	fd["Resources"] = copyObject(src, dst, resources(src, d), memo)
	if g, ok := d["Group"]; ok {
		fd["Group"] = copyObject(src, dst, g, memo)
	}
	sd, err := flateStream(fd, content)
	if err != nil {
		return types.IndirectRef{}, placed{}, err
	}
	ir, err := dst.IndRefForNewObject(sd)
	if err != nil {
		return types.IndirectRef{}, placed{}, err
	}
	return *ir, placed{box: box, rotate: ((attrs.Rotate % 360) + 360) % 360}, nil
}

// pageContent returns a page's content streams decoded and joined.
func pageContent(ctx *model.Context, contents types.Object) ([]byte, error) {
	return joinContent(contentStreams(ctx, contents))
}

// contentBody is joinContent without the newline after the last stream:
// the content of a page of one stream (most pages) as it is, not
// copied. It must not be changed.
func contentBody(parts []types.StreamDict) ([]byte, error) {
	if len(parts) == 1 {
		if err := parts[0].Decode(); err != nil {
			return nil, fmt.Errorf("decoding page content: %w", err)
		}
		return parts[0].Content, nil
	}
	b, err := joinContent(parts)
	if len(b) > 0 {
		b = b[:len(b)-1]
	}
	return b, err
}

// contentStreams looks up a page's content streams. It reads the shared
// object table; joinContent, which does the work, does not.
func contentStreams(ctx *model.Context, contents types.Object) []types.StreamDict {
	var parts types.Array
	switch v := deref(ctx, contents).(type) {
	case types.StreamDict:
		parts = types.Array{v}
	case types.Array:
		parts = v
	}
	var out []types.StreamDict
	for _, o := range parts {
		if sd, ok := deref(ctx, o).(types.StreamDict); ok {
			out = append(out, sd)
		}
	}
	return out
}

// joinContent decodes content streams and joins them, each followed by a
// newline. It decodes copies of the streams, so pages may be joined at
// once.
func joinContent(parts []types.StreamDict) ([]byte, error) {
	n := 0
	for i := range parts {
		if err := parts[i].Decode(); err != nil {
			return nil, fmt.Errorf("decoding page content: %w", err)
		}
		n += len(parts[i].Content) + 1
	}
	b := make([]byte, 0, n)
	for _, sd := range parts {
		b = append(append(b, sd.Content...), '\n')
	}
	return b, nil
}

// flateStream returns a stream with dictionary d holding content, to be
// compressed by the writer (encodeStreams), which deflates every new
// stream at once on all cores with reused compressors.
func flateStream(d types.Dict, content []byte) (types.StreamDict, error) {
	d["Filter"] = types.Name("FlateDecode")
	return types.StreamDict{
		Dict:           d,
		Content:        content,
		FilterPipeline: []types.PDFFilter{{Name: "FlateDecode"}},
	}, nil
}

// copyObject deep-copies o from src into dst, giving each indirect object a
// new number in dst once (memo). Pages are not followed: a reference to a
// page becomes null, as the appendix's pages themselves are not copied.
func copyObject(src, dst *model.Context, o types.Object, memo map[int]types.Object) types.Object {
	switch v := o.(type) {
	case types.IndirectRef:
		return copyRef(src, dst, v, memo)
	case types.Dict:
		if t := v.Type(); t != nil && *t == "Page" {
			return nil
		}
		out := types.Dict{}
		for k, e := range v {
			out[k] = copyObject(src, dst, e, memo)
		}
		return out
	case types.StreamDict:
		v.Dict = copyObject(src, dst, v.Dict, memo).(types.Dict)
		return v
	case types.Array:
		out := make(types.Array, len(v))
		for i, e := range v {
			out[i] = copyObject(src, dst, e, memo)
		}
		return out
	}
	return o
}

// copyRef copies the object ir refers to, once.
func copyRef(src, dst *model.Context, ir types.IndirectRef, memo map[int]types.Object) types.Object {
	nr := ir.ObjectNumber.Value()
	if r, ok := memo[nr]; ok {
		return r
	}
	o := deref(src, ir)
	if d := dictOf(src, ir); o == nil || d.Type() != nil && *d.Type() == "Page" {
		memo[nr] = nil
		return nil
	}
	nir, err := dst.IndRefForNewObject(nil)
	if err != nil {
		return nil
	}
	memo[nr] = *nir
	c := copyObject(src, dst, o, memo)
	e, _ := dst.Find(nir.ObjectNumber.Value())
	e.Object = c
	return *nir
}
