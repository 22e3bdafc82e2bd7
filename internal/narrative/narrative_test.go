package narrative

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

const goodFront = "+++\ntitle = \"T\"\nreport_of = \"R\"\npurpose = \"P\"\n[contact]\nname = \"N\"\nphone = \"1\"\nemail = \"a@b.c\"\n+++\n"

// diagLines formats diagnostics one "pos: message" a line, without hints,
// and checks every one has a hint.
func diagLines(t *testing.T, diags diag.List) string {
	t.Helper()
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String() + "\n")
		if d.Hint == "" {
			t.Errorf("no hint for %q", d)
		}
	}
	return b.String()
}

func TestFrontMatterProblems(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{
			name: "unknown key is an error at its line",
			src:  "+++\ntitel = \"T\"\ntitle = \"T\"\nreport_of = \"R\"\npurpose = \"P\"\n[contact]\nname = \"N\"\nphone = \"1\"\nemail = \"e\"\n+++\n",
			want: "r.md:2:1: unknown key \"titel\" here\n",
		},
		{
			name: "missing required keys are errors at the opening line",
			src:  "\n+++\npurpose = \"P\"\n+++\nBody.\n",
			want: "r.md:2:1: the front matter has no title\n" +
				"r.md:2:1: the front matter has no report_of (whose report this is)\n" +
				"r.md:2:1: the front matter has no contact officer\n",
		},
		{
			name: "contact without phone or email is a warning at [contact]",
			src:  "+++\ntitle = \"T\"\nreport_of = \"R\"\npurpose = \"P\"\n[contact]\nname = \"N\"\n+++\n",
			want: "r.md:5:1: warning: the contact officer has no phone number or email address\n",
		},
		{
			name: "wrong type names the key and line",
			src:  "+++\ntitle = \"T\"\nreport_of = \"R\"\npurpose = \"P\"\ndate = \"12 March\"\n[contact]\nname = \"N\"\nphone = \"1\"\nemail = \"e\"\n+++\n",
			want: "r.md:5:1: \"date\" should be a date, but it is text\n",
		},
		{
			name: "wrong type of title is not also reported as missing",
			src:  "+++\ntitle = 3\nreport_of = \"R\"\npurpose = \"P\"\n[contact]\nname = \"N\"\nphone = \"1\"\nemail = \"e\"\n+++\n",
			want: "r.md:2:1: \"title\" should be text, but it is a whole number\n",
		},
		{
			name: "front matter that never closes",
			src:  "+++\ntitle = \"T\"\n\n# Purpose\n",
			want: "r.md:1:1: the front matter starting here never closes\n",
		},
		{
			name: "no front matter",
			src:  "# Purpose\n\nText.\n",
			want: "r.md:1:1: this report has no front matter (title, report of, contact)\n",
		},
		{
			name: "TOML syntax error",
			src:  "+++\ntitle = \"T\nreport_of = \"R\"\n+++\n",
			want: "r.md:2:",
		},
		{
			name: "appendix problems are at their [[appendices]] line",
			src: strings.Replace(goodFront, "+++\n", "", 2) +
				"[[appendices]]\nid = \"a\"\ntitle = \"A\"\nfile = \"a.pdf\"\n" +
				"[[appendices]]\ntitle = \"B\"\nfile = \"b.docx\"\n" +
				"[[appendices]]\nid = \"c\"\ntitle = \"C\"\nfile = \"c.xls\"\n",
			want: "r.md:13:1: this appendix has no id\n" +
				"r.md:13:1: appendix \"\" has file \"b.docx\", which is neither a PDF nor an .xlsx workbook\n" +
				"r.md:16:1: appendix \"c\" is a .xls file, which reportpack cannot read\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			if strings.Contains(tt.name, "appendix problems") {
				src = "+++\n" + tt.src + "+++\n"
			}
			_, diags := Read("r.md", []byte(src))
			got := diagLines(t, diags)
			if strings.HasSuffix(tt.want, ":") {
				if !strings.HasPrefix(got, tt.want) {
					t.Errorf("got:\n%s\nwant prefix %s", got, tt.want)
				}
				return
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestFrontMatterFields(t *testing.T) {
	src := "+++\ntitle = \" Ofsted \"\nreport_of = \"R\"\npurpose = \"P\"\ndate = 2013-03-12\nwards = [\"All\"]\nkey_decision = false\n" +
		"[contact]\nname = \"N\"\nrole = \"Head\"\nphone = \"1\"\nemail = \"e\"\n" +
		"[[appendices]]\nid = \"pdf\"\ntitle = \"P\"\nfile = \"a/b.PDF\"\n" +
		"[[appendices]]\nid = \"plan\"\ntitle = \"W\"\nfile = \"plan.xlsx\"\nsheet = \"Actions\"\nprevious = \"old.xlsx\"\n" +
		"[[appendices]]\nid = \"listed\"\ntitle = \"L\"\n+++\n"
	r, diags := Read("r.md", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags.Format())
	}
	if r.Title != "Ofsted" || r.Contact.Role != "Head" || !r.Date.Equal(time.Date(2013, 3, 12, 0, 0, 0, 0, time.UTC)) ||
		r.Date.Location() != time.UTC || len(r.Wards) != 1 || r.KeyDecision == nil || *r.KeyDecision {
		t.Errorf("fields wrong: %+v", r)
	}
	kinds := []report.AppendixKind{report.AppendixPDF, report.AppendixWorkbook, report.AppendixListed}
	for i, a := range r.Appendices {
		if a.Kind != kinds[i] {
			t.Errorf("appendix %s kind %v, want %v", a.ID, a.Kind, kinds[i])
		}
	}
	if a := r.Appendices[1]; a.Sheet != "Actions" || a.Previous != "old.xlsx" || a.Pos.Line != 17 {
		t.Errorf("workbook appendix %+v", a)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	src := "\xef\xbb\xbf" + strings.ReplaceAll(goodFront+"# One\n\nText with <b>html</b>.\n", "\n", "\r\n")
	r, diags := Read("r.md", []byte(src))
	if got := diagLines(t, diags); got != "r.md:12:11: warning: raw HTML is not allowed in a report and was left out\n" {
		t.Errorf("diagnostics:\n%s", got)
	}
	if r.Title != "T" {
		t.Errorf("title %q", r.Title)
	}
	p := r.Sections()[0].Body[0].(*report.Paragraph)
	if got := report.PlainText(p.Content); got != "Text with html." || p.Pos.Line != 12 {
		t.Errorf("paragraph %q at %v", got, p.Pos)
	}
}

func TestMarkdownProblems(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"raw HTML block is dropped with a warning", "# One\n\n<div>\nx\n</div>\n", "r.md:12:1: warning: raw HTML is not allowed in a report and was left out\n"},
		{"inline HTML is warned about once a line", "Text <b>x</b> and <i>y</i>.\n", "r.md:10:6: warning: raw HTML is not allowed in a report and was left out\n"},
		{"javascript link is refused", "See [this](javascript:alert(1)).\n", "r.md:10:5: warning: the link to \"javascript:alert(1)\" was removed (its text is kept): only web, email, phone and in-pack links are allowed\n"},
		{"javascript autolink is refused", "See <javascript:alert(1)>.\n", "r.md:10:5: warning: the link to \"javascript:alert(1)\" was removed (its text is kept): only web, email, phone and in-pack links are allowed\n"},
		{"relative file link is refused", "See [file](report.docx).\n", "r.md:10:5: warning: the link to \"report.docx\" was removed (its text is kept): only web, email, phone and in-pack links are allowed\n"},
		{"image is left out", "![chart](c.png)\n", "r.md:10:1: warning: images are not supported in reports yet; the image was left out\n"},
		{"subsection before any section", "## Sub\n", "r.md:10:1: this subsection (##) comes before any section (#)\n"},
		{"malformed cross-reference", "# One\n\nSee [@a b].\n", "r.md:12:5: this cross-reference [@a b] cannot be read\n"},
		{"cross-reference not closed on its line", "# One\n\nSee [@a\nb].\n", "r.md:12:1: warning: [@ starts a cross-reference but there is no ] on the same line\n"},
		{"malformed computed text", "{{breakdown}}\n", "r.md:10:1: this computed text {{breakdown}} cannot be read\n"},
		{"unknown data block kind", "```rag-tabel\nsource = \"p\"\n```\n", "r.md:10:1: \"rag-tabel\" is not a kind of block reportpack knows\n"},
		{"unknown key in a data block is at its line", "# One\n\n```judgement-table\nscale = \"x\"\nrows = [[\"a\", \"b\"]]\nsorce = \"p\"\n```\n", "r.md:15:1: unknown key \"sorce\" here\n"},
		{"data block missing its source", "```rag-table\nfilter = \"formal\"\n```\n", "r.md:10:1: this rag-table block needs a source (the action plan appendix's id)\n"},
		{"plain code block is kept as text", "```\nline one\n```\n", "r.md:10:1: warning: a ``` block that is not a data table is shown as plain text\n"},
		{"indented text is kept as a paragraph", "# One\n\n    Indented text.\n", "r.md:12:5: warning: this text is indented by four or more spaces, so Markdown reads it as code; it is kept as a plain paragraph\n"},
		{"nesting too deep is refused", strings.Repeat(">", 30) + " deep\n", "r.md:10:1: lists or quotes are nested more than 20 levels deep here\n"},
		{"unknown attribute", "Text. {.fancy}\n", "r.md:10:1: warning: the attribute \".fancy\" is not known and was ignored\n"},
		{"bad label", "# One {#a/b}\n", "r.md:10:3: the label \"a/b\" has characters that cannot be used in a label\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Read("r.md", []byte(goodFront+tt.body))
			if got := diagLines(t, diags); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	src := goodFront + strings.Repeat("word ", MaxSize/5+1)
	_, diags := Read("r.md", []byte(src))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "more than the limit of 5.0 MiB") {
		t.Errorf("got %s", diags.Format())
	}
}

// firstParagraph reads body and returns its first paragraph, wherever it is.
func firstParagraph(t *testing.T, body string) *report.Paragraph {
	t.Helper()
	r, diags := Read("r.md", []byte(goodFront+body))
	if len(diags) > 0 {
		t.Fatal(diags.Format())
	}
	for _, b := range r.Body {
		if s, ok := b.(*report.Section); ok && len(s.Body) > 0 {
			b = s.Body[0]
		}
		if p, ok := b.(*report.Paragraph); ok {
			return p
		}
	}
	t.Fatalf("no paragraph in %q", body)
	return nil
}

func TestInlines(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"smart quotes and dashes", "It's \"good\" -- and 'better' --- said ... x\n", `"It’s “good” – and ‘better’ — said … x"`},
		{"emphasis around a reference is kept", "See **[@a; @b]** now.\n", `"See " bold:ref([@a; @b]) " now."`},
		{"bare reference", "Para [-@x].\n", `"Para " ref([-@x]):bare "."`},
		{"computed text keeps quoted options", "Of them, {{breakdown plan filter=formal noun=\"formal areas\" order=desc}}.\n", `"Of them, " count(breakdown plan formal "formal areas" map[order:desc]) "."`},
		{"links kept for allowed schemes", "[web](https://x.org) [mail](mailto:a@b.c) [tel](tel:+441915612356) [in](#para-1-1) <https://y.org>\n",
			`link(https://x.org):"web" " " link(mailto:a@b.c):"mail" " " link(tel:+441915612356):"tel" " " link(#para-1-1):"in" " " link(https://y.org):"https://y.org"`},
		{"escapes and entities", "a \\*b\\* &amp; &#8212; `co*de*`\n", `"a *b* & — co*de*"`},
		{"hard line break", "one\\\ntwo\n", `"one" br "two"`},
		{"soft line break is a space", "one\ntwo\n", `"one two"`},
		{"label and continuation attributes are removed", "Text here. {#lab -}\n", `"Text here." label=lab cont`},
		{"braces that are not attributes stay", "Text {see note}\n", `"Text {see note}"`},
		{"attributes on their own line", "Text here.\n{#lab}\n", `"Text here." label=lab`},
		{"italic in bold", "**a *b* c**\n", `bold:"a " bold+italic:"b" bold:" c"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := firstParagraph(t, tt.body)
			if got := describe(p); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// describe writes a paragraph's inlines compactly for comparison.
func describe(p *report.Paragraph) string {
	var parts []string
	for _, in := range p.Content {
		s := ""
		switch in.Kind {
		case report.TextRun:
			s = `"` + in.Text + `"`
		case report.LineBreak:
			s = "br"
		case report.RefRun:
			s = "ref(" + in.Text + ")"
			if in.Ref.Bare {
				s += ":bare"
			}
		case report.CountRun:
			c := in.Count
			s = "count(" + strings.TrimSpace(strings.Join([]string{c.Form, c.Source, c.Filter, quoteIf(c.Noun), mapText(c.Options)}, " ")) + ")"
		}
		if in.Link != "" {
			s = "link(" + in.Link + "):" + s
		}
		parts = append(parts, stylePrefix(in.Style)+s)
	}
	if p.Label != "" {
		parts = append(parts, "label="+p.Label)
	}
	if p.Continuation {
		parts = append(parts, "cont")
	}
	return strings.Join(parts, " ")
}

func quoteIf(s string) string {
	if strings.Contains(s, " ") {
		return `"` + s + `"`
	}
	return s
}

func mapText(m map[string]string) string {
	if len(m) == 0 {
		return ""
	}
	var parts []string
	for k, v := range m {
		parts = append(parts, k+":"+v)
	}
	return "map[" + strings.Join(parts, " ") + "]"
}

func stylePrefix(s report.Style) string {
	switch s {
	case report.Bold:
		return "bold:"
	case report.Italic:
		return "italic:"
	case report.Bold | report.Italic:
		return "bold+italic:"
	}
	return ""
}

func TestBlocks(t *testing.T) {
	body := "# One {#one}\n\n## Two\n\n### Sub\n\n#### Deeper\n\n- a\n\n  second para\n  - nested\n\n1. first\n2. second\n\n" +
		"Table: Grades\n\n| Judgement | Grade |\n|:--|--:|\n| Overall | **Good** |\n\n" +
		"```lookup-table\nlabel = \"themes\"\ncaption = \"Themes\"\ncolumns = 2\nrows = [[\"A\", \"Quality\"]]\n```\n"
	r, diags := Read("r.md", []byte(goodFront+body))
	if got := diagLines(t, diags); got != "r.md:16:1: warning: headings deeper than ### are shown as ### subheadings\n" {
		t.Errorf("diagnostics:\n%s", got)
	}
	sec := r.Sections()[0]
	sub := sec.Body[0].(*report.Section)
	if sec.Label != "one" || sub.Level != 2 || len(sub.Body) != 6 {
		t.Fatalf("sections: %+v / %+v", sec, sub)
	}
	list := sub.Body[2].(*report.List)
	if list.Ordered || report.PlainText(list.Items[0].Content) != "a second para" || list.Items[0].Sub == nil {
		t.Errorf("list %+v", list.Items[0])
	}
	if !sub.Body[3].(*report.List).Ordered {
		t.Error("ordered list not ordered")
	}
	tab := sub.Body[4].(*report.Table)
	if tab.Kind != report.PlainTable || tab.Columns[0].Title != "Judgement" || tab.Columns[0].Align != "left" ||
		tab.Columns[1].Align != "right" || tab.Rows[0].Cells[1].Content[0].Style != report.Bold || tab.Rows[0].Pos.Line != 30 ||
		tab.Caption != "Grades" {
		t.Errorf("table %+v", tab)
	}
	data := sub.Body[5].(*report.Table)
	if data.Kind != report.LookupTable || data.Label != "themes" || data.Caption != "Themes" ||
		data.Spec.Columns != 2 || data.Spec.Data[0][1] != "Quality" || data.Pos.Line != 32 || len(data.Spec.RowPos) != 1 || data.Spec.RowPos[0].Line != 36 {
		t.Errorf("data table %+v %+v", data, data.Spec)
	}
}

func TestSeedFixtureReadsCleanly(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "seed.md"))
	if err != nil {
		t.Fatal(err)
	}
	r, diags := Read("seed.md", src)
	if len(diags) > 0 {
		t.Fatal(diags.Format())
	}
	if len(r.Sections()) != 4 || len(r.Appendices) != 3 {
		t.Errorf("%d sections, %d appendices", len(r.Sections()), len(r.Appendices))
	}
	grades := r.Sections()[1].Body[2].(*report.Section).Body[1].(*report.Table)
	var lines []int
	for _, p := range grades.Spec.RowPos {
		lines = append(lines, p.Line)
	}
	if fmt.Sprint(lines) != "[72 73 74 75 76]" || grades.Spec.Overall != "Overall effectiveness" {
		t.Errorf("judgement table rows at lines %v", lines)
	}
}

