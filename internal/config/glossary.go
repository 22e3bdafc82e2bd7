package config

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/reportpack/reportpack/internal/diag"
)

// GlossaryFile is the optional file of a pack's acronyms, beside pack.toml:
// one line each, such as CQC = "Care Quality Commission".
const GlossaryFile = "glossary.toml"

// LoadGlossary reads dir/glossary.toml from fsys: acronym -> long form. A
// pack without one has an empty glossary and no problem.
func LoadGlossary(fsys fs.FS, dir string) (map[string]string, diag.List) {
	var diags diag.List
	file := path.Join(dir, GlossaryFile)
	src, err := readSmall(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		diags.Errorf(diag.Pos{File: file}, "cannot read the glossary: %v", pathless(err))
		return nil, diags
	}
	src = normalise(file, src, &diags)
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: file}
		if errors.As(err, &pe) {
			pos.Line, pos.Col = pe.Position.Line, pe.Position.Col
		}
		diags.Errorf(pos, "glossary.toml is not valid TOML: %s", firstLine(err.Error())).
			WithHint(`write one acronym a line: CQC = "Care Quality Commission"`)
		return nil, diags
	}
	return glossaryEntries(raw, src, file, &diags), diags
}

// glossaryEntries keeps the text entries of raw and reports the others.
func glossaryEntries(raw map[string]any, src []byte, file string, diags *diag.List) map[string]string {
	out := map[string]string{}
	for _, k := range sortedAnyKeys(raw) {
		s, ok := raw[k].(string)
		if !ok || strings.TrimSpace(s) == "" {
			diags.Errorf(diag.Pos{File: file, Line: keyLine(src, k), Col: 1}, "the glossary entry %q is not a long form in quotes", k).
				WithHint(`write it as %s = "the words it stands for"`, k)
			continue
		}
		out[k] = s
	}
	return out
}

// keyLine finds the line where key is set, or 0.
func keyLine(src []byte, key string) int {
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for i, line := range strings.Split(string(src), "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 0
}

func sortedAnyKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
