package html

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sort"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

// Reuse keeps the pages of one render for the next, so that serve's
// preview executes the templates only for pages whose data changed since
// (issue 9: rendering every page was nearly half of a preview of the M
// pack). A page is reused when a digest of everything it is given is the
// same: its own view (the item, its report as finished, its neighbours and
// page numbers), the pack's own fields and agenda, and the theme. The one
// thing not in the digest is the body of other items' reports, which the
// default templates never reach through .Pack; a theme whose templates do
// may show them stale in a preview, never in a full Render. The zero value
// is ready to use; a Reuse serves one pack at a time.
type Reuse struct {
	pages map[string]reusedPage // by file name
	// Reused counts the pages the last RenderReusing took from the last.
	Reused int
}

type reusedPage struct {
	sum  [sha256.Size]byte
	data []byte
}

// RenderReusing is Render taking unchanged pages from keep, which it then
// updates. Its output is Render's for the same arguments.
func RenderReusing(out Writer, p *report.Pack, th *theme.Theme, pages report.Pages, keep *Reuse) error {
	r, err := newRenderer(p, th, pages, true)
	if err != nil {
		return err
	}
	r.keep, r.fresh = keep, map[string]reusedPage{}
	if r.shared, err = sharedSum(p, th); err != nil {
		return err
	}
	keep.Reused = 0
	r.dig = newDigester()
	if err := r.writePages(out); err != nil {
		return err
	}
	keep.pages = r.fresh
	return nil
}

// cached returns the last render's bytes of page name when its data is
// unchanged, and records the page's digest for the next render.
func (r *renderer) cached(name string, data page) ([]byte, [sha256.Size]byte, bool) {
	data.Pack = nil // its fields are in r.shared
	sum := r.dig.sum(r.shared, name, data)
	old, ok := r.keep.pages[name]
	if ok && old.sum == sum {
		r.keep.Reused++
		r.fresh[name] = old
		return old.data, sum, true
	}
	return nil, sum, false
}

// sharedSum digests what every page may show besides its own view: the
// pack without its reports' content, and the theme with its templates.
func sharedSum(p *report.Pack, th *theme.Theme) ([sha256.Size]byte, error) {
	pack := *p
	pack.Items = make([]*report.Item, len(p.Items))
	for i, it := range p.Items {
		c := *it
		c.Report = nil
		pack.Items[i] = &c
	}
	look := *th
	look.Files = nil
	h := sha256.New()
	d := newDigester()
	packSum, lookSum := d.digest(pack), d.digest(look)
	h.Write(packSum[:])
	h.Write(lookSum[:])
	names, err := fs.Glob(th.Files, "templates/*.html")
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := fs.ReadFile(th.Files, n)
		if err != nil {
			return [sha256.Size]byte{}, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(data))
		h.Write(data)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum, nil
}
