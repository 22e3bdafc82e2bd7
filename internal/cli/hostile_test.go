package cli

import (
	"bytes"
	"github.com/reportpack/reportpack/internal/packtest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/actionplan/xlsxtest"
)

// hostileCase is one broken or hostile pack (issue 7): edit breaks a copy of
// the minimal pack (which has a workbook appendix, plan.xlsx); want matches
// the message that must name the file and its line, or workbook and sheet.
type hostileCase struct {
	name   string
	edit   func(t *testing.T, dir string)
	want   string // regular expression, after the pack folder is replaced by "PACK"
	builds bool   // the input is unusual, not wrong: it builds (exit 0)
}

// planAppendix attaches a workbook appendix to finance.md so that workbook
// cases have one to break.
const planAppendix = `[[appendices]]
id = "plan"
title = "Action plan"
file = "plan.xlsx"
sheet = "Actions"
+++`

func goodPlan(t *testing.T) []byte {
	return xlsxtest.Build(t, xlsxtest.Sheet{Name: "Actions", TSV: "Ref\tAction\tRAG rating\nA1\tReview the budget\tGreen\n"})
}

// withPlan unpacks the minimal pack and adds a workbook appendix to it.
func withPlan(t *testing.T) string {
	t.Helper()
	dir := unpack(t, "minimal")
	report := filepath.Join(dir, "finance.md")
	src := readFile(t, report)
	i := strings.Index(src[3:], "+++") + 3
	src = src[:i] + planAppendix + src[i+3:]
	src = strings.Replace(src, "First paragraph of the purpose.", "First paragraph of the purpose, with [@plan].", 1)
	write(t, report, src)
	writeBytes(t, filepath.Join(dir, "plan.xlsx"), goodPlan(t))
	return dir
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "missing pack.toml", edit: remove("pack.toml"), want: `PACK/pack\.toml: .*no such file`},
		{name: "missing report", edit: remove("finance.md"), want: `PACK/pack\.toml:\d+:1: cannot read the report "finance\.md": there is no such file`},
		{name: "missing workbook", edit: remove("plan.xlsx"), want: `PACK/finance\.md:\d+:\d+: cannot read the workbook "plan\.xlsx": there is no such file`},
		{name: "unreadable pack.toml", edit: unreadable("pack.toml"), want: `PACK/pack\.toml: .*permission denied`},
		{name: "unreadable report", edit: unreadable("finance.md"), want: `PACK/pack\.toml:\d+:1: cannot read the report "finance\.md": permission denied`},
		{name: "unreadable workbook", edit: unreadable("plan.xlsx"), want: `PACK/finance\.md:\d+:\d+: cannot read the workbook "plan\.xlsx": permission denied`},
		{name: "report is a folder", edit: func(t *testing.T, dir string) {
			replace(t, dir, "pack.toml", `"finance.md"`, `"folder.md"`)
			mkdir(t, dir, "folder.md")
		}, want: `PACK/pack\.toml:\d+:1: cannot read the report "folder\.md": it is a folder, not a file`},
		{name: "empty pack.toml", edit: put("pack.toml", ""), want: `PACK/pack\.toml:1:1: pack\.toml has no "council"`},
		{name: "empty report", edit: put("finance.md", ""), want: `PACK/finance\.md:1:1: this report has no front matter`},
		{name: "empty workbook", edit: put("plan.xlsx", ""), want: `PACK/plan\.xlsx: the file is empty`},
		{name: "Word document named .xlsx", edit: func(t *testing.T, dir string) {
			writeBytes(t, filepath.Join(dir, "plan.xlsx"), xlsxtest.Zip(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}))
		}, want: `PACK/plan\.xlsx: the file is a Word document`},
		{name: "CSV named .xlsx", edit: put("plan.xlsx", "Ref,Action,RAG rating\nA1,Review,Green\n"), want: `PACK/plan\.xlsx: the file is text \(perhaps CSV\)`},
		{name: "password-protected workbook", edit: func(t *testing.T, dir string) {
			writeBytes(t, filepath.Join(dir, "plan.xlsx"), xlsxtest.Protected(t))
		}, want: `PACK/plan\.xlsx: the workbook is password-protected`},
		{name: "wrong sheet name", edit: replacer("finance.md", `sheet = "Actions"`, `sheet = "Actoins"`), want: `PACK/plan\.xlsx: the workbook has no sheet called "Actoins"`},
		{name: "bad rating in a workbook cell", edit: func(t *testing.T, dir string) {
			writeBytes(t, filepath.Join(dir, "plan.xlsx"), xlsxtest.Build(t, xlsxtest.Sheet{Name: "Actions", TSV: "Ref\tAction\tRAG rating\nA1\tReview\tPurple\n"}))
		}, want: `PACK/plan\.xlsx: sheet "Actions" cell C2: `},
		{name: "duplicate agenda ids", edit: replacer("pack.toml", `report = "finance.md"`, "id = \"apologies\"\nreport = \"finance.md\""), want: `PACK/pack\.toml:\d+:1: two agenda items have the id "apologies"`},
		{name: "duplicate labels", edit: replacer("finance.md", "# Recommendations", "# Recommendations {#risks}"), want: `PACK/finance\.md:\d+:\d+: .*"risks"`},
		{name: "duplicate appendix ids", edit: replacer("finance.md", planAppendix, strings.Replace(planAppendix, "+++", planAppendix, 1)), want: `PACK/finance\.md:\d+:\d+: .*"plan"`},
		{name: "invalid date in pack.toml", edit: replacer("pack.toml", "issued = 2026-03-02", "issued = 2026-02-30"), want: `(?s)^PACK/pack\.toml:3:\d+: this is not valid TOML.*PACK: 1 error,`},
		{name: "date written as text", edit: replacer("pack.toml", "date = 2026-03-12", `date = "12 March 2026"`), want: `(?s)PACK/pack\.toml:6:1: "date" should be a date, but it is text.*PACK: 2 errors,`},
		{name: "invalid date in front matter", edit: replacer("finance.md", `report_of =`, "date = 2026-13-01\nreport_of ="), want: `PACK/finance\.md:3:\d+: this is not valid TOML`},
		{name: "pack with no items", edit: func(t *testing.T, dir string) {
			src := readFile(t, filepath.Join(dir, "pack.toml"))
			write(t, filepath.Join(dir, "pack.toml"), src[:strings.Index(src, "[[item]]")])
		}, want: `PACK/pack\.toml:1:1: the agenda has no items`},
		{name: "front matter never closes", edit: replacer("finance.md", "+++\n\n# Purpose", "\n# Purpose"), want: `PACK/finance\.md:1:1: the front matter starting here never closes`},
		{name: "BOM and Windows line endings build", edit: func(t *testing.T, dir string) {
			for _, f := range []string{"pack.toml", "finance.md"} {
				p := filepath.Join(dir, f)
				write(t, p, "\ufeff"+strings.ReplaceAll(readFile(t, p), "\n", "\r\n"))
			}
		}, want: `^$`, builds: true},
		{name: "BOM and Windows line endings keep line numbers", edit: func(t *testing.T, dir string) {
			replace(t, dir, "finance.md", "report_of", "titel = \"x\"\nreport_of")
			replace(t, dir, "pack.toml", "venue =", "venu = \"x\"\nvenue =")
			for _, f := range []string{"pack.toml", "finance.md"} {
				p := filepath.Join(dir, f)
				write(t, p, "\ufeff"+strings.ReplaceAll(readFile(t, p), "\n", "\r\n"))
			}
		}, want: `(?s)PACK/finance\.md:3:1: unknown key "titel".*PACK/pack\.toml:8:1: unknown key "venu"`},
		{name: "Latin-1 report", edit: replacer("finance.md", "balanced", "balanced (\xa312.5m)"), want: `PACK/finance\.md:\d+:\d+: this file is not UTF-8 text`},
		{name: "Latin-1 pack.toml", edit: replacer("pack.toml", "Council Chamber", "Salle du Conseil, H\xf4tel"), want: `(?s)^PACK/pack\.toml:8:29: this file is not UTF-8 text.*PACK: 1 error,`},
		{name: "report path with ..", edit: replacer("pack.toml", `"finance.md"`, `"../finance.md"`), want: `PACK/pack\.toml:\d+:1: the report "\.\./finance\.md" is outside the pack folder`},
		{name: "absolute report path", edit: func(t *testing.T, dir string) {
			replace(t, dir, "pack.toml", `"finance.md"`, `"`+filepath.ToSlash(filepath.Join(dir, "finance.md"))+`"`)
		}, want: `PACK/pack\.toml:\d+:1: the report ".*finance\.md" is outside the pack folder`},
		{name: "workbook path with ..", edit: replacer("finance.md", `file = "plan.xlsx"`, `file = "../plan.xlsx"`), want: `PACK/finance\.md:\d+:\d+: the workbook "\.\./plan\.xlsx" is outside the pack folder`},
		{name: "report symlink out of the pack", edit: symlinkOut("finance.md"), want: `PACK/pack\.toml:\d+:1: cannot read the report "finance\.md": it leads outside the pack folder`},
		{name: "workbook symlink out of the pack", edit: symlinkOut("plan.xlsx"), want: `PACK/finance\.md:\d+:\d+: cannot read the workbook "plan\.xlsx": it leads outside the pack folder`},
		{name: "text named .pdf", edit: withPDF([]byte("Minutes of the last meeting\n")), want: `PACK/finance\.md:\d+:\d+: the PDF appendix "scan\.pdf" cannot be read`},
		{name: "empty PDF", edit: withPDF(nil), want: `PACK/finance\.md:\d+:\d+: the PDF appendix "scan\.pdf" cannot be read: .*empty`},
		{name: "PDF of too many pages", edit: withPDF(packtest.BlankPDF(2001)), want: `PACK/finance\.md:\d+:\d+: the PDF appendix "scan\.pdf" has 2001 pages, more than the limit of 2000`},
		{name: "unknown theme", edit: replacer("pack.toml", "issued =", "theme = \"nosuch\"\nissued ="), want: `(?s)^PACK/pack\.toml:3:1: theme "nosuch" not found.*PACK: 1 error,`},
		{name: "broken pack.toml", edit: put("pack.toml", "council = \"x\n[meeting\n"), want: `(?s)^PACK/pack\.toml:1:\d+: this is not valid TOML.*PACK: 1 error,`},
		{name: "unknown block type", edit: replacer("finance.md", "# Recommendations", "```rag-table\nlabel = [1\n```\n\n# Recommendations"), want: `PACK/finance\.md:\d+:\d+: `},
	}
}

