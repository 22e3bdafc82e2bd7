package tomlfile

import (
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
)

// findKeyLine returns the 1-based line of src that sets the key at path, or
// of the table that holds it, or 0 when neither is found. BurntSushi/toml
// keeps key positions private, so we scan the text: tables in [brackets],
// then "key = value" lines, skipping multi-line strings.
func findKeyLine(src []byte, path []string) int {
	table, tableLine := []string(nil), 0
	best := 0
	inMultiline := ""
	for i, raw := range strings.Split(string(src), "\n") {
		line := strings.TrimSpace(raw)
		if inMultiline != "" {
			if strings.Contains(line, inMultiline) {
				inMultiline = ""
			}
			continue
		}
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "["):
			table = splitKey(strings.Trim(line, "[] \t"))
			if equalPath(table, path) && best == 0 {
				best = i + 1
			}
			if equalPath(table, path[:len(path)-1]) {
				tableLine = i + 1
			}
			continue
		}
		key, rest, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		full := append(append([]string(nil), table...), splitKey(key)...)
		if equalPath(full, path) {
			return i + 1
		}
		inMultiline = opensMultiline(rest)
	}
	if best != 0 {
		return best
	}
	return tableLine
}

// opensMultiline returns the closing delimiter if value starts a multi-line
// string that does not close on the same line.
func opensMultiline(value string) string {
	v := strings.TrimSpace(value)
	for _, q := range []string{`"""`, `'''`} {
		if strings.HasPrefix(v, q) && !strings.Contains(v[3:], q) {
			return q
		}
	}
	return ""
}

func splitKey(s string) []string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return parts
}

func equalPath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// nearest returns the candidate within edit distance 2 of name, if any.
func nearest(name string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := diag.Distance(strings.ToLower(name), c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
