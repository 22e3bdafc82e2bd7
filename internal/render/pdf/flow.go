package pdf

// The flow: a sequence of boxes and page directives that the paginator
// stacks onto pages. Boxes never break; paragraphs are a box a line so
// they can, and tables a box a row with the header box repeated.

// entryKind says what a flow entry asks of the paginator.
type entryKind uint8

const (
	entBox    entryKind = iota // stack a box
	entBreak                   // start a new page (odd when asked)
	entMark                    // later pages belong to an agenda item
	entInsert                  // reserve pages for a PDF appendix
)

// entry is one step of the flow.
type entry struct {
	kind   entryKind
	box    *box
	odd    bool
	mark   mark
	insert insert
}

// box is an unbreakable block: elements positioned from its top-left
// corner (x is the page's), its height and keep rules.
type box struct {
	h       float64
	before  float64 // space above, dropped at the top of a page
	keep    bool    // keep with the next box (headings, first lines, table headers)
	elems   []elem
	anchors []anchor
	header  *box // table header to repeat when this row opens a page
}

// anchor is a named place inside a box: a link or outline destination.
type anchor struct {
	name string
	y    float64
}

// mark starts an agenda item's pages.
type mark struct {
	item     string // slug
	header   string // running header text
	numbered bool
}

// insert reserves pages for a PDF appendix, replaced in post-processing.
type insert struct {
	key    string // anchor name of the appendix
	title  string // "Appendix 2: Ofsted inspection report", for its alternate text
	pages  int
	source []byte
}

// flow collects entries as the pack is built.
type flow struct {
	entries []entry
}

// add appends a box.
func (f *flow) add(b *box) { f.entries = append(f.entries, entry{kind: entBox, box: b}) }

// newPage starts a new page, an odd one when odd is set.
func (f *flow) newPage(odd bool) { f.entries = append(f.entries, entry{kind: entBreak, odd: odd}) }

// setMark assigns the following pages to an item.
func (f *flow) setMark(m mark) { f.entries = append(f.entries, entry{kind: entMark, mark: m}) }

// reserve adds placeholder pages for a PDF appendix.
func (f *flow) reserve(in insert) { f.entries = append(f.entries, entry{kind: entInsert, insert: in}) }

// chainHeight is the height of the box at i and every box it keeps with,
// counting the space between them.
func (f *flow) chainHeight(i int) float64 {
	h := f.entries[i].box.h
	for j := i; j+1 < len(f.entries) && f.entries[j].kind == entBox && f.entries[j].box.keep; j++ {
		next := f.entries[j+1]
		if next.kind != entBox {
			break
		}
		h += next.box.before + next.box.h
	}
	return h
}
