package post

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// fixture is a six-page layout with a two-page appendix at pages 4 and 5.
type fixture struct {
	layout, appendix []byte
	doc              Document
	outline          []Outline
	links            []Link
	inserts          []Insert
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	layout := makePDF(t, 6, func(i int) []string {
		if i == 4 || i == 5 {
			return nil // placeholder
		}
		return []string{fmt.Sprintf("Layout page %d", i)}
	})
	appendix := makePDF(t, 2, func(i int) []string { return []string{fmt.Sprintf("Appendix page %d", i)} })
	return fixture{
		layout:   layout,
		appendix: appendix,
		doc: Document{Title: "Children’s Services Scrutiny Committee, 12 March 2013", Author: "Sunderland City Council",
			Subject: "Agenda pack", Keywords: "ofsted, adoption", Creator: "reportpack", Created: when},
		outline: []Outline{
			{Title: "Agenda", Page: 2},
			{Title: "Item 5: Ofsted inspections", Page: 3, Y: 100, Children: []Outline{
				{Title: "1. Purpose", Page: 3, Y: 150},
				{Title: "Appendix 1: Adoption inspection report", Page: 4},
				{Title: "Appendix 2: Action plan", Page: 6, Y: 20},
			}},
		},
		links: []Link{
			{Page: 2, Rect: Rect{50, 700, 200, 715}, DestPage: 3, DestY: 100, Text: "Item 5"},
			{Page: 3, Rect: Rect{50, 600, 200, 615}, DestPage: 6, DestY: 20},
			{Page: 6, Rect: Rect{50, 600, 200, 615}, DestPage: 1},
			{Page: 3, Rect: Rect{50, 500, 200, 515}, URI: "https://www.ofsted.gov.uk/"},
		},
		inserts: []Insert{{AtPage: 4, Pages: 2, PDF: appendix}},
	}
}

func (f fixture) finish(t *testing.T) []byte {
	t.Helper()
	out, err := Finish(f.layout, f.doc, f.outline, f.links, f.inserts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPageCount(t *testing.T) {
	for _, n := range []int{1, 3} {
		t.Run(fmt.Sprintf("%d pages", n), func(t *testing.T) {
			got, err := PageCount(makePDF(t, n, func(int) []string { return nil }))
			if err != nil || got != n {
				t.Errorf("PageCount = %d, %v; want %d", got, err, n)
			}
		})
	}
	t.Run("not a PDF", func(t *testing.T) {
		if _, err := PageCount([]byte("hello")); err == nil {
			t.Error("no error for a non-PDF")
		}
	})
}

func TestFinishInsertsAppendixOnPlaceholders(t *testing.T) {
	f := newFixture(t)
	out := f.finish(t)
	if n, _ := PageCount(out); n != 6 {
		t.Fatalf("pages = %d, want 6", n)
	}
	for p, want := range map[int][]string{
		3: {"Layout page 3", "Page 3 of 6"},
		4: {"Appendix page 1", "Page 1 of 2", "Page 4 of 6", "Running header"},
		5: {"Appendix page 2", "Page 5 of 6"},
		6: {"Layout page 6", "Page 6 of 6"},
	} {
		text := pageText(t, out, p)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("page %d lacks %q:\n%s", p, w, text)
			}
		}
	}
}

func TestFinishOutline(t *testing.T) {
	f := newFixture(t)
	ctx := readBack(t, f.finish(t))
	bms, err := pdfcpu.Bookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]pdfcpu.Bookmark, string)
	walk = func(bs []pdfcpu.Bookmark, indent string) {
		for _, b := range bs {
			got = append(got, fmt.Sprintf("%s%s -> %d", indent, b.Title, b.PageFrom))
			walk(b.Kids, indent+"  ")
		}
	}
	walk(bms, "")
	want := []string{
		"Agenda -> 2",
		"Item 5: Ofsted inspections -> 3",
		"  1. Purpose -> 3",
		"  Appendix 1: Adoption inspection report -> 4",
		"  Appendix 2: Action plan -> 6",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	root, _ := ctx.Catalog()
	back := readOutline(ctx, pagesOf(t, ctx), root)
	if y := back[1].Children[0].Y; y < 149.9 || y > 150.1 {
		t.Errorf("bookmark Y = %v, want 150", y)
	}
}

