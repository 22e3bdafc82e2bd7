// Package build runs the pipeline's stages in order for each pack: read,
// assemble, number, rate, render, write. It owns the disk and the clock; the
// stages it calls are plain functions over the model and see neither.
package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/reportpack/reportpack/internal/acronym"
	"github.com/reportpack/reportpack/internal/assemble"
	"github.com/reportpack/reportpack/internal/audience"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/lint"
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
	Supplement bool       // build only the supplementary pack of late and revised items
	// untagged leaves the PDF untagged: benchmarks only, to measure what
	// tagging costs (issue 10); published packs are always tagged.
	untagged bool
	// Progress, when set, is told as each step of a build begins.
	Progress func(Step)
	// Context, when set, stops the build between steps (Ctrl-C): Pack then
	// returns its error and writes nothing.
	Context context.Context
	// Session, when set, keeps the readers' output between builds so that
	// a rebuild re-reads only changed files (serve).
	Session *Session
}

// stopped returns the Context's error once the build should stop.
func (o Options) stopped() error {
	if o.Context == nil {
		return nil
	}
	return o.Context.Err()
}

func (o Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// Step is one step of a build, for progress displays: "[3/5] laying out
// the PDF".
type Step struct {
	N, Of int
	Name  string
}

// step names, in order.
var steps = []string{"reading the pack", "checking", "laying out the PDF", "writing the PDF and the HTML", "writing the files"}

func (o Options) progress(n int) {
	if o.Progress != nil {
		o.Progress(Step{N: n + 1, Of: len(steps), Name: steps[n]})
	}
}

// Result describes one pack's build.
type Result struct {
	Pack    string   // the pack folder
	Out     string   // the output folder; empty when nothing was written
	Items   int      // agenda items
	Reports int      // items with a report
	Pages   int      // pages in the PDF pack
	Files   []string // public files written, relative to Out
	// MembersOut is the members' pack folder, written only when the pack
	// has exempt content; never inside Out.
	MembersOut string
	Diags      diag.List     // every problem found, sorted
	Duration   time.Duration // wall time of the build
}

// Pack builds one pack folder. Content problems are returned in
// Result.Diags; err is for failures that are not the content's fault.
func Pack(dir string, opts Options) (res Result, err error) {
	start := time.Now()
	res.Pack = dir
	opts.progress(0)
	m, diags := model(dir, opts.Session)
	res.Diags = diags
	defer func() { res.Diags.Sort(); res.Duration = time.Since(start) }()
	if m.pack == nil || diags.HasErrors() {
		return res, nil
	}
	res.Items, res.Reports = countItems(m.pack)
	if err := opts.stopped(); err != nil {
		return res, err
	}
	if _, err := theme.Load(m.pack.Theme, themeDirs(dir, opts.ThemesDir)...); err != nil {
		res.Diags.Errorf(m.themePos, "%v", err).
			WithHint("a theme is a folder under themes/ in the pack or the project; leave theme out for the default")
		return res, nil
	}
	if opts.CheckOnly {
		return res, checkPages(m, dir, opts, &res)
	}
	eds, err := editions(m, opts)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: m.pack.Pos.File}, "%v", err).
			WithHint(`mark the late items with late = "why it is late" (or revised papers with replaces and revision) in pack.toml`)
		return res, nil
	}
	for _, ed := range eds {
		if err := buildEdition(ed, m, dir, opts, &res); err != nil {
			return res, err
		}
	}
	opts.progress(4)
	return res, nil
}

// buildEdition renders one copy of the pack and swaps it into its folder.
func buildEdition(p *report.Pack, m finished, dir string, opts Options, res *Result) error {
	out := newStaging()
	pages, body, err := render(p, dir, opts, out)
	if err != nil {
		return err
	}
	if err := opts.stopped(); err != nil {
		return err
	}
	folder := filepath.Join(opts.OutRoot, p.Slug)
	if p.Edition == report.MembersEdition {
		res.MembersOut = folder
		return out.commit(opts.context(), folder)
	}
	res.Diags.Append(lint.Pages(p, body, m.pageLimit))
	res.Pages = pages
	res.Out = folder
	res.Files = out.names()
	return out.commit(opts.context(), folder)
}

// editions lists the copies to build: always the public one, and the
// members' one when anything is exempt; with opts.Supplement, those of the
// supplementary pack. Each goes to its own folder, so
// the members' pack can never be uploaded with the public files.
func editions(m finished, opts Options) ([]*report.Pack, error) {
	full, public := m.pack, m.public
	if opts.Supplement {
		full, public = audience.Supplement(m.pack), audience.Supplement(m.public)
		if full == nil {
			return nil, fmt.Errorf("there is nothing for a supplementary pack: no item is late or revised")
		}
	}
	list := []*report.Pack{public}
	if audience.HasExempt(full) {
		list = append(list, audience.Members(full))
	}
	return list, nil
}

// checkPages lays out the PDF, writing nothing, when the pack sets a page
// limit: only the layout knows how long each report is.
func checkPages(m finished, dir string, opts Options, res *Result) error {
	if m.pageLimit <= 0 {
		return nil
	}
	opts.progress(2)
	th, err := loadTheme(m.pack, dir, opts)
	if err != nil {
		return err
	}
	r, err := layout(m.pack, th, opts, false)
	if err != nil {
		return err
	}
	res.Pages = r.Pages.Total
	res.Diags.Append(lint.Pages(m.pack, bodyPages(m.pack, r.Roles), m.pageLimit))
	return nil
}

