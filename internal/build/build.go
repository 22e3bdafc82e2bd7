// Package build runs the pipeline's stages in order for each pack: read,
// assemble, number, rate, render, write. It owns the disk and the clock; the
// stages it calls are plain functions over the model and see neither.
package build

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/reportpack/reportpack/internal/assemble"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/number"
	"github.com/reportpack/reportpack/internal/rag"
	"github.com/reportpack/reportpack/internal/render/html"
	"github.com/reportpack/reportpack/internal/render/pdf"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
	"github.com/reportpack/reportpack/internal/theme"
)

// Options says what to build and where.
type Options struct {
	OutRoot    string     // output root; each pack goes to OutRoot/<pack>/
	ThemesDir  string     // the project's themes folder; may not exist
	Now        *time.Time // SOURCE_DATE_EPOCH when set; else each pack's date of issue
	LargePrint bool       // also write the large-print edition
	CheckOnly  bool       // validate; write nothing
}

// Result describes one pack's build.
type Result struct {
	Pack     string        // the pack folder
	Out      string        // the output folder; empty when nothing was written
	Items    int           // agenda items
	Reports  int           // items with a report
	Pages    int           // pages in the PDF pack
	Files    []string      // public files written, relative to Out
	Diags    diag.List     // every problem found, sorted
	Duration time.Duration // wall time of the build
}

// Pack builds one pack folder. Content problems are returned in
// Result.Diags; err is for failures that are not the content's fault.
func Pack(dir string, opts Options) (res Result, err error) {
	start := time.Now()
	res.Pack = dir
	p, diags := Model(dir)
	res.Diags = diags
	defer func() { res.Diags.Sort(); res.Duration = time.Since(start) }()
	if p == nil || diags.HasErrors() {
		return res, nil
	}
	res.Items, res.Reports = countItems(p)
	if opts.CheckOnly {
		return res, nil
	}
	out := newStaging()
	pages, err := render(p, dir, opts, out)
	if err != nil {
		return res, err
	}
	res.Pages = pages
	res.Out = filepath.Join(opts.OutRoot, p.Slug)
	res.Files = out.names()
	return res, out.commit(res.Out)
}

// Model reads a pack folder and returns its finished model: read, assembled,
// numbered and rated. It returns nil when the pack cannot be read at all.
func Model(dir string) (*report.Pack, diag.List) {
	pf, err := openPack(dir)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{File: dir}, "cannot open the pack folder: %s", readProblem(err)).
			WithHint("name a folder that holds a pack.toml")
		return nil, diags
	}
	defer pf.close()
	in, diags := readInputs(pf)
	p, d := assemble.Pack(in)
	diags.Append(d)
	// Number and rate even after errors, so that one run reports every
	// problem; those stages work on whatever the readers managed to read.
	diags.Append(number.Assign(p))
	diags.Append(rag.Summarise(p, scale.NewRegistry(p.Scales)))
	return p, diags
}

// render lays out the PDF first, because the HTML agenda quotes its page
// numbers, then writes the HTML with the same page map.
func render(p *report.Pack, dir string, opts Options, out *staging) (int, error) {
	th, err := theme.Load(p.Theme, themeDirs(dir, opts.ThemesDir)...)
	if err != nil {
		return 0, fmt.Errorf("loading theme %q: %w", p.Theme, err)
	}
	now := p.Issued
	if opts.Now != nil {
		now = opts.Now.UTC()
	}
	res, err := pdf.Render(p, th, pdf.Options{Now: now})
	if err != nil {
		return 0, fmt.Errorf("laying out the PDF pack: %w", err)
	}
	out.WriteFile(p.Slug+".pdf", res.PDF)
	for slug, data := range res.ItemPDFs {
		out.WriteFile(res.Pages.Files[slug], data)
	}
	if opts.LargePrint {
		lp, err := pdf.Render(p, th, pdf.Options{Now: now, LargePrint: true, NoItemPDFs: true})
		if err != nil {
			return 0, fmt.Errorf("laying out the large-print PDF: %w", err)
		}
		out.WriteFile(p.Slug+"-large-print.pdf", lp.PDF)
	}
	if err := html.Render(out, p, th, res.Pages); err != nil {
		return 0, fmt.Errorf("writing the HTML pack: %w", err)
	}
	return res.Pages.Total, nil
}

// themeDirs lists where themes are looked for: the pack's own themes/
// folder first, then the project's.
func themeDirs(dir, project string) []fs.FS {
	var dirs []fs.FS
	for _, d := range []string{filepath.Join(dir, "themes"), project} {
		if d == "" {
			continue
		}
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			dirs = append(dirs, os.DirFS(d))
		}
	}
	return dirs
}

func countItems(p *report.Pack) (items, reports int) {
	for _, it := range p.Items {
		if it.Report != nil {
			reports++
		}
	}
	return len(p.Items), reports
}

// Discover lists the pack folders under root: each folder with a pack.toml,
// in name order.
func Discover(root string) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(root, "*", "pack.toml"))
	if err != nil {
		return nil, err
	}
	dirs := make([]string, len(matches))
	for i, m := range matches {
		dirs[i] = path.Dir(filepath.ToSlash(m))
	}
	return dirs, nil
}
