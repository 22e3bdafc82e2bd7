package post

import "errors"

// Extract cuts pages first to last (1-based, inclusive) from a finished pack
// into a PDF of their own, for one agenda item's download. The pages keep the
// pack's running header and "Page N of M" footer, so a page number means the
// same thing everywhere. Outline entries whose target falls in the range are
// kept (an entry outside it is dropped with its children, unless a child falls
// inside, which then moves up); links to pages in the range keep working;
// links to pages outside it are removed; URI links stay. The document
// properties, dates included, are those of pdf.
func Extract(pdf []byte, first, last int) ([]byte, error) {
	return nil, errors.New("post: Extract not implemented yet")
}
