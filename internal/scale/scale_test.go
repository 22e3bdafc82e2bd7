package scale

import (
	"errors"
	"testing"

	"github.com/reportpack/reportpack/internal/report"
)

func TestNormalise(t *testing.T) {
	reg := NewRegistry(nil)
	tests := []struct {
		name, scale, word, want string
		rank                    int
	}{
		{"exact word", RAG, "Green", "Green", 0},
		{"trailing space and lower case", RAG, "green ", "Green", 0},
		{"one-letter alias", RAG, "A", "Amber", 1},
		{"all capitals", RAG, "RED", "Red", 2},
		{"blue is best on brag", BRAG, "blue", "Blue", 0},
		{"red is worst on brag", BRAG, "r", "Red", 3},
		{"punctuation ignored", OfstedSocialCare13, "Requires improvement, to be good", "Requires improvement to be good", 2},
		{"alias of a long word", OfstedSocialCare13, "RI", "Requires improvement to be good", 2},
		{"report card", OfstedReportCard25, "needs attention", "Needs attention", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, ok := reg.Lookup(tt.scale)
			if !ok {
				t.Fatalf("no scale %q", tt.scale)
			}
			st, err := Normalise(sc, tt.word)
			if err != nil {
				t.Fatal(err)
			}
			if st.Word != tt.want || st.Rank != tt.rank {
				t.Errorf("got %q rank %d, want %q rank %d", st.Word, st.Rank, tt.want, tt.rank)
			}
		})
	}
}

func TestNormaliseRejects(t *testing.T) {
	reg := NewRegistry(nil)
	tests := []struct{ name, scale, word, want string }{
		{"misspelt rating", RAG, "Ambre", `"Ambre" is not one of Red, Amber, Green`},
		{"blue is not RAG", RAG, "Blue", `"Blue" is not one of Red, Amber, Green`},
		{"empty word", RAG, " ", `"" is not one of Red, Amber, Green`},
		{"brag lists blue first", BRAG, "Purple", `"Purple" is not one of Blue, Red, Amber, Green`},
		{"satisfactory is not on the 2012 scale", OfstedSocialCare12, "Satisfactory",
			`"Satisfactory" is not one of Outstanding, Good, Adequate, Inadequate`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, _ := reg.Lookup(tt.scale)
			_, err := Normalise(sc, tt.word)
			var ns *NotOnScaleError
			if !errors.As(err, &ns) {
				t.Fatalf("got %v, want NotOnScaleError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestRegistryPackScales(t *testing.T) {
	pack := []report.Scale{
		{Name: RAG, Levels: []report.ScaleLevel{{Word: "Green", Meaning: "Done or on time"}, {Word: "Amber"}, {Word: "Red"}}},
		{Name: "yellow-rag", Title: "Yellow for amber", Levels: []report.ScaleLevel{{Word: "Green", Class: "green"}, {Word: "Yellow", Class: "amber"}}},
	}
	reg := NewRegistry(pack)
	t.Run("pack scale overrides the built-in and inherits classes", func(t *testing.T) {
		sc, _ := reg.Lookup(RAG)
		if sc.Levels[0].Meaning != "Done or on time" || sc.Levels[1].Class != "amber" || sc.Levels[2].Meaning != meaningRed {
			t.Errorf("got %+v", sc.Levels)
		}
		if _, err := Normalise(sc, "g"); err != nil {
			t.Errorf("alias not inherited: %v", err)
		}
	})
	t.Run("pack scale is added", func(t *testing.T) {
		sc, ok := reg.Lookup("yellow-rag")
		if !ok || sc.Levels[1].Word != "Yellow" {
			t.Errorf("got %+v", sc)
		}
	})
	t.Run("names are sorted", func(t *testing.T) {
		names := reg.Names()
		for i := 1; i < len(names); i++ {
			if names[i-1] > names[i] {
				t.Errorf("not sorted: %v", names)
			}
		}
	})
}

func TestBuiltInsHaveClassesAndMeanings(t *testing.T) {
	for _, sc := range BuiltIn() {
		t.Run(sc.Name, func(t *testing.T) {
			if sc.Title == "" {
				t.Error("no title")
			}
			for _, lv := range sc.Levels {
				if lv.Class == "" || lv.Meaning == "" {
					t.Errorf("level %q lacks class or meaning", lv.Word)
				}
			}
		})
	}
}
