package frontmatter

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name                string
		src                 string
		hasFront            bool
		front, body         string
		frontLine, bodyLine int
		diags               string
	}{
		{
			name:      "front matter then body",
			src:       "+++\ntitle = \"A\"\n+++\n# One\n",
			hasFront:  true,
			front:     "title = \"A\"\n",
			body:      "# One\n",
			frontLine: 2, bodyLine: 4,
		},
		{
			name:     "no front matter is all body",
			src:      "# One\n\nText.\n",
			body:     "# One\n\nText.\n",
			bodyLine: 1,
		},
		{
			name:      "byte order mark is stripped",
			src:       "\xef\xbb\xbf+++\ntitle = \"A\"\n+++\nBody\n",
			hasFront:  true,
			front:     "title = \"A\"\n",
			body:      "Body\n",
			frontLine: 2, bodyLine: 4,
		},
		{
			name:      "windows line endings become LF and keep line numbers",
			src:       "+++\r\ntitle = \"A\"\r\nx = 1\r\n+++\r\n\r\nBody\r\n",
			hasFront:  true,
			front:     "title = \"A\"\nx = 1\n",
			body:      "\nBody\n",
			frontLine: 2, bodyLine: 5,
		},
		{
			name:      "blank lines before the opening delimiter are allowed",
			src:       "\n\n+++  \ntitle = \"A\"\n+++\nBody",
			hasFront:  true,
			front:     "title = \"A\"\n",
			body:      "Body",
			frontLine: 4, bodyLine: 6,
		},
		{
			name:      "empty front matter",
			src:       "+++\n+++\nBody\n",
			hasFront:  true,
			frontLine: 2, bodyLine: 3,
			body: "Body\n",
		},
		{
			name:      "front matter that never closes is an error at its opening line",
			src:       "\n+++\ntitle = \"A\"\n# One\n",
			hasFront:  true,
			frontLine: 3, bodyLine: 6,
			diags: "r.md:2:1: the front matter starting here never closes\n",
		},
		{
			name:     "yaml delimiters are an error with a hint",
			src:      "---\ntitle: A\n---\nBody\n",
			body:     "---\ntitle: A\n---\nBody\n",
			bodyLine: 1,
			diags:    "r.md:1:1: front matter must be written between +++ lines, not ---\n",
		},
		{
			name:     "invalid utf-8 is an error at the first bad byte and replaced",
			src:      "Caf\xe9 one\nok\n",
			body:     "Caf\uFFFD one\nok\n",
			bodyLine: 1,
			diags:    "r.md:1:4: this file is not UTF-8 text (the first bad character is here)\n",
		},
		{
			name:     "empty file",
			src:      "",
			body:     "",
			bodyLine: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := Split("r.md", []byte(tt.src))
			if doc.HasFront != tt.hasFront {
				t.Errorf("HasFront = %v, want %v", doc.HasFront, tt.hasFront)
			}
			if string(doc.Front) != tt.front {
				t.Errorf("Front = %q, want %q", doc.Front, tt.front)
			}
			if string(doc.Body) != tt.body {
				t.Errorf("Body = %q, want %q", doc.Body, tt.body)
			}
			if tt.hasFront && doc.FrontLine != tt.frontLine {
				t.Errorf("FrontLine = %d, want %d", doc.FrontLine, tt.frontLine)
			}
			if doc.BodyLine != tt.bodyLine {
				t.Errorf("BodyLine = %d, want %d", doc.BodyLine, tt.bodyLine)
			}
			var got strings.Builder
			for _, d := range diags {
				got.WriteString(d.String() + "\n")
				if d.Hint == "" {
					t.Errorf("diagnostic %q has no hint", d)
				}
			}
			if got.String() != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), tt.diags)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"", "+++\n+++\n", "+++\r\na=1\r\n+++\r\nx", "\xef\xbb\xbf+++\n", "---\n", "\xff\r\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, _ := Split("f.md", src)
		if doc.BodyLine < 1 {
			t.Fatalf("BodyLine %d < 1", doc.BodyLine)
		}
		if strings.ContainsRune(string(doc.Body)+string(doc.Front), '\r') {
			t.Fatal("carriage return survived")
		}
	})
}
