package report

// Pages is the page map the PDF renderer returns: where each agenda item
// falls in the pack, so that the HTML agenda quotes the same page numbers.
type Pages struct {
	Total int                  // pages in the whole pack
	Items map[string]PageRange // by Item.Slug
	Files map[string]string    // by Item.Slug: file name of the item's own PDF, cut from the pack
}

// PageRange is an inclusive range of page numbers, counted through the pack.
type PageRange struct {
	First, Last int
}
