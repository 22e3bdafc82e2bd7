package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/themes"
)

// DefaultName is the name of the embedded theme.
const DefaultName = "default"

// Error is every problem found in a theme, with positions; build prints its
// List like any other content diagnostics.
type Error struct {
	List diag.List
}

// Error implements error: one "pos: message" line per problem.
func (e *Error) Error() string {
	lines := make([]string, len(e.List))
	for i, d := range e.List {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Default returns the theme embedded in the binary.
func Default() (*Theme, error) {
	return Load(DefaultName)
}

// Load returns the theme called name. Each of dirs is a themes folder (the
// pack's own themes/ first, then the project's); the first holding name/
// is laid over the embedded default file by file: its theme.toml keys
// replace the default's, and its templates/ and assets/ files replace or add
// to the default's. A name found nowhere is an error, except "default" (or
// ""), which falls back to the embedded theme alone.
func Load(name string, dirs ...fs.FS) (*Theme, error) {
	if name == "" {
		name = DefaultName
	}
	if !fs.ValidPath(name) || strings.Contains(name, "/") || name == "." {
		return nil, fmt.Errorf("theme name %q is not a folder name", name)
	}
	base := themes.Default()
	over, err := find(name, dirs)
	if err != nil {
		return nil, err
	}
	return build(name, base, over)
}

// find returns the first dir's name/ folder, or nil for the default theme
// when no dir overrides it.
func find(name string, dirs []fs.FS) (fs.FS, error) {
	for _, d := range dirs {
		if d == nil {
			continue
		}
		if info, err := fs.Stat(d, name); err == nil && info.IsDir() {
			return fs.Sub(d, name)
		}
	}
	if name == DefaultName {
		return nil, nil
	}
	return nil, &Error{List: diag.List{{
		Severity: diag.Error,
		Message:  fmt.Sprintf("theme %q not found", name),
		Hint:     fmt.Sprintf("create themes/%s/ beside pack.toml or in the project, or remove theme from pack.toml to use the default", name),
	}}}
}

// build decodes and checks the merged settings and merges the files.
func build(name string, base, over fs.FS) (*Theme, error) {
	var errs diag.List
	ft, err := decodeFile(base, "themes/default/theme.toml", nil)
	if err != nil {
		return nil, fmt.Errorf("embedded default theme: %w", err)
	}
	files, err := merge(base, over)
	if err != nil {
		return nil, fmt.Errorf("reading theme %q: %w", name, err)
	}
	if over != nil {
		ft = overlay(ft, over, "themes/"+name+"/theme.toml", &errs)
	}
	th := ft.toTheme(name)
	th.Files = files
	errs.Append(check(th, "themes/"+name+"/theme.toml"))
	if errs.HasErrors() {
		return th, &Error{List: errs}
	}
	return th, nil
}

// overlay decodes over's theme.toml, if any, on top of ft.
func overlay(ft *fileTheme, over fs.FS, file string, errs *diag.List) *fileTheme {
	if _, err := fs.Stat(over, "theme.toml"); errors.Is(err, fs.ErrNotExist) {
		return ft
	}
	out, err := decodeFile(over, file, ft)
	if err != nil {
		var te *Error
		if errors.As(err, &te) {
			errs.Append(te.List)
		} else {
			errs.Errorf(diag.Pos{File: file}, "%v", err)
		}
		return ft
	}
	return out
}

// merge copies base's files, then over's, into one in-memory file system.
// theme.toml itself is left out: it is decoded, not served.
func merge(base, over fs.FS) (fs.FS, error) {
	m := memFS{}
	for _, src := range []fs.FS{base, over} {
		if src == nil {
			continue
		}
		if err := copyInto(m, src); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func copyInto(m memFS, src fs.FS) error {
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "theme.toml" {
			return err
		}
		if strings.HasPrefix(path.Base(p), ".") {
			return nil // editor and OS litter: .DS_Store, .swp
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		m[p] = data
		return nil
	})
}

// sortedClasses returns the palette's classes in order.
func sortedClasses(p map[string]Swatch) []string {
	out := make([]string, 0, len(p))
	for k := range p {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
