package packgen

import (
	"fmt"
	"strings"
)

// reportMarkdown writes d in reportpack's format: TOML front matter, then
// Markdown with labels, cross-references, computed text and data blocks.
func reportMarkdown(d *doc) []byte {
	var b strings.Builder
	frontMatter(&b, d)
	for _, bl := range d.blocks {
		writeBlock(&b, bl)
		b.WriteString("\n")
	}
	b.WriteString("# Appendices\n")
	return []byte(b.String())
}

func frontMatter(b *strings.Builder, d *doc) {
	fmt.Fprintf(b, "+++\ntitle = %q\nreport_of = \"Director of Children's Services\"\npurpose = %q\n", d.title, d.purpose)
	b.WriteString("date = 2026-03-12\nwards = [\"All\"]\nkey_decision = false\n\n[contact]\n")
	fmt.Fprintf(b, "name = %q\nphone = %q\nemail = %q\n\n", d.officer, d.phone, email(d.officer))
	fmt.Fprintf(b, "[[appendices]]\nid = \"plan\"\ntitle = \"Action plan update\"\nfile = %q\nsheet = \"Actions\"\n\n", d.slug+"-plan.xlsx")
	b.WriteString("[[appendices]]\nid = \"background\"\ntitle = \"Background papers (not attached)\"\n+++\n\n")
}

func email(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.gov.uk"
}

func writeBlock(b *strings.Builder, bl block) {
	switch bl.kind {
	case section, subsection, subheading:
		fmt.Fprintf(b, "%s %s\n", strings.Repeat("#", int(bl.kind)+1), bl.title)
	case paragraph:
		b.WriteString(runsMarkdown(bl.runs) + attrs(bl) + "\n")
	case bullets:
		for _, it := range bl.items {
			b.WriteString("- " + runsMarkdown(it) + "\n")
		}
	case judgementTable:
		judgementBlock(b, bl.table)
	case ragTable:
		b.WriteString("```rag-table\ncaption = \"Progress against the formal areas for improvement\"\n" +
			"source = \"plan\"\nfilter = \"formal\"\ngroup = [\"group\", \"timescale\"]\n" +
			"show = [\"area\", \"rating\", \"ref\", \"progress\"]\n```\n")
	case pipeTable:
		if bl.table.caption != "" {
			fmt.Fprintf(b, "Table: %s\n\n", bl.table.caption)
		}
		pipe(b, bl.table.header, bl.table.rows)
	}
}

// attrs is a paragraph's trailing attribute block, if any.
func attrs(bl block) string {
	switch {
	case bl.label != "":
		return " {#" + bl.label + "}"
	case bl.cont:
		return " {-}"
	}
	return ""
}

func runsMarkdown(runs []inline) string {
	var b strings.Builder
	for _, r := range runs {
		s := r.text
		switch {
		case r.ref != "":
			s = "[@" + r.ref + "]"
		case r.count != nil:
			s = countMarkdown(r.count)
		}
		if r.bold {
			s = "**" + s + "**"
		}
		b.WriteString(s)
	}
	return b.String()
}

func countMarkdown(c *count) string {
	s := "{{" + c.form + " " + c.source
	for _, kv := range [][2]string{{"filter", c.filter}, {"noun", c.noun}, {"rating", c.rating}} {
		if kv[1] != "" {
			s += fmt.Sprintf(" %s=%q", kv[0], kv[1])
		}
	}
	return s + "}}"
}

func judgementBlock(b *strings.Builder, tb *table) {
	fmt.Fprintf(b, "```judgement-table\nlabel = %q\ncaption = %q\nscale = \"ofsted-social-care-2012\"\n", tb.label, tb.caption)
	fmt.Fprintf(b, "overall = %q\nheaders = [%q, %q]\nrows = [\n", tb.overall, tb.header[0], tb.header[1])
	for _, r := range tb.rows {
		fmt.Fprintf(b, "  [%q, %q],\n", r[0], r[1])
	}
	b.WriteString("]\n```\n")
}

// pipe writes a GFM pipe table.
func pipe(b *strings.Builder, header []string, rows [][]string) {
	b.WriteString("| " + strings.Join(header, " | ") + " |\n|")
	b.WriteString(strings.Repeat(" --- |", len(header)) + "\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
}
