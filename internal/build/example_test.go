package build

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const examplePack = "../../content/ofsted-scrutiny-2013"

// seedNumbers are the paragraph numbers of the seed paper, in order.
var seedNumbers = strings.Fields(`1.1 1.2 2.1.1 2.1.2 2.2.1 2.2.2 2.3.1 2.3.2 2.3.3 2.3.4
	3.1.1 3.1.2 3.1.3 3.1.4 3.2.1 3.2.2 3.2.3 3.2.4 3.2.5 3.2.6 3.2.7 3.2.8 3.2.9 3.2.10 4.1 4.2`)

// copyExample copies the example pack into a new folder, lets edit change
// it, and returns the folder.
func copyExample(t *testing.T, edit func(dir string)) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ofsted-scrutiny-2013")
	if err := os.CopyFS(dir, os.DirFS(examplePack)); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(dir)
	}
	return dir
}

// buildCopy builds a copy of the example pack, changed by edit, and
// returns the output folder.
func buildCopy(t *testing.T, edit func(dir string)) string {
	t.Helper()
	dir := copyExample(t, edit)
	out := t.TempDir()
	res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build failed: %v\n%s", err, res.Diags.Format())
	}
	return res.Out
}

var paraID = regexp.MustCompile(`id="para-([0-9-]+)"`)

func paragraphNumbers(t *testing.T, page string) []string {
	t.Helper()
	var nums []string
	for _, m := range paraID.FindAllStringSubmatch(page, -1) {
		nums = append(nums, strings.ReplaceAll(m[1], "-", "."))
	}
	return nums
}

func TestExampleNumbersFollowTheSeed(t *testing.T) {
	out := buildCopy(t, nil)
	got := paragraphNumbers(t, read(t, filepath.Join(out, "ofsted-inspections.html")))
	if strings.Join(got, " ") != strings.Join(seedNumbers, " ") {
		t.Errorf("paragraph numbers:\n got %v\nwant %v", got, seedNumbers)
	}
}

func TestDeletingTheFirstParagraphRenumbers(t *testing.T) {
	out := buildCopy(t, func(dir string) {
		file := filepath.Join(dir, "ofsted-inspections.md")
		src := read(t, file)
		start := strings.Index(src, "To provide this Committee with the final inspection report")
		end := strings.Index(src, "To provide this Committee with a second progress update")
		if start < 0 || end < start {
			t.Fatal("the example report no longer has its first two paragraphs")
		}
		os.WriteFile(file, []byte(src[:start]+src[end:]), 0o644)
	})
	page := read(t, filepath.Join(out, "ofsted-inspections.html"))
	re := regexp.MustCompile(`id="para-1-1"[^>]*>(?s:.*?)To provide this Committee with a second progress update`)
	if !re.MatchString(page) {
		t.Error(`"To provide this Committee with a second progress update" is not paragraph 1.1`)
	}
	if got := paragraphNumbers(t, page); len(got) != len(seedNumbers)-1 || got[len(got)-1] != "4.2" {
		t.Errorf("numbers after deleting 1.1: %v", got)
	}
}

// TestExampleGolden compares the <main> region of the example's pages with
// golden files; run `go test ./internal/build -update` and read the diff.
func TestExampleGolden(t *testing.T) {
	out := buildCopy(t, nil)
	for _, page := range []string{"index.html", "ofsted-inspections.html"} {
		t.Run(page, func(t *testing.T) {
			got := mainRegion(t, read(t, filepath.Join(out, page)))
			golden := filepath.Join("testdata", "example", page)
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
				return
			}
			if want := read(t, golden); got != want {
				t.Errorf("%s differs from %s; run go test ./internal/build -update and review the diff", page, golden)
			}
		})
	}
}

func mainRegion(t *testing.T, page string) string {
	t.Helper()
	start, end := strings.Index(page, "<main"), strings.Index(page, "</main>")
	if start < 0 || end < start {
		t.Fatal("page has no <main> region")
	}
	return page[start:end+len("</main>")] + "\n"
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
