package pdf

// Role is the logical part of the document a drawn piece of text belongs
// to, recorded so that a later pass can build a PDF structure tree over the
// finished file (issue 10) without re-deriving the layout.
type Role uint8

// Roles of drawn text. Running headers, footers and page numbers are
// artefacts; everything else is content in reading order.
const (
	RoleHeading         Role = iota + 1 // a heading; DrawnText.Level is 1 to 4
	RoleParagraph                       // body text of a paragraph
	RoleParagraphNumber                 // the hanging number of a paragraph or heading (Lbl)
	RoleListLabel                       // a bullet or list number (Lbl)
	RoleListItem                        // text of a list item (LBody)
	RoleTableHeader                     // a column header cell (TH scope=col)
	RoleTableRowHeader                  // a group row or row header cell (TH scope=row)
	RoleTableCell                       // a data cell (TD)
	RoleCaption                         // a table caption
	RoleNote                            // a table's key or notes, or the front sheet's small print
	RolePageRef                         // an agenda entry's pages: drawn on its first line, read after the entry
	RoleHeader                          // running header (artefact)
	RoleFooter                          // running footer text (artefact)
	RolePageNumber                      // "Page N of M" (artefact)
)

var roleNames = [...]string{"", "heading", "paragraph", "paragraph-number", "list-label",
	"list-item", "table-header", "table-row-header", "table-cell", "caption", "note",
	"page-ref", "header", "footer", "page-number"}

// String names the role, e.g. "table-header".
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// Artifact reports whether text of this role is page furniture rather than
// content, to be marked as an artefact when tagging.
func (r Role) Artifact() bool { return r >= RoleHeader }

// Rect is a rectangle on a page in millimetres, measured from the page's
// top-left corner.
type Rect struct {
	X, Y, W, H float64
}

// DrawnText is one piece of text the renderer drew, in drawing order.
type DrawnText struct {
	Role  Role
	Level int    // heading level 1-4; list nesting depth for list roles
	Page  int    // 1-based page in the finished pack, counting inserted appendix pages
	Order int    // drawing order through the whole pack, from 0
	Text  string // exactly the string drawn
	Rect  Rect   // the text's box: left, top of the ascent, width, ascent+descent
	Block int    // id of the logical block (paragraph, heading, list item, cell); lines of one block share it
	Group int    // id of the enclosing list or table; 0 when none
	Row   int    // table row within the table, from 0 (header rows included); -1 outside tables
	Col   int    // table column, from 0; -1 outside tables
	Span  int    // table columns the cell spans (a group row spans them all); 1 otherwise
	Link  string // the run's link target ("#para-3-2-5", "mailto:..."), if any
	// Repeat marks a table header row drawn again at the top of a
	// continuation page; taggers treat it as an artefact.
	Repeat bool
}
