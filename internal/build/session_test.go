package build

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/narrative"
	"github.com/reportpack/reportpack/internal/packgen"
)

// smallPack writes a generated pack of three reports and returns its folder.
func smallPack(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack")
	if err := packgen.Write(dir, packgen.Size{Reports: 3, Rows: 5}); err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(dir)
}

// appendSentence adds a sentence to the first paragraph of a report.
func appendSentence(t *testing.T, file, sentence string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), ".\n\n", ". "+sentence+"\n\n", 1)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Issue 9: serve re-reads only the files that changed.
func TestSessionRereadsOnlyChangedFiles(t *testing.T) {
	dir := smallPack(t)
	s := NewSession()
	steps := []struct {
		name string
		edit func()
		want []string
	}{
		{"first build reads everything", func() {}, []string{
			"report-001.md", "report-001-plan.xlsx", "report-002.md", "report-002-plan.xlsx", "report-003.md", "report-003-plan.xlsx"}},
		{"nothing changed reads nothing", func() {}, nil},
		{"an edited report is read again alone", func() { appendSentence(t, filepath.Join(dir, "report-002.md"), "One more.") }, []string{"report-002.md"}},
		{"touching without changing reads nothing", func() {
			data, _ := os.ReadFile(filepath.Join(dir, "report-001.md"))
			os.WriteFile(filepath.Join(dir, "report-001.md"), data, 0o644)
		}, nil},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.edit()
			cached, diags := model(dir, s)
			if diags.HasErrors() {
				t.Fatal(diags.Format())
			}
			var got []string
			for _, f := range s.Parsed() {
				got = append(got, filepath.Base(f))
			}
			if !slices.Equal(got, st.want) {
				t.Errorf("parsed %q, want %q", got, st.want)
			}
			fresh, _ := model(dir, nil)
			if !reflect.DeepEqual(cached.pack, fresh.pack) || !reflect.DeepEqual(cached.public, fresh.public) {
				t.Error("the model built from the cache differs from a fresh one")
			}
			checkPristine(t, s)
		})
	}
}

// checkPristine fails when a cached report is not what the reader makes of
// its file: a build changed the cache's copy.
func checkPristine(t *testing.T, s *Session) {
	t.Helper()
	for file, c := range s.reports {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if fresh, _ := narrative.Read(file, src); !reflect.DeepEqual(c.val, fresh) {
			t.Errorf("the cached %s was changed by a build", file)
		}
	}
}
