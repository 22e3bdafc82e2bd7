package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/reportpack/reportpack/internal/diag"
)

// decodeFile reads theme.toml from fsys strictly. With a non-nil prev the
// file's keys overlay a copy of prev; palette entries merge field by field,
// so a theme may change only a swatch's fill.
func decodeFile(fsys fs.FS, file string, prev *fileTheme) (*fileTheme, error) {
	src, err := fs.ReadFile(fsys, "theme.toml")
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	ft := &fileTheme{}
	if prev != nil {
		*ft = *prev
	}
	ft.Palette = nil
	md, err := toml.Decode(string(src), ft)
	if err != nil {
		return nil, &Error{List: parseDiag(err, file)}
	}
	var palette map[string]fileSwatch
	if prev != nil {
		palette = mergePalette(prev.Palette, ft.Palette)
	} else {
		palette = ft.Palette
	}
	ft.Palette = palette
	if list := undecoded(md, string(src), file); len(list) > 0 {
		return nil, &Error{List: list}
	}
	return ft, nil
}

// mergePalette returns base with over's non-empty fields laid on top.
func mergePalette(base, over map[string]fileSwatch) map[string]fileSwatch {
	out := make(map[string]fileSwatch, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		s := out[k]
		if v.Fill != "" {
			s.Fill = v.Fill
		}
		if v.Text != "" {
			s.Text = v.Text
		}
		out[k] = s
	}
	return out
}

// parseDiag turns a TOML syntax or type error into a positioned diagnostic.
func parseDiag(err error, file string) diag.List {
	var list diag.List
	var pe toml.ParseError
	if errors.As(err, &pe) {
		list.Errorf(diag.Pos{File: file, Line: pe.Position.Line, Col: pe.Position.Col}, "%s", pe.Message).
			WithHint("check the TOML syntax on this line: strings in double quotes, numbers without units")
		return list
	}
	list.Errorf(diag.Pos{File: file}, "%v", err).
		WithHint("colours are \"#rrggbb\" strings, sizes and margins are numbers")
	return list
}

// undecoded reports every key the theme does not know, at its line. A
// misspelt table reports once, not once for each key inside it.
func undecoded(md toml.MetaData, src, file string) diag.List {
	var list diag.List
	var reported []toml.Key
	for _, k := range md.Undecoded() {
		if coveredBy(k, reported) {
			continue
		}
		reported = append(reported, k)
		line := keyLine(src, k)
		list.Errorf(diag.Pos{File: file, Line: line}, "unknown theme setting %q", k.String()).
			WithHint("check the spelling against themes/default/theme.toml; only the keys listed there are allowed")
	}
	return list
}

func coveredBy(k toml.Key, prefixes []toml.Key) bool {
	for _, p := range prefixes {
		if len(p) < len(k) && p.String() == toml.Key(k[:len(p)]).String() {
			return true
		}
	}
	return false
}

// keyLine finds the line defining key k: a "leaf = " line inside k's table,
// or a "[k]" table header. It returns 0 when the key cannot be found.
func keyLine(src string, k toml.Key) int {
	table := ""
	want := toml.Key(k[:len(k)-1]).String()
	leaf := k[len(k)-1]
	for i, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "[") {
			table = normaliseKey(strings.Trim(line, "[] \t"))
			if table == k.String() {
				return i + 1
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		name = normaliseKey(name)
		if full := joinKey(table, name); full == k.String() || (table == want && name == leaf) {
			return i + 1
		}
	}
	return 0
}

// normaliseKey strips spaces and quotes around the parts of a dotted key.
func normaliseKey(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

func joinKey(table, name string) string {
	if table == "" {
		return name
	}
	return table + "." + name
}
