package packtest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestPDFsAreWellFormed(t *testing.T) {
	for name, pdf := range map[string][]byte{"text": TextPDF("hello"), "blank": BlankPDF(3)} {
		if !bytes.HasPrefix(pdf, []byte("%PDF-1.4")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
			t.Errorf("%s PDF is not framed as a PDF", name)
		}
	}
	if !bytes.Contains(BlankPDF(3), []byte("/Count 3")) || !bytes.Contains(TextPDF("hello"), []byte("(hello) Tj")) {
		t.Error("PDF content missing")
	}
}

func TestTree(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b.txt"), []byte("x"), 0o644)
	if got := Tree(t, dir); len(got) != 1 || string(got["a/b.txt"]) != "x" {
		t.Errorf("got %v", got)
	}
}
