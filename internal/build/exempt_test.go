package build

import (
	"bytes"
	"compress/zlib"
	"github.com/reportpack/reportpack/internal/packtest"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/reportpack/reportpack/internal/actionplan/xlsxtest"
)

const canary = "qxcanary"

// exemptPack writes the exempt test pack, with workbooks whose cells and
// sheet names carry canaries, and a PDF appendix whose text does.
func exemptPack(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "exempt.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "cabinet")
	for _, f := range ar.Files {
		write(t, filepath.Join(dir, f.Name), f.Data)
	}
	plan := "Title qxcanary-wbtitle\n\nRef\tArea for improvement\tRAG rating\tProgress summary\n" +
		"A1\tqxcanary-area one\tGreen\tqxcanary-progress\\nsecond line\nA2\tqxcanary-area two\tAmber\tqxcanary-more"
	write(t, filepath.Join(dir, "qxcanary-wb.xlsx"), xlsxtest.Build(t, xlsxtest.Sheet{Name: "qxcanarysheet", TSV: plan}))
	write(t, filepath.Join(dir, "qxcanary-exwb.xlsx"), xlsxtest.Build(t, xlsxtest.Sheet{Name: "qxcanaryexsheet", TSV: plan}))
	write(t, filepath.Join(dir, "qxcanary-exfile.pdf"), packtest.TextPDF("qxcanary-pdftext"))
	return dir
}

func TestExemptContentNeverReachesPublicOutput(t *testing.T) {
	dir := exemptPack(t)
	out := t.TempDir()
	res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build failed: %v\n%s", err, res.Diags.Format())
	}
	public, members := filepath.Join(out, "cabinet"), filepath.Join(out, "cabinet-members")
	if res.Out != public || res.MembersOut != members {
		t.Fatalf("outputs %q and %q, want %q and %q", res.Out, res.MembersOut, public, members)
	}
	if strings.HasPrefix(members, public+string(filepath.Separator)) {
		t.Fatal("the members' pack is inside the public folder")
	}
	files := packtest.Tree(t, public)
	if len(files) < 4 {
		t.Fatalf("public output has only %d files", len(files))
	}
	for name, data := range files {
		if strings.Contains(strings.ToLower(name), canary) {
			t.Errorf("public file name %q carries exempt content", name)
		}
		for _, where := range leaks(t, name, data) {
			t.Errorf("public %s: exempt content in %s", name, where)
		}
	}
	// The test must be able to fail: the members' pack holds the canaries.
	if !containsCanary(packtest.Tree(t, members)) {
		t.Fatal("the members' pack holds no canary: the test would not notice a leak")
	}
}

func TestExemptNoticesAndMarks(t *testing.T) {
	dir := exemptPack(t)
	out := t.TempDir()
	res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build failed: %v\n%s", err, res.Diags.Format())
	}
	index := read(t, filepath.Join(res.Out, "index.html"))
	for _, want := range []string{
		"Exclusion of the press and public",
		"Part II: not open to the public",
		"Award of the waste collection contract",
		"Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.",
	} {
		if !strings.Contains(index, want) {
			t.Errorf("public agenda lacks %q", want)
		}
	}
	order := regexp.MustCompile(`(?s)Budget monitoring.*Urgent business.*Exclusion of the press and public.*Award of the waste collection contract`)
	if !order.MatchString(index) {
		t.Error("the exempt item is not last, after the resolution to exclude the public")
	}
	notice := read(t, filepath.Join(res.Out, "item-5-exempt.html"))
	if !strings.Contains(notice, "Cabinet will consider the tenders received.") {
		t.Error("the notice page lacks the public summary")
	}
	finance := read(t, filepath.Join(res.Out, "finance.html"))
	if !strings.Contains(finance, "Legal advice on the budget") || !strings.Contains(finance, "not for publication by virtue of paragraph 5") {
		t.Error("the public report does not list its exempt appendix with a notice")
	}
	membersPage := read(t, filepath.Join(res.MembersOut, "qxcanary-id.html"))
	if !strings.Contains(membersPage, "NOT FOR PUBLICATION") {
		t.Error("the members' page of the exempt item is not marked NOT FOR PUBLICATION")
	}
	publicPDF := pdfText(t, []byte(read(t, filepath.Join(res.Out, "cabinet.pdf"))))
	for _, want := range []string{"Part II: not open to the public", "Award of the waste collection contract",
		"Not for publication by virtue of paragraph 3", "Cabinet will consider the tenders received.", "Legal advice on the budget",
		"Issued 2 March 2026"} {
		if !strings.Contains(strings.Join(strings.Fields(publicPDF), " "), want) {
			t.Errorf("public PDF lacks %q", want)
		}
	}
	membersPDF := pdfText(t, []byte(read(t, filepath.Join(res.MembersOut, "cabinet-members.pdf"))))
	for _, want := range []string{"this is the members' pack", "NOT FOR PUBLICATION (paragraph 3) · Item 5", "NOT FOR PUBLICATION (paragraph 1) · Item 2, appendix 3"} {
		if !strings.Contains(strings.Join(strings.Fields(membersPDF), " "), want) {
			t.Errorf("members' PDF lacks %q", want)
		}
	}
}

