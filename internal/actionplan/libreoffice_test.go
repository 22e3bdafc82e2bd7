package actionplan

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Workbooks saved by LibreOffice, not excelize, as officers' files are
// (issue 3).
func TestLibreOfficeWorkbooks(t *testing.T) {
	tests := []struct {
		name, file, sheet string
		want, diags       []string
	}{
		{
			name: "officer's plan: header on row 3, renamed columns, merged group, bullets, dates, formula",
			file: "testdata/officer-plan.xlsx", sheet: "Plan",
			want: []string{
				"A4 A1 | Refresh the pledge with the children in care council | Care leavers |  | Green | Pledge drafted with young people / Launch planned for March | 31 March 2013",
				"A5 A2+A3 | Increase the number of care leavers in education, employment or training | Care leavers |  | Amber | Mentoring scheme started / Two apprenticeships offered | 30 April 2013",
				"A6 B1 | Publish the care leavers offer | Care leavers |  | Green | Offer published on the council website. | Ongoing",
				"A8 B2 | Review the leaving care grant | Finance |  | - |  | ",
			},
		},
		{
			name: "mistakes: misspelt rating, colour without a word, unknown theme",
			file: "testdata/mistakes.xlsx", sheet: "Actions",
			want: []string{
				"A2 A1 | First area |  |  | - | Typed wrongly | ", "A3 A2 | Second area |  |  | - | Coloured, no word | ",
				"A4 K3 | Third area |  |  | Red | Theme K does not exist | ", "A5 B1 | Fourth area |  |  | Green |  | ",
			},
			diags: []string{
				`mistakes.xlsx: sheet "Actions" cell C2: RAG "Ambre" is not one of Red, Amber, Green`,
				`mistakes.xlsx: sheet "Actions" cell C3: the RAG cell is coloured but has no word in it`,
				`mistakes.xlsx: sheet "Actions" cell A4: plan reference "K3" is in theme "K", which is not on the "Themes" sheet`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, l := Read(filepath.Base(tt.file), readFile(t, tt.file), tt.sheet, Options{})
			equal(t, "rows", rows(p), tt.want)
			equal(t, "diagnostics", messages(l), tt.diags)
		})
	}
	t.Run("as at from a date cell beside the label", func(t *testing.T) {
		p, _ := Read("officer-plan.xlsx", readFile(t, "testdata/officer-plan.xlsx"), "Plan", Options{})
		if got := p.AsAt.Format("2 January 2006"); got != "31 January 2013" {
			t.Errorf("as at %s", got)
		}
		if p.Actions[0].Extra["notes"] != "extra" {
			t.Errorf("extra column: %v", p.Actions[0].Extra)
		}
	})
}

// The committed .xlsx files match their .fods sources: converting each
// source again with LibreOffice reads the same.
func TestFodsSourcesMatch(t *testing.T) {
	soffice := lookSoffice(t)
	for _, src := range []string{"testdata/officer-plan.fods", "testdata/mistakes.fods", "../../content/ofsted-scrutiny-2013/action-plan.fods"} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "xlsx", "--outdir", dir, src)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			name := strings.TrimSuffix(filepath.Base(src), ".fods") + ".xlsx"
			fresh, _ := Read(name, readFile(t, filepath.Join(dir, name)), "", Options{})
			committed, _ := Read(name, readFile(t, strings.TrimSuffix(src, ".fods")+".xlsx"), "", Options{})
			equal(t, "rows", rows(fresh), rows(committed))
		})
	}
}

func lookSoffice(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("soffice not found: apt-get install -y libreoffice-calc-nogui")
	}
	t.Skip("soffice not found; install it with apt-get install -y libreoffice-calc-nogui")
	return ""
}
