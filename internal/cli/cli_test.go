package cli

import (
	"bytes"
	"github.com/reportpack/reportpack/internal/packtest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// run calls Main with buffer IO and returns the exit code and both streams.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, IO{
		Out:    &out,
		Err:    &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    time.Now,
	})
	return code, out.String(), errb.String()
}

// unpack writes a txtar pack from testdata into a new folder and returns it.
func unpack(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), name)
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no arguments prints usage and exits 2", nil, 2, "Usage:"},
		{"help exits 0", []string{"help"}, 0, "Commands:"},
		{"unknown command exits 2", []string{"bulid"}, 2, `unknown command "bulid"`},
		{"unknown flag exits 2", []string{"build", "--colour"}, 2, "flag provided but not defined"},
		{"flag after pack folder exits 2", []string{"build", "somepack", "--out", "x"}, 2, "must come before the pack folders"},
		{"build --help exits 0", []string{"build", "--help"}, 0, "Usage: reportpack build"},
		{"version", []string{"version"}, 0, "reportpack dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, nil, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if !strings.Contains(out+errs, tt.want) {
				t.Errorf("output does not contain %q:\n%s%s", tt.want, out, errs)
			}
		})
	}
}

func TestCheckReportsEveryProblemWithPositions(t *testing.T) {
	dir := unpack(t, "dangling")
	code, _, errs := run(t, nil, "check", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errs)
	}
	for _, want := range []string{
		filepath.ToSlash(dir) + `/finance.md:4:1: unknown key "titel"`,
		filepath.ToSlash(dir) + "/finance.md:13:40: nothing in this report is labelled \"nowhere\"",
		"nowhere",
		"2 errors",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
		t.Errorf("stderr shows a Go panic:\n%s", errs)
	}
}

// An officer's one typo in the front matter is one error: the references
// to the appendices it lists are not reported as well, as each would be
// a problem of its own (session 1 left this rough edge).
func TestBrokenFrontMatterIsOneError(t *testing.T) {
	dir := unpack(t, "broken-front")
	code, _, errs := run(t, nil, "check", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errs)
	}
	if want := filepath.ToSlash(dir) + "/finance.md:6:"; !strings.Contains(errs, want) || !strings.Contains(errs, "not valid TOML") {
		t.Errorf("stderr lacks the syntax error at %s:\n%s", want, errs)
	}
	for _, follow := range []string{"labelled", "no appendix", "1 error,"} {
		if got := strings.Contains(errs, follow); got != (follow == "1 error,") {
			t.Errorf("stderr contains %q: %v, want %v:\n%s", follow, got, !got, errs)
		}
	}
}

func TestCheckWritesNothing(t *testing.T) {
	dir := unpack(t, "minimal")
	out := t.TempDir()
	code, _, errs := run(t, nil, "check", dir)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("check wrote %d entries", len(entries))
	}
}

func TestBuildMinimalPack(t *testing.T) {
	dir := unpack(t, "minimal")
	out := t.TempDir()
	code, stdout, errs := run(t, nil, "build", "--out", out, dir)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	if !strings.Contains(stdout, "2 items, 1 report") {
		t.Errorf("summary line: %q", stdout)
	}
	page := readFile(t, filepath.Join(out, "minimal", "finance.html"))
	for _, want := range []string{"paragraph 2.2.1", `href="#para-2-2-1"`, "£12.5m", "<strong>balanced</strong>"} {
		if !strings.Contains(page, want) {
			t.Errorf("finance.html lacks %q", want)
		}
	}
	for _, f := range []string{"index.html", "minimal.pdf", "assets/style.css"} {
		if _, err := os.Stat(filepath.Join(out, "minimal", f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
}

func TestBuildIsByteIdentical(t *testing.T) {
	dir := unpack(t, "minimal")
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if code, _, errs := run(t, nil, "build", "--out", out, dir); code != 0 {
			t.Fatalf("exit %d:\n%s", code, errs)
		}
	}
	filesA, filesB := packtest.Tree(t, filepath.Join(a, "minimal")), packtest.Tree(t, filepath.Join(b, "minimal"))
	if len(filesA) != len(filesB) {
		t.Fatalf("%d files, then %d", len(filesA), len(filesB))
	}
	for name, data := range filesA {
		if !bytes.Equal(data, filesB[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestFailedBuildKeepsLastGoodOutput(t *testing.T) {
	dir := unpack(t, "minimal")
	out := t.TempDir()
	if code, _, errs := run(t, nil, "build", "--out", out, dir); code != 0 {
		t.Fatalf("first build: exit %d:\n%s", code, errs)
	}
	before := packtest.Tree(t, filepath.Join(out, "minimal"))
	breakFile(t, filepath.Join(dir, "finance.md"), "[@risks]", "[@no-such-label]")
	code, _, errs := run(t, nil, "build", "--out", out, dir)
	if code != 1 || !strings.Contains(errs, "nothing was written") {
		t.Fatalf("broken build: exit %d:\n%s", code, errs)
	}
	after := packtest.Tree(t, filepath.Join(out, "minimal"))
	if len(after) != len(before) {
		t.Fatalf("output changed: %d files, then %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	dir := unpack(t, "minimal")
	out := t.TempDir()
	code, _, errs := run(t, map[string]string{"SOURCE_DATE_EPOCH": "soon"}, "build", "--out", out, dir)
	if code != 2 || !strings.Contains(errs, "SOURCE_DATE_EPOCH") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	code, _, errs = run(t, map[string]string{"SOURCE_DATE_EPOCH": "1700000000"}, "build", "--out", out, dir)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
}

func TestReportOutsideThePackIsRefused(t *testing.T) {
	dir := unpack(t, "minimal")
	os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.md"), []byte("+++\n+++\n"), 0o644)
	breakFile(t, filepath.Join(dir, "pack.toml"), `report = "finance.md"`, `report = "../secret.md"`)
	code, _, errs := run(t, nil, "check", dir)
	if code != 1 || !regexp.MustCompile(`pack.toml:\d+:1: the report "../secret.md" is outside the pack folder`).MatchString(errs) {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}

func breakFile(t *testing.T, file, old, new string) {
	t.Helper()
	src := readFile(t, file)
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(src, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestUnknownColumnAliasIsAnError(t *testing.T) {
	dir := unpack(t, "minimal")
	file := filepath.Join(dir, "pack.toml")
	os.WriteFile(file, []byte(readFile(t, file)+"\n[columns]\nraiting = [\"Status\"]\n"), 0o644)
	code, _, errs := run(t, nil, "check", dir)
	want := `pack.toml:26:1: [columns] names "raiting", which is not an action-plan column`
	if code != 1 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, want 1 and %q:\n%s", code, want, errs)
	}
}

func TestOutputIsReadableByAWebServer(t *testing.T) {
	dir := unpack(t, "minimal")
	out := t.TempDir()
	if code, _, errs := run(t, nil, "build", "--out", out, dir); code != 0 {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	info, err := os.Stat(filepath.Join(out, "minimal"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm()&0o055 != 0o055 {
		t.Errorf("output folder mode %v: others cannot read it", info.Mode().Perm())
	}
}
