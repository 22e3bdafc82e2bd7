package html

import (
	"strconv"

	"github.com/reportpack/reportpack/internal/report"
)

// Block kinds, as the templates name them.
const (
	kindSection    = "section"
	kindParagraph  = "paragraph"
	kindSubheading = "subheading"
	kindList       = "list"
	kindTable      = "table"
	kindAppendices = "appendix-list"
)

// maxHeading is the deepest heading level HTML has.
const maxHeading = 6

// blockView is a report block with its heading level worked out from where
// it sits, so headings never skip a level whatever the model's shape.
type blockView struct {
	Kind    string
	Heading int // 2..6 for sections and subheadings
	Section *report.Section
	Para    *report.Paragraph
	Sub     *report.Subheading
	List    *report.List
	Table   *tableView
	Body    []blockView    // a section's blocks
	Appx    []appendixView // the report's appendices, for an appendix list
}

// bodyContext is what converting a report body needs beyond the blocks.
type bodyContext struct {
	tables     *tableCounter
	appendices []appendixView
	listed     bool // an appendix list block has been placed
}

// blocks converts a body whose headings sit below heading level parent.
func blocks(body []report.Block, parent int, ctx *bodyContext) []blockView {
	out := make([]blockView, 0, len(body))
	for _, b := range body {
		if v, ok := block(b, parent, ctx); ok {
			out = append(out, v)
		}
	}
	return out
}

func block(b report.Block, parent int, ctx *bodyContext) (blockView, bool) {
	level := min(parent+1, maxHeading)
	switch b := b.(type) {
	case *report.Section:
		return blockView{Kind: kindSection, Heading: level, Section: b, Body: blocks(b.Body, level, ctx)}, true
	case *report.Paragraph:
		return blockView{Kind: kindParagraph, Para: b}, true
	case *report.Subheading:
		return blockView{Kind: kindSubheading, Heading: level, Sub: b}, true
	case *report.List:
		return blockView{Kind: kindList, List: b}, true
	case *report.Table:
		return blockView{Kind: kindTable, Table: newTable(b, ctx.tables)}, true
	case *report.AppendixList:
		ctx.listed = true
		return blockView{Kind: kindAppendices, Appx: ctx.appendices}, true
	}
	return blockView{}, false // a block kind this renderer does not know yet
}

// tableCounter numbers a page's tables for their caption ids.
type tableCounter struct{ n int }

func (c *tableCounter) next() string {
	c.n++
	return "caption-" + strconv.Itoa(c.n)
}

func itoa(n int) string { return strconv.Itoa(n) }
