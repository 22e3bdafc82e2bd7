package html

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/reportpack/reportpack/internal/report"
)

// goldenCase is a pack built in Go with the page map the PDF would give.
// Its expectations live in testdata/<name>.txtar: want/<page>.html holds
// the <main> region of each page. go test -update rewrites them.
type goldenCase struct {
	name  string
	pack  func() *report.Pack
	pages report.Pages
}

var goldenCases = []goldenCase{
	{"seed", seedPack, seedPages()},
	{"procedural-only", proceduralPack, report.Pages{}},
	{"unnumbered-report", unnumberedPack, report.Pages{}},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, c.pack(), c.pages)
			got := mainRegions(t, out)
			file := filepath.Join("testdata", c.name+".txtar")
			if *update {
				writeGolden(t, file, got)
				return
			}
			compareGolden(t, file, got)
		})
	}
}

// mainRegions returns the <main> element of every page, by page name.
func mainRegions(t *testing.T, out memWriter) map[string]string {
	t.Helper()
	regions := map[string]string{}
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(out[name])
		start, end := strings.Index(page, "<main"), strings.Index(page, "</main>")
		if start < 0 || end < start {
			t.Fatalf("%s has no <main> element", name)
		}
		regions[name] = page[start:end+len("</main>")] + "\n"
	}
	return regions
}

func writeGolden(t *testing.T, file string, got map[string]string) {
	t.Helper()
	ar := &txtar.Archive{Comment: []byte("The <main> region of each page. Regenerate with: go test ./internal/render/html -update\n")}
	if old, err := txtar.ParseFile(file); err == nil {
		ar.Comment = old.Comment
	}
	for _, name := range sortedKeys(got) {
		ar.Files = append(ar.Files, txtar.File{Name: "want/" + name, Data: []byte(got[name])})
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func compareGolden(t *testing.T, file string, got map[string]string) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	want := map[string]string{}
	for _, f := range ar.Files {
		want[strings.TrimPrefix(f.Name, "want/")] = string(f.Data)
	}
	for _, name := range sortedKeys(want) {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: page not rendered", name)
		} else if g != want[name] {
			t.Errorf("%s differs from %s (run go test -update and read the diff):\n%s", name, file, firstDiff(want[name], g))
		}
	}
	for _, name := range sortedKeys(got) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: rendered but not in %s", name, file)
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

func sortedKeys(m map[string]string) []string {
	w := memWriter{}
	for k := range m {
		w[k] = nil
	}
	return w.names()
}

// TestDeterministic renders the same pack twice and compares every byte.
func TestDeterministic(t *testing.T) {
	a, b := render(t, seedPack(), seedPages()), render(t, seedPack(), seedPages())
	for _, name := range a.names() {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

func proceduralPack() *report.Pack {
	return &report.Pack{
		Slug: "planning-2024", Council: "Anytown Borough Council", Committee: "Planning Committee",
		Meeting: report.Meeting{Date: date(2024, 6, 3), Time: "10 am", Venue: "Council Chamber"},
		Issued:  date(2024, 5, 24),
		Formats: "Ask for this agenda in large print or Braille.",
		Items: []*report.Item{
			{Number: 1, Slug: "item-1-apologies", Title: "Apologies for absence"},
			{Number: 2, Slug: "item-2-minutes", Title: "Minutes", Purpose: "To confirm the minutes of the meeting held on 6 May 2024."},
		},
	}
}

// unnumberedPack has text before the first heading, a subheading outside
// any section, an un-numbered section, no contact, and an appendix but no
// appendix list block (so the renderer lists it after the last section).
func unnumberedPack() *report.Pack {
	yes := true
	rep := &report.Report{
		Title: "Budget monitoring", ReportOf: "the Director of Finance", KeyDecision: &yes,
		Wards:      []string{"Hendon", "Millfield", "St Michael's"},
		Appendices: []*report.Appendix{{ID: "forecast", Title: "Forecast outturn", Number: "A", Anchor: "appendix-a"}},
		Body: []report.Block{
			&report.Paragraph{Content: txt("This report is for information.")},
			&report.Subheading{Title: txt("Summary")},
			&report.Paragraph{Content: []report.Inline{run("Line one"), {Kind: report.LineBreak}, {Kind: report.TextRun, Text: "in italics", Style: report.Italic}, run(" and "), {Kind: report.TextRun, Text: "a link", Link: "https://example.org/budget?a=1&b=2"}}},
			&report.Section{Level: 1, Title: txt("Background"), Body: []report.Block{
				&report.Subheading{Title: txt("History")},
				&report.Paragraph{Content: txt("Un-numbered text.")},
				&report.List{Ordered: true, Items: []report.ListItem{{Content: txt("First"), Sub: bullets("Nested")}}},
				&report.Table{Caption: "Spending", Columns: []report.Column{{Title: "Service"}, {Title: "£000", Align: "right"}},
					Rows: []report.Row{{Cells: []report.Cell{{Content: txt("Parks")}, {Content: txt("1,250")}}}}},
			}},
		},
	}
	return &report.Pack{
		Slug: "cabinet", Council: "Anytown Borough Council", Committee: "Cabinet",
		Items: []*report.Item{
			{Number: 1, Slug: "item-1-budget", Kind: report.ReportItem, Title: "Budget monitoring", Report: rep},
			{Number: 2, Slug: "item-2-urgent", Kind: report.Procedural, Title: "Urgent business"},
		},
	}
}
