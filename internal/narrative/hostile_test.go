package narrative

import (
	"strings"
	"testing"
	"time"
)

// Hostile inputs near the size limit must finish quickly (issue 7).
func TestHostileInputsFinishQuickly(t *testing.T) {
	n := MaxMarkup - 100
	tests := []struct{ name, body string }{
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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			Read("r.md", []byte(goodFront+tt.body))
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestLimitsRefuseQuickly(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"too many lines", strings.Repeat("a\n", MaxLines+1), "r.md:10:1: this report has 100001 lines, more than the limit of 100000"},
		{"too much markup", strings.Repeat("[", MaxSize-len(goodFront)), "r.md:10:1: this report has 5242781 Markdown markup characters ([ ] * _ < > ` { }), more than the limit of 100000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, diags := Read("r.md", []byte(goodFront+tt.body))
			if len(diags) != 1 || diags[0].String() != tt.want {
				t.Errorf("got %s", diags.Format())
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
