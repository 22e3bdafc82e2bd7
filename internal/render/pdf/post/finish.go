package post

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Finish post-processes the laid-out pack: it draws each Insert's PDF on its
// placeholder pages, adds the outline, the link annotations and the document
// properties, and writes the result deterministically (same inputs, same
// bytes). Pages are 1-based and counted through layout, whose page count
// Finish does not change. An out-of-range page in an outline entry, link or
// insert is an error.
func Finish(layout []byte, doc Document, outline []Outline, links []Link, inserts []Insert) ([]byte, error) {
	pdf, _, err := finish(layout, doc, outline, links, inserts, nil)
	return pdf, err
}

// finish is Finish, tagging the pack with tree when it is not nil. It
// also returns the finished pack's objects as a Source, so that items can
// be cut from it without parsing the file it wrote.
func finish(layout []byte, doc Document, outline []Outline, links []Link, inserts []Insert, tree *Elem) ([]byte, *Source, error) {
	ctx, err := read(layout, "the laid-out pack")
	if err != nil {
		return nil, nil, err
	}
	// pdfcpu has read every object of the layout, which has no object
	// streams, so it needs the file no more; it would otherwise keep the
	// layout's bytes (the whole uncompressed pack) alive until the last
	// item is cut (issue 9: peak memory). An empty reader makes any later
	// read an error, not a crash.
	ctx.Read.RS = bytes.NewReader(nil)
	if err := checkInserts(ctx.PageCount, inserts); err != nil {
		return nil, nil, err
	}
	pi, err := indexPages(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the laid-out pack: %w", err)
	}
	root, err := finishObjects(ctx, pi, doc, outline, links, inserts, tree)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := write(ctx, *ctx.Root, *ctx.Info, nil, objectLevel)
	if err != nil {
		return nil, nil, err
	}
	return pdf, newSource(ctx, pi, root), nil
}

// finishObjects does Finish's work on the parsed layout: it tags and
// merges the pages, adds links, outline, catalog entries and a new Info
// dictionary (ctx.Info), and returns the catalog.
func finishObjects(ctx *model.Context, pi *pageIndex, doc Document, outline []Outline, links []Link, inserts []Insert, tree *Elem) (types.Dict, error) {
	tg, err := startTagging(ctx, pi, tree, links)
	if err != nil {
		return nil, err
	}
	annots, err := finishPages(ctx, pi, links, inserts, tg)
	if err != nil {
		return nil, err
	}
	root, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("reading the catalog: %w", err)
	}
	if err := addOutline(ctx, pi, root, outline); err != nil {
		return nil, err
	}
	setCatalog(root, doc)
	if tg != nil {
		tg.writeTree(root, annots)
	}
	ctx.Info, err = ctx.IndRefForNewObject(infoDict(doc))
	return root, err
}

// startTagging marks the laid-out pages' content when there is a tree.
func startTagging(ctx *model.Context, pi *pageIndex, tree *Elem, links []Link) (*tagging, error) {
	if tree == nil {
		return nil, nil
	}
	tg, err := newTagging(ctx, pi, tree, links)
	if err != nil {
		return nil, err
	}
	return tg, tg.markPages()
}

// finishPages merges the inserts and adds the link annotations, returning
// the annotations' references in the order of links.
func finishPages(ctx *model.Context, pi *pageIndex, links []Link, inserts []Insert, tg *tagging) ([]types.IndirectRef, error) {
	for i, in := range inserts {
		if err := insert(ctx, pi, in, i+1, tg); err != nil {
			return nil, fmt.Errorf("merging the PDF appendix at page %d: %w", in.AtPage, err)
		}
	}
	return addLinks(ctx, pi, links)
}

// infoDict returns the document information dictionary for doc.
func infoDict(doc Document) types.Dict {
	d := types.Dict{}
	for _, f := range []struct{ key, val string }{
		{"Title", doc.Title}, {"Author", doc.Author}, {"Subject", doc.Subject},
		{"Keywords", doc.Keywords}, {"Creator", doc.Creator},
	} {
		if f.val != "" {
			d[f.key] = textString(f.val)
		}
	}
	d["Producer"] = textString("reportpack (pdfcpu " + model.VersionStr + ")")
	date := types.StringLiteral(dateString(doc.Created))
	d["CreationDate"], d["ModDate"] = date, date
	return d
}

// setCatalog sets the document language and asks viewers to show the title
// rather than the file name.
func setCatalog(root types.Dict, doc Document) {
	lang := doc.Language
	if lang == "" {
		lang = "en-GB"
	}
	root["Lang"] = textString(lang)
	root["ViewerPreferences"] = types.Dict{"DisplayDocTitle": types.Boolean(true)}
}
