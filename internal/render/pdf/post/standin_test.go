package post

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/phpdave11/gofpdf"
)

var update = flag.Bool("update", false, "rewrite the example pack's stand-in appendix PDFs")

// standIn describes one stand-in for a published document the example
// pack cannot reproduce.
type standIn struct {
	file  string
	title string
	pages [][]string // paragraphs per page
}

var standIns = []standIn{
	{
		file:  "adoption-inspection-report.pdf",
		title: "Ofsted inspection of Sunderland City Council’s Adoption Service (February 2013)",
		pages: [][]string{{
			"Stand-in: the published Ofsted inspection report of Sunderland City Council’s Adoption Service (February 2013) is not reproduced here.",
			"This page stands in for that report in reportpack’s example pack. It shows how a report’s PDF appendix is merged into the committee pack at its place, keeping the pack’s running header and “Page N of M” numbering.",
			"The published report is available from Ofsted.",
		}, {
			"Stand-in, page 2 of 2.",
			"A second page shows that every page of a PDF appendix is merged, and that the pack’s page numbers and outline continue through it.",
		}},
	},
	{
		file:  "adoption-action-plan.pdf",
		title: "Adoption inspection: draft action plan",
		pages: [][]string{{
			"Stand-in: the draft action plan responding to the Ofsted inspection of Sunderland City Council’s Adoption Service (February 2013) is not reproduced here.",
			"This page stands in for that document in reportpack’s example pack, to show a PDF appendix merged into the committee pack.",
		}},
	},
}

// render lays the stand-in out on A4 pages in Liberation Sans, embedded.
func (s standIn) render(t *testing.T) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.SetTitle(s.title, true)
	f.SetAuthor("reportpack example pack", true)
	f.SetCreator("reportpack post tests", true)
	f.AddUTF8FontFromBytes("Liberation Sans", "", liberationsansregular.TTF)
	f.AddUTF8FontFromBytes("Liberation Sans", "B", liberationsansbold.TTF)
	f.SetMargins(25, 25, 25)
	f.SetAutoPageBreak(true, 25)
	for i, paras := range s.pages {
		f.AddPage()
		f.SetFont("Liberation Sans", "B", 18)
		f.MultiCell(0, 9, s.title, "", "L", false)
		f.Ln(6)
		f.SetFont("Liberation Sans", "", 12)
		for _, p := range paras {
			f.MultiCell(0, 6.5, p, "", "L", false)
			f.Ln(4)
		}
		f.SetAutoPageBreak(false, 0)
		f.SetY(-20)
		f.SetFont("Liberation Sans", "", 10)
		f.CellFormat(0, 5, "Stand-in page "+strconv.Itoa(i+1)+" of "+strconv.Itoa(len(s.pages)), "", 0, "R", false, 0, "")
		f.SetAutoPageBreak(true, 25)
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStandInAppendices keeps the example pack's stand-in appendix PDFs in
// step with this generator: go test -run StandIn -update rewrites them.
func TestStandInAppendices(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "content", "ofsted-scrutiny-2013", "appendices")
	for _, s := range standIns {
		t.Run(s.file, func(t *testing.T) {
			got := s.render(t)
			if !bytes.Equal(got, s.render(t)) {
				t.Fatal("the stand-in does not render the same twice")
			}
			path := filepath.Join(dir, s.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run StandIn -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is out of date: run go test -run StandIn -update", path)
			}
			qpdfCheck(t, want)
			if n, err := PageCount(want); err != nil || n != len(s.pages) {
				t.Errorf("PageCount = %d, %v; want %d", n, err, len(s.pages))
			}
			if text := runTool(t, want, "pdftotext"); !strings.Contains(strings.Join(strings.Fields(text), " "), "Stand-in: the published Ofsted") &&
				!strings.Contains(text, "Stand-in: the draft action plan") {
				t.Errorf("text lacks the stand-in notice:\n%s", text)
			}
		})
	}
}

// TestFinishKeepsAppendixFontsEmbedded merges the real stand-in into a
// layout and checks its fonts arrive embedded.
func TestFinishKeepsAppendixFontsEmbedded(t *testing.T) {
	s := standIns[0]
	appendix := s.render(t)
	layout := makePDF(t, 3, func(int) []string { return nil })
	out, err := Finish(layout, Document{Title: "Pack", Created: when}, nil, nil,
		[]Insert{{AtPage: 2, Pages: 2, PDF: appendix}})
	if err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, out)
	fonts := runTool(t, out, "pdffonts")
	n := 0
	for _, line := range strings.Split(fonts, "\n") {
		if strings.Contains(line, "liberation") {
			n++
			if f := strings.Fields(line); len(f) < 6 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", line)
			}
		}
	}
	if n == 0 {
		t.Errorf("no Liberation font in the merged pack:\n%s", fonts)
	}
	if text := pageText(t, out, 3); !strings.Contains(text, "Stand-in, page 2 of 2") {
		t.Errorf("page 3 lacks the appendix's second page:\n%s", text)
	}
}

// TestFinishMergesAppendixVariants merges appendices as other tools write
// them: with object streams (PDF 1.5) and with a /Rotate on the page.
func TestFinishMergesAppendixVariants(t *testing.T) {
	base := standIns[1].render(t)
	tests := []struct {
		name string
		qpdf []string
	}{
		{"as written", nil},
		{"object streams", []string{"--object-streams=generate"}},
		{"rotated page", []string{"--object-streams=generate", "--rotate=+90:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := base
			if tt.qpdf != nil {
				app = qpdfConvert(t, base, tt.qpdf...)
			}
			layout := makePDF(t, 2, func(int) []string { return nil })
			out, err := Finish(layout, Document{Title: "Pack", Created: when}, nil, nil,
				[]Insert{{AtPage: 2, Pages: 1, PDF: app}})
			if err != nil {
				t.Fatal(err)
			}
			qpdfCheck(t, out)
			text := strings.Join(strings.Fields(pageText(t, out, 2)), " ")
			if !strings.Contains(text, "draft action plan") || !strings.Contains(text, "Page 2 of 2") {
				t.Errorf("page 2 lacks the appendix or the pack footer:\n%s", text)
			}
		})
	}
}

// qpdfConvert rewrites pdf with qpdf and the given options.
func qpdfConvert(t *testing.T, pdf []byte, opts ...string) []byte {
	t.Helper()
	needTool(t, "qpdf")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command("qpdf", append(opts, in, out)...).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
