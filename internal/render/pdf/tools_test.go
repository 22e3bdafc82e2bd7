package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool skips when a command-line tool is missing, except on CI where
// a missing tool is a failure.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err == nil {
		return
	}
	pkg := "poppler-utils"
	if name == "qpdf" {
		pkg = "qpdf"
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (apt-get install %s)", name, pkg)
	}
	t.Skipf("%s is not installed; apt-get install %s to run this test", name, pkg)
}

// tool runs a command on a PDF written to a temporary file; the file's
// name replaces "FILE" in args. It returns the combined output.
func tool(t *testing.T, pdf []byte, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	file := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		args[i] = strings.ReplaceAll(a, "FILE", file)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pdfText extracts the text of pages first to last (0 for all).
func pdfText(t *testing.T, pdf []byte, first, last int) string {
	t.Helper()
	args := []string{"-layout"}
	if first > 0 {
		args = append(args, "-f", itoa(first), "-l", itoa(last))
	}
	return tool(t, pdf, "pdftotext", append(args, "FILE", "-")...)
}

// pageTexts extracts each page's text; pdftotext ends pages with a form feed.
func pageTexts(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages := strings.Split(pdfText(t, pdf, 0, 0), "\f")
	return pages[:len(pages)-1]
}

// flatText extracts the text in drawing order with white space collapsed,
// so wrapped lines and table cells read as running text.
func flatText(t *testing.T, pdf []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(tool(t, pdf, "pdftotext", "-raw", "FILE", "-")), " ")
}
