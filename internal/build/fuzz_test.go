package build

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/assemble"
	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/narrative"
	"github.com/reportpack/reportpack/internal/render/html"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
	"github.com/reportpack/reportpack/internal/theme"
)

// fuzzPack is the pack.toml around the fuzzed report.
const fuzzPack = `council = "Testshire County Council"
committee = "Audit Committee"
issued = 2026-03-02
[meeting]
date = 2026-03-12
[[item]]
title = "Apologies"
[[item]]
report = "r.md"
`

// FuzzPipeline feeds one report file through every stage after the readers
// that works on its text, numbering, cross-references, computed text and
// data tables from the example's workbook, then the HTML renderer: no input
// may panic or hang, every problem names the file, and a report without
// errors must render (issue 7). The PDF stage is left out for speed; its
// input is the same model.
func FuzzPipeline(f *testing.F) {
	for _, p := range []string{examplePack + "/ofsted-inspections.md", "../narrative/testdata/seed.md"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("+++\ntitle = \"T\"\nreport_of = \"R\"\n[[appendices]]\nid = \"plan\"\ntitle = \"P\"\nfile = \"action-plan.xlsx\"\n+++\n# A {#a}\n\nSee [@a; @plan]. {{count plan filter=\"rating=Red\"}}\n"))
	workbook, err := os.ReadFile(filepath.Join(examplePack, "action-plan.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	cfg, diags := config.Load(fstest.MapFS{"pack.toml": {Data: []byte(fuzzPack)}}, ".")
	th, err := theme.Load("")
	if err != nil || diags.HasErrors() {
		f.Fatalf("setting up: %v %s", err, diags.Format())
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, diags := fuzzModel(cfg, src, workbook)
		for _, d := range diags {
			if d.Pos.File == "" && d.Pos.Sheet == "" {
				t.Fatalf("a problem without a file: %v", d)
			}
		}
		if diags.HasErrors() {
			return
		}
		if err := html.Render(newStaging(), m.public, th, report.Pages{}); err != nil {
			t.Fatalf("a report without errors does not render: %v", err)
		}
	})
}

// fuzzModel reads src as the pack's one report, with workbook standing in
// for every workbook appendix it names, and finishes the model.
func fuzzModel(cfg config.Pack, src, workbook []byte) (finished, diag.List) {
	in := assemble.Inputs{Slug: "fuzz", Config: cfg, Reports: map[string]*report.Report{},
		Plans: map[string]*report.ActionPlan{}, PDFs: map[string][]byte{}}
	rep, diags := narrative.Read("r.md", src)
	in.Reports["r.md"] = rep
	reg := scale.NewRegistry(assemble.Scales(cfg.Scales))
	for _, a := range rep.Appendices {
		if a.Kind != report.AppendixWorkbook {
			continue
		}
		plan, d := actionplan.Read(a.Source, workbook, a.Sheet, actionplan.Options{Scale: ratingScale(reg, cfg)})
		diags.Append(d)
		in.Plans[assemble.PlanKey(a.Source, a.Sheet)] = plan
	}
	m, d := finish(in, nil)
	return m, append(diags, d...)
}
