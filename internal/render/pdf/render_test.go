package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func itoa(n int) string { return strconv.Itoa(n) }

// rendered caches the example render shared by the read-only tests.
var rendered = struct {
	sync.Once
	res *Result
	err error
}{}

// example renders the seed-shaped pack once.
func example(t *testing.T) *Result {
	t.Helper()
	rendered.Do(func() {
		rendered.res, rendered.err = Render(seedPack(t, 40), testTheme(), Options{Now: date(2013, 4, 8)})
	})
	if rendered.err != nil {
		t.Fatal(rendered.err)
	}
	return rendered.res
}

// Issue 4: paragraph numbers print in order, after their headings.
func TestParagraphNumbersInOrder(t *testing.T) {
	text := pdfText(t, example(t).PDF, 0, 0)
	want := []string{"1. Purpose of the report", "1.1 ", "1.2 ", "2. Adoption inspection", "2.1 Introduction",
		"2.1.1 ", "2.1.2 ", "2.1.3 ", "2.1.4 ", "2.2 ", "2.3 ", "3. Recommendations", "3.1 ", "3.2 ", "4. Appendices"}
	flat := regexp.MustCompile(`[ \t]+`).ReplaceAllString(text, " ")
	at := 0
	for _, w := range want {
		i := strings.Index(flat[at:], "\n"+w)
		if i < 0 {
			t.Fatalf("%q not found after offset %d in order", w, at)
		}
		at += i + 1
	}
}

// Issue 4: tables' text, status words and special characters all print.
func TestTextPrints(t *testing.T) {
	text := flatText(t, example(t).PDF)
	for _, want := range []string{"Overall effectiveness", "Outstanding", "Formal area for improvement",
		"Amber", "Green", "Safeguarding services", "Within 3 months", "Some slippage",
		"Llŷr and Gŵyn", "£ detail", "‘Overall Effectiveness’ was judged ‘Good’ – see",
		"attached as appendix 1", "Ofsted inspection report, page 1", "Councillor Ellen Hartley",
		"Date of issue", "large print, Braille or audio"} {
		if !strings.Contains(text, want) {
			t.Errorf("pack text lacks %q", want)
		}
	}
}

// Issue 4: every page after the front sheet says "Page N of M".
func TestPageNumbers(t *testing.T) {
	res := example(t)
	pages := pageTexts(t, res.PDF)
	if len(pages) != res.Pages.Total {
		t.Fatalf("pdftotext found %d pages, Result says %d", len(pages), res.Pages.Total)
	}
	for i, p := range pages {
		want := "Page " + itoa(i+1) + " of " + itoa(res.Pages.Total)
		if got := strings.Contains(p, want); got != (i > 0) {
			t.Errorf("page %d: contains %q = %v", i+1, want, got)
		}
	}
}

// Issue 4: the agenda quotes the pages the report actually starts and ends on.
func TestAgendaPagesMatchLayout(t *testing.T) {
	res := example(t)
	r := res.Pages.Items["item-3-ofsted-inspections"]
	if r.First == 0 {
		t.Fatal("no page range for the report item")
	}
	agenda := pdfText(t, res.PDF, 2, 2)
	if want := "Pages " + itoa(r.First) + " to " + itoa(r.Last); !strings.Contains(agenda, want) {
		t.Errorf("agenda lacks %q:\n%s", want, agenda)
	}
	first := pdfText(t, res.PDF, r.First, r.First)
	if !strings.Contains(first, "Ofsted inspections of safeguarding") || !strings.Contains(first, "Item 3") {
		t.Errorf("page %d does not start the report:\n%s", r.First, first)
	}
	if r.Last != res.Pages.Total {
		t.Errorf("report ends on page %d, pack has %d", r.Last, res.Pages.Total)
	}
}

// Issue 4: same input, same bytes, item PDFs included.
func TestDeterministic(t *testing.T) {
	a, err := Render(seedPack(t, 10), testTheme(), Options{Now: date(2013, 4, 8)})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(seedPack(t, 10), testTheme(), Options{Now: date(2013, 4, 8)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Error("two renders of the same pack differ")
	}
	for slug, pdf := range a.ItemPDFs {
		if !bytes.Equal(pdf, b.ItemPDFs[slug]) {
			t.Errorf("item PDF %s differs between renders", slug)
		}
	}
}

// Issue 4: the four Liberation Sans faces are embedded.
func TestFontsEmbedded(t *testing.T) {
	out := tool(t, example(t).PDF, "pdffonts", "FILE")
	n := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.Contains(line, "liberationsans") {
			continue
		}
		n++
		if f := strings.Fields(line); len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
	}
	if n == 0 {
		t.Errorf("no Liberation Sans fonts:\n%s", out)
	}
}

// Issue 4: qpdf finds nothing wrong with the pack or an item's PDF.
func TestQpdfCheck(t *testing.T) {
	res := example(t)
	for name, pdf := range map[string][]byte{"pack": res.PDF, "item": res.ItemPDFs["item-3-ofsted-inspections"]} {
		t.Run(name, func(t *testing.T) {
			out := tool(t, pdf, "qpdf", "--check", "FILE")
			if !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

// Issue 4: an item's own PDF keeps the pack's page numbers.
func TestItemPDFKeepsPackPageNumbers(t *testing.T) {
	res := example(t)
	r := res.Pages.Items["item-3-ofsted-inspections"]
	pages := pageTexts(t, res.ItemPDFs["item-3-ofsted-inspections"])
	if len(pages) != r.Last-r.First+1 {
		t.Fatalf("item PDF has %d pages, want %d", len(pages), r.Last-r.First+1)
	}
	if want := "Page " + itoa(r.First) + " of " + itoa(res.Pages.Total); !strings.Contains(pages[0], want) {
		t.Errorf("item PDF's first page lacks %q", want)
	}
}

// An item's own PDF is titled as the item, not as the whole pack.
func TestItemPDFTitle(t *testing.T) {
	res := example(t)
	info := tool(t, res.ItemPDFs["item-3-ofsted-inspections"], "pdfinfo", "FILE")
	want := "Title:           Item 3: Ofsted inspections"
	if !strings.Contains(info, want) || !strings.Contains(info, " – ") || strings.Contains(info, "agenda pack") {
		t.Errorf("item PDF's title is not the item's:\n%s", info)
	}
}
