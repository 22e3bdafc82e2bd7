// Package html renders a numbered, summarised report.Pack as the HTML
// committee pack: a meeting page (front sheet and agenda), one page per
// report item, and the theme's assets. It is the last stage of the
// pipeline: build calls it after pdf.Render, passing the PDF's page map so
// that the agenda quotes the same page numbers as the PDF.
//
// Pages are written through html/template, so every string from the pack
// is escaped; the report content of a theme that keeps the default's
// templates for it is written by Go code that escapes exactly as those
// templates do (direct.go). Links are limited to http, https, mailto, tel,
// in-page anchors and the pack's own files. Like every renderer it reads no clock,
// environment or disk: the pack, theme and pages arrive as arguments and
// the files leave through a Writer.
package html

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"path"

	"github.com/reportpack/reportpack/internal/parallel"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

// Writer receives the output files. Names are slash-separated and relative
// to the pack's output folder: "index.html", "assets/style.css".
type Writer interface {
	WriteFile(name string, data []byte) error
}

// IndexFile is the meeting page's file name.
const IndexFile = "index.html"

// Render writes the meeting page, a page for every report item and the
// theme's assets (with assets/theme.css generated from theme.toml).
func Render(out Writer, p *report.Pack, th *theme.Theme, pages report.Pages) error {
	r, err := newRenderer(p, th, pages, true)
	if err != nil {
		return err
	}
	return r.writePages(out)
}

// writePages writes the meeting page, the item pages and the assets.
func (r *renderer) writePages(out Writer) error {
	jobs, slugErr := r.pageJobs()
	r.renderPages(jobs)
	for i := range jobs {
		if err := r.writePage(out, &jobs[i]); err != nil {
			return err
		}
	}
	if slugErr != nil {
		return slugErr
	}
	return r.writeAssets(out)
}

// pageJob is one page: its file, template and data, and once rendered its
// bytes or the error.
type pageJob struct {
	name   string
	t      *template.Template
	data   page
	sum    [sha256.Size]byte // for RenderReusing
	reused bool              // out is the last render's
	out    []byte
	err    error
}

// pageJobs lists the pages in the order they are written, the meeting
// page first, up to the first item whose slug is not a safe file name
// (returned as the error, after the pages before it are written). For
// RenderReusing it takes unchanged pages from the last render.
func (r *renderer) pageJobs() ([]pageJob, error) {
	jobs := []pageJob{{name: IndexFile, t: r.index, data: r.meetingPage()}}
	var err error
	for i, it := range r.pack.Items {
		if !hasPage(it) {
			continue
		}
		if fileURL(itemFile(it)) == "" {
			err = fmt.Errorf("html: item %d: slug %q is not a safe file name", it.Number, it.Slug)
			break
		}
		jobs = append(jobs, pageJob{name: itemFile(it), t: r.item, data: r.itemPage(i)})
	}
	if r.keep != nil {
		for i := range jobs {
			j := &jobs[i]
			j.out, j.sum, j.reused = r.cached(j.name, j.data)
		}
	}
	return jobs, err
}

// renderPages executes the templates for the pages not reused, on every
// core: each page is rendered from its own data into its own slot, so the
// bytes and the order they are written in do not depend on the scheduling.
func (r *renderer) renderPages(jobs []pageJob) {
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		if j.reused {
			return
		}
		var buf bytes.Buffer
		if j.err = j.t.ExecuteTemplate(&buf, "layout", j.data); j.err == nil {
			j.out = buf.Bytes()
		}
	})
}

// renderer holds what every page needs.
type renderer struct {
	pack  *report.Pack
	th    *theme.Theme
	pages report.Pages
	index *template.Template
	item  *template.Template
	// For RenderReusing: the last render's pages, this one's, the digest
	// every page shares and the digester; keep is nil for Render.
	keep   *Reuse
	fresh  map[string]reusedPage
	shared [sha256.Size]byte
	dig    *digester
}

// newRenderer parses the theme's templates; direct is false only in tests
// that compare the Go code for report content with the templates.
func newRenderer(p *report.Pack, th *theme.Theme, pages report.Pages, direct bool) (*renderer, error) {
	if p == nil || th == nil || th.Files == nil {
		return nil, fmt.Errorf("html: pack and theme are required")
	}
	index, item, err := parseTemplates(th.Files, direct)
	if err != nil {
		return nil, err
	}
	return &renderer{pack: p, th: th, pages: pages, index: index, item: item}, nil
}

// writePage writes a rendered or reused page, and keeps it for the next
// RenderReusing.
func (r *renderer) writePage(out Writer, j *pageJob) error {
	if j.reused {
		return out.WriteFile(j.name, j.out)
	}
	if j.err != nil {
		return fmt.Errorf("html: rendering %s: %w", j.name, j.err)
	}
	if r.keep != nil {
		r.fresh[j.name] = reusedPage{sum: j.sum, data: bytes.Clone(j.out)}
	}
	if err := out.WriteFile(j.name, j.out); err != nil {
		return fmt.Errorf("html: writing %s: %w", j.name, err)
	}
	return nil
}

// writeAssets copies the theme's assets/ and writes the generated theme.css.
func (r *renderer) writeAssets(out Writer) error {
	err := fs.WalkDir(r.th.Files, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == themeCSS {
			return err
		}
		data, err := fs.ReadFile(r.th.Files, p)
		if err != nil {
			return err
		}
		return out.WriteFile(path.Clean(p), data)
	})
	if err != nil {
		return fmt.Errorf("html: copying theme assets: %w", err)
	}
	return out.WriteFile(themeCSS, themeStylesheet(r.th, r.pack))
}

// hasPage reports whether an agenda item gets its own page: report items
// do (an exempt one's public page is a notice); procedural items (apologies, declarations, minutes) are fully shown
// on the agenda, as council websites show them.
func hasPage(it *report.Item) bool {
	return it.Kind == report.ReportItem && (it.Report != nil || it.Withheld)
}

// itemFile is the file name of an item's page.
func itemFile(it *report.Item) string { return it.Slug + ".html" }