func TestPublicReportMustStandAlone(t *testing.T) {
	dir := exemptPack(t)
	file := filepath.Join(dir, "finance.md")
	src := read(t, file)
	src = strings.Replace(src, "# Recommendations", "{{of qxcanary-exwb}}.\n\n# Recommendations", 1)
	write(t, file, []byte(src))
	res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Diags.Format(), `a computed sentence in the public report draws on appendix "qxcanary-exwb", which is exempt`) {
		t.Errorf("no error for a public sentence computed from an exempt appendix:\n%s", res.Diags.Format())
	}
}

// leaks lists where a public file holds a canary: its raw bytes, its
// inflated streams (PDF), their UTF-16 text, or pdftotext's text.
func leaks(t *testing.T, name string, data []byte) []string {
	t.Helper()
	var found []string
	if bytes.Contains(bytes.ToLower(data), []byte(canary)) {
		found = append(found, "the raw bytes")
	}
	if !strings.HasSuffix(name, ".pdf") {
		return found
	}
	for _, s := range inflatedStreams(data) {
		if bytes.Contains(bytes.ToLower(s), []byte(canary)) || bytes.Contains(s, utf16(canary)) {
			found = append(found, "a decompressed stream")
		}
	}
	if bytes.Contains(data, utf16(canary)) {
		found = append(found, "a UTF-16 string")
	}
	if text := pdfText(t, data); strings.Contains(strings.ToLower(text), canary) {
		found = append(found, "the extracted text")
	}
	return found
}

var streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)

func inflatedStreams(pdf []byte) [][]byte {
	var out [][]byte
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		data, _ := io.ReadAll(r)
		out = append(out, data)
	}
	return out
}

func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// pdfText extracts a PDF's text with pdftotext; it needs poppler-utils.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing: apt-get install poppler-utils")
		}
		t.Skip("pdftotext is missing: apt-get install poppler-utils")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func containsCanary(files map[string][]byte) bool {
	for _, data := range files {
		if bytes.Contains(bytes.ToLower(data), []byte(canary)) {
			return true
		}
	}
	return false
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSupplementaryPackHoldsOnlyLateItems(t *testing.T) {
	dir := exemptPack(t)
	file := filepath.Join(dir, "pack.toml")
	src := strings.Replace(read(t, file), `report = "finance.md"`,
		"report = \"finance.md\"\nlate = \"The outturn figures were confirmed after the agenda was issued.\"\nurgent = true\nlate_issued = 2026-03-09", 1)
	write(t, file, []byte(src))
	out := t.TempDir()
	res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out, Supplement: true})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build failed: %v\n%s", err, res.Diags.Format())
	}
	if res.Out != filepath.Join(out, "cabinet-supplement") || res.MembersOut != filepath.Join(out, "cabinet-supplement-members") {
		t.Fatalf("outputs %q and %q", res.Out, res.MembersOut)
	}
	index := read(t, filepath.Join(res.Out, "index.html"))
	for _, want := range []string{
		"supplementary agenda", "adds to the agenda issued on 2 March 2026",
		"Budget monitoring", "Late item, issued 9 March 2026.", "The outturn figures were confirmed",
		"section 100B(4)(b) of the Local Government Act 1972",
	} {
		if !strings.Contains(index, want) {
			t.Errorf("supplement's front sheet lacks %q", want)
		}
	}
	for _, absent := range []string{"Apologies for absence", "Urgent business", "Award of the waste collection contract"} {
		if strings.Contains(index, absent) {
			t.Errorf("supplement holds %q, which is not late", absent)
		}
	}
	if !strings.Contains(index, "Date of issue: 9 March 2026") {
		t.Error("the supplement does not carry its own date of issue")
	}
	if text := pdfText(t, []byte(read(t, filepath.Join(res.Out, "cabinet-supplement.pdf")))); !strings.Contains(text, "Supplement issued 9 March 2026") {
		t.Error("the supplement's PDF pages do not carry its date of issue")
	}
}

func TestSupplementNeedsALateItem(t *testing.T) {
	res, err := Pack(filepath.ToSlash(exemptPack(t)), Options{OutRoot: t.TempDir(), Supplement: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Diags.Format(), "no item is late or revised") {
		t.Errorf("got:\n%s", res.Diags.Format())
	}
}
