// Package theme loads a pack's look: page and type settings, colours and the
// RAG palette from theme.toml, and the HTML templates and assets. The
// embedded default is overlaid by themes/<name>/ file by file, so a council
// overrides only what it changes. Renderers receive a *Theme; they never read
// disk themselves.
package theme

import "io/fs"

// Theme is everything a renderer needs to know about a pack's look.
type Theme struct {
	Name    string
	Page    Page
	Fonts   Fonts
	Colours Colours
	// Palette maps a status class ("red", "amber", "green", "blue", "grey",
	// "outstanding", "good", ...) to its fill and text colours.
	Palette map[string]Swatch
	// Files holds templates/*.html and assets/*, the default overlaid by the
	// pack's theme.
	Files fs.FS
}

// Page sets the PDF page: A4 portrait with margins in millimetres.
type Page struct {
	Size         string  // "A4"
	MarginTop    float64 // mm
	MarginBottom float64
	MarginLeft   float64
	MarginRight  float64
}

// Fonts sets type sizes in points. Body text is 12 pt or more (house style).
type Fonts struct {
	Family         string  // "Liberation Sans" (metric-compatible with Arial)
	Body           float64 // 12
	LargePrint     float64 // 16: body size of the large-print edition
	H1             float64 // report title
	H2             float64 // section heading
	H3             float64 // subsection heading
	H4             float64 // subheading
	Small          float64 // running header and footer
	LineSpacing    float64 // line height as a multiple of the font size
	ParagraphSpace float64 // mm after a paragraph
}

// Colours are the theme's named colours as "#rrggbb".
type Colours struct {
	Text        string
	Accent      string // headings and rules
	Muted       string // running header, footer, notes
	Link        string
	TableHeader string // fill behind table header cells
	TableRule   string
	GroupRow    string // fill behind group header rows
}

// Swatch is a fill colour with the text colour that reads on it.
type Swatch struct {
	Fill string
	Text string
}
