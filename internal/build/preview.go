package build

import (
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/lint"
	"github.com/reportpack/reportpack/internal/render/html"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

// serve's rebuild in two halves (issue 9). Preview writes the public HTML
// at once with the page map of the last layout, so an edit shows in the
// browser in a fraction of the PDF's time; Final then lays out the PDF
// pack and writes the HTML again with the new page map, since an edit can
// move every page after it. Final's HTML and pack PDF are what Pack
// writes for the same input. Neither writes the members' pack or the
// large-print edition; item PDFs are cut only by the first layout and
// carried over after that, so between edits they may be out of date.

// draft is a finished model ready to render: the edition serve shows.
type draft struct {
	m   finished
	p   *report.Pack
	th  *theme.Theme
	res Result // what reading found: counts and problems
}

// lastLayout is what the session's last Final left for the next Preview.
type lastLayout struct {
	pages report.Pages
	pdfs  map[string][]byte // the pack PDF and item PDFs by file name
	draft *draft            // the last Preview's model, for the Final after it
	laid  *draft            // the model the pages and PDFs are of
	// reuse holds the last HTML pages, so a preview renders only those
	// whose data changed.
	reuse *html.Reuse
}

// Preview writes the pack's public HTML into OutRoot with the last known
// page map and PDFs. Before any layout it lays out first, as Final does.
func (s *Session) Preview(dir string, opts Options) (Result, error) {
	res, out, err := s.stagePreview(dir, opts)
	if err != nil || out == nil {
		return res, err
	}
	return res, out.commit(opts.context(), res.Out)
}

// PreviewFiles is Preview kept in memory: it writes nothing and returns
// the files instead, sparing serve the disk (on the M pack, writing some
// seventy files took a third of a preview). Result.Out names the folder
// Preview would have written.
func (s *Session) PreviewFiles(dir string, opts Options) (Result, fs.FS, error) {
	res, out, err := s.stagePreview(dir, opts)
	if err != nil || out == nil {
		return res, nil, err
	}
	return res, out.fs(), nil
}

// stagePreview renders the preview into a staging area; nil when there is
// nothing to render.
func (s *Session) stagePreview(dir string, opts Options) (res Result, out *staging, err error) {
	start := time.Now()
	d, res := s.prepare(dir, opts)
	defer func() { res.Diags.Sort(); res.Duration = time.Since(start) }()
	if d == nil {
		return res, nil, nil
	}
	s.mu.Lock()
	last := s.last
	s.last.draft = d
	s.mu.Unlock()
	if last.pdfs == nil {
		return s.stageFinal(d, opts, res)
	}
	out = newStaging()
	for name, data := range last.pdfs {
		out.WriteFile(name, data)
	}
	keep := last.reuse
	if keep == nil {
		keep = &html.Reuse{}
	}
	if err := html.RenderReusing(out, d.p, d.th, last.pages, keep); err != nil {
		return res, nil, fmt.Errorf("writing the HTML pack: %w", err)
	}
	s.mu.Lock()
	s.last.reuse = keep
	s.mu.Unlock()
	return res, out, s.finishResult(out, d, opts, last.pages.Total, &res)
}

// Final lays out the PDF pack of the last Preview's model (or of the pack
// as it is now, when there was none), writes it with the HTML that quotes
// its pages, and keeps the page map for the next Preview. When that model
// is already laid out (the first Preview lays out), it writes nothing and
// returns a Result with no Out.
func (s *Session) Final(dir string, opts Options) (Result, error) {
	start := time.Now()
	s.mu.Lock()
	d, laid := s.last.draft, s.last.laid
	s.mu.Unlock()
	if d != nil && d == laid {
		return Result{Pack: dir, Items: d.res.Items, Reports: d.res.Reports}, nil
	}
	if d == nil {
		var res Result
		if d, res = s.prepare(dir, opts); d == nil {
			return res, nil
		}
	}
	res, out, err := s.stageFinal(d, opts, d.res)
	res.Duration = time.Since(start)
	if err != nil {
		return res, err
	}
	return res, out.commit(opts.context(), res.Out)
}

// stageFinal lays out and renders d; only the first layout of a session
// cuts item PDFs.
func (s *Session) stageFinal(d *draft, opts Options, res Result) (Result, *staging, error) {
	res.Diags = slices.Clone(res.Diags) // d.res's may be shared by another Final
	s.mu.Lock()
	pdfs := maps.Clone(s.last.pdfs)
	s.mu.Unlock()
	r, err := layout(d.p, d.th, opts, pdfs == nil)
	if err != nil {
		return res, nil, err
	}
	if err := opts.stopped(); err != nil {
		return res, nil, err
	}
	pdfs = laidOut(pdfs, d.p, r.PDF, r.ItemPDFs, r.Pages)
	out := newStaging()
	for name, data := range pdfs {
		out.WriteFile(name, data)
	}
	// A fresh Reuse renders every page, as Render does, and keeps them
	// for the next preview.
	keep := &html.Reuse{}
	if err := html.RenderReusing(out, d.p, d.th, r.Pages, keep); err != nil {
		return res, nil, fmt.Errorf("writing the HTML pack: %w", err)
	}
	res.Diags.Append(lint.Pages(d.p, bodyPages(d.p, r.Roles), d.m.pageLimit))
	res.Diags.Sort()
	if err := s.finishResult(out, d, opts, r.Pages.Total, &res); err != nil {
		return res, nil, err
	}
	s.mu.Lock()
	s.last.pages, s.last.pdfs, s.last.laid, s.last.reuse = r.Pages, pdfs, d, keep
	s.mu.Unlock()
	return res, out, nil
}

// laidOut updates the PDFs kept between layouts with a new pack PDF and
// any item PDFs cut from it.
func laidOut(pdfs map[string][]byte, p *report.Pack, pack []byte, items map[string][]byte, pages report.Pages) map[string][]byte {
	if pdfs == nil {
		pdfs = map[string][]byte{}
	}
	pdfs[p.Slug+".pdf"] = pack
	for slug, data := range items {
		pdfs[pages.Files[slug]] = data
	}
	return pdfs
}

// prepare reads and finishes the pack through the session's cache and
// loads its theme; it returns nil, with the problems in the Result, when
// there is nothing to render.
func (s *Session) prepare(dir string, opts Options) (*draft, Result) {
	res := Result{Pack: dir}
	m, diags := model(dir, s)
	res.Diags = diags
	if m.pack == nil || diags.HasErrors() {
		return nil, res
	}
	res.Items, res.Reports = countItems(m.pack)
	th, err := loadTheme(m.pack, dir, opts)
	if err != nil {
		res.Diags.Errorf(m.themePos, "%v", err).
			WithHint("a theme is a folder under themes/ in the pack or the project; leave theme out for the default")
		return nil, res
	}
	eds, err := editions(m, opts)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: m.pack.Pos.File}, "%v", err)
		return nil, res
	}
	return &draft{m: m, p: eds[0], th: th, res: res}, res
}

// finishResult fills in res for the staged files, unless the build was
// stopped.
func (s *Session) finishResult(out *staging, d *draft, opts Options, pages int, res *Result) error {
	if err := opts.stopped(); err != nil {
		return err
	}
	res.Out = filepath.Join(opts.OutRoot, d.p.Slug)
	res.Pages = pages
	res.Files = out.names()
	return nil
}
