package actionplan

import (
	"os"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/actionplan/xlsxtest"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// rows summarises a plan's actions one line each, for comparing.
func rows(p *report.ActionPlan) []string {
	var out []string
	for _, a := range p.Actions {
		rating := "-"
		if a.Rating != nil {
			rating = a.Rating.Word
		}
		formal := ""
		if a.Formal {
			formal = " formal"
		}
		out = append(out, a.Pos.Cell+" "+strings.Join(a.Refs, "+")+" | "+a.Area+" | "+a.Group+" | "+a.Timescale+
			" | "+rating+formal+" | "+strings.Join(a.Progress, " / ")+" | "+a.Target)
	}
	return out
}

func messages(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot\n  %s\nwant\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestReadShapes(t *testing.T) {
	tests := []struct {
		name   string
		sheets []xlsxtest.Sheet
		sheet  string
		want   []string
		diags  []string
	}{
		{
			name: "header on row 3 under title rows",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Action plan update\nPosition as at 28 February 2013\n" +
				"Plan ref no\tFormal area for improvement\tRAG rating\n" +
				"D2\tReview the chairing of conferences\tGreen\n"}},
			want: []string{"A4 D2 | Review the chairing of conferences |  |  | Green |  | "},
		},
		{
			name: "reordered and renamed columns",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Status\tLead\tArea\tReference\tFORMAL\tUpdate\tDue\n" +
				"amber \tJo Bloggs\tRegulation 33 visits\tD9\ty\tNew format agreed\t41364\n" +
				"g\t\tPrivate fostering\tD4\tNo\t\t31/03/2013\n"}},
			want: []string{
				"A2 D9 | Regulation 33 visits |  |  | Amber formal | New format agreed | 31 March 2013",
				"A3 D4 | Private fostering |  |  | Green |  | 31 March 2013",
			},
		},
		{
			name: "merged group cells apply to every row they span",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Ref\tService\tTimescale\tAction\tRAG\n" +
				"A1\tSafeguarding services\tImmediately\tAssessments\tAmber\n" +
				"A14\t\t\tViews of children\tGreen\n" +
				"D2\t\tWithin 3 months\tChairing\tGreen\n" +
				"A16\tServices for looked after children\tImmediately\tSeen alone\tGreen\n",
				Merges: []string{"B2:B4", "C2:C3"}}},
			want: []string{
				"A2 A1 | Assessments | Safeguarding services | Immediately | Amber |  | ",
				"A3 A14 | Views of children | Safeguarding services | Immediately | Green |  | ",
				"A4 D2 | Chairing | Safeguarding services | Within 3 months | Green |  | ",
				"A5 A16 | Seen alone | Services for looked after children | Immediately | Green |  | ",
			},
		},
		{
			name: "multi-line progress cells become lines without their bullets",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Ref\tAction\tRAG\tProgress\n" +
				`A4 & A5` + "\tPlans\tAmber\t• New formats developed.\\n- Outline plan in operation.\\n\\n* Positive feedback\u00a0\n"}},
			want: []string{"A2 A4+A5 | Plans |  |  | Amber | New formats developed. / Outline plan in operation. / Positive feedback | "},
		},
		{
			name: "blank rows and rows of merged group only are skipped; empty rating is not rated",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Ref\tService\tAction\tRAG\n" +
				"A1\tSafeguarding\tAssessments\t\n\n\t\t\t\n" +
				"C1\t\tPathways\tGreen\n\t\t\t\n", Merges: []string{"B2:B6"}}},
			want: []string{
				"A2 A1 | Assessments | Safeguarding |  | - |  | ",
				"A5 C1 | Pathways | Safeguarding |  | Green |  | ",
			},
		},
		{
			name: "every bad rating is reported with its cell",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Ref\tAction\tX\tY\tZ\tRAG\n" +
				"A1\tOne\t\t\t\tAmbre\nA2\tTwo\t\t\t\tGreen\nA3\tThree\t\t\t\tBlue\n"}},
			want: []string{"A2 A1 | One |  |  | - |  | ", "A3 A2 | Two |  |  | Green |  | ", "A4 A3 | Three |  |  | - |  | "},
			diags: []string{
				`plan.xlsx: sheet "Actions" cell F2: RAG "Ambre" is not one of Red, Amber, Green`,
				`plan.xlsx: sheet "Actions" cell F4: RAG "Blue" is not one of Red, Amber, Green`,
			},
		},
		{
			name:   "a coloured rating cell without a word",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Ref\tAction\tRAG\nA1\tOne\t\n", Fills: map[string]string{"C2": "FFC000"}}},
			want:   []string{"A2 A1 | One |  |  | - |  | "},
			diags:  []string{`plan.xlsx: sheet "Actions" cell C2: the RAG cell is coloured but has no word in it`},
		},
		{
			name:   "a missing required column",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Title\n\nRef\tAction\tProgress\nA1\tOne\tDone\n"}},
			diags:  []string{`plan.xlsx: sheet "Actions" cell A3: the header row (row 3) has no rating column`},
		},
		{
			name:   "no header row at all",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "just\tsome\ttext\n"}},
			diags:  []string{`plan.xlsx: sheet "Actions": cannot find the header row in the first 20 rows`},
		},
		{
			name:   "an empty sheet",
			sheets: []xlsxtest.Sheet{{Name: "Actions"}},
			diags:  []string{`plan.xlsx: sheet "Actions": the sheet is empty`},
		},
		{
			name:   "a wrong sheet name",
			sheets: []xlsxtest.Sheet{{Name: "Action plan", TSV: "Ref\tAction\tRAG\n"}, {Name: "Notes"}},
			sheet:  "Actions",
			diags:  []string{`plan.xlsx: the workbook has no sheet called "Actions"`},
		},
		{
			name:   "sheet names match loosely",
			sheets: []xlsxtest.Sheet{{Name: "Notes"}, {Name: "ACTIONS ", TSV: "Ref\tAction\tRAG\nA1\tOne\tG\n"}},
			sheet:  "actions",
			want:   []string{"A2 A1 | One |  |  | Green |  | "},
		},
		{
			name: "references checked against the themes sheet",
			sheets: []xlsxtest.Sheet{
				{Name: "Actions", TSV: "Ref\tAction\tRAG\tTheme\nA1 & K2\tOne\tGreen\tA\nB1\tTwo\tGreen\tZ\n"},
				{Name: "Themes", TSV: "Improvement themes\nCode\tTitle\nA\tQuality of assessment\nB – Service user engagement\n"},
			},
			want: []string{"A2 A1+K2 | One |  |  | Green |  | ", "A3 B1 | Two |  |  | Green |  | "},
			diags: []string{
				`plan.xlsx: sheet "Actions" cell A2: plan reference "K2" is in theme "K", which is not on the "Themes" sheet`,
				`plan.xlsx: sheet "Actions" cell D3: theme "Z" is not on the "Themes" sheet`,
			},
		},
		{
			name:   "a bad formal cell",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Ref\tAction\tRAG\tFormal\nA1\tOne\tGreen\tmaybe\n"}},
			want:   []string{"A2 A1 | One |  |  | Green |  | "},
			diags:  []string{`plan.xlsx: sheet "Actions" cell D2: Formal "maybe" is not yes or no`},
		},
		{
			name:   "missing reference and area",
			sheets: []xlsxtest.Sheet{{Name: "Actions", TSV: "Ref\tAction\tRAG\n\t\tGreen\n"}},
			want:   []string{"A2  |  |  |  | Green |  | "},
			diags: []string{
				`plan.xlsx: sheet "Actions" cell A2: the action has no plan reference`,
				`plan.xlsx: sheet "Actions" cell B2: the action has no area for improvement`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := xlsxtest.Build(t, tt.sheets...)
			p, l := Read("plan.xlsx", data, tt.sheet, Options{})
			equal(t, "rows", rows(p), tt.want)
			var errs []string
			for _, d := range l {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
				}
			}
			equal(t, "errors", errs, tt.diags)
			for _, d := range l {
				if d.Severity == diag.Error && d.Hint == "" {
					t.Errorf("no hint on %s", d)
				}
			}
		})
	}
}

