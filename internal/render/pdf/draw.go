package pdf

import (
	"sync"
	"time"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/orientation"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/phpdave11/gofpdf"
)

// gofpdfDefaults guards gofpdf's package-level defaults, which maroto's
// provider copies when it is created.
var gofpdfDefaults sync.Mutex

// newMaroto makes a maroto document with no margins (the layout model
// places everything itself), the embedded fonts and fixed dates. gofpdf
// stamps the modification date from the clock and leaves its catalogues
// in map order unless its package defaults say otherwise, so they are set
// for the moment the provider is created.
func newMaroto(st *style, now time.Time) core.Maroto {
	cfg := config.NewBuilder().
		WithDimensions(st.pageW, st.pageH).
		WithLeftMargin(0).WithTopMargin(0).WithRightMargin(0).WithBottomMargin(0).
		WithCustomFonts(customFonts()).
		WithDefaultFont(&props.Font{Family: fontFamily, Size: st.body}).
		WithCreationDate(now).
		WithCompression(false). // post marks the pages, then deflates each once, on every core
		Build()
	gofpdfDefaults.Lock()
	defer gofpdfDefaults.Unlock()
	gofpdf.SetDefaultModificationDate(now)
	gofpdf.SetDefaultCreationDate(now)
	gofpdf.SetDefaultCatalogSort(true)
	defer gofpdf.SetDefaultModificationDate(time.Time{})
	defer gofpdf.SetDefaultCreationDate(time.Time{})
	return maroto.New(cfg)
}

// draw writes the laid-out pages with maroto: each page is one row the
// height of the page holding a canvas that draws the page's elements.
// Once stopped returns an error the pages left are not drawn, so that a
// cancelled build ends without waiting for the rest of the pack.
func draw(st *style, pages []*page, now time.Time, stopped func() error) ([]byte, error) {
	m := newMaroto(st, now)
	for _, pg := range pages {
		m.AddRows(row.New(st.pageH).Add(col.New(12).Add(&canvas{pg: pg, st: st, stopped: stopped})))
	}
	doc, err := m.Generate()
	if err != nil {
		return nil, err
	}
	return doc.GetBytes(), nil
}

// canvas is a maroto component that draws one laid-out page through the
// provider: text runs, fills (as thick rules) and rules.
type canvas struct {
	pg      *page
	st      *style
	stopped func() error
}

var _ core.Component = (*canvas)(nil)

// SetConfig implements core.Node; the canvas needs no configuration.
func (c *canvas) SetConfig(*entity.Config) {}

// GetStructure implements core.Node, describing the page for maroto's tests.
func (c *canvas) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "page-canvas", Details: map[string]interface{}{"elements": len(c.pg.elems)}})
}

// GetHeight implements core.Component: the canvas fills the page.
func (c *canvas) GetHeight(core.Provider, *entity.Cell) float64 { return c.st.pageH }

// Render implements core.Component, drawing every element in order.
func (c *canvas) Render(p core.Provider, _ *entity.Cell) {
	if c.stopped() != nil {
		return
	}
	for i := range c.pg.elems {
		e := &c.pg.elems[i]
		switch e.kind {
		case elemText:
			drawText(p, e)
		case elemFill:
			drawLine(p, e.x, e.y+e.h/2, e.w, 0, e.h, e.colour)
		case elemRule:
			drawLine(p, e.x, e.y, e.w, e.h, e.thick, e.colour)
		}
	}
}

// drawText draws a text element with its baseline at e.y; the provider
// puts the baseline one font height below the cell's top.
func drawText(p core.Provider, e *elem) {
	cell := &entity.Cell{X: e.x, Y: e.y - e.h, Width: e.w + 10, Height: e.h}
	p.AddText(e.text, cell, &props.Text{Family: fontFamily, Style: e.face.style(), Size: e.size,
		Align: align.Left, Color: colour(e.colour)})
}

// drawLine draws a rule from (x, y) by (dx, dy); a horizontal rule as
// thick as a rectangle is tall fills it.
func drawLine(p core.Provider, x, y, dx, dy, thick float64, c rgb) {
	prop := &props.Line{Color: colour(c), Style: linestyle.Solid, Thickness: thick,
		Orientation: orientation.Horizontal, SizePercent: 100}
	cell := &entity.Cell{X: x, Y: y, Width: dx}
	if dy != 0 {
		prop.Orientation = orientation.Vertical
		cell = &entity.Cell{X: x, Y: y, Height: dy}
	}
	p.AddLine(cell, prop)
}

// colour converts to maroto's colour.
func colour(c rgb) *props.Color { return &props.Color{Red: c.r, Green: c.g, Blue: c.b} }
