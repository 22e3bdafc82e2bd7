package actionplan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportpack/reportpack/internal/actionplan/xlsxtest"
)

// FuzzRead feeds arbitrary bytes to Read: it must never panic or hang, and
// must always return a plan. Seeds are the committed workbooks plus small
// built ones (issue 7).
func FuzzRead(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.xlsx")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "")
		}
	}
	f.Add(xlsxtest.Build(f, xlsxtest.Sheet{Name: "Actions", TSV: "Ref\tAction\tRAG\nA1\tOne\tGreen\n"}), "Actions")
	f.Add([]byte("Ref,Action,RAG\n"), "")
	f.Add([]byte("PK\x03\x04"), "Actions")
	f.Add([]byte{}, "x")
	f.Fuzz(func(t *testing.T, data []byte, sheet string) {
		p, _ := Read("fuzz.xlsx", data, sheet, Options{Limits: Limits{UnzipSize: 8 << 20, Rows: 2000}})
		if p == nil {
			t.Fatal("nil plan")
		}
	})
}
