// Package packgen generates synthetic committee packs for benchmarks. It
// sits outside the build pipeline: cmd/packgen and the benchmarks in
// internal/build call Write to make a pack folder in reportpack's format
// (pack.toml, reports in Markdown, one action-plan workbook per report)
// and the same text as one plain Markdown file, pack.md, for other tools.
// The output depends only on the Size: the same size gives byte-identical
// files.
package packgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/actionplan"
)

// Size is how big a generated pack is.
type Size struct {
	Reports int // agenda items with a report
	Rows    int // rows in each report's action plan
}

// Presets are the sizes the benchmarks use: S (one report, about 10 PDF
// pages), M (about 300 pages) and L (about 1,200 pages).
var Presets = map[string]Size{
	"S": {Reports: 1, Rows: 18},
	"M": {Reports: 30, Rows: 18},
	"L": {Reports: 120, Rows: 18},
}

// PackMD is the name of the plain Markdown copy of a generated pack.
const PackMD = "pack.md"

// Files returns the files of a generated pack, by slash-separated name.
func Files(s Size) (map[string][]byte, error) {
	if s.Reports < 1 || s.Rows < 1 {
		return nil, fmt.Errorf("a pack needs at least one report and one row, not %d and %d", s.Reports, s.Rows)
	}
	files := map[string][]byte{}
	docs := make([]*doc, s.Reports)
	for i := range docs {
		d := newDoc(i+1, s.Rows)
		docs[i] = d
		files[d.slug+".md"] = reportMarkdown(d)
		var buf bytes.Buffer
		if err := actionplan.WritePlan(&buf, "Actions", d.planHeader, d.plan); err != nil {
			return nil, fmt.Errorf("writing the action plan of %s: %w", d.slug, err)
		}
		files[d.slug+"-plan.xlsx"] = buf.Bytes()
	}
	files["pack.toml"] = packTOML(docs)
	files[PackMD] = packMarkdown(docs)
	return files, nil
}

// Write generates a pack of size s into dir, creating it if need be.
func Write(dir string, s Size) error {
	files, err := Files(s)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(n)), files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// procedural are the agenda items before the reports.
var procedural = [][2]string{
	{"apologies", "Apologies for absence and substitutes"},
	{"declarations", "Declarations of interest"},
	{"minutes", "Minutes of the last meeting"},
}

func packTOML(docs []*doc) []byte {
	var b strings.Builder
	b.WriteString(`# A synthetic pack made by cmd/packgen for benchmarks.
council = "Exampleshire County Council"
committee = "Children's Services Scrutiny Committee"
issued = 2026-03-04
illustrative = "This pack is synthetic: it was generated for benchmarks."

[meeting]
date = 2026-03-12
time = "5.30 pm"
venue = "Council Chamber, County Hall"

[membership]
chair = "Councillor Ellen Hartley"
vice_chair = "Councillor David Okafor"
members = ["Councillor Margaret Ainsley", "Councillor Peter Brannigan", "Councillor Susan Carr"]

[clerk]
name = "Karen Whitfield"
role = "Scrutiny Officer"
phone = "01632 960 004"
email = "karen.whitfield@example.gov.uk"

[glossary]
RAG = "Red, Amber, Green"
`)
	for _, p := range procedural {
		fmt.Fprintf(&b, "\n[[item]]\nid = %q\ntitle = %q\n", p[0], p[1])
	}
	for _, d := range docs {
		fmt.Fprintf(&b, "\n[[item]]\nid = %q\nreport = %q\n", d.slug, d.slug+".md")
	}
	return []byte(b.String())
}

// packMarkdown is the whole pack as one plain Markdown file: front sheet,
// agenda, then every report with its numbers written out.
func packMarkdown(docs []*doc) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Children's Services Scrutiny Committee, 12 March 2026\nlang: en-GB\n---\n\n")
	b.WriteString("Exampleshire County Council\n\nThursday 12 March 2026 at 5.30 pm, Council Chamber, County Hall\n\n")
	b.WriteString("# Agenda\n\n")
	for i, p := range procedural {
		fmt.Fprintf(&b, "%d. %s\n", i+1, p[1])
	}
	for i, d := range docs {
		fmt.Fprintf(&b, "%d. %s: %s\n", len(procedural)+i+1, d.title, d.purpose)
	}
	b.WriteString("\n")
	for i, d := range docs {
		plainReport(&b, len(procedural)+i+1, d)
	}
	return []byte(b.String())
}
