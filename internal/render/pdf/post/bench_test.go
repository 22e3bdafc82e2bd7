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
