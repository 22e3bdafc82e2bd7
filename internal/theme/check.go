package theme

import (
	"math"
	"regexp"
	"strconv"

	"github.com/reportpack/reportpack/internal/diag"
)

// MinContrast is the WCAG 2.2 AA contrast ratio for normal text; every
// palette swatch's text must reach it on its fill.
const MinContrast = 4.5

// MinBody is the smallest body size house style allows, in points.
const MinBody = 12

var (
	hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	className = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
)

// ValidColour reports whether s is a "#rrggbb" colour.
func ValidColour(s string) bool { return hexColour.MatchString(s) }

// ValidClass reports whether s can name a palette class (lower-case letters,
// digits and hyphens), which renderers use in CSS class names.
func ValidClass(s string) bool { return className.MatchString(s) }

// check validates the merged settings: colours well formed, sizes sane and
// every swatch readable.
func check(th *Theme, file string) diag.List {
	var list diag.List
	pos := diag.Pos{File: file}
	checkColours(th.Colours, pos, &list)
	checkFonts(th.Fonts, pos, &list)
	for _, class := range sortedClasses(th.Palette) {
		checkSwatch(class, th.Palette[class], pos, &list)
	}
	return list
}

func checkColours(c Colours, pos diag.Pos, list *diag.List) {
	named := []struct{ key, val string }{
		{"text", c.Text}, {"accent", c.Accent}, {"muted", c.Muted}, {"link", c.Link},
		{"table_header", c.TableHeader}, {"table_rule", c.TableRule}, {"group_row", c.GroupRow},
	}
	for _, n := range named {
		if !ValidColour(n.val) {
			list.Errorf(pos, "colours.%s is %q, not a colour", n.key, n.val).
				WithHint(`write colours as "#rrggbb", e.g. "#1d3f6e"`)
		}
	}
}

func checkFonts(f Fonts, pos diag.Pos, list *diag.List) {
	if f.Body < MinBody {
		list.Errorf(pos, "fonts.body is %g pt; house style needs %d pt or more", f.Body, MinBody).
			WithHint("set fonts.body to 12 or more (14 reads better)")
	}
	sizes := []struct {
		key string
		val float64
	}{{"large_print", f.LargePrint}, {"h1", f.H1}, {"h2", f.H2}, {"h3", f.H3}, {"h4", f.H4}, {"small", f.Small}, {"line_spacing", f.LineSpacing}}
	for _, s := range sizes {
		if s.val <= 0 {
			list.Errorf(pos, "fonts.%s must be more than 0", s.key)
		}
	}
}

func checkSwatch(class string, s Swatch, pos diag.Pos, list *diag.List) {
	if !ValidClass(class) {
		list.Errorf(pos, "palette class %q must be lower-case letters, digits and hyphens", class)
	}
	if !ValidColour(s.Fill) || !ValidColour(s.Text) {
		list.Errorf(pos, "palette.%s needs fill and text colours as \"#rrggbb\" (have fill %q, text %q)", class, s.Fill, s.Text)
		return
	}
	if r := Contrast(s.Fill, s.Text); r < MinContrast {
		list.Errorf(pos, "palette.%s: text %s on fill %s has contrast %.2f:1, below %.1f:1", class, s.Text, s.Fill, r, MinContrast).
			WithHint("darken the fill and use white text, or lighten it and use near-black text")
	}
}

// Contrast returns the WCAG contrast ratio between two "#rrggbb" colours,
// from 1 (same) to 21 (black on white).
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// ReadableText returns black or white, whichever reads better on fill; the
// HTML renderer uses it for colours a pack's own scale sets.
func ReadableText(fill string) string {
	if Contrast(fill, "#000000") >= Contrast(fill, "#ffffff") {
		return "#0b0c0c"
	}
	return "#ffffff"
}

// luminance is WCAG relative luminance of a "#rrggbb" colour (0 if malformed).
func luminance(hex string) float64 {
	if !ValidColour(hex) {
		return 0
	}
	var ch [3]float64
	for i := range ch {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}
