package post

import (
	"fmt"
	"testing"
)

// BenchmarkFinish300 finishes a 300-page layout with an outline entry and
// two links a page and a two-page appendix; issue 9 sets the pace.
func BenchmarkFinish300(b *testing.B) {
	t := &testing.T{}
	layout := makePDF(t, 300, func(i int) []string { return []string{fmt.Sprintf("Page body %d", i)} })
	appendix := makePDF(t, 2, func(int) []string { return []string{"Appendix"} })
	var outline []Outline
	var links []Link
	for p := 1; p <= 300; p++ {
		outline = append(outline, Outline{Title: fmt.Sprintf("Section %d", p), Page: p, Y: 72})
		links = append(links, Link{Page: p, Rect: Rect{72, 700, 200, 712}, DestPage: 301 - p, DestY: 72},
			Link{Page: p, Rect: Rect{72, 680, 200, 692}, URI: "https://example.org/"})
	}
	doc := Document{Title: "Bench", Created: when}
	inserts := []Insert{{AtPage: 150, Pages: 2, PDF: appendix}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Finish(layout, doc, outline, links, inserts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(300*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkMarkContent marks a page drawn as gofpdf draws a table: three
// font settings before each coloured run of text, rules between the
// rows (issue 9: marking is most of what tagging adds).
func BenchmarkMarkContent(b *testing.B) {
	page := benchPage()
	claim := func(k int, joinable bool) (textMark, bool) { return textMark{tag: "TD", mcid: k}, k%5 != 0 }
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := markContent(page, claim); err != nil {
			b.Fatal(err)
		}
	}
}

// benchPage is a page drawn as gofpdf draws a table.
func benchPage() []byte {
	var page []byte
	for row := range 40 {
		for col := range 4 {
			for range 3 {
				page = append(page, "BT /F24585a9fd624a69072d5bd24c23f122ba34ffe06 9.00 Tf ET\n"...)
			}
			page = fmt.Appendf(page, "q 0.043 0.047 0.047 rg BT %d.09 %d.91 Td <0046006f0072006d0061006c> Tj ET Q\n", 62+col*60, 767-row*15)
		}
		page = fmt.Appendf(page, "0.435 0.467 0.482 RG\n0.71 w\n56.69 %d.20 m 538.58 %d.20 l S\n0.000 G\n0.57 w\n", 785-row*15, 785-row*15)
	}
	return page
}

// BenchmarkFinishTagged finishes a 300-page layout of 30 lines a page,
// tagged (a paragraph, a list and a table a page: about 50 elements) and
// not, and cuts it into 30 items of 10 pages, as a build does. The
// layout's content is not deflated, as render/pdf lays it out, so both
// deflate every page once.
func BenchmarkFinishTagged(b *testing.B) {
	const pages, lines = 300, 30
	layout := layoutPDF(&testing.T{}, pages, func(int) []string {
		out := make([]string, lines)
		for j := range out {
			out[j] = fmt.Sprintf("Line %d of the body, long enough to be a line of a report", j+1)
		}
		return out
	}, false)
	tree := &Elem{Type: "Document"}
	for p := 1; p <= pages; p++ {
		// Text 1 is the running header; the lines are texts 2 to 31.
		para := &Elem{Type: "P"}
		for k := 2; k <= 11; k++ {
			para.Kids = append(para.Kids, Kid{Page: p, Text: k, Joins: k > 2})
		}
		list, table := &Elem{Type: "L"}, &Elem{Type: "Table"}
		for k := 12; k <= 21; k++ {
			body := &Elem{Type: "LBody", Kids: []Kid{{Page: p, Text: k}}}
			list.Kids = append(list.Kids, Kid{Elem: &Elem{Type: "LI", Kids: []Kid{{Elem: body}}}})
		}
		for k := 22; k <= 31; k++ {
			cell := &Elem{Type: "TD", Kids: []Kid{{Page: p, Text: k}}}
			table.Kids = append(table.Kids, Kid{Elem: &Elem{Type: "TR", Kids: []Kid{{Elem: cell}}}})
		}
		sect := &Elem{Type: "Sect", Kids: []Kid{{Elem: para}, {Elem: list}, {Elem: table}}}
		tree.Kids = append(tree.Kids, Kid{Elem: sect})
	}
	doc := Document{Title: "Bench", Created: when}
	for _, c := range []struct {
		name string
		tree *Elem
	}{{"tagged", tree}, {"untagged", nil}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, src, err := FinishSource(layout, doc, nil, nil, nil, c.tree)
				if err != nil {
					b.Fatal(err)
				}
				for first := 1; first <= pages; first += 10 {
					if _, err := src.ExtractTitled(first, first+9, "Item"); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
