package pdf

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/phpdave11/gofpdf"

	"github.com/reportpack/reportpack/internal/report"
)

// contentByPage groups the non-artefact drawn text by page.
func contentByPage(roles []DrawnText) map[int][]DrawnText {
	out := map[int][]DrawnText{}
	for _, d := range roles {
		if !d.Role.Artifact() {
			out[d.Page] = append(out[d.Page], d)
		}
	}
	return out
}

// Issue 4: a heading or caption is never the last thing on a page, and a
// table header row never ends a page.
func TestKeepWithNext(t *testing.T) {
	res := example(t)
	for pg, texts := range contentByPage(res.Roles) {
		last := texts[len(texts)-1]
		lastBlock := last.Block
		for i := len(texts) - 1; i >= 0 && texts[i].Block == lastBlock; i-- {
			last = texts[i]
		}
		switch last.Role {
		case RoleHeading, RoleCaption, RoleTableHeader:
			t.Errorf("page %d ends with %s %q", pg, last.Role, last.Text)
		}
	}
}

// Issue 4: a table that runs over pages repeats its header row on each.
func TestTableHeaderRepeats(t *testing.T) {
	res := example(t)
	pages := contentByPage(res.Roles)
	continued := 0
	for pg, texts := range pages {
		first := texts[0]
		if first.Row < 0 || first.Role == RoleCaption {
			continue
		}
		if first.Role != RoleTableHeader || !first.Repeat {
			t.Errorf("page %d opens mid-table with %s %q, not a repeated header", pg, first.Role, first.Text)
		}
		continued++
	}
	if continued == 0 {
		t.Error("no table ran over a page; the fixture should make one")
	}
}

// Issue 10: every drawn text has a role, a page and increasing order.
func TestRolesRecorded(t *testing.T) {
	res := example(t)
	seen := map[Role]bool{}
	for i, d := range res.Roles {
		if d.Role == 0 || d.Page < 1 || d.Page > res.Pages.Total || d.Order != i {
			t.Fatalf("bad role record %d: %+v", i, d)
		}
		seen[d.Role] = true
	}
	for _, r := range []Role{RoleHeading, RoleParagraph, RoleParagraphNumber, RoleListLabel, RoleListItem,
		RoleTableHeader, RoleTableRowHeader, RoleTableCell, RoleCaption, RoleNote, RoleHeader, RolePageNumber} {
		if !seen[r] {
			t.Errorf("no text drawn with role %s", r)
		}
	}
}

// Issue 4: the large-print edition sets body text at 16 pt, runs longer
// and says it is the large-print edition.
func TestLargePrint(t *testing.T) {
	std := example(t)
	large, err := Render(seedPack(t, 40), testTheme(), Options{Now: date(2013, 4, 8), LargePrint: true})
	if err != nil {
		t.Fatal(err)
	}
	if large.Pages.Total <= std.Pages.Total {
		t.Errorf("large print has %d pages, standard %d", large.Pages.Total, std.Pages.Total)
	}
	for _, d := range large.Roles {
		if d.Role == RoleParagraph {
			if size := d.Rect.H / (ascent + descent) / ptToMM; math.Abs(size-16) > 0.01 {
				t.Errorf("paragraph text at %.2f pt, want 16: %q", size, d.Text)
			}
			break
		}
	}
	if !strings.Contains(flatText(t, large.PDF), "This is the large-print edition") {
		t.Error("the large-print front sheet does not say so")
	}
}

// Issue 4: a bold run mid-sentence stays bold and the line keeps its words.
func TestRichTextBoldMidSentence(t *testing.T) {
	in := []report.Inline{{Text: "A copy is attached as "}, {Text: "appendix 1 and 2", Style: report.Bold},
		{Text: " respectively, and the inspection report was published on the Ofsted website."}}
	lines := breakLines(spansOf(in, regular, rgb{}, rgb{}), 12, 80, 80)
	var words []string
	for i, ln := range lines {
		if ln.w > 80+1e-9 {
			t.Errorf("line %d is %.2f mm wide, column is 80", i, ln.w)
		}
		for _, f := range ln.frags {
			if strings.Contains(f.text, "appendix") && f.face != bold {
				t.Errorf("%q is not bold", f.text)
			}
			words = append(words, strings.Fields(f.text)...)
		}
	}
	if got, want := strings.Join(words, " "), strings.Join(strings.Fields(report.PlainText(in)), " "); got != want {
		t.Errorf("words = %q\nwant   %q", got, want)
	}
}

// The widths we break lines with are gofpdf's, for every face.
func TestMetricsMatchGofpdf(t *testing.T) {
	sample := "Children’s £12–15 “quoted” — Llŷr Gŵyn Wales WAVE ffi 3.2.10 ↑ Improved"
	for f := regular; f <= boldItalic; f++ {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("x", "", f.ttf())
		pdf.SetFont("x", "", 12)
		if got, want := textWidth(sample, f, 12), pdf.GetStringWidth(sample); math.Abs(got-want) > 1e-9 {
			t.Errorf("face %d: width %.6f, gofpdf %.6f", f, got, want)
		}
	}
}

