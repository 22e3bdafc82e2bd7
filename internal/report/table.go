package report

import "github.com/reportpack/reportpack/internal/diag"

// TableKind says what a table shows, so renderers can style it.
type TableKind int

// Table kinds.
const (
	PlainTable      TableKind = iota // a Markdown table
	JudgementTable                   // label -> grade on a named scale
	RAGTable                         // action plan rows with RAG ratings
	LookupTable                      // codes and meanings, e.g. improvement themes
	ActionPlanTable                  // the full action plan as an appendix
)

// Table is any table a renderer prints. Data tables arrive as a TableSpec
// from the narrative and are filled in by rag; Markdown tables arrive whole.
type Table struct {
	Kind    TableKind
	Label   string
	Caption string
	Columns []Column
	Rows    []Row
	Key     []KeyEntry // meanings of the statuses used, printed under the table
	Notes   []string   // "Ratings as at 1 March 2013, from action-plan.xlsx."
	Spec    *TableSpec // the author's request; nil for Markdown tables
	Pos     diag.Pos
}

// BlockPos implements Block.
func (t *Table) BlockPos() diag.Pos { return t.Pos }

// Column is a table column heading with its relative width.
type Column struct {
	Title string
	Width float64 // relative width; 0 means share equally
	Align string  // "", "left", "right", "center"
}

// RowKind distinguishes ordinary rows from group header rows.
type RowKind int

// Row kinds.
const (
	BodyRow     RowKind = iota
	GroupRow            // a group heading spanning the table, e.g. "Safeguarding services"
	SubgroupRow         // a second-level group heading, e.g. "Within 3 months"
)

// Row is one table row. A GroupRow or SubgroupRow has a single cell.
type Row struct {
	Kind  RowKind
	Cells []Cell
	Pos   diag.Pos // the workbook row or Markdown line it came from
}

// Cell is one table cell: text, optional bullets and an optional status.
type Cell struct {
	Content []Inline
	Bullets [][]Inline // a multi-line cell's lines, printed as a bulleted list
	Status  *Status    // a rating: printed as its word on its colour
	Header  bool       // a row header (th scope="row")
}

// Status is a rating on a scale: the word always prints, the colour helps.
type Status struct {
	Word   string // "Amber", "Requires improvement"
	Class  string // palette key: "red", "amber", "green", "blue", "grey", "outstanding"...
	Colour string // "#rrggbb" where the pack's scale sets one; else the theme's
	Rank   int    // position on the scale, 0 = best
}

// KeyEntry explains one status in a table's key.
type KeyEntry struct {
	Status  Status
	Meaning string
}

// Scale is a named, ordered rating or judgement scale, best first.
type Scale struct {
	Name   string // "ofsted-social-care-2012", "rag", "brag"
	Title  string // "Ofsted children's social care (before November 2013)"
	Levels []ScaleLevel
}

// ScaleLevel is one value of a scale.
type ScaleLevel struct {
	Word    string
	Aliases []string
	Class   string
	Colour  string
	Meaning string
}

// TableSpec is an author's request for a data table, written as a fenced
// block in Markdown with TOML inside. rag turns it into rows.
type TableSpec struct {
	Kind    TableKind
	Source  string     // appendix id (action plans) or "" for inline data
	Filter  string     // "formal": formal areas only
	GroupBy []string   // column keys to group by, outermost first
	Show    []string   // column keys to show, in order
	Scale   string     // scale name for judgement tables
	Overall string     // the overall row's label, left out of counts
	Headers []string   // column headings for inline data
	Data    [][]string // inline rows for judgement and lookup tables
	Columns int        // lookup tables: lay out in N column pairs, filled down then across
	Sheet   string     // lookup tables read from a workbook: the sheet, e.g. "Themes"
	Pos     diag.Pos
	// RowPos holds the position of each Data row where the reader knows it
	// (the TOML line), so that a bad grade is reported on its own line;
	// shorter than Data, or empty, when not known.
	RowPos []diag.Pos
}
