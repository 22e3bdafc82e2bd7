package skeleton

import (
	"strings"
	"testing"
	"time"
)

func TestFiles(t *testing.T) {
	issued := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	files, err := Files(issued, issued.AddDate(0, 0, 14))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ file, want string }{
		{"pack.toml", "issued = 2026-03-02"},
		{"pack.toml", "date = 2026-03-16"},
		{"report.md", "date = 2026-03-16"},
		{"report.md", "[contact]"},
		{"glossary.toml", `RAG = "Red, Amber, Green"`},
	}
	for _, tt := range tests {
		t.Run(tt.file+" has "+tt.want, func(t *testing.T) {
			if got := string(files[tt.file]); !strings.Contains(got, tt.want) || strings.Contains(got, "@ISSUED@") || strings.Contains(got, "@MEETING@") {
				t.Errorf("%s lacks %q or keeps a placeholder:\n%s", tt.file, tt.want, got)
			}
		})
	}
}
