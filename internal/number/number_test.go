package number

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/narrative"
	"github.com/reportpack/reportpack/internal/report"
)

const front = "+++\ntitle = \"T\"\nreport_of = \"R\"\npurpose = \"P\"\n[contact]\nname = \"N\"\nphone = \"1\"\nemail = \"a@b.c\"\n"

// read reads a report from Markdown body (with front matter extra) and
// fails the test on any reading problem.
func read(t *testing.T, extraFront, body string) *report.Report {
	t.Helper()
	r, diags := narrative.Read("r.md", []byte(front+extraFront+"+++\n"+body))
	if len(diags) > 0 {
		t.Fatalf("reading:\n%s", diags.Format())
	}
	return r
}

// outline describes a numbered body one block a line: "1.2 To provide",
// "- Case file audits" for a subheading, "list", "table".
func outline(blocks []report.Block) []string {
	var out []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *report.Section:
			out = append(out, fmt.Sprintf("%s# %s", b.Number, report.PlainText(b.Title)))
			out = append(out, outline(b.Body)...)
		case *report.Paragraph:
			out = append(out, fmt.Sprintf("%s %s", numOrDot(b.Number), firstWords(b.Content)))
		case *report.Subheading:
			out = append(out, "### "+report.PlainText(b.Title))
		case *report.List:
			out = append(out, "list")
		case *report.Table:
			out = append(out, "table")
		}
	}
	return out
}

func numOrDot(n report.Number) string {
	if len(n) == 0 {
		return "."
	}
	return n.String()
}

func firstWords(in []report.Inline) string {
	w := strings.Fields(report.PlainText(in))
	return strings.Join(w[:min(2, len(w))], " ")
}

