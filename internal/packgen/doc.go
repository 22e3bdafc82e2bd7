package packgen

// kind is the kind of a block of a generated report.
type kind int

const (
	section    kind = iota // # Heading: a numbered section
	subsection             // ## Heading: a numbered subsection
	subheading             // ### Heading: not numbered
	paragraph
	bullets
	judgementTable // a judgement-table block
	ragTable       // a rag-table block over the report's plan
	pipeTable      // a plain Markdown table
)

// inline is a run of a paragraph or list item: text, bold text, a
// cross-reference or a computed sentence.
type inline struct {
	text  string
	bold  bool
	ref   string // a label or appendix id: [@ref]
	count *count // computed text: {{form source ...}}
}

// count is a computed sentence in reportpack's {{...}} syntax.
type count struct {
	form, source, filter, noun, rating string
}

// block is one block of a generated report. Its fields are used by kind.
type block struct {
	kind  kind
	title string     // headings
	label string     // {#label} on a paragraph
	cont  bool       // {-}: an un-numbered continuation paragraph
	runs  []inline   // paragraph
	items [][]inline // bullets
	table *table     // tables
}

// table is a judgement table or a plain table.
type table struct {
	label, caption string
	header         []string
	rows           [][]string
	overall        string // the judgement table's overall row
}

// doc is one generated report with its action plan.
type doc struct {
	slug, title, purpose string
	officer, phone       string
	blocks               []block
	planHeader           []string
	plan                 [][]string // the workbook's rows, in planHeader's order
}

// planHeader is the header row of generated action plans.
var planHeader = []string{
	"Plan ref", "Service", "Timescale", "Formal area for improvement", "Formal",
	"RAG rating", "Progress summary", "Owner", "Target date",
}

// Columns of planHeader that pack.md and the counts read.
const (
	colRef, colService, colArea, colFormal, colRating, colProgress = 0, 1, 3, 4, 5, 6
)

// plainRuns is a paragraph of plain text.
func plainRuns(s string) []inline { return []inline{{text: s}} }
