package acronym

import (
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"capitals of two or more letters", "The CQC and ICT teams, with A and NMS 1.6", []string{"CQC", "ICT", "NMS"}},
		{"plural s is allowed", "utilised by IROs to question", []string{"IRO"}},
		{"mixed case and digits are not acronyms", "Ofsted, DfE, A1 & A2, COVID19, Reg 33", nil},
		{"roman numerals are not acronyms", "Part II and Schedule XII", nil},
		{"shouted headings are not acronyms", "SAFEGUARDING SERVICES", nil},
		{"an acronym alone in a cell is", "CAMHS", []string{"CAMHS"}},
		{"accented letters end words", "café CQCé", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range tokens(tt.text) {
				got = append(got, tok.Key)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("tokens(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestDefinitions(t *testing.T) {
	tests := []struct {
		name, text, key, long string
	}{
		{"initials", "the Sunderland Safeguarding Children Board (SSCB), and", "SSCB", "Sunderland Safeguarding Children Board"},
		{"plural", "Independent Review Officers (IROs)", "IRO", "Independent Review Officers"},
		{"minor words and capitals words", "Northumberland, Tyne and Wear NHS Foundation Trust (NTWNHSFT)", "NTWNHSFT", "Northumberland, Tyne and Wear NHS Foundation Trust"},
		{"words that do not match give no long form", "the council's computer system (CCM)", "CCM", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defs := definitions(tt.text)
			if len(defs) != 1 || defs[0].Key != tt.key || defs[0].Long != tt.long {
				t.Fatalf("definitions(%q) = %+v, want %s = %q", tt.text, defs, tt.key, tt.long)
			}
		})
	}
}

// pack builds a one-report pack from paragraphs, one a line from line 1.
func pack(paras ...string) *report.Pack {
	r := &report.Report{}
	for i, p := range paras {
		pos := diag.Pos{File: "r.md", Line: i + 1, Col: 1}
		r.Body = append(r.Body, &report.Paragraph{Pos: pos,
			Content: []report.Inline{{Text: p, Pos: pos}}})
	}
	return &report.Pack{Items: []*report.Item{{Kind: report.ReportItem, Report: r}}}
}

func TestMark(t *testing.T) {
	tests := []struct {
		name     string
		paras    []string
		glossary map[string]string
		want     []string
	}{
		{"undefined acronym warns at its first use only", []string{"Then CQC came.", "CQC again."}, nil,
			[]string{`r.md:1:6: warning: the acronym "CQC" is not spelt out`}},
		{"defined at first use", []string{"The Care Quality Commission (CQC) came.", "CQC again."}, nil, nil},
		{"defined in the glossary", []string{"CQC came."}, map[string]string{"CQC": "Care Quality Commission"}, nil},
		{"plural defined, singular used", []string{"Independent Review Officers (IROs) met.", "The IRO Manager."}, nil, nil},
		{"defined after first use", []string{"CQC came.", "The Care Quality Commission (CQC) again."}, nil,
			[]string{`r.md:1:1: warning: the acronym "CQC" is not spelt out`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Mark(pack(tt.paras...), tt.glossary)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(tt.want), got.Format())
			}
			for i, w := range tt.want {
				if got[i].String() != w {
					t.Errorf("got %q, want %q", got[i].String(), w)
				}
			}
		})
	}
}

func TestMarkHintNamesLaterDefinition(t *testing.T) {
	got := Mark(pack("CQC came.", "The Care Quality Commission (CQC) again."), nil)
	if len(got) != 1 || !strings.Contains(got[0].Hint, "spelt out later, at r.md:2:30") {
		t.Fatalf("hint: %+v", got)
	}
}

func TestMarkSetsAbbrOnFirstUse(t *testing.T) {
	p := pack("The Care Quality Commission (CQC) came.", "Then CQC and NMS.", "CQC once more.")
	Mark(p, map[string]string{"NMS": "National Minimum Standards"})
	body := p.Items[0].Report.Body
	want := []report.Abbr{{Start: 29, End: 32, Title: "Care Quality Commission"}}
	if got := body[0].(*report.Paragraph).Content[0].Abbrs; len(got) != 1 || got[0] != want[0] {
		t.Errorf("definition: abbrs %v, want %v", got, want)
	}
	want = []report.Abbr{{Start: 13, End: 16, Title: "National Minimum Standards"}}
	if got := body[1].(*report.Paragraph).Content[0].Abbrs; len(got) != 1 || got[0] != want[0] {
		t.Errorf("glossary: abbrs %v, want %v", got, want)
	}
	if a := body[2].(*report.Paragraph).Content[0].Abbrs; len(a) != 0 {
		t.Errorf("a later use is marked: %v", a)
	}
}

func TestMarkWorkbookCells(t *testing.T) {
	p := pack("See the plan.")
	plan := &report.ActionPlan{Columns: []string{"ref", "area", "progress"},
		Titles: map[string]string{"progress": "Progress summary"},
		Actions: []report.Action{{Ref: "C1", Area: "Pathways", Progress: []string{"Agreed with CAMHS."},
			Pos: diag.Pos{File: "plan.xlsx", Sheet: "Actions", Cell: "A5"}}}}
	r := p.Items[0].Report
	r.Appendices = []*report.Appendix{{ID: "plan", Kind: report.AppendixWorkbook, Plan: plan}}
	got := Mark(p, nil)
	want := `plan.xlsx: sheet "Actions" cell A5: warning: the acronym "CAMHS" in the Progress summary column is not spelt out`
	if len(got) != 1 || got[0].String() != want {
		t.Fatalf("got:\n%s\nwant %s", got.Format(), want)
	}
}