func TestReadPlanDetails(t *testing.T) {
	data := xlsxtest.Build(t, xlsxtest.Sheet{Name: "Actions", TSV: "Update as at\t41333\n" +
		"Plan ref\tArea\tRAG\tComments\tOwner\n" +
		"C20, C21\tDoctor\tG\tsee minutes\tDr Who\n"},
		xlsxtest.Sheet{Name: "Themes", TSV: "C\tHealth services\n"})
	p, l := Read("plan.xlsx", data, "", Options{})
	if len(l) != 0 {
		t.Fatalf("unexpected diagnostics:\n%s", l.Format())
	}
	checks := []struct{ name, got, want string }{
		{"as at date from the title row", p.AsAt.Format("2 January 2006"), "28 February 2013"},
		{"columns in sheet order", strings.Join(p.Columns, ","), "ref,area,rating,comments,owner"},
		{"header text kept", p.Titles["rating"], "RAG"},
		{"extra column kept by folded header", p.Actions[0].Extra["comments"], "see minutes"},
		{"refs split on commas", strings.Join(p.Actions[0].Refs, "+"), "C20+C21"},
		{"themes read", p.Themes[0].Code + " " + p.Themes[0].Title + " " + p.Themes[0].Pos.String(), `C Health services plan.xlsx: sheet "Themes" cell A1`},
		{"default sheet", p.Sheet, "Actions"},
		{"scale name", p.Scale, "rag"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %q, want %q", c.got, c.want)
			}
		})
	}
}