func TestHostileInputsFailWell(t *testing.T) {
	good := t.TempDir()
	if code, _, errs := run(t, nil, "build", "--quiet", "--out", good, withPlan(t)); code != 0 {
		t.Fatalf("the unbroken pack does not build: exit %d\n%s", code, errs)
	}
	for _, tt := range hostileCases() {
		t.Run(tt.name, func(t *testing.T) {
			dir := withPlan(t)
			tt.edit(t, dir)
			out := t.TempDir()
			if err := os.CopyFS(out, os.DirFS(good)); err != nil {
				t.Fatal(err)
			}
			before := packtest.Tree(t, out)
			code, stdout, errs := run(t, nil, "build", "--quiet", "--out", out, dir)
			text := strings.ReplaceAll(errs, filepath.ToSlash(dir), "PACK")
			if want := map[bool]int{false: 1, true: 0}[tt.builds]; code != want {
				t.Errorf("exit %d, want %d", code, want)
			}
			if !regexp.MustCompile(tt.want).MatchString(text) {
				t.Errorf("stderr does not match %q:\n%s", tt.want, text)
			}
			if strings.Contains(stdout+errs, "panic") || strings.Contains(stdout+errs, "goroutine") {
				t.Errorf("output shows a Go panic:\n%s", errs)
			}
			if !tt.builds {
				sameTree(t, before, packtest.Tree(t, out))
			}
		})
	}
}

