package post

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/phpdave11/gofpdf"
)

// when is the fixed date every test document carries.
var when = time.Date(2013, 3, 1, 9, 30, 0, 0, time.UTC)

// makePDF lays out an A4 document whose page i (1-based) shows lines(i),
// the first at the top, and a footer "Page i of n".
func makePDF(t *testing.T, n int, lines func(i int) []string) []byte {
	t.Helper()
	return layoutPDF(t, n, lines, true)
}

// layoutPDF is makePDF, with the page content deflated or, as render/pdf
// lays a pack out, left for Finish to deflate.
func layoutPDF(t *testing.T, n int, lines func(i int) []string, compress bool) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCompression(compress)
	f.SetCatalogSort(true)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.SetFont("Helvetica", "", 12)
	f.SetAutoPageBreak(false, 0)
	for i := 1; i <= n; i++ {
		f.AddPage()
		f.Text(20, 15, "Running header")
		for j, l := range lines(i) {
			f.Text(30, 40+float64(j)*8, l)
		}
		f.Text(20, 287, fmt.Sprintf("Page %d of %d", i, n))
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// needTool returns the path of an external tool, skipping the test when it
// is missing (failing under CI=true).
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := fmt.Sprintf("%s not found: install it with apt-get install -y qpdf poppler-utils", name)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// runTool runs an external tool on pdf and returns its standard output.
func runTool(t *testing.T, pdf []byte, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	path := t.TempDir() + "/in.pdf"
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	args = append(args, path)
	if name == "pdftotext" { // pdftotext [options] file.pdf -
		args = append(args, "-")
	}
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String() + errOut.String()
}

// pageText returns the text of page p, as pdftotext extracts it.
func pageText(t *testing.T, pdf []byte, p int) string {
	t.Helper()
	return runTool(t, pdf, "pdftotext", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), "-layout")
}

// qpdfCheck fails the test unless qpdf --check finds the file clean.
func qpdfCheck(t *testing.T, pdf []byte) {
	t.Helper()
	out := runTool(t, pdf, "qpdf", "--check")
	if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(out, "WARNING") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// readBack parses pdf with pdfcpu for inspection.
func readBack(t *testing.T, pdf []byte) *model.Context {
	t.Helper()
	ctx, err := read(pdf, "output")
	if err != nil {
		t.Fatal(err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		t.Fatalf("pdfcpu finds the output invalid: %v", err)
	}
	return ctx
}

// pagesOf indexes ctx's pages.
func pagesOf(t *testing.T, ctx *model.Context) *pageIndex {
	t.Helper()
	pi, err := indexPages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return pi
}
