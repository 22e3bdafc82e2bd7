package report

import "github.com/reportpack/reportpack/internal/diag"

// Style is a set of text emphasis flags.
type Style uint8

// Emphasis flags; they combine.
const (
	Bold Style = 1 << iota
	Italic
)

// InlineKind says what an Inline holds.
type InlineKind int

// Inline kinds.
const (
	TextRun   InlineKind = iota // plain text, possibly styled or linked
	RefRun                      // a cross-reference, printed once resolved
	CountRun                    // a computed sentence or count, printed once computed
	LineBreak                   // a hard line break
)

// Inline is a run of text with one style. Renderers print Text with Style;
// Link is a URL ("https:", "mailto:", "tel:") or an in-pack anchor ("#para-3-2-5").
type Inline struct {
	Kind  InlineKind
	Text  string
	Style Style
	Link  string
	Ref   *Ref       // for RefRun
	Count *CountSpec // for CountRun
	Pos   diag.Pos
	// Abbrs marks acronyms first used in this run, so that HTML can print
	// them as <abbr title>; set by the acronym stage, empty otherwise.
	Abbrs []Abbr
}

// Abbr marks an acronym inside an Inline's Text: Text[Start:End] is the
// acronym as written ("IROs") and Title its long form.
type Abbr struct {
	Start, End int
	Title      string
}

// PlainText joins the text of inlines, ignoring styles and links.
func PlainText(in []Inline) string {
	n := 0
	for _, r := range in {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range in {
		if r.Kind == LineBreak {
			b = append(b, ' ')
			continue
		}
		b = append(b, r.Text...)
	}
	return string(b)
}

// RefKind says what a reference points at.
type RefKind int

// Reference kinds.
const (
	RefParagraph RefKind = iota
	RefSection
	RefAppendix
	RefTable
)

// Ref is a cross-reference written by an author. number.Assign resolves it,
// setting the Inline's Text ("paragraph 3.2.5", "appendix 1 and 2") and Link.
type Ref struct {
	Kind    RefKind  // what the author asked for; labels decide between paragraph and section
	Targets []string // labels or appendix ids
	Bare    bool     // print only the number, without "paragraph"/"appendix"
}

// CountSpec is a computed sentence an author asks for, filled in by rag.
// Source names an appendix id (action plan) or a table label (judgements).
type CountSpec struct {
	Form    string // "breakdown" ("eight are Green and five are Amber"), "of", "all", "total", "judgements"...
	Source  string
	Filter  string // "formal" keeps formal areas only; empty keeps all
	Noun    string // "formal areas for improvement"
	Options map[string]string
}
