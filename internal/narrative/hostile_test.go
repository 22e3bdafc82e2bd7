package narrative

import (
	"strings"
	"testing"
)

// hostileInputs are pathological bodies of about n markup characters.
func hostileInputs(n int) []struct{ name, body string } {
	return []struct{ name, body string }{
		{"emphasis markers", strings.Repeat("*", n)},
		{"nested emphasis", strings.Repeat("*a ", n/3)},
		{"brackets", strings.Repeat("[", n)},
		{"reference openers", strings.Repeat("[@a ", n/4)},
		{"computed text openers", strings.Repeat("{{", n/2)},
		{"attribute braces", strings.Repeat("{#a}", n/4)},
		{"quotes", strings.Repeat("> ", 19) + strings.Repeat("x", n)},
		{"many lines of list items", strings.Repeat("- a\n", MaxLines-10)},
		{"long table", "|a|b|\n|-|-|\n" + strings.Repeat("|[@x]|**y**|\n", n/12)},
		{"backticks", strings.Repeat("`", n)},
		{"html", strings.Repeat("<a>", n/3)},
	}
}

// TestHostileInputsRead feeds pathological bodies through Read: each must
// come back with a model, never a panic (issue 7). Their speed near the
// limits is measured by BenchmarkHostileInputs, not here.
func TestHostileInputsRead(t *testing.T) {
	for _, tt := range hostileInputs(MaxMarkup / 20) {
		t.Run(tt.name, func(t *testing.T) {
			if r, _ := Read("r.md", []byte(goodFront+tt.body)); r == nil {
				t.Error("Read returned no report")
			}
		})
	}
}

// BenchmarkHostileInputs times Read on pathological bodies just under the
// markup limit; the limit exists so that each stays well under a second.
func BenchmarkHostileInputs(b *testing.B) {
	for _, tt := range hostileInputs(MaxMarkup - 100) {
		b.Run(tt.name, func(b *testing.B) {
			src := []byte(goodFront + tt.body)
			for b.Loop() {
				Read("r.md", src)
			}
		})
	}
}

func TestLimitsRefuse(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"too many lines", strings.Repeat("a\n", MaxLines+1), "r.md:10:1: this report has 100001 lines, more than the limit of 100000"},
		{"too much markup", strings.Repeat("[", MaxSize-len(goodFront)), "r.md:10:1: this report has 5242781 Markdown markup characters ([ ] * _ < > ` { }), more than the limit of 100000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Read("r.md", []byte(goodFront+tt.body))
			if len(diags) != 1 || diags[0].String() != tt.want {
				t.Errorf("got %s", diags.Format())
			}
		})
	}
}