func TestNumbering(t *testing.T) {
	tests := []struct {
		name  string
		style report.HouseStyle
		body  string
		want  string
	}{
		{
			name: "paragraph before the first heading is not numbered",
			body: "Intro text.\n\n# One\n\nFirst para.\n",
			want: ". Intro text.|1# One|1.1 First para.",
		},
		{
			name: "level-3 subheading between paragraphs does not restart the count",
			body: "# One\n\n## Sub\n\nA a.\n\n### Audits\n\nB b.\n\n### More\n\nC c.\n",
			want: "1# One|1.1# Sub|1.1.1 A a.|### Audits|1.1.2 B b.|### More|1.1.3 C c.",
		},
		{
			name: "lists inside numbered paragraphs take no number",
			body: "# One\n\nA a:\n\n- x\n- y\n\nB b.\n",
			want: "1# One|1.1 A a:|list|1.2 B b.",
		},
		{
			name: "empty sections are numbered and hold nothing",
			body: "# One\n\n# Two\n\n## Empty\n\n## Full\n\nA a.\n",
			want: "1# One|2# Two|2.1# Empty|2.2# Full|2.2.1 A a.",
		},
		{
			name: "continuation paragraphs take no number",
			body: "# One\n\nA a:\n\n- x\n\nAfter list. {-}\n\nB b. {.unnumbered}\n\nC c.\n",
			want: "1# One|1.1 A a:|list|. After list.|. B b.|1.2 C c.",
		},
		{
			name: "subsections and paragraphs in one section share a counter",
			body: "# One\n\nA a.\n\n## Sub\n\nB b.\n\n## Sub2\n\nC c.\n",
			want: "1# One|1.1 A a.|1.2# Sub|1.2.1 B b.|1.3# Sub2|1.3.1 C c.",
		},
		{
			name: "tables and subheadings before the first heading are unnumbered",
			body: "### Note\n\nTable: T\n\n| a |\n|---|\n| 1 |\n\n# One\n",
			want: "### Note|table|1# One",
		},
		{
			name:  "flat style numbers paragraphs through the report",
			style: report.HouseStyle{FlatNumbers: true},
			body:  "# One\n\nA a.\n\n## Sub\n\nB b.\n\n# Two\n\nC c.\n",
			want:  "1# One|1 A a.|1.1# Sub|2 B b.|2# Two|3 C c.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, "", tt.body)
			if diags := Report(r, tt.style); len(diags) > 0 {
				t.Fatalf("numbering:\n%s", diags.Format())
			}
			if got := strings.Join(outline(r.Body), "|"); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestAnchors(t *testing.T) {
	r := read(t, "[[appendices]]\nid = \"x\"\ntitle = \"X\"\n", "# One\n\n## Sub\n\nA a. {#a}\n")
	Report(r, report.HouseStyle{})
	sec := r.Sections()[0]
	sub := sec.Body[0].(*report.Section)
	para := sub.Body[0].(*report.Paragraph)
	got := []string{sec.Anchor, sub.Anchor, para.Anchor, r.Appendices[0].Anchor, r.Labels["a"].Anchor, r.Labels["x"].Number}
	want := []string{"section-1", "section-1-1", "para-1-1-1", "appendix-1", "para-1-1-1", "1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("anchors %v, want %v", got, want)
	}
}

func TestAssignNumbersAgendaItems(t *testing.T) {
	p := &report.Pack{Items: []*report.Item{{Title: "Apologies"}, {Title: "Minutes"}, {Title: "Report", Report: &report.Report{}}}}
	if diags := Assign(p); len(diags) > 0 {
		t.Fatal(diags.Format())
	}
	for i, it := range p.Items {
		if it.Number != i+1 {
			t.Errorf("item %q numbered %d, want %d", it.Title, it.Number, i+1)
		}
	}
}

// seedParagraphs lists the numbered paragraphs of the seed fixture in order,
// exactly as the seed paper prints them.
var seedParagraphs = "1.1 1.2 2.1.1 2.1.2 2.2.1 2.2.2 2.3.1 2.3.2 2.3.3 2.3.4 " +
	"3.1.1 3.1.2 3.1.3 3.1.4 3.2.1 3.2.2 3.2.3 3.2.4 3.2.5 3.2.6 3.2.7 3.2.8 3.2.9 3.2.10 4.1 4.2"

func readSeed(t *testing.T, edit func(string) string) *report.Report {
	t.Helper()
	src, err := os.ReadFile("../narrative/testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	r, diags := narrative.Read("seed.md", []byte(edit(string(src))))
	if diags.HasErrors() {
		t.Fatalf("reading the seed:\n%s", diags.Format())
	}
	if diags := Report(r, report.HouseStyle{}); len(diags) > 0 {
		t.Fatalf("numbering the seed:\n%s", diags.Format())
	}
	return r
}

func paragraphNumbers(blocks []report.Block) []string {
	var out []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *report.Section:
			out = append(out, paragraphNumbers(b.Body)...)
		case *report.Paragraph:
			if len(b.Number) > 0 {
				out = append(out, b.Number.String())
			}
		}
	}
	return out
}

// The seed paper's numbers 1.1 ... 4.2 come out exactly (issue 2).
func TestSeedNumbers(t *testing.T) {
	r := readSeed(t, func(s string) string { return s })
	if got := strings.Join(paragraphNumbers(r.Body), " "); got != seedParagraphs {
		t.Errorf("paragraph numbers:\n got %s\nwant %s", got, seedParagraphs)
	}
	refs := map[string]string{}
	collectRefs(r.Body, refs)
	want := map[string]string{
		"[@adoption-report; @adoption-plan]": "appendix 1 and 2 #appendix-1",
		"[@plan]":                            "appendix 3 #appendix-3",
		"[@adoption-report]":                 "appendix 1 #appendix-1",
		"[@adoption-plan]":                   "appendix 2 #appendix-2",
		"[@case-file-audits]":                "paragraph 3.2.5 #para-3-2-5",
		"[-@progress]":                       "3.2 #section-3-2",
	}
	for raw, w := range want {
		if refs[raw] != w {
			t.Errorf("%s resolved to %q, want %q", raw, refs[raw], w)
		}
	}
}

// collectRefs maps each reference's source form (from its position's text,
// recorded before resolution) to "text link".
func collectRefs(blocks []report.Block, out map[string]string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *report.Section:
			collectRefs(b.Body, out)
		case *report.Paragraph:
			for _, in := range b.Content {
				if in.Kind == report.RefRun {
					out[rawRef(in.Ref)] = in.Text + " " + in.Link
				}
			}
		}
	}
}

