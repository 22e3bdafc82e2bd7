package post

import (
	"fmt"

	"github.com/reportpack/reportpack/internal/parallel"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// tagging writes a structure tree over a finished pack: it marks each
// page's content, then turns the Elem tree into StructElem objects, a
// ParentTree (page -> elements by MCID, annotation -> element) and the
// catalog entries of a tagged PDF.
type tagging struct {
	ctx      *model.Context
	tree     *Elem
	links    []Link
	elems    map[*Elem]*structElem // each element's object; ref gives its reference
	slab     []structElem          // room for the next elements, allocated in blocks
	kidRoom  types.Array           // room the elements' kid arrays are cut from
	order    []*Elem               // elements depth first, for a stable walk
	up       []types.Object        // the parent reference of each element of order
	texts    [][]textClaim         // per page: text index -> its claim (no elem: none)
	figures  map[int]*Elem         // page -> element claiming its Insert
	byLink   map[int]*Elem         // link index -> element claiming its annotation
	mcids    [][]int               // per page: text index (0: its inserted page) -> its MCID, -1 for none
	parents  [][]types.Object      // per page: MCID -> element reference
	annots   []types.IndirectRef   // link annotations, by link index - 1
	root     types.IndirectRef     // the StructTreeRoot
	rootDict types.Dict
	pages    []types.Dict            // page dictionaries, by page number - 1
	pageRefs []types.IndirectRef     // and their references
	pageObjs []types.Object          // the same, boxed once
	names    map[string]types.Object // structure types as boxed names
	ints     []types.Object          // MCIDs as boxed integers
}

// textClaim is the element claiming a text, its reference (looked up
// once here rather than for every text marked) and whether the text
// follows text k-1 directly in the element's kids, so that both may
// share one marked-content sequence.
type textClaim struct {
	elem    *Elem
	ref     types.Object
	follows bool
}

// mcKey names a piece of marked content: text k on a page, or (k = 0)
// the page's inserted appendix page.
type mcKey struct{ page, k int }

// newTagging checks tree against the document and gives every element
// an object number.
func newTagging(ctx *model.Context, pi *pageIndex, tree *Elem, links []Link) (*tagging, error) {
	budget := 1 << 20
	n := countElems(tree, 0, &budget)
	t := &tagging{ctx: ctx, tree: tree, links: links, elems: make(map[*Elem]*structElem, n),
		order: make([]*Elem, 0, n), up: make([]types.Object, 0, n), figures: map[int]*Elem{}, byLink: map[int]*Elem{},
		texts: make([][]textClaim, ctx.PageCount), mcids: make([][]int, ctx.PageCount),
		parents: make([][]types.Object, ctx.PageCount), names: map[string]types.Object{}}
	t.rootDict = types.Dict{}
	root, err := ctx.IndRefForNewObject(t.rootDict)
	if err != nil {
		return nil, err
	}
	t.root = *root
	if tree == nil || tree.Type == "" {
		return nil, fmt.Errorf("tagging: the structure tree has no root element")
	}
	if err := t.readPages(pi); err != nil {
		return nil, err
	}
	if err := t.claim(tree, t.root, 0); err != nil {
		return nil, err
	}
	return t, nil
}

// countElems counts the elements of the tree under e, to size the
// tables claim fills. It stops where claim reports a tree too deep, or
// when budget runs out (a tree that repeats an element, which claim
// reports, could otherwise take for ever).
func countElems(e *Elem, depth int, budget *int) int {
	if e == nil || depth > 64 || *budget <= 0 {
		return 0
	}
	*budget--
	n := 1
	for _, k := range e.Kids {
		n += countElems(k.Elem, depth+1, budget)
	}
	return n
}

// readPages looks every page up once.
func (t *tagging) readPages(pi *pageIndex) error {
	for p := 1; p <= t.ctx.PageCount; p++ {
		d, ir, _, err := pi.page(t.ctx, p)
		if err != nil {
			return err
		}
		t.pages, t.pageRefs = append(t.pages, d), append(t.pageRefs, ir)
		t.pageObjs = append(t.pageObjs, ir)
	}
	return nil
}

// claim numbers e, whose parent is up, and records the content its kids
// claim.
func (t *tagging) claim(e *Elem, up types.Object, depth int) error {
	if depth > 64 {
		return fmt.Errorf("tagging: the structure tree is more than 64 levels deep")
	}
	if _, dup := t.elems[e]; dup {
		return fmt.Errorf("tagging: element %s appears twice in the tree", e.Type)
	}
	d := t.newElem()
	if err := t.number(d); err != nil {
		return err
	}
	t.elems[e] = d
	t.order, t.up = append(t.order, e), append(t.up, up)
	prev := Kid{}
	for _, k := range e.Kids {
		if err := t.claimKid(e, elemRef{d}, k, prev, depth); err != nil {
			return err
		}
		prev = k
	}
	return nil
}

// ref is e's reference. An elemRef boxes without allocating, so it is
// made where it is needed rather than stored.
func (t *tagging) ref(e *Elem) types.Object { return elemRef{t.elems[e]} }

// newElem is a new, empty element, from a block of them.
func (t *tagging) newElem() *structElem {
	if len(t.slab) == 0 {
		t.slab = make([]structElem, 256)
	}
	d := &t.slab[0]
	t.slab = t.slab[1:]
	return d
}

// number gives element d the next object number, as IndRefForNewObject
// would, without putting it in the object table: the writer and the
// cuts reach elements through their references (elemRef), and the
// table, which every item cut copies, holds a third of the entries it
// would. When the table has free entries to reuse it leaves the choice
// to pdfcpu, and the element goes in the table.
func (t *tagging) number(d *structElem) error {
	head, err := t.ctx.Free(0)
	if err != nil || head.Offset == nil || *head.Offset != 0 {
		ir, err := t.ctx.IndRefForNewObject(d)
		if err != nil {
			return err
		}
		d.nr = ir.ObjectNumber.Value()
		return nil
	}
	d.nr = *t.ctx.Size
	*t.ctx.Size++
	return nil
}

// claimKid records what one kid of e, whose reference is ref, claims;
// prev is the kid before it.
func (t *tagging) claimKid(e *Elem, ref types.Object, k, prev Kid, depth int) error {
	switch {
	case k.Elem != nil:
		return t.claim(k.Elem, ref, depth+1)
	case k.Link > 0:
		if k.Link > len(t.links) || t.byLink[k.Link] != nil {
			return fmt.Errorf("tagging: %s claims link %d, which is missing or claimed twice", e.Type, k.Link)
		}
		t.byLink[k.Link] = e
		return nil
	}
	if k.Page < 1 || k.Page > t.ctx.PageCount {
		return fmt.Errorf("tagging: %s claims content on page %d of %d", e.Type, k.Page, t.ctx.PageCount)
	}
	if k.Insert {
		t.figures[k.Page] = e
		return nil
	}
	// Texts are numbered densely from 1 on each page, so a page's claims
	// are a slice by text number: marking looks one up for every text.
	claims := t.texts[k.Page-1]
	if k.Text < 1 || k.Text < len(claims) && claims[k.Text].elem != nil {
		return fmt.Errorf("tagging: text %d on page %d is claimed twice or numbered from 0", k.Text, k.Page)
	}
	if k.Text > maxTexts {
		return fmt.Errorf("tagging: text %d on page %d is beyond what a page holds", k.Text, k.Page)
	}
	if k.Text >= len(claims) {
		claims = append(claims, make([]textClaim, k.Text+1-len(claims))...)
		t.texts[k.Page-1] = claims
	}
	follows := k.Joins && prev.Elem == nil && prev.Link == 0 && !prev.Insert && prev.Page == k.Page && prev.Text == k.Text-1
	claims[k.Text] = textClaim{elem: e, ref: ref, follows: follows}
	return nil
}

// maxTexts bounds the text numbers a tree may claim on one page, so that
// a wrong number is an error rather than a huge table of claims.
const maxTexts = 1 << 20

// newMCID gives the next MCID on page p to its inserted page, claimed
// by e.
func (t *tagging) newMCID(p int, e *Elem) int {
	n := len(t.parents[p-1])
	t.parents[p-1] = append(t.parents[p-1], t.ref(e))
	if len(t.mcids[p-1]) == 0 {
		t.mcids[p-1] = noMCIDs(1)
	}
	t.mcids[p-1][0] = n
	return n
}

// mcidFor is the MCID of text k on page p (k = 0: its inserted page),
// or -1 when it has none.
func (t *tagging) mcidFor(p, k int) int {
	if m := t.mcids[p-1]; k < len(m) {
		return m[k]
	}
	return -1
}

// noMCIDs is room for the MCIDs of n texts, none given yet.
func noMCIDs(n int) []int {
	m := make([]int, n)
	for i := range m {
		m[i] = -1
	}
	return m
}

// markPages marks the content of every page, text objects in order.
// Pages are marked on all cores: each reads only its own claims and
// writes only its own results, which are then added to the document
// page by page, so the output does not depend on scheduling (issue 9).
func (t *tagging) markPages() error {
	n := t.ctx.PageCount
	streams := make([][]types.StreamDict, n)
	for p := 1; p <= n; p++ { // reading objects touches the shared table: one at a time
		streams[p-1] = contentStreams(t.ctx, t.pages[p-1]["Contents"])
	}
	marked := make([]markedPage, n)
	parallel.For(n, func(i int) {
		body, err := contentBody(streams[i])
		if err != nil {
			marked[i] = markedPage{err: err}
			return
		}
		m := t.markPage(i+1, body)
		if len(streams[i]) > 0 && m.err == nil {
			// The newline after the last stream, as pageContent joins them:
			// the marking is the same with or without it.
			m.content = append(m.content, '\n')
		}
		marked[i], streams[i] = m, nil
	})
	for p := 1; p <= n; p++ {
		if err := t.addMarked(p, marked[p-1]); err != nil {
			return fmt.Errorf("tagging page %d: %w", p, err)
		}
	}
	return nil
}

// markedPage is one page's marked content and the MCIDs given to its
// texts (text index -> MCID, -1 for none), or why it could not be marked.
type markedPage struct {
	content []byte
	mcids   []int
	err     error
}

// markPage marks page p's content. It runs beside the other pages: it
// writes only to t.parents[p-1] and its result.
func (t *tagging) markPage(p int, content []byte) markedPage {
	claims := t.texts[p-1]
	mcids := noMCIDs(max(len(claims), 1)) // room for the inserted page's too
	last := textMark{}
	marked, n, err := markContent(content, func(k int, joinable bool) (textMark, bool) {
		if k >= len(claims) || claims[k].elem == nil {
			return textMark{}, false
		}
		switch c := claims[k]; {
		case joinable && c.follows:
			mcids[k] = last.mcid
		default:
			last = textMark{tag: c.elem.Type, mcid: len(t.parents[p-1])}
			t.parents[p-1] = append(t.parents[p-1], c.ref)
			mcids[k] = last.mcid
		}
		return last, true
	})
	if err != nil {
		return markedPage{err: err}
	}
	if k := len(claims) - 1; k > n { // the last text claimed
		return markedPage{err: fmt.Errorf("the structure claims text %d but the page shows %d", k, n)}
	}
	return markedPage{content: marked, mcids: mcids}
}

// addMarked puts page p's marked content in place of its old content
// and records its MCIDs.
func (t *tagging) addMarked(p int, m markedPage) error {
	if m.err != nil {
		return m.err
	}
	t.mcids[p-1] = m.mcids
	// Left unencoded: the writer deflates every page at once, in parallel.
	sd := types.StreamDict{Dict: types.Dict{"Filter": types.Name("FlateDecode")}, Content: m.content,
		FilterPipeline: []types.PDFFilter{{Name: "FlateDecode"}}}
	ir, err := t.ctx.IndRefForNewObject(sd)
	if err != nil {
		return err
	}
	d := t.pages[p-1]
	dropContent(t.ctx, d["Contents"])
	d["Contents"] = *ir
	d["Tabs"] = types.Name("S")
	return nil
}

// insertMarks returns what encloses the appendix page drawn on page p:
// its Figure's marked-content sequence, or an artefact's; and what
// encloses the frame around it. A nil tagging marks nothing.
func (t *tagging) insertMarks(p int) (begin, end, frameBegin, frameEnd string) {
	if t == nil {
		return "", "", "", ""
	}
	begin = "/Artifact BMC\n"
	if e := t.figures[p]; e != nil {
		begin = fmt.Sprintf("/%s <</MCID %d>> BDC\n", e.Type, t.newMCID(p, e))
	}
	return begin, "EMC\n", "/Artifact BMC\n", "EMC\n"
}

// dropContent forgets a page's replaced content streams, so that their
// bytes can be freed while the rest of the pack is finished.
func dropContent(ctx *model.Context, contents types.Object) {
	refs := types.Array{contents}
	if a, ok := deref(ctx, contents).(types.Array); ok {
		refs = append(refs, a...)
	}
	for _, o := range refs {
		if ir, ok := o.(types.IndirectRef); ok {
			if e, ok := ctx.Table[ir.ObjectNumber.Value()]; ok {
				e.Object = nil
			}
		}
	}
}
