package html

import (
	"bytes"
	"testing"

	"github.com/reportpack/reportpack/internal/report"
)

// Issue 9: serve's preview re-renders only pages whose data changed, and
// writes what Render writes.
func TestRenderReusingMatchesRender(t *testing.T) {
	th := defaultTheme(t)
	p := seedPack()
	var keep Reuse
	if err := RenderReusing(memWriter{}, p, th, report.Pages{}, &keep); err != nil {
		t.Fatal(err)
	}
	if keep.Reused != 0 {
		t.Errorf("first render reused %d pages", keep.Reused)
	}
	tests := []struct {
		name       string
		edit       func(p *report.Pack)
		wantReused func(pages int) bool
	}{
		{"nothing changed reuses every page", func(*report.Pack) {}, func(n int) bool { return keep.Reused == n }},
		{"an edited report is rendered again", func(p *report.Pack) {
			for _, it := range p.Items {
				if it.Report != nil {
					it.Report.Title += " (revised)"
					return
				}
			}
		}, func(n int) bool { return keep.Reused < n }},
		{"a new committee name renders every page", func(p *report.Pack) { p.Committee = "Scrutiny Board" }, func(int) bool { return keep.Reused == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := seedPack()
			tt.edit(p)
			got, want := memWriter{}, memWriter{}
			if err := RenderReusing(got, p, th, report.Pages{}, &keep); err != nil {
				t.Fatal(err)
			}
			if err := Render(want, p, th, report.Pages{}); err != nil {
				t.Fatal(err)
			}
			pages := 0
			for _, name := range want.names() {
				if !bytes.Equal(got[name], want[name]) {
					t.Errorf("%s differs from Render's", name)
				}
				if len(name) > 5 && name[len(name)-5:] == ".html" {
					pages++
				}
			}
			if !tt.wantReused(pages) {
				t.Errorf("reused %d of %d pages", keep.Reused, pages)
			}
		})
	}
}