func rawRef(r *report.Ref) string {
	parts := make([]string, len(r.Targets))
	for i, l := range r.Targets {
		parts[i] = "@" + l
	}
	if r.Bare {
		parts[0] = "-" + parts[0]
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// Deleting the first paragraph renumbers: "a second progress update"
// becomes 1.1 (issue 2).
func TestDeletingFirstParagraphRenumbers(t *testing.T) {
	r := readSeed(t, func(s string) string {
		start := strings.Index(s, "To provide this Committee with the final")
		end := strings.Index(s, "To provide this Committee with a second")
		return s[:start] + s[end:]
	})
	first := r.Sections()[0].Body[0].(*report.Paragraph)
	if first.Number.String() != "1.1" || !strings.Contains(report.PlainText(first.Content), "second progress update") {
		t.Errorf("first paragraph is %s %q", first.Number, report.PlainText(first.Content))
	}
}

func TestCrossReferences(t *testing.T) {
	apps := "[[appendices]]\nid = \"a1\"\ntitle = \"A\"\n[[appendices]]\nid = \"a2\"\ntitle = \"B\"\n" +
		"[[appendices]]\nid = \"a3\"\ntitle = \"C\"\n[[appendices]]\nid = \"a4\"\ntitle = \"D\"\n"
	body := "# One {#one}\n\nFirst. {#p1}\n\nSecond. {#p2}\n\n## Sub {#sub}\n\nThird. {#p3}\n\n```judgement-table\nlabel = \"grades\"\nscale = \"x\"\nrows = [[\"a\", \"b\"]]\n```\n\n# Two\n\n"
	tests := []struct {
		name, ref, text, link string
		letters               bool
		diags                 string
	}{
		{name: "paragraph", ref: "[@p3]", text: "paragraph 1.3.1", link: "#para-1-3-1"},
		{name: "section", ref: "[@one]", text: "section 1", link: "#section-1"},
		{name: "subsection is a section", ref: "[@sub]", text: "section 1.3", link: "#section-1-3"},
		{name: "bare prints the number alone", ref: "[-@p1]", text: "1.1", link: "#para-1-1"},
		{name: "one appendix", ref: "[@a3]", text: "appendix 3", link: "#appendix-3"},
		{name: "two appendices", ref: "[@a1; @a2]", text: "appendix 1 and 2", link: "#appendix-1"},
		{name: "three in sequence make a range", ref: "[@a1; @a2; @a3]", text: "appendices 1 to 3"},
		{name: "a gap lists them", ref: "[@a1; @a2; @a4]", text: "appendices 1, 2 and 4"},
		{name: "letters", ref: "[@a2; @a3; @a4]", letters: true, text: "appendices B to D", link: "#appendix-b"},
		{name: "bare several", ref: "[-@a1; @a2]", text: "1 and 2"},
		{name: "paragraphs in sequence", ref: "[@p1; @p2]", text: "paragraph 1.1 and 1.2"},
		{
			name: "missing label is an error with similar labels", ref: "[@p4]", text: "[@p4]",
			diags: "r.md:NN:10: nothing in this report is labelled \"p4\"\n    hint: did you mean @a4, @p1, @p2 or @p3?\n",
		},
		{
			name: "missing label without similar ones says how to add it", ref: "[@zzzzzz]", text: "[@zzzzzz]",
			diags: "r.md:NN:10: nothing in this report is labelled \"zzzzzz\"\n    hint: label a heading or paragraph by ending it with {#zzzzzz}, or add an appendix with id = \"zzzzzz\" to the front matter\n",
		},
		{
			name: "mixed kinds are an error", ref: "[@p1; @a1]", text: "[@p1; @a1]",
			diags: "r.md:NN:10: [@p1; @a1] mixes kinds of target (paragraph and appendix)\n    hint: write separate references: [@a] and [@b]\n",
		},
		{
			name: "tables have no number", ref: "[@grades]", text: "[@grades]",
			diags: "r.md:NN:10: [@grades] refers to a table, and tables have no number\n    hint: refer to the paragraph before the table instead\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, apps, body+"See also "+tt.ref+" here.\n")
			diags := Report(r, report.HouseStyle{AppendixLetters: tt.letters})
			last := r.Sections()[1].Body[0].(*report.Paragraph)
			in := last.Content[1]
			if in.Kind != report.RefRun || in.Text != tt.text {
				t.Errorf("text = %q, want %q", in.Text, tt.text)
			}
			if tt.link != "" && in.Link != tt.link {
				t.Errorf("link = %q, want %q", in.Link, tt.link)
			}
			want := strings.ReplaceAll(tt.diags, "NN", fmt.Sprint(last.Pos.Line))
			if got := diags.Format(); got != want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestRefsResolveEverywhere(t *testing.T) {
	r := read(t, "", "# One [@p] {#one}\n\nPara. {#p}\n\n### About [@one]\n\n- item [@p]\n  - nested [-@p]\n\nTable: T\n\n| a |\n|---|\n| cell [@one] |\n")
	if diags := Report(r, report.HouseStyle{}); len(diags) > 0 {
		t.Fatal(diags.Format())
	}
	sec := r.Sections()[0]
	list := sec.Body[2].(*report.List)
	table := sec.Body[3].(*report.Table)
	got := []string{
		sec.Title[1].Text,
		sec.Body[1].(*report.Subheading).Title[1].Text,
		list.Items[0].Content[1].Text,
		list.Items[0].Sub.Items[0].Content[1].Text,
		table.Rows[0].Cells[0].Content[1].Text,
	}
	want := "paragraph 1.1|section 1|paragraph 1.1|1.1|section 1"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

func TestDuplicateLabels(t *testing.T) {
	tests := []struct{ name, extra, body, want string }{
		{
			name: "two paragraphs",
			body: "# One\n\nA. {#x}\n\nB. {#x}\n",
			want: "r.md:14:1: the label \"x\" is already used at r.md:12:1",
		},
		{
			name:  "heading and appendix id share one namespace",
			extra: "[[appendices]]\nid = \"x\"\ntitle = \"X\"\n",
			body:  "# One {#x}\n",
			want:  "r.md:13:1: the label \"x\" is already used at r.md:9:1",
		},
		{
			name:  "two appendices",
			extra: "[[appendices]]\nid = \"x\"\ntitle = \"X\"\n[[appendices]]\nid = \"x\"\ntitle = \"Y\"\n",
			want:  "r.md:12:1: the label \"x\" is already used at r.md:9:1",
		},
		{
			name: "label on an unnumbered paragraph",
			body: "Intro. {#x}\n\n# One\n\nSee [@x].\n",
			want: "r.md:10:1: the label \"x\" is on a paragraph without a number, so it cannot be referred to",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, tt.extra, tt.body)
			diags := Report(r, report.HouseStyle{})
			if len(diags) != 1 || diags[0].String() != tt.want || diags[0].Hint == "" {
				t.Errorf("got:\n%s\nwant: %s", diags.Format(), tt.want)
			}
		})
	}
}

func TestAppendixNumber(t *testing.T) {
	tests := []struct {
		n       int
		letters bool
		want    string
	}{{1, false, "1"}, {12, false, "12"}, {1, true, "A"}, {26, true, "Z"}, {27, true, "AA"}, {53, true, "BA"}}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := AppendixNumber(tt.n, tt.letters); got != tt.want {
				t.Errorf("AppendixNumber(%d, %v) = %q, want %q", tt.n, tt.letters, got, tt.want)
			}
		})
	}
}

func TestPhrase(t *testing.T) {
	ts := func(kind report.RefKind, nums ...string) []report.Target {
		var out []report.Target
		for _, n := range nums {
			out = append(out, report.Target{Kind: kind, Number: n})
		}
		return out
	}
	tests := []struct {
		name    string
		targets []report.Target
		bare    bool
		want    string
	}{
		{"one paragraph", ts(report.RefParagraph, "3.2.5"), false, "paragraph 3.2.5"},
		{"paragraph range", ts(report.RefParagraph, "3.2.5", "3.2.6", "3.2.7"), false, "paragraphs 3.2.5 to 3.2.7"},
		{"paragraphs crossing a subsection are listed", ts(report.RefParagraph, "3.1.4", "3.2.1", "3.2.2"), false, "paragraphs 3.1.4, 3.2.1 and 3.2.2"},
		{"letters crossing Z", ts(report.RefAppendix, "Y", "Z", "AA"), false, "appendices Y to AA"},
		{"sections bare", ts(report.RefSection, "2", "3", "4"), true, "2 to 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Phrase(tt.targets, tt.bare); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
