package html

import (
	"bytes"
	"html/template"
	"strconv"
	"sync"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
	"github.com/reportpack/reportpack/themes"
)

// Issue 9: executing blocks.html's report content (paragraphs, inline runs,
// table rows) through html/template was most of the HTML render: reflection
// and an escaper call for every action. When a theme leaves those
// templates as the default theme has them, "blocks" and "table" are
// redefined to call the Go code below, which writes the same bytes the
// templates would, escaping every string from the pack as html/template
// does in that context (direct_test.go renders packs both ways and
// compares them). A theme that changes any of them keeps the templates.

// directTemplates are the templates the Go code stands in for: "blocks"
// and "table" and every template they call.
var directTemplates = []string{
	"blocks", "block", "section", "heading", "hclass", "htext", "paragraph",
	"list", "inlines", "inline", "styled", "text", "table", "row", "cell",
	"cell-content", "appendix-list",
}

// directFuncs are the functions the redefined templates call.
var directFuncs = template.FuncMap{
	"directBlocks": func(bs []blockView) template.HTML {
		w := directWriters.Get().(*directWriter)
		defer directWriters.Put(w)
		w.Reset()
		w.blocks(bs)
		return template.HTML(w.String())
	},
	"directTable": func(t *tableView) template.HTML {
		w := directWriters.Get().(*directWriter)
		defer directWriters.Put(w)
		w.Reset()
		w.table(t)
		return template.HTML(w.String())
	},
}

// directWriters keeps buffers grown to a report body's size for the next
// body, which then costs one allocation of its own size.
var directWriters = sync.Pool{New: func() any { return new(directWriter) }}

// defaultTrees holds the default theme's directTemplates, each printed from
// its parse tree, to tell whether a theme changed one.
var defaultTrees = sync.OnceValues(func() (map[string]string, error) {
	base, err := parsePartials(themes.Default())
	if err != nil {
		return nil, err
	}
	return treeStrings(base), nil
})

// treeStrings prints each of directTemplates as t parsed it ("" when it
// is missing).
func treeStrings(t *template.Template) map[string]string {
	out := make(map[string]string, len(directTemplates))
	for _, name := range directTemplates {
		if d := t.Lookup(name); d != nil && d.Tree != nil {
			out[name] = d.Tree.Root.String()
		}
	}
	return out
}

// useDirect redefines "blocks" and "table" in base to run the Go code when
// base defines directTemplates exactly as the default theme does, and
// reports whether it did.
func useDirect(base *template.Template) (bool, error) {
	want, err := defaultTrees()
	if err != nil {
		return false, err
	}
	got := treeStrings(base)
	for _, name := range directTemplates {
		if got[name] == "" || got[name] != want[name] {
			return false, nil
		}
	}
	base.Funcs(directFuncs)
	for name, src := range map[string]string{"blocks": "{{directBlocks .}}", "table": "{{directTable .}}"} {
		if _, err := base.New(name).Parse(src); err != nil {
			return false, err
		}
	}
	return true, nil
}

// directWriter writes report content as blocks.html does. Each method
// names the template it stands for.
type directWriter struct {
	bytes.Buffer
}

// escapes is html/template's replacement table for strings in text and
// in quoted attribute values; every other byte, UTF-8 or not, is kept.
var escapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// esc writes s as html/template writes a string in text or in a quoted
// attribute value.
func (w *directWriter) esc(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if repl := escapes[s[i]]; repl != "" {
			w.WriteString(s[last:i])
			w.WriteString(repl)
			last = i + 1
		}
	}
	w.WriteString(s[last:])
}

// url writes a checked URL as html/template writes one in a quoted href:
// normalised (bytes that may not appear in a URL percent-encoded, valid
// escapes kept), then escaped for the attribute.
func (w *directWriter) url(u template.URL) {
	const hex = "0123456789abcdef"
	s := string(u)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			w.WriteString("&amp;")
		case c == '+':
			w.WriteString("&#43;")
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]),
			urlByte(c):
			w.WriteByte(c)
		default:
			w.WriteByte('%')
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&15])
		}
	}
}

