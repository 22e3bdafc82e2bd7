package pdf

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/reportpack/reportpack/internal/report"
)

// sequentialBuilder builds the flow item after item on one builder, as
// the layout did before items were built side by side.
func sequentialBuilder(p *report.Pack, st *style, counts map[*report.Appendix]int) *builder {
	b := &builder{st: st, pack: p, pages: report.Pages{}, counts: counts}
	b.hang = textWidth("0.0.00", regular, st.body) + mm(st.body)*1.3
	b.frontSheet()
	b.agenda()
	for _, it := range p.Items {
		b.buildItem(it)
	}
	return b
}

// Issue 9: the items' parts built on every core and joined give the flow,
// outline and ids of one builder going item after item, at any number of
// cores.
func TestPartsJoinAsSequential(t *testing.T) {
	p := bigPack(t, 6, 12)
	withheld := *p.Items[4]
	withheld.Slug, withheld.Number, withheld.Withheld, withheld.Report = "item-9-withheld", 9, true, nil
	withheld.Exempt = &report.Exemption{Paragraph: 3, Ground: "financial or business affairs"}
	p.Items = append(p.Items, &withheld, p.Items[3])
	st := newStyle(testTheme(), false)
	counts, err := appendixPages(p)
	if err != nil {
		t.Fatal(err)
	}
	want := sequentialBuilder(p, st, counts)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, n := range []int{1, 2, 3, 8} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			runtime.GOMAXPROCS(n)
			got := newBuilder(p, st, counts, report.Pages{}, false)
			if !reflect.DeepEqual(got.f, want.f) {
				t.Error("the joined flow differs from the sequential one")
			}
			if !reflect.DeepEqual(got.outline, want.outline) {
				t.Errorf("outline %v, want %v", got.outline, want.outline)
			}
			if got.blocks != want.blocks || got.groups != want.groups {
				t.Errorf("%d blocks and %d groups, want %d and %d", got.blocks, got.groups, want.blocks, want.groups)
			}
		})
	}
}
