package pdf

import (
	"math"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/reportpack/reportpack/internal/report"
)

// fontFamily is the name the embedded Liberation Sans faces are registered
// under in maroto.
const fontFamily = "liberationsans"

// ptToMM converts points to millimetres, the unit of the layout model.
const ptToMM = 25.4 / 72

// face is one of the four embedded faces of Liberation Sans.
type face uint8

const (
	regular face = iota
	bold
	italic
	boldItalic
)

// faceOf maps a report emphasis onto a face.
func faceOf(s report.Style) face {
	switch {
	case s&report.Bold != 0 && s&report.Italic != 0:
		return boldItalic
	case s&report.Bold != 0:
		return bold
	case s&report.Italic != 0:
		return italic
	}
	return regular
}

// withBold returns f with bold added.
func (f face) withBold() face {
	if f == italic {
		return boldItalic
	}
	if f == regular {
		return bold
	}
	return f
}

// style is f as a maroto font style.
func (f face) style() fontstyle.Type {
	return [...]fontstyle.Type{fontstyle.Normal, fontstyle.Bold, fontstyle.Italic, fontstyle.BoldItalic}[f]
}

// ttf returns the face's TrueType data.
func (f face) ttf() []byte {
	return [...][]byte{liberationsansregular.TTF, liberationsansbold.TTF,
		liberationsansitalic.TTF, liberationsansbolditalic.TTF}[f]
}

// customFonts registers the four faces with maroto, which embeds them as
// subset UTF-8 fonts so that curly quotes, £, dashes and ŵ ŷ print.
func customFonts() []*entity.CustomFont {
	out := make([]*entity.CustomFont, 0, 4)
	for f := regular; f <= boldItalic; f++ {
		out = append(out, &entity.CustomFont{Family: fontFamily, Style: f.style(), Bytes: f.ttf()})
	}
	return out
}

// tableRunes is how many runes get a precomputed width; rarer runes are
// measured on demand.
const tableRunes = 0x3000

// metrics holds a face's advance widths in thousandths of an em, rounded
// exactly as gofpdf rounds them, so our line breaks match what it draws.
type metrics struct {
	font   *sfnt.Font
	upem   int
	widths []uint16
	notdef uint16
	mu     sync.Mutex
	buf    sfnt.Buffer
}

var (
	metricsOnce sync.Once
	faceMetrics [4]*metrics
)

// metricsFor returns f's metrics, parsing the fonts on first use.
func metricsFor(f face) *metrics {
	metricsOnce.Do(func() {
		for g := regular; g <= boldItalic; g++ {
			faceMetrics[g] = newMetrics(g.ttf())
		}
	})
	return faceMetrics[f]
}

// newMetrics parses a TrueType font and tabulates its common widths.
func newMetrics(ttf []byte) *metrics {
	fnt, err := sfnt.Parse(ttf)
	if err != nil {
		panic("pdf: embedded font does not parse: " + err.Error()) // build-time data, never input
	}
	m := &metrics{font: fnt, upem: int(fnt.UnitsPerEm()), widths: make([]uint16, tableRunes)}
	m.notdef = m.advance(0)
	for r := rune(0); r < tableRunes; r++ {
		m.widths[r] = m.lookup(r)
	}
	return m
}

// lookup measures one rune from the font; missing glyphs take .notdef's width.
func (m *metrics) lookup(r rune) uint16 {
	gi, err := m.font.GlyphIndex(&m.buf, r)
	if err != nil || gi == 0 {
		return m.notdef
	}
	return m.advance(gi)
}

// advance is a glyph's advance in thousandths of an em, as gofpdf rounds it.
func (m *metrics) advance(gi sfnt.GlyphIndex) uint16 {
	adv, err := m.font.GlyphAdvance(&m.buf, gi, fixed.Int26_6(m.upem*64), font.HintingNone)
	if err != nil {
		return 0
	}
	return uint16(math.Round(1000 / float64(m.upem) * float64(adv) / 64))
}

// units sums the widths of s in thousandths of an em.
func (m *metrics) units(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0 && r < tableRunes {
			w += int(m.widths[r])
			continue
		}
		m.mu.Lock()
		w += int(m.lookup(r))
		m.mu.Unlock()
	}
	return w
}

// textWidth is the width of s in millimetres at size points.
func textWidth(s string, f face, size float64) float64 {
	return float64(metricsFor(f).units(s)) * (size * ptToMM) / 1000
}

// Vertical metrics of Liberation Sans as fractions of the em (hhea table).
const (
	ascent  = 0.905
	descent = 0.212
)
