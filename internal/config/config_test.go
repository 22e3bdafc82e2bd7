package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

const minimal = `council = "Testshire County Council"
committee = "Audit Committee"
issued = 2026-03-02

[meeting]
date = 2026-03-12

[[item]]
title = "Apologies for absence"

[[item]]
report = "finance.md"
`

func load(t *testing.T, src string) (Pack, []string) {
	t.Helper()
	fsys := fstest.MapFS{"pack/pack.toml": {Data: []byte(src)}}
	p, diags := Load(fsys, "pack")
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	return p, got
}

func TestLoadMinimalPack(t *testing.T) {
	p, diags := load(t, minimal)
	if len(diags) != 0 {
		t.Fatalf("unexpected problems: %v", diags)
	}
	if p.Council != "Testshire County Council" || len(p.Items) != 2 {
		t.Fatalf("got %+v", p)
	}
	if p.Issued.Location().String() != "UTC" || p.Issued.Day() != 2 {
		t.Errorf("issued = %v, want 2 March in UTC", p.Issued)
	}
	if p.Items[1].Pos.Line != 11 {
		t.Errorf("second item at line %d, want 11", p.Items[1].Pos.Line)
	}
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // substrings, each expected in some diagnostic
	}{
		{"unknown key is an error at its line", strings.Replace(minimal, "committee", "comittee", 1),
			[]string{`pack/pack.toml:2:1: unknown key "comittee"`, `pack.toml has no "committee"`}},
		{"item with neither title nor report", minimal + "\n[[item]]\npurpose = \"x\"\n",
			[]string{"pack/pack.toml:14:1: agenda item 3 has no title and no report"}},
		{"report item may not set its own title", strings.Replace(minimal, `report = "finance.md"`, "report = \"finance.md\"\ntitle = \"X\"", 1),
			[]string{"its title comes from the report's front matter"}},
		{"duplicate ids", minimal + "\n[[item]]\nid = \"finance\"\ntitle = \"Again\"\n",
			[]string{`two agenda items have the id "finance"`}},
		{"issued after the meeting", strings.Replace(minimal, "2026-03-02", "2026-03-20", 1),
			[]string{"is after the meeting"}},
		{"no items", strings.Split(minimal, "[[item]]")[0], []string{"the agenda has no items"}},
		{"date as text", strings.Replace(minimal, "issued = 2026-03-02", `issued = "2 March"`, 1),
			[]string{`pack/pack.toml:3:1: "issued" should be a date, but it is text`}},
		{"unknown nation", minimal + "[style]\nnation = \"scotland\"\n", []string{`nation "scotland" is not known`}},
		{"negative page limit", minimal + "[style]\npage_limit = -1\n", []string{"page_limit -1 is less than zero"}},
		{"glossary entry without a long form", minimal + "[glossary]\nCQC = \"\"\n", []string{`the glossary entry "CQC" has no long form`}},
		{"glossary and page limit read", minimal + "[style]\npage_limit = 8\n[glossary]\nCQC = \"Care Quality Commission\"\n", nil},
		{"windows line endings and BOM read the same", "\ufeff" + strings.ReplaceAll(minimal, "\n", "\r\n"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.src)
			if len(tt.want) == 0 && len(got) != 0 {
				t.Fatalf("unexpected problems: %v", got)
			}
			for _, w := range tt.want {
				if !containsAny(got, w) {
					t.Errorf("no diagnostic contains %q; got:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, diags := Load(fstest.MapFS{}, "nowhere")
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "nowhere/pack.toml: cannot read the pack's settings") {
		t.Fatalf("got %v", diags)
	}
}

func TestItemSlug(t *testing.T) {
	tests := []struct {
		item Item
		want string
	}{
		{Item{ID: "Ofsted Inspections"}, "ofsted-inspections"},
		{Item{Report: "reports/Budget_2026.md"}, "budget-2026"},
		{Item{Title: "Children's services: Ŵyn & Co."}, "childrens-services-wyn-co"},
		{Item{Title: "  --  "}, ""},
	}
	for _, tt := range tests {
		if got := ItemSlug(tt.item); got != tt.want {
			t.Errorf("ItemSlug(%+v) = %q, want %q", tt.item, got, tt.want)
		}
	}
}

func containsAny(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func TestLoadGlossaryAndPageLimit(t *testing.T) {
	p, got := load(t, minimal+"[style]\npage_limit = 8\n[glossary]\nCQC = \"Care Quality Commission\"\n")
	if len(got) != 0 {
		t.Fatalf("unexpected problems: %v", got)
	}
	if p.Style.PageLimit != 8 || p.Glossary["CQC"] != "Care Quality Commission" {
		t.Errorf("page limit %d, glossary %v", p.Style.PageLimit, p.Glossary)
	}
}

func TestLoadGlossary(t *testing.T) {
	tests := []struct {
		name, src string
		want      map[string]string
		diag      string
	}{
		{"entries", "# acronyms\nCQC = \"Care Quality Commission\"\nNMS = \"National Minimum Standards\"\n",
			map[string]string{"CQC": "Care Quality Commission", "NMS": "National Minimum Standards"}, ""},
		{"not text", "CQC = \"Care Quality Commission\"\nNMS = 3\n", map[string]string{"CQC": "Care Quality Commission"},
			`pack/glossary.toml:2:1: the glossary entry "NMS" is not a long form in quotes`},
		{"bad TOML", "CQC = Care Quality Commission\n", nil, "pack/glossary.toml:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := LoadGlossary(fstest.MapFS{"pack/glossary.toml": {Data: []byte(tt.src)}}, "pack")
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			if tt.diag == "" && len(diags) > 0 || tt.diag != "" && (len(diags) != 1 || !strings.Contains(diags[0].String(), tt.diag)) {
				t.Errorf("diagnostics %v, want %q", diags, tt.diag)
			}
		})
	}
}

func TestLoadGlossaryMissingFileIsFine(t *testing.T) {
	got, diags := LoadGlossary(fstest.MapFS{}, "pack")
	if got != nil || diags != nil {
		t.Errorf("got %v, %v", got, diags)
	}
}
