package config

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes to Load as pack.toml: it must never panic
// or hang, and every problem must name the file (issue 7). Seeds are the
// packs in the repository and small broken ones.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../../content/*/pack.toml")
	more, _ := filepath.Glob("../../internal/*/testdata/*/pack.toml")
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "\xef\xbb\xbfcouncil = \"A\"\r\n", "council = \"A\xa3\"\n", "[[item]]\n[[item]]\nid = 1\n",
		"issued = 2026-02-30\n", "[meeting]\ndate = \"soon\"\ntime = 3\n", "[[scale]]\n[[scale.level]]\nword = \"\"\n",
		"[columns]\nrating = [\"x\"]\n[glossary]\nCQC = 1\n", "[[item]]\nreport = \"../x.md\"\nexempt = -1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, diags := Load(fstest.MapFS{"pack.toml": {Data: src}}, ".")
		for _, d := range diags {
			if d.Pos.File != "pack.toml" {
				t.Fatalf("a problem without the file: %v", d)
			}
		}
	})
}

// TestItemHeadersWithCommentsArePositioned is FuzzLoad's first finding:
// "[[item]] # note" was not seen as an item header, so the item's problems
// named no file.
func TestItemHeadersWithCommentsArePositioned(t *testing.T) {
	src := "council = \"C\"\ncommittee = \"K\"\nissued = 2026-03-02\n[meeting]\ndate = 2026-03-12\n" +
		"[[ item ]] # apologies\ntitle = \"Apologies\"\n[[item]]#0\n"
	_, diags := Load(fstest.MapFS{"pack.toml": {Data: []byte(src)}}, ".")
	if len(diags) != 1 || diags[0].Pos.String() != "pack.toml:8:1" {
		t.Errorf("want one problem at pack.toml:8:1, got:\n%s", diags.Format())
	}
}
