package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/reportpack/reportpack/internal/render/pdf/post"
)

// untagged caches an untagged render of the example, to compare with.
var untagged = struct {
	sync.Once
	res *Result
	err error
}{}

// exampleUntagged renders the example pack without tags, once.
func exampleUntagged(t *testing.T) *Result {
	t.Helper()
	untagged.Do(func() {
		untagged.res, untagged.err = Render(seedPack(t, 40), testTheme(), Options{Now: date(2013, 4, 8), Untagged: true})
	})
	if untagged.err != nil {
		t.Fatal(untagged.err)
	}
	return untagged.res
}

// taggedFiles are the pack, an item's PDF and the large-print pack.
func taggedFiles(t *testing.T) map[string][]byte {
	t.Helper()
	res := example(t)
	large, err := Render(seedPack(t, 40), testTheme(), Options{Now: date(2013, 4, 8), LargePrint: true, NoItemPDFs: true})
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{"pack": res.PDF, "item": res.ItemPDFs["item-3-ofsted-inspections"], "large-print": large.PDF}
}

// Issue 10: the pack, its item PDFs and the large print are tagged, and
// pass the PDF/UA-1 checks that matter: marked content reachable from the
// tree, one use of each MCID, headings in order, table headers, language,
// title, link annotations tagged.
func TestTaggedPDFUA(t *testing.T) {
	for name, pdf := range taggedFiles(t) {
		t.Run(name, func(t *testing.T) {
			problems, err := post.CheckTagged(pdf)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Error(p)
			}
			if out := tool(t, pdf, "pdfinfo", "FILE"); !regexp.MustCompile(`Tagged:\s+yes`).MatchString(out) {
				t.Errorf("pdfinfo does not say the file is tagged:\n%s", out)
			}
			if out := tool(t, pdf, "qpdf", "--check", "FILE"); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

// Issue 10: the untagged pack fails the same checks, so they check something.
func TestUntaggedFailsPDFUA(t *testing.T) {
	problems, err := post.CheckTagged(exampleUntagged(t).PDF)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 {
		t.Error("an untagged pack passed the tagging checks")
	}
}

// structText caches pdfinfo -struct-text of the example, which poppler
// takes seconds to print.
var structText = struct {
	sync.Once
	out string
}{}

// structStrings is the text pdfinfo -struct-text prints for the example,
// one string per piece of marked content, and the structure types in order.
func structStrings(t *testing.T) (texts []string, types []string) {
	t.Helper()
	structText.Do(func() { structText.out = tool(t, example(t).PDF, "pdfinfo", "-struct-text", "FILE") })
	for _, line := range strings.Split(structText.out, "\n") {
		s := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(s, `"`):
			texts = append(texts, strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`))
		case s != "":
			types = append(types, strings.Fields(s)[0])
		}
	}
	return texts, types
}

// Issue 10: pdfinfo -struct-text reads every piece of content text in
// drawing order, and none of the running headers and footers. The lines
// of a block share one marked-content sequence, so one string holds
// several texts, in order.
func TestStructTextInReadingOrder(t *testing.T) {
	res := example(t)
	texts, _ := structStrings(t)
	at, off := 0, 0
	for _, d := range res.Roles {
		if d.Role.Artifact() || d.Repeat || d.Role == RolePageRef {
			continue
		}
		for at < len(texts) && !strings.Contains(texts[at][off:], d.Text) {
			at, off = at+1, 0
		}
		if at == len(texts) {
			t.Fatalf("text %d %q (%s, page %d) is not in the structure in order", d.Order, d.Text, d.Role, d.Page)
		}
		off += strings.Index(texts[at][off:], d.Text) + len(d.Text)
	}
	for _, s := range texts {
		if strings.HasPrefix(s, "Page ") && strings.Contains(s, " of ") {
			t.Errorf("page number %q is in the structure, not an artefact", s)
		}
	}
}

// Issue 10: the example's headings, numbered paragraphs, lists and tables
// come out of the structure as such.
func TestStructTextElements(t *testing.T) {
	texts, types := structStrings(t)
	count := map[string]int{}
	for _, ty := range types {
		count[strings.TrimSuffix(ty, ":")]++
	}
	for _, ty := range []string{"Document", "Sect", "H1", "H2", "H3", "P", "Lbl", "L", "LI", "LBody",
		"Table", "TR", "TH", "TD", "Caption", "Link", "Figure"} {
		if count[ty] == 0 {
			t.Errorf("no %s element in the structure", ty)
		}
	}
	joined := "\n" + strings.Join(texts, "\n") + "\n"
	at := 0
	for _, num := range []string{"1.1", "1.2", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2", "2.3", "3.1", "3.2"} {
		i := strings.Index(joined[at:], "\n"+num+"\n")
		if i < 0 {
			t.Fatalf("paragraph number %s not found in order", num)
		}
		at += i + 1
	}
}

// Issue 10: the Nth text object gofpdf writes on a page is the Nth text
// the layout drew there: checked by position on the untagged file, whose
// content streams qpdf prints uncompressed.
func TestTextObjectsFollowRoles(t *testing.T) {
	res := exampleUntagged(t)
	qdf := tool(t, res.PDF, "qpdf", "--qdf", "--object-streams=disable", "FILE", "-")
	td := regexp.MustCompile(`BT ([0-9.]+) [0-9.]+ Td`)
	streams := map[int]string{} // page -> its content streams, joined
	for _, chunk := range strings.Split(qdf, "%% Contents for page ")[1:] {
		n, _ := strconv.Atoi(chunk[:strings.IndexByte(chunk, '\n')])
		streams[n] += chunk[:strings.Index(chunk, "endstream")]
	}
	for n := 1; n <= res.Pages.Total; n++ {
		got := td.FindAllStringSubmatch(streams[n], -1)
		drawn := allOnPage(res.Roles, n)
		if len(got) != len(drawn) {
			t.Errorf("page %d: %d text objects, %d texts drawn", n, len(got), len(drawn))
			continue
		}
		for i, d := range drawn {
			x, _ := strconv.ParseFloat(got[i][1], 64)
			if diff := x - d.Rect.X*mmToPt; diff > 0.01 || diff < -0.01 {
				t.Errorf("page %d: text object %d at x=%.2f, text %q drawn at %.2f", n, i+1, x, d.Text, d.Rect.X*mmToPt)
				break
			}
		}
	}
	if len(streams) != res.Pages.Total {
		t.Errorf("read %d pages of %d", len(streams), res.Pages.Total)
	}
}

// allOnPage is every text drawn on page n, artefacts included, in order.
func allOnPage(roles []DrawnText, n int) []DrawnText {
	var out []DrawnText
	for _, d := range roles {
		if d.Page == n {
			out = append(out, d)
		}
	}
	return out
}

// Issue 10: tagging does not change the text a reader extracts, nor its order.
func TestTaggingKeepsExtraction(t *testing.T) {
	if flatText(t, example(t).PDF) != flatText(t, exampleUntagged(t).PDF) {
		t.Error("the tagged pack's extracted text differs from the untagged pack's")
	}
}

// Issue 10: heading levels never skip, even under a numbered section's
// un-numbered subheading (level 4 in the layout).
func TestHeadingLevelsClamped(t *testing.T) {
	tree := tagTree([]*page{{part: 1}}, []DrawnText{
		{Role: RoleHeading, Level: 1, Page: 1, Block: 1, Row: noCell, Col: noCell, Text: "Title"},
		{Role: RoleHeading, Level: 4, Page: 1, Block: 2, Row: noCell, Col: noCell, Text: "Sub"},
		{Role: RoleParagraph, Page: 1, Block: 3, Row: noCell, Col: noCell, Text: "Body"},
	}, nil, nil)
	var got []string
	var walk func(e *post.Elem)
	walk = func(e *post.Elem) {
		got = append(got, e.Type)
		for _, k := range e.Kids {
			if k.Elem != nil {
				walk(k.Elem)
			}
		}
	}
	walk(tree)
	if want := "Document Sect H1 Sect H2 P"; strings.Join(got, " ") != want {
		t.Errorf("structure %q, want %q", strings.Join(got, " "), want)
	}
}

// Issue 10: the lines of a paragraph are one marked-content sequence, so
// a screen reader reads them as one text, with a space between the last
// word of a line and the first of the next.
func TestStructTextJoinsLines(t *testing.T) {
	res := example(t)
	texts, _ := structStrings(t)
	all := strings.Join(texts, "\n")
	joined := 0
	for i := 1; i < len(res.Roles); i++ {
		p, d := res.Roles[i-1], res.Roles[i]
		if p.Block != d.Block || p.Page != d.Page || p.Rect.Y == d.Rect.Y || d.Role.Artifact() || p.Role != d.Role ||
			p.Link != "" || d.Link != "" || !strings.HasSuffix(p.Text, " ") {
			continue // not the next line of a paragraph, or a link (its own element)
		}
		if !strings.Contains(all, p.Text+d.Text) {
			t.Errorf("lines %q and %q are not read as one text", p.Text, d.Text)
		}
		joined++
	}
	if joined < 100 {
		t.Errorf("only %d lines joined to the line before", joined)
	}
}
