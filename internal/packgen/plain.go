package packgen

import (
	"fmt"
	"strings"
)

// numbering holds the numbers reportpack gives a report's blocks, worked
// out the same way (sections 1, 2; paragraphs and subsections in a section
// share a counter; paragraphs in a subsection 2.1.1), so that pack.md
// writes out what reportpack computes.
type numbering struct {
	num    []string          // number of each block, "" when un-numbered
	labels map[string]string // label -> "paragraph 2.1.3"
}

func number(d *doc) numbering {
	n := numbering{num: make([]string, len(d.blocks)), labels: map[string]string{
		"plan": "appendix 1", "background": "appendix 2",
	}}
	var c counter
	for i, bl := range d.blocks {
		n.num[i] = c.next(bl)
		if bl.label != "" {
			n.labels[bl.label] = "paragraph " + n.num[i]
		}
	}
	return n
}

// counter tracks the section, the counter that paragraphs and subsections
// directly in a section share, and the paragraph within a subsection.
type counter struct {
	sec, shared, para int
	inSub             bool
}

// next returns the number of bl, "" when it takes none.
func (c *counter) next(bl block) string {
	switch {
	case bl.kind == section:
		*c = counter{sec: c.sec + 1}
		return fmt.Sprint(c.sec)
	case bl.kind == subsection:
		c.shared, c.para, c.inSub = c.shared+1, 0, true
		return fmt.Sprintf("%d.%d", c.sec, c.shared)
	case bl.kind != paragraph || bl.cont:
		return ""
	case c.inSub:
		c.para++
		return fmt.Sprintf("%d.%d.%d", c.sec, c.shared, c.para)
	}
	c.shared++
	return fmt.Sprintf("%d.%d", c.sec, c.shared)
}

// plainReport writes d as plain Markdown: numbers, cross-references and
// computed sentences written out, data blocks as pipe tables, and the
// action plan appendix as a table.
func plainReport(b *strings.Builder, item int, d *doc) {
	n := number(d)
	fmt.Fprintf(b, "# %d. %s\n\nReport of the Director of Children's Services\n\n%s\n\n", item, d.title, d.purpose)
	for i, bl := range d.blocks {
		plainBlock(b, d, n, i, bl)
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "## Appendices\n\n1. Action plan update\n2. Background papers (not attached)\n\n")
	fmt.Fprintf(b, "Contact officer: %s, %s, %s\n\n", d.officer, d.phone, email(d.officer))
	b.WriteString("## Appendix 1: Action plan update\n\n")
	pipe(b, d.planHeader, cells(d.plan, "; "))
	b.WriteString("\n")
}

func plainBlock(b *strings.Builder, d *doc, n numbering, i int, bl block) {
	num := n.num[i]
	switch bl.kind {
	case section, subsection:
		fmt.Fprintf(b, "%s %s %s\n", strings.Repeat("#", int(bl.kind)+2), num, bl.title)
	case subheading:
		fmt.Fprintf(b, "#### %s\n", bl.title)
	case paragraph:
		if num != "" {
			num += " "
		}
		b.WriteString(num + plainText(d, n, bl.runs) + "\n")
	case bullets:
		for _, it := range bl.items {
			b.WriteString("- " + plainText(d, n, it) + "\n")
		}
	case judgementTable:
		fmt.Fprintf(b, "Table: %s\n\n", bl.table.caption)
		pipe(b, bl.table.header, bl.table.rows)
	case ragTable:
		b.WriteString("Table: Progress against the formal areas for improvement\n\n")
		pipe(b, []string{"Area", "Rating", "Ref", "Progress"}, ragRows(d))
	case pipeTable:
		pipe(b, bl.table.header, bl.table.rows)
	}
}

func plainText(d *doc, n numbering, runs []inline) string {
	var b strings.Builder
	for _, r := range runs {
		s := r.text
		switch {
		case r.ref != "":
			s = n.labels[r.ref]
		case r.count != nil:
			s = countText(d, r.count)
		}
		if r.bold {
			s = "**" + s + "**"
		}
		b.WriteString(s)
	}
	return b.String()
}

// ragRows are the formal rows of the plan as the rag-table shows them.
func ragRows(d *doc) [][]string {
	var rows [][]string
	for _, r := range d.plan {
		if r[colFormal] == "Yes" {
			rows = append(rows, []string{r[colArea], r[colRating], r[colRef], r[colProgress]})
		}
	}
	return cells(rows, "; ")
}

// cells copies rows with line breaks inside cells replaced by sep, as pipe
// tables hold one line a row.
func cells(rows [][]string, sep string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			out[i][j] = strings.ReplaceAll(c, "\n", sep)
		}
	}
	return out
}