// urlByte reports whether html/template's URL normaliser keeps c as it is.
func urlByte(c byte) bool {
	switch c {
	case '!', '#', '$', '*', ',', '/', ':', ';', '=', '?', '@', '[', ']', '-', '.', '_', '~':
		return true
	}
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func (w *directWriter) int(n int) {
	var b [20]byte
	w.Write(strconv.AppendInt(b[:0], int64(n), 10))
}

// number writes a report.Number as {{.Number}} prints it: "2.1.1".
func (w *directWriter) number(n report.Number) {
	for i, v := range n {
		if i > 0 {
			w.WriteByte('.')
		}
		w.int(v)
	}
}

// statusClass writes statusClass(s) escaped, without making the string.
func (w *directWriter) statusClass(s *report.Status) {
	w.WriteString("status")
	if s != nil && theme.ValidClass(s.Class) {
		w.WriteString(" status-")
		w.esc(s.Class)
	}
}

// wrap writes before, s escaped, and after.
func (w *directWriter) wrap(before, s, after string) {
	w.WriteString(before)
	w.esc(s)
	w.WriteString(after)
}

// idAttr writes ` id="…"` when id is set ({{with .Anchor}} id="{{.}}"{{end}}).
func (w *directWriter) idAttr(id string) {
	if id != "" {
		w.wrap(` id="`, id, `"`)
	}
}

// alignAttr writes ` class="align-…"` when align is set.
func (w *directWriter) alignAttr(align string) {
	if align != "" {
		w.wrap(` class="align-`, align, `"`)
	}
}

func (w *directWriter) blocks(bs []blockView) {
	for i := range bs {
		w.WriteByte('\n')
		w.block(&bs[i])
	}
}

func (w *directWriter) block(b *blockView) {
	switch b.Kind {
	case kindSection:
		w.section(b)
	case kindParagraph:
		w.paragraph(b.Para)
	case kindSubheading:
		w.heading(b)
	case kindList:
		w.list(b.List)
	case kindTable:
		w.table(b.Table)
	case kindAppendices:
		w.appendixList(b.Appx)
	}
}

func (w *directWriter) section(b *blockView) {
	w.WriteString(`<section class="section level-`)
	w.int(b.Section.Level)
	w.WriteByte('"')
	w.idAttr(b.Section.Anchor)
	w.WriteString(">\n")
	w.heading(b)
	w.blocks(b.Body)
	w.WriteString("\n</section>")
}

// headingTags are the tags "heading" opens and closes, by level; any other
// level gets h6.
var headingTags = [...][2]string{2: {"<h2", "</h2>"}, 3: {"<h3", "</h3>"}, 4: {"<h4", "</h4>"}, 5: {"<h5", "</h5>"}}

func (w *directWriter) heading(b *blockView) {
	tag := [2]string{"<h6", "</h6>"}
	if b.Heading >= 2 && b.Heading <= 5 {
		tag = headingTags[b.Heading]
	}
	w.WriteString(tag[0])
	// hclass and htext
	switch {
	case b.Sub != nil:
		w.WriteString(` class="subheading">`)
		w.inlines(b.Sub.Title)
	case len(b.Section.Number) > 0:
		w.WriteString(` class="numbered"><span class="num">`)
		w.esc(sectionNumber(b.Section.Number))
		w.WriteString(`</span> <span class="text">`)
		w.inlines(b.Section.Title)
		w.WriteString(`</span>`)
	default:
		w.WriteByte('>')
		w.inlines(b.Section.Title)
	}
	w.WriteString(tag[1])
}

func (w *directWriter) paragraph(p *report.Paragraph) {
	if len(p.Number) > 0 {
		w.WriteString(`<p class="para numbered"`)
		w.idAttr(p.Anchor)
		w.WriteString(`><span class="num">`)
		w.number(p.Number)
		w.WriteString(`</span> <span class="text">`)
		w.inlines(p.Content)
		w.WriteString(`</span></p>`)
		return
	}
	w.WriteString(`<p class="para`)
	if p.Continuation {
		w.WriteString(` continuation`)
	}
	w.WriteByte('"')
	w.idAttr(p.Anchor)
	w.WriteByte('>')
	w.inlines(p.Content)
	w.WriteString(`</p>`)
}

func (w *directWriter) list(l *report.List) {
	open, end := `<ul class="list">`, "\n</ul>"
	if l.Ordered {
		open, end = `<ol class="list">`, "\n</ol>"
	}
	w.WriteString(open)
	for i := range l.Items {
		it := &l.Items[i]
		w.WriteString("\n<li>")
		w.inlines(it.Content)
		if it.Sub != nil {
			w.list(it.Sub)
		}
		w.WriteString("</li>")
	}
	w.WriteString(end)
}

func (w *directWriter) inlines(in []report.Inline) {
	for i := range in {
		w.inline(&in[i])
	}
}

func (w *directWriter) inline(in *report.Inline) {
	if isBreak(*in) {
		w.WriteString("<br>")
		return
	}
	if in.Link == "" {
		// href gives "" for "" too, but only after parsing it.
		w.styled(in)
		return
	}
	if u := href(in.Link); u != "" {
		w.WriteString(`<a href="`)
		w.url(u)
		w.WriteString(`">`)
		w.styled(in)
		w.WriteString("</a>")
		return
	}
	w.styled(in)
}

func (w *directWriter) styled(in *report.Inline) {
	b, it := bold(*in), italic(*in)
	if b {
		w.WriteString("<strong>")
	}
	if it {
		w.WriteString("<em>")
	}
	w.text(in)
	if it {
		w.WriteString("</em>")
	}
	if b {
		w.WriteString("</strong>")
	}
}

// text is textParts without the slice: acronyms marked in the run print
// as <abbr title>, marks out of range or overlapping are ignored.
func (w *directWriter) text(in *report.Inline) {
	at := 0
	for _, a := range in.Abbrs {
		if a.Start < at || a.End > len(in.Text) || a.Start >= a.End {
			continue
		}
		w.esc(in.Text[at:a.Start])
		if a.Title != "" {
			w.WriteString(`<abbr title="`)
			w.esc(a.Title)
			w.WriteString(`">`)
			w.esc(in.Text[a.Start:a.End])
			w.WriteString("</abbr>")
		} else {
			w.esc(in.Text[a.Start:a.End])
		}
		at = a.End
	}
	w.esc(in.Text[at:])
}

func (w *directWriter) table(t *tableView) {
	w.wrap(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="`, t.ID, `"`)
	w.idAttr(t.Anchor)
	w.wrap(">\n<table class=\"table table-", t.Kind, "\">\n<caption id=\"")
	w.esc(t.ID)
	w.WriteString(`">`)
	if t.Caption != "" {
		w.esc(t.Caption)
	} else {
		w.WriteString("Table")
	}
	w.WriteString("</caption>")
	if len(t.Columns) > 0 {
		w.WriteString("\n<thead>\n<tr>")
		for _, c := range t.Columns {
			w.WriteString(`<th scope="col"`)
			w.alignAttr(c.Align)
			w.wrap(">", c.Title, "</th>")
		}
		w.WriteString("</tr>\n</thead>")
	}
	for _, g := range t.Groups {
		w.WriteString("\n<tbody>")
		for i := range g {
			w.WriteByte('\n')
			w.row(&g[i])
		}
		w.WriteString("\n</tbody>")
	}
	w.WriteString("\n</table>\n</div>")
	if len(t.Key) > 0 || len(t.Notes) > 0 {
		w.tableAfter(t)
	}
}

// tableAfter writes a table's key and notes.
func (w *directWriter) tableAfter(t *tableView) {
	w.WriteString("\n<div class=\"table-after\">")
	if len(t.Key) > 0 {
		w.WriteString("\n<p class=\"key-title\">Key</p>\n<ul class=\"key\">")
		for i := range t.Key {
			k := &t.Key[i]
			w.WriteString("\n<li><span class=\"")
			w.statusClass(&k.Status)
			w.WriteString(`">`)
			w.wrap("", k.Status.Word, "</span> ")
			w.wrap("", k.Meaning, "</li>")
		}
		w.WriteString("\n</ul>")
	}
	for _, n := range t.Notes {
		w.wrap("\n<p class=\"table-note\">", n, "</p>")
	}
	w.WriteString("\n</div>")
}

func (w *directWriter) row(r *rowView) {
	if r.Group {
		if r.Sub {
			w.WriteString(`<tr class="subgroup"><th scope="rowgroup" colspan="`)
		} else {
			w.WriteString(`<tr class="group"><th scope="rowgroup" colspan="`)
		}
		w.int(r.Span)
		w.WriteString(`">`)
		for i := range r.Cells {
			w.inlines(r.Cells[i].Content)
		}
		w.WriteString("</th></tr>")
		return
	}
	w.WriteString("<tr>")
	for i := range r.Cells {
		w.cell(&r.Cells[i])
	}
	w.WriteString("</tr>")
}

func (w *directWriter) cell(c *cellView) {
	end := "</td>"
	switch {
	case c.Header:
		w.WriteString(`<th scope="row"`)
		w.alignAttr(c.Align)
		w.WriteByte('>')
		end = "</th>"
	case c.Status != nil:
		w.WriteString(`<td class="`)
		w.statusClass(c.Status)
		w.WriteString(`">`)
	default:
		w.WriteString("<td")
		w.alignAttr(c.Align)
		w.WriteByte('>')
	}
	// cell-content
	if c.Status != nil {
		w.esc(c.Status.Word)
	} else {
		w.inlines(c.Content)
	}
	if len(c.Bullets) > 0 {
		w.WriteString(`<ul class="cell-list">`)
		for _, b := range c.Bullets {
			w.WriteString("<li>")
			w.inlines(b)
			w.WriteString("</li>")
		}
		w.WriteString("</ul>")
	}
	w.WriteString(end)
}

func (w *directWriter) appendixList(list []appendixView) {
	w.WriteString(`<ol class="appendix-list">`)
	for i := range list {
		a := &list[i]
		w.WriteString("\n<li")
		if !a.Full {
			w.idAttr(a.Appendix.Anchor)
		}
		w.WriteString(`><span class="appendix-number">`)
		w.esc(a.Label)
		w.WriteString("</span> ")
		if a.Href != "" {
			w.WriteString(`<a href="`)
			w.url(a.Href)
			w.WriteString(`">`)
			w.esc(a.Appendix.Title)
			w.WriteString("</a>")
		} else {
			w.esc(a.Appendix.Title)
		}
		if a.Where != "" {
			w.WriteString(" (")
			w.esc(a.Where)
			w.WriteByte(')')
		}
		if a.Restricted != "" {
			w.WriteString(` <strong class="not-for-publication">`)
			w.esc(a.Restricted)
			w.WriteString("</strong>")
		}
		w.WriteString("</li>")
	}
	w.WriteString("\n</ol>")
}
