package pdf

import (
	"strconv"
	"strings"

	"github.com/reportpack/reportpack/internal/theme"
)

// rgb is a colour with 0-255 components.
type rgb struct{ r, g, b int }

// parseColour reads "#rrggbb" (or "rrggbb"); anything else gives def.
func parseColour(s string, def rgb) rgb {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return def
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return def
	}
	return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}
}

// swatch is a status fill with its readable text colour.
type swatch struct{ fill, text rgb }

// style is the theme resolved for one edition (standard or large print):
// sizes in points, distances in millimetres, colours parsed.
type style struct {
	body, h1, h2, h3, h4, small, table                               float64 // pt
	lead                                                             float64 // line height / font size
	paraSpace                                                        float64 // mm between paragraphs
	pageW, pageH                                                     float64
	left, right, top, bottom                                         float64
	text, accent, muted, link, thFill, rule, groupFill, subgroupFill rgb
	palette                                                          map[string]swatch
}

// A4 in millimetres.
const (
	a4W = 210.0
	a4H = 297.0
)

// newStyle resolves th for the standard or large-print edition, filling
// gaps with house-style defaults so a sparse theme still prints well.
func newStyle(th *theme.Theme, large bool) *style {
	f := th.Fonts
	s := &style{
		body: orDefault(f.Body, 12), lead: orDefault(f.LineSpacing, 1.35),
		paraSpace: orDefault(f.ParagraphSpace, 3.5),
		pageW:     a4W, pageH: a4H,
	}
	s.h1 = orDefault(f.H1, 20)
	s.h2 = orDefault(f.H2, 15)
	s.h3 = orDefault(f.H3, 13)
	s.h4 = orDefault(f.H4, s.body)
	s.small = orDefault(f.Small, 9)
	if large {
		s.scale(orDefault(f.LargePrint, 16) / s.body)
	}
	s.table = s.body
	s.margins(th.Page)
	s.colours(th)
	return s
}

// scale enlarges every size by k for the large-print edition.
func (s *style) scale(k float64) {
	s.body *= k
	s.h1 *= k
	s.h2 *= k
	s.h3 *= k
	s.h4 *= k
	s.small *= k
	s.paraSpace *= k
}

// margins takes the page margins from the theme, defaulting to 20 mm.
func (s *style) margins(p theme.Page) {
	s.left = orDefault(p.MarginLeft, 20)
	s.right = orDefault(p.MarginRight, 20)
	s.top = orDefault(p.MarginTop, 22)
	s.bottom = orDefault(p.MarginBottom, 22)
}

// colours parses the theme's colours and RAG palette.
func (s *style) colours(th *theme.Theme) {
	c := th.Colours
	s.text = parseColour(c.Text, rgb{11, 12, 12})
	s.accent = parseColour(c.Accent, rgb{0, 48, 120})
	s.muted = parseColour(c.Muted, rgb{80, 90, 95})
	s.link = parseColour(c.Link, rgb{29, 112, 184})
	s.thFill = parseColour(c.TableHeader, rgb{222, 228, 236})
	s.rule = parseColour(c.TableRule, rgb{140, 150, 160})
	s.groupFill = parseColour(c.GroupRow, rgb{236, 239, 243})
	s.subgroupFill = blend(s.groupFill, rgb{255, 255, 255})
	s.palette = make(map[string]swatch, len(th.Palette))
	for k, v := range th.Palette {
		s.palette[strings.ToLower(k)] = swatch{fill: parseColour(v.Fill, rgb{255, 255, 255}), text: parseColour(v.Text, s.text)}
	}
}

// blend mixes two colours half and half.
func blend(a, b rgb) rgb { return rgb{(a.r + b.r) / 2, (a.g + b.g) / 2, (a.b + b.b) / 2} }

// orDefault returns v, or def when v is not set.
func orDefault(v, def float64) float64 {
	if v <= 0 {
		return def
	}
	return v
}

// mm converts a size in points to millimetres.
func mm(pt float64) float64 { return pt * ptToMM }

// lineHeight is the height of one line of text at size points.
func (s *style) lineHeight(size float64) float64 { return mm(size) * s.lead }

// contentW is the width between the side margins.
func (s *style) contentW() float64 { return s.pageW - s.left - s.right }

// contentH is the height between the top and bottom margins.
func (s *style) contentH() float64 { return s.pageH - s.top - s.bottom }
