package post

import (
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
	return finish(layout, doc, outline, links, inserts, nil)
}

// finish is Finish, tagging the pack with tree when it is not nil.
func finish(layout []byte, doc Document, outline []Outline, links []Link, inserts []Insert, tree *Elem) ([]byte, error) {
	ctx, err := read(layout, "the laid-out pack")
	if err != nil {
		return nil, err
	}
	if err := checkInserts(ctx.PageCount, inserts); err != nil {
		return nil, err
	}
	pi, err := indexPages(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the laid-out pack: %w", err)
	}
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
	info, err := ctx.IndRefForNewObject(infoDict(doc))
	if err != nil {
		return nil, err
	}
	return write(ctx, *ctx.Root, *info, nil)
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