// Model reads a pack folder and returns its finished model: read, assembled,
// numbered and rated. It returns nil when the pack cannot be read at all.
func Model(dir string) (*report.Pack, diag.List) {
	m, diags := model(dir, nil)
	return m.pack, diags
}

// finished is a pack's model and the settings later steps need.
type finished struct {
	pack      *report.Pack // everything, exempt content included
	public    *report.Pack // the public copy: exempt content withheld
	pageLimit int          // sides of A4 a report may have before its appendices; 0 = none
	themePos  diag.Pos     // where pack.toml names the theme
}

// model reads and finishes a pack; cache, when not nil, supplies the
// readers' output for files that have not changed.
func model(dir string, cache *Session) (finished, diag.List) {
	pf, err := openPack(dir)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{File: dir}, "cannot open the pack folder: %s", readProblem(err)).
			WithHint("name a folder that holds a pack.toml")
		return finished{}, diags
	}
	defer pf.close()
	pf.cache = cache
	cache.startRead()
	in, diags := readInputs(pf)
	glossary, d := readGlossary(pf, in.Config)
	diags.Append(d)
	m, d := finish(in, glossary)
	m.themePos = diag.Pos{File: in.Config.File, Line: in.Config.ThemeLine, Col: 1}
	if in.Config.ThemeLine == 0 {
		m.themePos = diag.Pos{File: in.Config.File}
	}
	return m, append(diags, d...)
}

// finish runs the stages after the readers over what they read: assemble,
// number, rate, mark acronyms, lint and the public copy.
func finish(in assemble.Inputs, glossary map[string]string) (finished, diag.List) {
	p, diags := assemble.Pack(in)
	// Number and rate even after errors, so that one run reports every
	// problem; those stages work on whatever the readers managed to read.
	diags.Append(number.Assign(p))
	diags.Append(rag.Summarise(p, scale.NewRegistry(p.Scales)))
	diags.Append(acronym.Mark(p, glossary))
	diags.Append(lint.Model(p))
	public, d := audience.Public(p)
	diags.Append(d)
	return finished{pack: p, public: public, pageLimit: in.Config.Style.PageLimit}, diags
}

// render lays out the PDF first, because the HTML agenda quotes its page
// numbers; then, the pages being fixed, it writes the HTML on one core
// while the PDF is drawn and finished on the other (issue 9). It returns
// the pack's pages and each report's pages before its appendices.
func render(p *report.Pack, dir string, opts Options, out *staging) (int, map[string]int, error) {
	opts.progress(2)
	th, err := loadTheme(p, dir, opts)
	if err != nil {
		return 0, nil, err
	}
	laid, err := pdf.Layout(p, th, pdfOptions(p, opts, true))
	if err != nil {
		return 0, nil, fmt.Errorf("laying out the PDF pack: %w", err)
	}
	opts.progress(3)
	htmlDone := make(chan error, 1)
	go func() { htmlDone <- html.Render(out, p, th, laid.Pages) }()
	res, err := laid.Write()
	if herr := <-htmlDone; err == nil && herr != nil {
		return 0, nil, fmt.Errorf("writing the HTML pack: %w", herr)
	}
	if err != nil {
		return 0, nil, fmt.Errorf("writing the PDF pack: %w", err)
	}
	out.WriteFile(p.Slug+".pdf", res.PDF)
	for slug, data := range res.ItemPDFs {
		out.WriteFile(res.Pages.Files[slug], data)
	}
	if err := opts.stopped(); err != nil {
		return 0, nil, err
	}
	if opts.LargePrint {
		lp, err := pdf.Render(p, th, pdf.Options{Now: buildNow(p, opts), LargePrint: true, NoItemPDFs: true, Context: opts.Context})
		if err != nil {
			return 0, nil, fmt.Errorf("laying out the large-print PDF: %w", err)
		}
		out.WriteFile(p.Slug+"-large-print.pdf", lp.PDF)
	}
	return res.Pages.Total, bodyPages(p, res.Roles), nil
}

// layout lays out and writes the PDF pack; itemPDFs says whether to cut
// each item's own PDF from it.
func layout(p *report.Pack, th *theme.Theme, opts Options, itemPDFs bool) (*pdf.Result, error) {
	res, err := pdf.Render(p, th, pdfOptions(p, opts, itemPDFs))
	if err != nil {
		return nil, fmt.Errorf("laying out the PDF pack: %w", err)
	}
	return res, nil
}

// pdfOptions are the PDF pack's render options.
func pdfOptions(p *report.Pack, opts Options, itemPDFs bool) pdf.Options {
	return pdf.Options{Now: buildNow(p, opts), NoItemPDFs: !itemPDFs, Untagged: opts.untagged, Context: opts.Context}
}

func loadTheme(p *report.Pack, dir string, opts Options) (*theme.Theme, error) {
	th, err := theme.Load(p.Theme, themeDirs(dir, opts.ThemesDir)...)
	if err != nil {
		return nil, fmt.Errorf("loading theme %q: %w", p.Theme, err)
	}
	return th, nil
}

// buildNow is the build's one notion of now: SOURCE_DATE_EPOCH when set,
// else the pack's date of issue.
func buildNow(p *report.Pack, opts Options) time.Time {
	if opts.Now != nil {
		return opts.Now.UTC()
	}
	return p.Issued
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
