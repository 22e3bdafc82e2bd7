package packgen

import (
	"bytes"
	"strings"
	"testing"
)

func TestFilesAreDeterministic(t *testing.T) {
	size := Size{Reports: 2, Rows: 5}
	a, err := Files(size)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Files(size)
	for _, name := range []string{"pack.toml", PackMD, "report-001.md", "report-002.md", "report-002-plan.xlsx"} {
		t.Run(name, func(t *testing.T) {
			if len(a[name]) == 0 || !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s is missing or differs between two runs", name)
			}
		})
	}
}

func TestFilesRefusesEmptySizes(t *testing.T) {
	for _, s := range []Size{{0, 5}, {1, 0}} {
		if _, err := Files(s); err == nil {
			t.Errorf("Files(%+v): no error", s)
		}
	}
}

func TestPlainTextResolvesReferencesAndCounts(t *testing.T) {
	files, err := Files(Size{Reports: 1, Rows: 9})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files[PackMD])
	for _, bad := range []string{"[@", "{{", "```", "{#", "{-}"} {
		if strings.Contains(md, bad) {
			t.Errorf("pack.md holds reportpack syntax %q", bad)
		}
	}
	for _, want := range []string{"**appendix 1**", "Of the six formal areas for improvement", "1.1 To provide"} {
		if !strings.Contains(md, want) {
			t.Errorf("pack.md lacks %q", want)
		}
	}
}

func TestNumbering(t *testing.T) {
	d := &doc{blocks: []block{
		{kind: section}, {kind: paragraph}, {kind: subsection}, {kind: paragraph, label: "x"},
		{kind: subheading}, {kind: paragraph}, {kind: paragraph, cont: true}, {kind: section}, {kind: paragraph},
	}}
	got := strings.Join(number(d).num, ",")
	if want := "1,1.1,1.2,1.2.1,,1.2.2,,2,2.1"; got != want {
		t.Errorf("numbers %s, want %s", got, want)
	}
	if got := number(d).labels["x"]; got != "paragraph 1.2.1" {
		t.Errorf("label x is %q", got)
	}
}