// sameTree fails unless two folder snapshots hold the same files and bytes.
func sameTree(t *testing.T, before, after map[string][]byte) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("output changed: %d files, then %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed", name)
		}
	}
}

func remove(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

func unreadable(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if os.Geteuid() == 0 {
			t.Skip("root can read any file, so chmod 000 cannot make one unreadable")
		}
		if err := os.Chmod(filepath.Join(dir, name), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, name), 0o644) })
	}
}

func put(name, content string) func(*testing.T, string) {
	return func(t *testing.T, dir string) { write(t, filepath.Join(dir, name), content) }
}

func replacer(name, old, new string) func(*testing.T, string) {
	return func(t *testing.T, dir string) { replace(t, dir, name, old, new) }
}

func replace(t *testing.T, dir, name, old, new string) {
	t.Helper()
	breakFile(t, filepath.Join(dir, name), old, new)
}

// symlinkOut moves name out of the pack and leaves a link to it in its place.
func symlinkOut(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		outside := filepath.Join(t.TempDir(), name)
		if err := os.Rename(filepath.Join(dir, name), outside); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make a symbolic link here: %v", err)
		}
	}
}

func mkdir(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, name, content string) {
	t.Helper()
	writeBytes(t, name, []byte(content))
}

func writeBytes(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// withPDF attaches a PDF appendix, scan.pdf, holding data to finance.md.
func withPDF(data []byte) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		replace(t, dir, "finance.md", planAppendix, strings.Replace(planAppendix, "+++",
			"[[appendices]]\nid = \"scan\"\ntitle = \"Scan\"\nfile = \"scan.pdf\"\n+++", 1))
		replace(t, dir, "finance.md", "with [@plan]", "with [@plan; @scan]")
		writeBytes(t, filepath.Join(dir, "scan.pdf"), data)
	}
}