func TestFinishLinks(t *testing.T) {
	f := newFixture(t)
	ctx := readBack(t, f.finish(t))
	var got []string
	pi := pagesOf(t, ctx)
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, _ := pi.page(ctx, p)
		annots, _ := deref(ctx, d["Annots"]).(types.Array)
		for _, a := range annots {
			got = append(got, describeLink(t, ctx, p, dictOf(ctx, a)))
		}
	}
	want := []string{
		"page 2 -> page 3 top 741.89 (Item 5)",
		"page 3 -> page 6 top 821.89 ()",
		"page 3 -> https://www.ofsted.gov.uk/",
		"page 6 -> page 1 top 841.89 ()",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// describeLink prints a link annotation as "page P -> target".
func describeLink(t *testing.T, ctx *model.Context, p int, a types.Dict) string {
	t.Helper()
	if act := dictOf(ctx, a["A"]); act != nil {
		return fmt.Sprintf("page %d -> %s", p, decodeText(act["URI"]))
	}
	dest := a["Dest"].(types.Array)
	n, err := pdfcpu.PageNrFromDestination(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	top, _ := number(dest[3])
	return fmt.Sprintf("page %d -> page %d top %.2f (%s)", p, n, top, decodeText(a["Contents"]))
}

func TestFinishProperties(t *testing.T) {
	out := newFixture(t).finish(t)
	info := runTool(t, out, "pdfinfo", "-isodates")
	for _, w := range []string{
		"Title:           Children’s Services Scrutiny Committee, 12 March 2013",
		"Subject:         Agenda pack",
		"Keywords:        ofsted, adoption",
		"Author:          Sunderland City Council",
		"Creator:         reportpack",
		"CreationDate:    2013-03-01T09:30:00Z",
		"ModDate:         2013-03-01T09:30:00Z",
		"Pages:           6",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
	for _, w := range []string{"/Lang(en-GB)", "/DisplayDocTitle true", "/PageMode/UseOutlines"} {
		if !bytes.Contains(out, []byte(w)) {
			t.Errorf("catalog lacks %s", w)
		}
	}
}

func TestFinishQpdfClean(t *testing.T) {
	qpdfCheck(t, newFixture(t).finish(t))
}

func TestFinishIsDeterministic(t *testing.T) {
	f := newFixture(t)
	first := f.finish(t)
	t.Run("twice in one process", func(t *testing.T) {
		if !bytes.Equal(first, f.finish(t)) {
			t.Error("two runs differ")
		}
	})
	t.Run("GOMAXPROCS=1", func(t *testing.T) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		if !bytes.Equal(first, f.finish(t)) {
			t.Error("output differs with GOMAXPROCS=1")
		}
	})
	t.Run("another process, TZ=Pacific/Auckland, one core", func(t *testing.T) {
		if os.Getenv(childEnv) != "" {
			t.Skip("in the child")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteFinishForChild$")
		cmd.Env = append(os.Environ(), childEnv+"=1", "TZ=Pacific/Auckland", "GOMAXPROCS=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		sum := sha256.Sum256(first)
		if want := "sha256=" + hex.EncodeToString(sum[:]); !strings.Contains(string(out), want) {
			t.Errorf("child output differs: want %s in\n%s", want, out)
		}
	})
	t.Run("later on the clock", func(t *testing.T) {
		time.Sleep(1100 * time.Millisecond) // a clock leak would show in seconds
		if !bytes.Equal(first, f.finish(t)) {
			t.Error("output changes with the clock")
		}
	})
}

// childEnv marks the process TestFinishIsDeterministic starts.
const childEnv = "REPORTPACK_POST_CHILD"

// TestWriteFinishForChild prints the hash of Finish's output when run as
// the child of TestFinishIsDeterministic.
func TestWriteFinishForChild(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("only run as a child process")
	}
	if time.Local.String() != "Local" || time.Now().Format("-0700") == "+0000" {
		t.Logf("zone %s", time.Now().Format("MST -0700"))
	}
	sum := sha256.Sum256(newFixture(t).finish(t))
	fmt.Printf("sha256=%s\n", hex.EncodeToString(sum[:]))
}

func TestFinishWritesNoConfigDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", home+"/.config")
	out := newFixture(t).finish(t)
	if _, err := Extract(out, 1, 2); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(home)
	if len(entries) != 0 {
		t.Errorf("home has %d entries after Finish and Extract, want none", len(entries))
	}
}

func TestFinishErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name    string
		change  func(*fixture)
		wantErr string
	}{
		{"insert with the wrong page count", func(f *fixture) { f.inserts[0].Pages = 1 }, "has 2 pages but the layout left 1"},
		{"insert past the end", func(f *fixture) { f.inserts[0].AtPage = 6 }, "outside the pack's 6 pages"},
		{"overlapping inserts", func(f *fixture) {
			f.inserts = append(f.inserts, Insert{AtPage: 5, Pages: 1, PDF: f.appendix})
		}, "both use page 5"},
		{"link to a missing page", func(f *fixture) { f.links[0].DestPage = 9 }, "page 9 is outside"},
		{"bookmark on a missing page", func(f *fixture) { f.outline[0].Page = 0 }, "bookmark \"Agenda\""},
		{"appendix not a PDF", func(f *fixture) { f.inserts[0].PDF = []byte("%PDF-1.4 junk") }, "reading the appendix"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := f
			g.inserts = append([]Insert(nil), f.inserts...)
			g.links = append([]Link(nil), f.links...)
			g.outline = append([]Outline(nil), f.outline...)
			tt.change(&g)
			_, err := Finish(g.layout, g.doc, g.outline, g.links, g.inserts)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	pack := newFixture(t).finish(t)
	item, err := Extract(pack, 3, 6)
	if err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, item)
	ctx := readBack(t, item)
	if ctx.PageCount != 4 {
		t.Fatalf("pages = %d, want 4", ctx.PageCount)
	}
	if text := pageText(t, item, 1); !strings.Contains(text, "Layout page 3") || !strings.Contains(text, "Page 3 of 6") {
		t.Errorf("first page is not the pack's page 3:\n%s", text)
	}
	if text := pageText(t, item, 2); !strings.Contains(text, "Appendix page 1") {
		t.Errorf("second page lacks the appendix:\n%s", text)
	}
	bms, err := pdfcpu.BookmarkList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(bms, "|"); !strings.Contains(got, "Item 5: Ofsted inspections") || strings.Contains(got, "Agenda") ||
		!strings.Contains(got, "Appendix 2: Action plan") {
		t.Errorf("bookmarks = %q", got)
	}
	var links []string
	pi := pagesOf(t, ctx)
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, _ := pi.page(ctx, p)
		annots, _ := deref(ctx, d["Annots"]).(types.Array)
		for _, a := range annots {
			links = append(links, describeLink(t, ctx, p, dictOf(ctx, a)))
		}
	}
	want := "page 1 -> page 4 top 821.89 ()|page 1 -> https://www.ofsted.gov.uk/"
	if got := strings.Join(links, "|"); got != want {
		t.Errorf("links = %s\nwant %s", got, want)
	}
	info := runTool(t, item, "pdfinfo", "-isodates")
	if !strings.Contains(info, "Author:          Sunderland City Council") || !strings.Contains(info, "CreationDate:    2013-03-01T09:30:00Z") {
		t.Errorf("properties not kept:\n%s", info)
	}
	again, _ := Extract(pack, 3, 6)
	if !bytes.Equal(item, again) {
		t.Error("Extract is not deterministic")
	}
}