func TestReadBRAGAndAliases(t *testing.T) {
	sc, _ := scale.NewRegistry(nil).Lookup(scale.BRAG)
	data := xlsxtest.Build(t, xlsxtest.Sheet{Name: "Actions", TSV: "No.\tRecommendation\tDelivery status\nR1\tOne\tComplete\n"})
	p, l := Read("plan.xlsx", data, "", Options{Scale: sc, Aliases: map[string][]string{"ref": {"No."}, "rating": {"Delivery status"}}})
	if l.HasErrors() {
		t.Fatal(l.Format())
	}
	equal(t, "rows", rows(p), []string{"A2 R1 | One |  |  | Blue |  | "})
}

func TestSplitRefs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A1 & A2", "A1|A2"}, {"D9", "D9"}, {"A14 and A15", "A14|A15"}, {"C20, C21; C22", "C20|C21|C22"},
		{" & ", ""}, {"Band3", "Band3"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(SplitRefs(tt.in), "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBadFiles(t *testing.T) {
	docx := xlsxtest.Zip(t, map[string]string{"word/document.xml": "<w:document/>"})
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty file", nil, "plan.xlsx: the file is empty"},
		{"CSV named .xlsx", []byte("Ref,Action,RAG\nA1,One,Green\n"), "plan.xlsx: the file is text (perhaps CSV), not an Excel workbook"},
		{"Word document named .xlsx", docx, "plan.xlsx: the file is a Word document, not an Excel workbook"},
		{"password-protected workbook", xlsxtest.Protected(t), "plan.xlsx: the workbook is password-protected, so it cannot be read"},
		{"truncated zip", []byte("PK\x03\x04garbage"), "plan.xlsx: the file is a damaged zip archive, not a readable workbook"},
		{"binary junk", []byte{0, 1, 2, 0xff, 0xfe}, "plan.xlsx: the file is not an Excel workbook (.xlsx)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, l := Read("plan.xlsx", tt.data, "", Options{})
			equal(t, "diagnostics", messages(l), []string{tt.want})
		})
	}
}

func TestLimits(t *testing.T) {
	data := xlsxtest.Build(t, xlsxtest.Sheet{Name: "Actions", TSV: "Ref\tAction\tRAG\nA1\tOne\tGreen\nA2\tTwo\tGreen\nA3\tThree\tGreen\n"})
	tests := []struct {
		name string
		lim  Limits
		want string
	}{
		{"too many rows", Limits{Rows: 3}, `plan.xlsx: sheet "Actions": cannot read the sheet: the sheet is larger than the limit of 3 rows and 200 columns`},
		{"unpacks too big", Limits{UnzipSize: 2000}, "plan.xlsx: cannot read the workbook: it unpacks to more than the limit of 0 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, l := Read("plan.xlsx", data, "", Options{Limits: tt.lim})
			equal(t, "diagnostics", messages(l), []string{tt.want})
		})
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
