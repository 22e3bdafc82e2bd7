package post

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// drawForm draws form (an appendix page) on page n of ctx, scaled to fit
// area and centred in it, over what the page already shows. When tagging,
// the drawing is marked as its Figure's content (or an artefact) and the
// frame as an artefact.
func drawForm(ctx *model.Context, pi *pageIndex, n int, area Rect, name string, form types.IndirectRef, pl placed, tg *tagging) error {
	d, _, attrs, err := pi.page(ctx, n)
	if err != nil {
		return err
	}
	if area.IsZero() {
		b := pageBox(attrs)
		area = Rect{b.LL.X + DefaultInset, b.LL.Y + DefaultInset, b.UR.X - DefaultInset, b.UR.Y - DefaultInset}
	}
	if area.X1-area.X0 <= 0 || area.Y1-area.Y0 <= 0 {
		return fmt.Errorf("the area for the appendix is empty")
	}
	addXObject(ctx, d, name, form)
	m, at := fitMatrix(pl, area)
	begin, end, frameBegin, frameEnd := tg.insertMarks(n)
	draw := fmt.Sprintf("Q\n%sq %s cm /%s Do Q\n%s%s%s%s", begin, m, name, end, frameBegin, frame(at), frameEnd)
	return wrapContent(ctx, d, "q\n", draw)
}

// addXObject gives page d its own resources: the ones it used, plus name
// for the form. Other pages sharing the old resources are not changed.
func addXObject(ctx *model.Context, d types.Dict, name string, form types.IndirectRef) {
	res := types.Dict{}
	for k, v := range resources(ctx, d) {
		res[k] = v
	}
	xo := types.Dict{}
	for k, v := range dictOf(ctx, res["XObject"]) {
		xo[k] = v
	}
	xo[name] = form
	res["XObject"] = xo
	d["Resources"] = res
}

// resources returns the resources a page uses, its own or inherited.
func resources(ctx *model.Context, d types.Dict) types.Dict {
	for i := 0; d != nil && i < 64; i++ {
		if r := dictOf(ctx, d["Resources"]); r != nil {
			return r
		}
		d = dictOf(ctx, d["Parent"])
	}
	return types.Dict{}
}

// wrapContent puts before and after around the page's content streams.
func wrapContent(ctx *model.Context, d types.Dict, before, after string) error {
	var parts types.Array
	switch v := d["Contents"].(type) {
	case types.IndirectRef:
		if a, ok := deref(ctx, v).(types.Array); ok {
			parts = a
		} else {
			parts = types.Array{v}
		}
	case types.Array:
		parts = v
	}
	out := types.Array{}
	for i, s := range []string{before, after} {
		sd, err := flateStream(types.Dict{}, []byte(s))
		if err != nil {
			return err
		}
		ir, err := ctx.IndRefForNewObject(sd)
		if err != nil {
			return err
		}
		if i == 0 {
			out = append(append(out, *ir), parts...)
		} else {
			out = append(out, *ir)
		}
	}
	d["Contents"] = out
	return nil
}

// frame returns content that outlines r with a thin grey line, so readers
// see where the merged document's page begins and ends.
func frame(r Rect) string {
	m := matrix{r.X0, r.Y0, r.X1 - r.X0, r.Y1 - r.Y0}
	return fmt.Sprintf("q 0.6 G 0.5 w %s re S Q\n", strings.Join(strings.Fields(m.String())[:4], " "))
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

// then returns m followed by n.
func (m matrix) then(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// String formats m for a cm operator, to four decimals.
func (m matrix) String() string {
	s := make([]string, 6)
	for i, v := range m {
		s[i] = strconv.FormatFloat(v, 'f', 4, 64)
		s[i] = strings.TrimRight(strings.TrimRight(s[i], "0"), ".")
		if s[i] == "-0" || s[i] == "" {
			s[i] = "0"
		}
	}
	return strings.Join(s, " ")
}

// fitMatrix maps an appendix page, turned upright as a viewer would show it
// (/Rotate), into area: scaled to fit, never enlarged, and centred. It
// also returns where on the page the appendix page lands.
func fitMatrix(pl placed, area Rect) (matrix, Rect) {
	w, h := pl.box.Width(), pl.box.Height()
	m := matrix{1, 0, 0, 1, -pl.box.LL.X, -pl.box.LL.Y}
	switch pl.rotate {
	case 90:
		m, w, h = m.then(matrix{0, -1, 1, 0, 0, w}), h, w
	case 180:
		m = m.then(matrix{-1, 0, 0, -1, w, h})
	case 270:
		m, w, h = m.then(matrix{0, 1, -1, 0, h, 0}), h, w
	}
	aw, ah := area.X1-area.X0, area.Y1-area.Y0
	s := min(aw/w, ah/h, 1)
	tx := area.X0 + (aw-w*s)/2
	ty := area.Y0 + (ah-h*s)/2
	return m.then(matrix{s, 0, 0, s, tx, ty}), Rect{tx, ty, tx + w*s, ty + h*s}
}