// Issue 4: the outline has every agenda item, section and appendix, and
// agenda entries link to the report's first page.
func TestOutlineAndLinks(t *testing.T) {
	st := newStyle(testTheme(), false)
	p := seedPack(t, 10)
	counts, err := appendixPages(p)
	if err != nil {
		t.Fatal(err)
	}
	b, lay, pages := stableLayout(p, st, counts, false)
	nav := navigation(st, lay, b.outline)
	var titles []string
	for _, o := range nav.outline {
		titles = append(titles, o.Title)
		for _, c := range o.Children {
			titles = append(titles, "  "+c.Title)
		}
	}
	got := strings.Join(titles, "\n")
	for _, want := range []string{"Front sheet", "Agenda", "3. Ofsted inspections", "  1. Purpose of the report",
		"  4. Appendices", "  Appendix 1: Adoption Service", "  Appendix 2: Announced inspection"} {
		if !strings.Contains(got, want) {
			t.Errorf("outline lacks %q:\n%s", want, got)
		}
	}
	first := pages.Items["item-3-ofsted-inspections"].First
	found := false
	for _, l := range nav.links {
		if l.Page == 2 && l.DestPage == first {
			found = true
		}
	}
	if !found {
		t.Errorf("no agenda link to page %d", first)
	}
}

// Issue 4: with odd-page starts, each report and appendix opens on an odd
// page; blank pages pad where needed.
func TestOddPageStarts(t *testing.T) {
	p := seedPack(t, 10)
	p.Style.OddPageStarts = true
	st := newStyle(testTheme(), false)
	counts, err := appendixPages(p)
	if err != nil {
		t.Fatal(err)
	}
	_, lay, pages := stableLayout(p, st, counts, false)
	if first := pages.Items["item-3-ofsted-inspections"].First; first%2 != 1 {
		t.Errorf("report starts on page %d", first)
	}
	for _, name := range []string{"appendix-1", "appendix-2"} {
		if d := lay.dests["item-3-ofsted-inspections#"+name]; d.page%2 != 1 {
			t.Errorf("%s starts on page %d", name, d.page)
		}
	}
}

// A word fits a line measured to its width, whatever rounding the sums
// that gave the width brought ("Theme" printed as "Them" over "e").
func TestWordFitsItsMeasuredWidth(t *testing.T) {
	sp := spansOf([]report.Inline{{Text: "Theme"}}, bold, rgb{}, rgb{})
	pad := mm(9) * 0.45
	w := textWidth("Theme", bold, 9) + 2*pad - 2*pad
	if lines := breakLines(sp, 9, w*(1-1e-12), w*(1-1e-12)); len(lines) != 1 {
		t.Errorf("%q broke into %d lines", "Theme", len(lines))
	}
}

// Issue 9: columns below their heading's longest word are raised to it,
// the room taken from the others above theirs.
func TestFloor(t *testing.T) {
	for _, c := range []struct {
		name           string
		ws, hard, want []float64
	}{
		{"all above their floor", []float64{10, 20}, []float64{5, 5}, []float64{10, 20}},
		{"one raised, room from the other", []float64{4, 26}, []float64{6, 6}, []float64{6, 24}},
		{"floors wider than the table are scaled", []float64{5, 5}, []float64{10, 10}, []float64{5, 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := floor(c.ws, c.hard, 10+sum(c.ws)-10)
			for i := range got {
				if math.Abs(got[i]-c.want[i]) > 1e-9 {
					t.Fatalf("floor = %v, want %v", got, c.want)
				}
			}
		})
	}
}

// Issue 9: stamping the agenda with the pages gives exactly the layout a
// second pass with those pages gives, in the normal and large print.
func TestStampedAgendaIsASecondPass(t *testing.T) {
	p := bigPack(t, 12, 12) // over a hundred pages: two- and three-digit numbers
	for _, large := range []bool{false, true} {
		st := newStyle(testTheme(), large)
		counts, err := appendixPages(p)
		if err != nil {
			t.Fatal(err)
		}
		_, lay, pages := stableLayout(p, st, counts, large)
		b := newBuilder(p, st, counts, pages, large)
		again := paginate(st, &b.f)
		if !samePages(pageMap(p, again), pages) {
			t.Errorf("large print %v: a second pass moves the items", large)
		}
		if !reflect.DeepEqual(lay.pages, again.pages) {
			t.Errorf("large print %v: the stamped layout differs from a second pass", large)
		}
		if got := pagesWord(pages.Items[p.Items[2].Slug]); !strings.Contains(roleText(roles(lay.pages)), got) {
			t.Errorf("large print %v: the agenda lacks %q", large, got)
		}
	}
}

// roleText joins the drawn texts.
func roleText(d []DrawnText) string {
	var b strings.Builder
	for _, t := range d {
		b.WriteString(t.Text + "\n")
	}
	return b.String()
}
