package build

import (
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/assemble"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/narrative"
	"github.com/reportpack/reportpack/internal/packgen"
	"github.com/reportpack/reportpack/internal/packtest"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// troublePack writes a generated pack of eight reports whose items and
// appendices share, repeat and break files in the ways that make the order
// of reading matter, and returns its folder.
func troublePack(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack")
	if err := packgen.Write(dir, packgen.Size{Reports: 8, Rows: 5}); err != nil {
		t.Fatal(err)
	}
	edit := func(file, old, new string) {
		t.Helper()
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", file, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(file string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, file), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Items: a missing report named twice, a report named three times (once
	// spelt differently), a report whose front matter never closes.
	data, err := os.ReadFile(filepath.Join(dir, "pack.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for i, rep := range []string{"missing.md", "report-002.md", "./report-002.md", "missing.md", "report-008.md"} {
		data = append(data, []byte("\n[[item]]\nid = \"again-"+string(rune('a'+i))+"\"\nreport = \""+rep+"\"\n")...)
	}
	write("pack.toml", data)
	write("report-008.md", []byte("+++\ntitle = \"Never closed\"\n"))
	// Workbooks: one that is text, shared by two reports; one shared as a
	// current and a previous plan; a missing one named twice; a sheet that
	// is not there.
	write("report-001-plan.xlsx", []byte("ref,area\n"))
	edit("report-002.md", `file = "report-002-plan.xlsx"`, `file = "report-001-plan.xlsx"`)
	edit("report-003.md", `file = "report-003-plan.xlsx"`, "file = \"report-003-plan.xlsx\"\nprevious = \"report-004-plan.xlsx\"")
	edit("report-005.md", `file = "report-005-plan.xlsx"`, `file = "gone.xlsx"`)
	edit("report-006.md", `file = "report-006-plan.xlsx"`, `file = "gone.xlsx"`)
	edit("report-007.md", `sheet = "Actions"`, `sheet = "Nope"`)
	// PDFs: a damaged one and a good one, each attached to two reports.
	write("bad.pdf", []byte("%PDF-1.4 nothing else"))
	write("good.pdf", packtest.BlankPDF(2))
	for _, rep := range []string{"report-003.md", "report-004.md"} {
		edit(rep, "[[appendices]]\nid = \"background\"",
			"[[appendices]]\nid = \"bad\"\ntitle = \"Bad\"\nfile = \"bad.pdf\"\n\n[[appendices]]\nid = \"good\"\ntitle = \"Good\"\nfile = \"good.pdf\"\n\n[[appendices]]\nid = \"background\"")
	}
	return filepath.ToSlash(dir)
}

// Issue 9: the reports are read on every core, and the result is what
// reading them one after another gives, problems in the same order, and
// the files a Session parses listed in that order, however the goroutines
// run.
func TestReadInputsAsOneAfterAnother(t *testing.T) {
	dir := troublePack(t)
	pf, err := openPack(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.close()
	want, wantDiags, wantParsed := readOneByOne(pf)
	if len(wantDiags) < 9 {
		t.Fatalf("the pack should have many problems, has:\n%s", wantDiags.Format())
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		for range 3 {
			in, diags := readInputs(pf)
			checkSameRead(t, in, diags, want, wantDiags)
		}
		s := NewSession()
		pf.cache = s
		for run, parsed := range [][]string{wantParsed, nil} {
			s.startRead()
			in, diags := readInputs(pf)
			checkSameRead(t, in, diags, want, wantDiags)
			if got := s.Parsed(); !slices.Equal(got, parsed) {
				t.Errorf("GOMAXPROCS %d, build %d: parsed\n%q\nwant\n%q", procs, run+1, got, parsed)
			}
		}
		pf.cache = nil
	}
}

func checkSameRead(t *testing.T, in assemble.Inputs, diags diag.List, want assemble.Inputs, wantDiags diag.List) {
	t.Helper()
	if !reflect.DeepEqual(diags, wantDiags) {
		t.Fatalf("problems\n%s\nwant\n%s", diags.Format(), wantDiags.Format())
	}
	if !reflect.DeepEqual(in, want) {
		t.Fatal("the inputs differ from reading one report after another")
	}
	seen := map[*report.Report]string{}
	for name, rep := range in.Reports {
		if other, ok := seen[rep]; ok {
			t.Fatalf("reports %q and %q share one model", name, other)
		}
		seen[rep] = name
	}
}

// readOneByOne is readInputs as it was before it used every core: each
// report, then its appendices, one after another. It also returns the
// files a new Session would list as parsed.
func readOneByOne(pf *packFiles) (assemble.Inputs, diag.List, []string) {
	in, diags := readConfig(pf)
	cfg := in.Config
	opts := actionplan.Options{Scale: ratingScale(scale.NewRegistry(assemble.Scales(cfg.Scales)), cfg), Aliases: cfg.Columns}
	var parsed []string
	seen := map[string]bool{}
	parse := func(key, file string) {
		if !seen[key] {
			seen[key] = true
			parsed = append(parsed, file)
		}
	}
	readPlan := func(file, sheet string, at diag.Pos) {
		key := assemble.PlanKey(file, sheet)
		if _, done := in.Plans[key]; done {
			return
		}
		data, ok := pf.read(file, maxWorkbookSize, "workbook", at, &diags)
		if !ok {
			return
		}
		parse(pf.display(file)+"#"+sheet, pf.display(file))
		plan, d := actionplan.Read(pf.display(file), data, sheet, opts)
		diags.Append(d)
		plan.Workbook = path.Clean(file)
		in.Plans[key] = plan
	}
	for _, it := range cfg.Items {
		if it.Report == "" || in.Reports[it.Report] != nil {
			continue
		}
		src, ok := pf.read(it.Report, maxReportSize, "report", it.Pos, &diags)
		if !ok {
			continue
		}
		parse(pf.display(it.Report), pf.display(it.Report))
		rep, d := narrative.Read(pf.display(it.Report), src)
		diags.Append(d)
		if rep == nil {
			continue
		}
		in.Reports[it.Report] = rep
		for _, a := range rep.Appendices {
			switch a.Kind {
			case report.AppendixPDF:
				if _, done := in.PDFs[a.Source]; !done {
					if data, ok := pf.read(a.Source, maxPDFSize, "PDF appendix", a.Pos, &diags); ok && checkPDF(a, data, &diags) {
						in.PDFs[a.Source] = data
					}
				}
			case report.AppendixWorkbook:
				readPlan(a.Source, a.Sheet, a.Pos)
				if a.Previous != "" {
					readPlan(a.Previous, a.Sheet, a.Pos)
				}
			}
		}
	}
	return in, diags, parsed
}
