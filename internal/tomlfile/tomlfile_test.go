package tomlfile

import (
	"strings"
	"testing"
	"time"
)

type contact struct {
	Name  string `toml:"name"`
	Email string `toml:"email"`
}

type appendix struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
}

type doc struct {
	Title      string     `toml:"title"`
	Date       time.Time  `toml:"date"`
	Key        bool       `toml:"key_decision"`
	Wards      []string   `toml:"wards"`
	Contact    contact    `toml:"contact"`
	Appendices []appendix `toml:"appendices"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // diagnostics, one per line, as String() prints them
	}{
		{
			name: "valid document decodes without problems",
			src:  "title = \"A\"\ndate = 2013-03-12\n[contact]\nname = \"Meg\"\n",
		},
		{
			name: "unknown top-level key is reported at its line with a suggestion",
			src:  "title = \"A\"\ntitel = \"B\"\n",
			want: []string{`f.toml:11:1: unknown key "titel" here`},
		},
		{
			name: "unknown key in a table names the table",
			src:  "title = \"A\"\n[contact]\nname = \"Meg\"\nphone = \"1\"\n",
			want: []string{`f.toml:13:1: unknown key "phone" in [contact]`},
		},
		{
			name: "unknown key in an array of tables",
			src:  "[[appendices]]\nid = \"a\"\n[[appendices]]\nid = \"b\"\ntitl = \"x\"\n",
			want: []string{`f.toml:14:1: unknown key "titl" in [appendices]`},
		},
		{
			name: "wrong types in two keys are both reported",
			src:  "title = 3\ndate = \"12 March\"\nkey_decision = \"no\"\n",
			want: []string{
				`f.toml:11:1: "date" should be a date, but it is text`,
				`f.toml:12:1: "key_decision" should be true or false, but it is text`,
				`f.toml:10:1: "title" should be text, but it is a whole number`,
			},
		},
		{
			// issue 7: the keys after a wrong value in a table are not unknown
			name: "a wrong type in a table does not make its other keys unknown",
			src:  "[contact]\nname = 3\nemail = \"a@b.c\"\nphone = \"1\"\n",
			want: []string{
				`f.toml:11:1: "name" should be text, but it is a whole number`,
				`f.toml:13:1: unknown key "phone" in [contact]`,
			},
		},
		{
			name: "syntax error is positioned",
			src:  "title = \"A\"\ndate = \n",
			want: []string{`f.toml:11:`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			diags := Decode("f.toml", []byte(tt.src), 10, &d)
			if len(diags) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(diags), len(tt.want), diags.Format())
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(diags[i].String(), w) {
					t.Errorf("diagnostic %d = %q, want prefix %q", i, diags[i].String(), w)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	if d := Check("f.toml", []byte("a = 1\n"), 1); len(d) != 0 {
		t.Errorf("valid TOML: %s", d.Format())
	}
	d := Check("f.toml", []byte("a = 1\nb = \n"), 5)
	if len(d) != 1 || !strings.HasPrefix(d[0].String(), "f.toml:6:") {
		t.Errorf("syntax error: %s", d.Format())
	}
}

func TestDecodeSuggestsNearestKey(t *testing.T) {
	var d doc
	diags := Decode("f.toml", []byte("titel = \"B\"\n"), 1, &d)
	if len(diags) != 1 || diags[0].Hint != `did you mean "title"?` {
		t.Fatalf("got %s", diags.Format())
	}
}
