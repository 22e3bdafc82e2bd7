package post

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// config returns pdfcpu's settings for reading. It is built here rather than
// by model.NewDefaultConfiguration, which creates a configuration folder in
// the user's home directory on first use.
func config() *model.Configuration {
	return &model.Configuration{
		Reader15:       true,
		ValidationMode: model.ValidationRelaxed,
		Eol:            types.EolLF,
		Offline:        true,
		Cmd:            model.VALIDATE,
	}
}

// read parses a PDF into a pdfcpu context; what names the file in errors.
func read(pdf []byte, what string) (*model.Context, error) {
	if len(pdf) == 0 {
		return nil, fmt.Errorf("reading %s: the file is empty", what)
	}
	ctx, err := api.ReadContext(bytes.NewReader(pdf), config())
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	if ctx.Encrypt != nil {
		return nil, fmt.Errorf("reading %s: the PDF is encrypted; save an unprotected copy", what)
	}
	return ctx, nil
}

// PageCount returns the number of pages of a PDF, such as an appendix the
// layout must leave placeholder pages for.
func PageCount(pdf []byte) (int, error) {
	ctx, err := read(pdf, "PDF")
	if err != nil {
		return 0, err
	}
	return ctx.PageCount, nil
}

// deref returns the object o refers to, or o itself when it is direct;
// a dangling or unreadable reference gives nil (PDF treats it as null).
// Objects in object streams are decoded on first use.
func deref(ctx *model.Context, o types.Object) types.Object {
	v, err := ctx.Dereference(o)
	if err != nil {
		return nil
	}
	return v
}

// lookup is deref for a reference, found in the table without boxing
// the reference as an Object, which allocated: most objects are decoded
// already, and some callers look up thousands.
func lookup(ctx *model.Context, ir types.IndirectRef) types.Object {
	e, ok := ctx.Table[ir.ObjectNumber.Value()]
	if !ok {
		return nil // as deref: a reference to nothing is null
	}
	if e != nil && !e.Free {
		if _, lazy := e.Object.(types.LazyObjectStreamObject); !lazy {
			return e.Object
		}
	}
	return deref(ctx, ir)
}

// dictOf returns the dictionary o is or refers to, or nil.
func dictOf(ctx *model.Context, o types.Object) types.Dict {
	switch v := deref(ctx, o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

// pageBox returns the visible area of a page: its CropBox, else MediaBox,
// else A4.
func pageBox(attrs *model.InheritedPageAttrs) types.Rectangle {
	switch {
	case attrs.CropBox != nil:
		return *attrs.CropBox
	case attrs.MediaBox != nil:
		return *attrs.MediaBox
	}
	return *types.NewRectangle(0, 0, 595.28, 841.89)
}
