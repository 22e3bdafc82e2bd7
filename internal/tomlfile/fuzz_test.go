package tomlfile

import (
	"testing"
)

// FuzzDecode feeds arbitrary TOML to Decode over a struct with every kind
// of field the readers use: it must never panic, and every problem must
// name the file and a line inside the source (issue 7).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"", "title = \"A\"\ndate = 2013-03-12\n[contact]\nname = \"Meg\"\n",
		"titel = 1\n[[appendices]]\nid = 2\n[[appendices]]\ntitl = \"x\"\n",
		"[contact]\nname = 3\nemail = \"a\"\nphone = 1\n", "a.b.c = 1\n[x.y]\nz = '''\n\n'''\n",
		"wards = [1, \"a\", [2]]\nkey_decision = \"no\"\n", "date = 1979-05-27T07:32:00Z\n\"title\" = 'x'\n",
	} {
		f.Add([]byte(s), 1)
	}
	f.Fuzz(func(t *testing.T, src []byte, first int) {
		first = 1 + abs(first)%1000
		var d doc
		lines := 1 + countLines(src)
		for _, p := range Decode("f.toml", src, first, &d) {
			if p.Pos.File != "f.toml" || p.Pos.Line != 0 && (p.Pos.Line < first || p.Pos.Line >= first+lines) {
				t.Fatalf("problem outside the source (lines %d to %d): %v", first, first+lines-1, p)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -(n + 1)
	}
	return n
}

func countLines(src []byte) int {
	n := 0
	for _, b := range src {
		if b == '\n' {
			n++
		}
	}
	return n
}
