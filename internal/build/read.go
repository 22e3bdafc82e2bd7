package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/reportpack/reportpack/internal/parallel"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/assemble"
	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/render/pdf/post"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// Size limits for the files a pack may hold; see docs/limits.md.
const (
	maxReportSize   = 5 << 20
	maxWorkbookSize = 50 << 20
	maxPDFSize      = 100 << 20
	// maxPDFPages bounds one PDF appendix: the layout leaves a page for each,
	// and a damaged or hostile file can claim millions.
	maxPDFPages = 2000
)

// packFiles reads files from inside one pack folder only: os.Root refuses
// "..", absolute paths and symlinks that lead out of it.
type packFiles struct {
	dir   string // the pack folder as the user named it, for positions
	root  *os.Root
	cache *Session // reader output kept between builds; nil reads every file
}

func openPack(dir string) (*packFiles, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &packFiles{dir: dir, root: root}, nil
}

func (pf *packFiles) close() { pf.root.Close() }

// display is the path of a pack file as messages show it.
func (pf *packFiles) display(rel string) string { return path.Join(pf.dir, rel) }

// read returns a pack file's contents, or records why it cannot.
func (pf *packFiles) read(rel string, limit int64, what string, at diag.Pos, diags *diag.List) ([]byte, bool) {
	if rel == "" || path.IsAbs(rel) || strings.HasPrefix(path.Clean(rel), "..") {
		diags.Errorf(at, "the %s %q is outside the pack folder", what, rel).
			WithHint("put the file inside %s and give its path from there, such as \"appendices/plan.xlsx\"", pf.dir)
		return nil, false
	}
	info, err := pf.root.Stat(rel)
	if err == nil && !info.Mode().IsRegular() {
		err = errNotFile(info)
	}
	if err == nil && info.Size() > limit {
		diags.Errorf(at, "the %s %q is %s, more than the limit of %s", what, rel, megabytes(info.Size()), megabytes(limit)).
			WithHint("see docs/limits.md; split or compress the file")
		return nil, false
	}
	var data []byte
	if err == nil {
		data, err = pf.root.ReadFile(rel)
	}
	if err != nil {
		diags.Errorf(at, "cannot read the %s %q: %s", what, rel, readProblem(err)).
			WithHint("check the file name and that the file is inside %s", pf.dir)
		return nil, false
	}
	return data, true
}

// errNotFile says why a path that is not a regular file cannot be read:
// reading a folder fails and reading a named pipe or device may never end.
func errNotFile(info fs.FileInfo) error {
	if info.IsDir() {
		return errors.New("it is a folder, not a file")
	}
	return errors.New("it is not an ordinary file")
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// readProblem says in plain words why a file could not be read.
func readProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "there is no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case strings.Contains(err.Error(), "escapes"):
		return "it leads outside the pack folder (a link or \"..\")"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readInputs runs every reader over a pack: pack.toml, then the reports and
// the workbooks and PDFs their appendices name, on every core and merged
// in pack.toml's order (readeach.go).
func readInputs(pf *packFiles) (assemble.Inputs, diag.List) {
	in, diags := readConfig(pf)
	cfg := in.Config
	r := newReads(pf, cfg, scale.NewRegistry(assemble.Scales(cfg.Scales)))
	items := make([]itemRead, len(cfg.Items))
	parallel.For(len(cfg.Items), func(i int) {
		if it := cfg.Items[i]; it.Report != "" {
			items[i] = r.item(it)
		}
	})
	for i, it := range cfg.Items {
		if it.Report != "" {
			r.merge(items[i], it.Report, &in, &diags)
		}
	}
	return in, diags
}

// readConfig reads pack.toml into empty Inputs.
func readConfig(pf *packFiles) (assemble.Inputs, diag.List) {
	var diags diag.List
	cfg, d := config.Load(pf.root.FS(), ".")
	fixPaths(d, pf.dir)
	cfg.File = pf.display(config.FileName)
	for i := range cfg.Items {
		cfg.Items[i].Pos.File = cfg.File
	}
	diags.Append(d)
	diags.Append(checkColumns(cfg))
	return assemble.Inputs{
		Slug:    path.Base(path.Clean(pf.dir)),
		Config:  cfg,
		Reports: map[string]*report.Report{},
		Plans:   map[string]*report.ActionPlan{},
		PDFs:    map[string][]byte{},
	}, diags
}

// fixPaths rewrites positions in pack.toml diagnostics from the pack-relative
// name the reader saw to the path the user typed.
func fixPaths(diags diag.List, dir string) {
	for i := range diags {
		if diags[i].Pos.File != "" {
			diags[i].Pos.File = path.Join(dir, diags[i].Pos.File)
		}
	}
}

// readAppendices reads the files one report's appendices name into in, as
// readInputs does for each report, but on the calling goroutine alone: the
// workbook stage's benchmark times it.
func readAppendices(pf *packFiles, rep *report.Report, cfg config.Pack, reg *scale.Registry, in *assemble.Inputs) diag.List {
	r := newReads(pf, cfg, reg)
	var diags diag.List
	for _, a := range r.appendices(rep) {
		r.mergeAppendix(a, in, &diags)
	}
	return diags
}

// ratingScale is the scale action plans are rated on: RAG unless the pack's
// house style says BRAG or names a scale of its own.
func ratingScale(reg *scale.Registry, cfg config.Pack) report.Scale {
	name := cfg.Style.Ratings
	if name == "" {
		name = "rag"
	}
	sc, ok := reg.Lookup(name)
	if !ok {
		sc, _ = reg.Lookup("rag")
	}
	return sc
}

// checkColumns reports [columns] keys that name no action-plan column:
// an alias for a column reportpack does not read would be ignored.
func checkColumns(cfg config.Pack) diag.List {
	var diags diag.List
	known := actionplan.Keys()
	for _, key := range sortedKeys(cfg.Columns) {
		if slices.Contains(known, key) {
			continue
		}
		pos := diag.Pos{File: cfg.File, Line: cfg.ColumnLines[key], Col: 1}
		diags.Errorf(pos, "[columns] names %q, which is not an action-plan column", key).
			WithHint("the columns are %s", strings.Join(known, ", "))
	}
	return diags
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkPDF reads a PDF appendix's page count before layout, so that a
// damaged, encrypted or enormous file is an error at the front matter that
// attaches it rather than a failure in the middle of the PDF.
func checkPDF(a *report.Appendix, data []byte, diags *diag.List) bool {
	n, err := pdfPages(data)
	switch {
	case err != nil:
		diags.Errorf(a.Pos, "the PDF appendix %q cannot be read: %s", a.Source, strings.TrimPrefix(err.Error(), "reading PDF: ")).
			WithHint("open it in a PDF reader and save or print it to a new PDF; remove any password")
		return false
	case n > maxPDFPages:
		diags.Errorf(a.Pos, "the PDF appendix %q has %d pages, more than the limit of %d", a.Source, n, maxPDFPages).
			WithHint("see docs/limits.md; publish a document that long separately and link to it")
		return false
	}
	return true
}

// pdfPages counts a PDF's pages, turning a panic in the PDF library over a
// damaged file into an error.
func pdfPages(data []byte) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, fmt.Errorf("the file is damaged (%v)", r)
		}
	}()
	return post.PageCount(data)
}