func TestExtractRejectsBadRange(t *testing.T) {
	pack := newFixture(t).finish(t)
	for _, r := range [][2]int{{0, 1}, {2, 7}, {4, 3}} {
		t.Run(fmt.Sprintf("%d to %d", r[0], r[1]), func(t *testing.T) {
			if _, err := Extract(pack, r[0], r[1]); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestFitMatrix(t *testing.T) {
	a4 := *types.NewRectangle(0, 0, 595.28, 841.89)
	area := Rect{56.7, 56.7, 595.28 - 56.7, 841.89 - 56.7}
	tests := []struct {
		name string
		pl   placed
		want string
	}{
		{"upright A4 shrinks to fit the width", placed{box: a4}, "0.8095 0 0 0.8095 56.7 80.1894"},
		{"small page is centred, not enlarged", placed{box: *types.NewRectangle(0, 0, 100, 100)}, "1 0 0 1 247.64 370.945"},
		{"offset box moves to the origin", placed{box: *types.NewRectangle(10, 20, 110, 120)}, "1 0 0 1 237.64 350.945"},
		{"rotated 90 lies on its side", placed{box: a4, rotate: 90}, "0 -0.5724 0.5724 0 56.7 591.3078"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if m, _ := fitMatrix(tt.pl, area); m.String() != tt.want {
				got := m.String()
				t.Errorf("fitMatrix = %s, want %s", got, tt.want)
			}
		})
	}
}
