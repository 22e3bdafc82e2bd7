// Package post finishes the PDF pack after layout. render/pdf lays the pack
// out with maroto and hands the bytes here, with what maroto cannot write:
// the outline (bookmarks), internal and external links, the document
// properties and the PDF appendices to merge at their placeholder pages.
// Finish returns the pack as published; Extract cuts one agenda item's pages
// from it for the item's own download. The output is byte-identical for the
// same input: dates come from Document.Created and the file ID from the
// content, never from the clock.
//
// Only this package imports pdfcpu; it reads no clock, environment or disk.
package post

import "time"

// Document holds the document properties written to the Info dictionary
// and the catalog.
type Document struct {
	Title    string    // shown in the viewer's window title (DisplayDocTitle)
	Author   string    // the council
	Subject  string    // committee and meeting date
	Keywords string    // comma separated; may be empty
	Language string    // BCP 47 tag for the catalog's /Lang; "" means "en-GB"
	Creator  string    // the program that laid the document out, e.g. "reportpack"
	Created  time.Time // CreationDate and ModDate; written in UTC
}

// Outline is one bookmark with the bookmarks nested under it.
type Outline struct {
	Title    string
	Page     int     // 1-based page the bookmark opens, counted through the whole file
	Y        float64 // points from the top of that page to the target
	Children []Outline
}

// Rect is a rectangle in PDF user space: points, origin at the bottom left
// of the page, (X0, Y0) the lower-left and (X1, Y1) the upper-right corner.
type Rect struct {
	X0, Y0, X1, Y1 float64
}

// IsZero reports whether r is the zero rectangle.
func (r Rect) IsZero() bool { return r == Rect{} }

// Link is a clickable area on a page. It jumps either to DestPage at DestY
// (an internal link, when URI is empty) or to URI (http, https, mailto, tel).
type Link struct {
	Page     int     // 1-based page the link sits on
	Rect     Rect    // the clickable area on that page
	DestPage int     // 1-based target page for internal links
	DestY    float64 // points from the top of DestPage to the target
	URI      string  // external target; when set, DestPage and DestY are ignored
	Text     string  // what the link says, for screen readers (/Contents); may be empty
}

// Insert asks Finish to put an existing PDF (an appendix) in place of
// placeholder pages the layout left for it. Each page of PDF is drawn,
// scaled to fit and centred, inside Area of one placeholder page, so the
// placeholder's running header and "Page N of M" footer stay around it.
// The layout must leave exactly as many placeholder pages as PDF has pages
// (PageCount tells it how many).
type Insert struct {
	AtPage int    // first placeholder page, 1-based
	Pages  int    // number of placeholder pages; must equal PageCount(PDF)
	PDF    []byte // the appendix as read from disk
	// Area is where on each placeholder page the appendix page goes, in PDF
	// user space. The zero Rect means the placeholder's page box inset by
	// DefaultInset on every side.
	Area Rect
}

// DefaultInset is the margin, in points, that an Insert with a zero Area
// keeps free on every side of the placeholder page for the running header
// and footer (56.7 pt = 20 mm).
const DefaultInset = 56.7
