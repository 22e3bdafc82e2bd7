package post

// Elem is an element of a tagged PDF's logical structure (ISO 32000-1,
// 14.7-14.8): a standard structure type and its children in reading
// order. render/pdf builds the tree from the roles it recorded while
// drawing; FinishTagged writes it as the document's StructTreeRoot.
type Elem struct {
	Type    string // standard structure type: "Document", "Sect", "H1", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Caption", "Link", "Figure", "Span"
	Alt     string // alternate text, required for a Figure
	Scope   string // a TH's scope: "Column" or "Row"
	ColSpan int    // columns a TH or TD spans, when more than one
	BBox    Rect   // a Figure's bounding box on its page; may be zero
	Kids    []Kid
}

// Kid is one child of an Elem: another element, a piece of marked content
// on a page, or a link annotation. Exactly one of Elem, Text, Insert and
// Link is set.
type Kid struct {
	Elem *Elem
	Page int // 1-based page of the marked content below
	// Text is the 1-based index, in content order, of a text object that
	// shows text (BT … Tj … ET) on Page in the laid-out file.
	Text int
	// Insert is the appendix page an Insert drew on Page.
	Insert bool
	// Link is the 1-based index of a Link passed to FinishTagged; its
	// annotation becomes an object reference (OBJR) of the element.
	Link int
	// Joins says that Text is the next line of the same block as the kid
	// before it (text Text-1 on the same page), so both may share one
	// marked-content sequence. Set it only where the text read on
	// without a break in words: a line that ends a word carries its
	// space.
	Joins bool
}

// FinishTagged is Finish for a tagged PDF. Besides what Finish does it
// encloses every painting operator of each laid-out page in marked
// content: the text objects tree claims as content of their element,
// everything else (running headers, footers, rules, fills, frames) as an
// artefact. Each Insert's appendix page is drawn as the content of the
// Figure element that claims it (Kid.Insert), or as an artefact. It
// writes the structure tree with its ParentTree, /MarkInfo, /StructParents
// and structure tab order on every page; Document.Title and
// Document.Language are shown by the viewer as before. A nil tree tags
// nothing: the result is Finish's.
func FinishTagged(layout []byte, doc Document, outline []Outline, links []Link, inserts []Insert, tree *Elem) ([]byte, error) {
	pdf, _, err := finish(layout, doc, outline, links, inserts, tree)
	return pdf, err
}

// FinishSource is FinishTagged that also returns the finished pack as a
// Source to cut items from. Its cuts are byte for byte those of a Source
// opened on the returned PDF, without parsing the PDF again: a tagged
// pack's thousands of structure elements made that parse a quarter of
// the render (issue 9).
func FinishSource(layout []byte, doc Document, outline []Outline, links []Link, inserts []Insert, tree *Elem) ([]byte, *Source, error) {
	return finish(layout, doc, outline, links, inserts, tree)
}
