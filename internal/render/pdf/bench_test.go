package pdf

import (
	"fmt"
	"testing"

	"github.com/reportpack/reportpack/internal/report"
)

// bigPack repeats the seed report n times as agenda items, for a pack of
// roughly ten pages a report.
func bigPack(tb testing.TB, n, planRows int) *report.Pack {
	p := seedPack(tb, planRows)
	seed := p.Items[2]
	for i := 1; i < n; i++ {
		it := *seed
		it.Number = 3 + i
		it.Slug = fmt.Sprintf("item-%d-report", it.Number)
		p.Items = append(p.Items, &it)
	}
	return p
}

// BenchmarkRender lays out and writes a small pack (the seed paper) and a
// generated pack of about 300 pages, reporting pages per second. The
// untagged cases measure what tagging costs (issue 10: within 20%).
func BenchmarkRender(b *testing.B) {
	big := bigPack(b, 30, 12)
	for _, c := range []struct {
		name string
		pack *report.Pack
		opts Options
	}{
		{"small", seedPack(b, 20), Options{}},
		{"300pages", big, Options{}},
		{"300pages-no-item-pdfs", big, Options{NoItemPDFs: true}},
		{"300pages-untagged", big, Options{Untagged: true}},
		{"300pages-no-item-pdfs-untagged", big, Options{NoItemPDFs: true, Untagged: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			pages := 0
			for b.Loop() {
				c.opts.Now = date(2013, 4, 8)
				res, err := Render(c.pack, testTheme(), c.opts)
				if err != nil {
					b.Fatal(err)
				}
				pages = res.Pages.Total
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkLayout lays out the generated pack of about 300 pages without
// drawing it: the sequential step in front of the HTML and the drawing
// (issue 9).
func BenchmarkLayout(b *testing.B) {
	big := bigPack(b, 30, 12)
	th := testTheme()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(big, th, Options{Now: date(2013, 4, 8)}); err != nil {
			b.Fatal(err)
		}
	}
}