func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		goodFront + "# A {#a}\n\nText [@a; -@b] {{x y k=\"v\"}} <b>\n\n- x\n  - y\n",
		"+++\n[[appendices]]\nid = 1\n+++\n```rag-table\nrows = [[1]]\n```\n",
		"+++\n", "\xef\xbb\xbf+++\r\n+++\r\n|a|\r\n|-|\r\n|[@x]|\r\n",
		"**[@a]** ***x*** [x](javascript:y) ![i](j) {-} {#} {{ }}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		r, diags := Read("f.md", src)
		if r == nil {
			t.Fatal("nil report")
		}
		for _, d := range diags {
			if d.Pos.File != "f.md" {
				t.Fatalf("diagnostic without the file: %v", d)
			}
		}
	})
}

func TestTableCaptions(t *testing.T) {
	table := "| A | B |\n| --- | --- |\n| 1 | 2 |\n"
	tests := []struct {
		name, body, caption, warning string
	}{
		{"caption line above", "# S\n\nText.\n\nTable: Above\n\n" + table, "Above", ""},
		{"caption line below", "# S\n\nText.\n\n" + table + "\nTable: Below\n", "Below", ""},
		{"no caption is a warning", "# S\n\nText.\n\n" + table, "", "r.md:14:1: warning: this table has no caption\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, diags := Read("r.md", []byte(goodFront+tt.body))
			if got := diagLines(t, diags); got != tt.warning {
				t.Errorf("diagnostics %q, want %q", got, tt.warning)
			}
			body := r.Sections()[0].Body
			if len(body) != 2 {
				t.Fatalf("%d blocks, want the paragraph and the table: the caption line must not stay a paragraph", len(body))
			}
			if got := body[1].(*report.Table).Caption; got != tt.caption {
				t.Errorf("caption %q, want %q", got, tt.caption)
			}
		})
	}
}
