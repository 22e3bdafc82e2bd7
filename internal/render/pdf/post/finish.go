package post

import "errors"

// PageCount returns the number of pages of a PDF, such as an appendix the
// layout must leave placeholder pages for.
func PageCount(pdf []byte) (int, error) {
	return 0, errors.New("post: PageCount not implemented yet")
}

// Finish post-processes the laid-out pack: it draws each Insert's PDF on its
// placeholder pages, adds the outline, the link annotations and the document
// properties, and writes the result deterministically (same inputs, same
// bytes). Pages are 1-based and counted through layout, whose page count
// Finish does not change. An out-of-range page in an outline entry, link or
// insert is an error.
func Finish(layout []byte, doc Document, outline []Outline, links []Link, inserts []Insert) ([]byte, error) {
	return nil, errors.New("post: Finish not implemented yet")
}
