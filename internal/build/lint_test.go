package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkCopy checks a copy of the example pack, changed by edit.
func checkCopy(t *testing.T, edit func(dir string)) Result {
	t.Helper()
	dir := copyExample(t, edit)
	res, err := Pack(filepath.ToSlash(dir), Options{CheckOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func appendTo(t *testing.T, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// warnings returns the warnings' text, one a line.
func warnings(res Result) string {
	var b strings.Builder
	for _, d := range res.Diags {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func TestExampleUndefinedAcronyms(t *testing.T) {
	got := warnings(checkCopy(t, nil))
	for _, want := range []string{
		`ofsted-inspections.md:96:116: warning: the acronym "NMS" is not spelt out`,
		`ofsted-inspections.md:121:322: warning: the acronym "CQC" is not spelt out`,
		`ofsted-inspections.md:147:288: warning: the acronym "ICT" is not spelt out`,
		`action-plan.xlsx: sheet "Actions" cell A9: warning: the acronym "CAMHS"`,
		`action-plan.xlsx: sheet "Actions" cell A9: warning: the acronym "NTWNHSFT"`,
		`action-plan.xlsx: sheet "Actions" cell A11: warning: the acronym "LADO"`,
		`action-plan.xlsx: sheet "Actions" cell A15: warning: the acronym "STPCT"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no warning %q in:\n%s", want, got)
		}
	}
	for _, defined := range []string{`"SSCB"`, `"IRO"`, `"TQM"`} {
		if strings.Contains(got, defined) {
			t.Errorf("%s is spelt out in the seed, but got:\n%s", defined, got)
		}
	}
}

func TestGlossaryDefinesAcronyms(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, dir string)
	}{
		{"glossary.toml", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "glossary.toml"), []byte("CQC = \"Care Quality Commission\"\n"), 0o644)
		}},
		{"[glossary] in pack.toml", func(t *testing.T, dir string) {
			appendTo(t, filepath.Join(dir, "pack.toml"), "\n[glossary]\nCQC = \"Care Quality Commission\"\n")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := warnings(checkCopy(t, func(dir string) { tt.edit(t, dir) }))
			if strings.Contains(got, `"CQC"`) || !strings.Contains(got, `"ICT"`) {
				t.Errorf("CQC should be defined and ICT not:\n%s", got)
			}
		})
	}
}

func TestPageLimitWarning(t *testing.T) {
	tests := []struct {
		limit string
		want  bool
	}{{"2", true}, {"40", false}}
	for _, tt := range tests {
		t.Run("limit "+tt.limit, func(t *testing.T) {
			res := checkCopy(t, func(dir string) {
				appendTo(t, filepath.Join(dir, "pack.toml"), "\n[style]\npage_limit = "+tt.limit+"\n")
			})
			got := strings.Contains(warnings(res), "runs to 13 pages before its appendices; the pack's limit is "+tt.limit)
			if got != tt.want {
				t.Errorf("page limit warning %v, want %v:\n%s", got, tt.want, warnings(res))
			}
		})
	}
}

func TestProgressSteps(t *testing.T) {
	var got []string
	dir := filepath.Join(t.TempDir(), "ofsted-scrutiny-2013")
	if err := os.CopyFS(dir, os.DirFS(examplePack)); err != nil {
		t.Fatal(err)
	}
	_, err := Pack(dir, Options{OutRoot: t.TempDir(), Progress: func(s Step) {
		got = append(got, s.Name)
		if s.Of != len(steps) {
			t.Errorf("step %d of %d, want of %d", s.N, s.Of, len(steps))
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := "reading the pack, laying out the PDF, writing the PDF and the HTML, writing the files"
	if strings.Join(got, ", ") != want {
		t.Errorf("steps %q, want %q", strings.Join(got, ", "), want)
	}
}
