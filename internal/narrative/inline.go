package narrative

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// style is the emphasis and link that apply to the inlines being converted.
type style struct {
	flags report.Style
	link  string
	depth int
}

// inlines converts the inline children of n, merging neighbouring runs of
// the same style.
func (c *converter) inlines(n ast.Node, depth int) []report.Inline {
	var out []report.Inline
	c.children(n, style{depth: depth}, &out)
	out = merge(out)
	c.checkUnclosed(out)
	return out
}

func (c *converter) children(n ast.Node, st style, out *[]report.Inline) {
	if st.depth > MaxDepth {
		c.diags.Errorf(c.nodePos(n), "emphasis or links are nested more than %d levels deep here", MaxDepth).
			WithHint("simplify the * and _ marks on this line")
		return
	}
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		c.inline(child, st, out)
	}
}

func (c *converter) inline(n ast.Node, st style, out *[]report.Inline) {
	pos := c.nodePos(n)
	text := func(s string) {
		*out = append(*out, report.Inline{Kind: report.TextRun, Text: s, Style: st.flags, Link: st.link, Pos: pos})
	}
	switch n := n.(type) {
	case *ast.Text:
		text(c.textValue(n))
		c.lineBreak(n, st, pos, out)
	case *ast.String:
		text(string(n.Value))
	case *ast.CodeSpan:
		text(string(rawText(n, c.src)))
	case *ast.Emphasis:
		inner := st
		inner.depth++
		inner.flags |= emphasisStyle(n.Level)
		c.children(n, inner, out)
	case *ast.Link:
		c.link(n, string(n.Destination), st, pos, out)
	case *ast.AutoLink:
		c.autoLink(n, st, pos, out)
	case *ast.Image:
		c.diags.Warnf(pos, "images are not supported in reports yet; the image was left out").
			WithHint("attach the picture in a PDF appendix and refer to it with [@id]")
	case *ast.RawHTML:
		c.rawHTML(pos)
	case *refNode:
		c.ref(n, st, pos, out)
	case *countNode:
		c.count(n, st, pos, out)
	default:
		inner := st
		inner.depth++
		c.children(n, inner, out)
	}
}

// rawHTML warns about inline HTML once a line: a tag pair is one mistake.
func (c *converter) rawHTML(pos diag.Pos) {
	if c.htmlLines[pos.Line] {
		return
	}
	if c.htmlLines == nil {
		c.htmlLines = map[int]bool{}
	}
	c.htmlLines[pos.Line] = true
	c.diags.Warnf(pos, "raw HTML is not allowed in a report and was left out").
		WithHint("for a line break end the line with a backslash \\; for emphasis use **bold** or *italic*")
}

// textValue returns the text of n with backslash escapes and character
// references (&amp;, &#8212;) resolved, as a renderer would print it.
func (c *converter) textValue(n *ast.Text) string {
	v := n.Segment.Value(c.src)
	if n.IsRaw() {
		return string(v)
	}
	v = util.ResolveNumericReferences(util.ResolveEntityNames(v))
	return string(util.UnescapePunctuations(v))
}

func (c *converter) lineBreak(n *ast.Text, st style, pos diag.Pos, out *[]report.Inline) {
	switch {
	case n.HardLineBreak():
		*out = append(*out, report.Inline{Kind: report.LineBreak, Pos: pos})
	case n.SoftLineBreak():
		*out = append(*out, report.Inline{Kind: report.TextRun, Text: " ", Style: st.flags, Link: st.link, Pos: pos})
	}
}

func emphasisStyle(level int) report.Style {
	if level >= 2 {
		return report.Bold
	}
	return report.Italic
}

// rawText returns the text of a node's children without unescaping, for
// code spans.
func rawText(n ast.Node, src []byte) []byte {
	var b []byte
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		if t, ok := child.(*ast.Text); ok {
			b = append(b, t.Segment.Value(src)...)
		}
	}
	return b
}

// link converts a link, refusing unsafe destinations with a warning but
// keeping the link's text.
func (c *converter) link(n ast.Node, dest string, st style, pos diag.Pos, out *[]report.Inline) {
	inner := st
	inner.depth++
	if safe, ok := safeLink(dest); ok {
		inner.link = safe
	} else {
		c.diags.Warnf(pos, "the link to %q was removed (its text is kept): only web, email, phone and in-pack links are allowed", truncate(dest, 60)).
			WithHint("link to https://..., mailto:..., tel:... or refer to part of the pack with [@label]")
	}
	c.children(n, inner, out)
}

func (c *converter) autoLink(n *ast.AutoLink, st style, pos diag.Pos, out *[]report.Inline) {
	dest := string(n.URL(c.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	label := string(n.Label(c.src))
	st.depth++
	if safe, ok := safeLink(dest); ok {
		st.link = safe
	} else {
		c.diags.Warnf(pos, "the link to %q was removed (its text is kept): only web, email, phone and in-pack links are allowed", truncate(dest, 60)).
			WithHint("link to https://..., mailto:..., tel:... or refer to part of the pack with [@label]")
	}
	*out = append(*out, report.Inline{Kind: report.TextRun, Text: label, Style: st.flags, Link: st.link, Pos: pos})
}

var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// safeLink reports whether dest may be printed as a link: http, https,
// mailto and tel addresses, and in-pack anchors ("#para-3-2-5"). It returns
// the destination trimmed of surrounding space.
func safeLink(dest string) (string, bool) {
	d := strings.TrimSpace(dest)
	if strings.HasPrefix(d, "#") && len(d) > 1 && !strings.ContainsAny(d, " \t\n\"'<>") {
		return d, true
	}
	u, err := url.Parse(d)
	if err != nil || !allowedSchemes[strings.ToLower(u.Scheme)] {
		return "", false
	}
	if (u.Scheme == "http" || u.Scheme == "https") && u.Host == "" {
		return "", false
	}
	return d, true
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func (c *converter) ref(n *refNode, st style, pos diag.Pos, out *[]report.Inline) {
	if n.Problem != "" {
		c.reported = append(c.reported, n.Raw)
		c.diags.Errorf(pos, "this cross-reference %s cannot be read", n.Raw).WithHint("%s", n.Problem)
		*out = append(*out, report.Inline{Kind: report.TextRun, Text: n.Raw, Style: st.flags, Pos: pos})
		return
	}
	ref := n.Ref
	*out = append(*out, report.Inline{Kind: report.RefRun, Text: n.Raw, Style: st.flags, Ref: &ref, Pos: pos})
}

func (c *converter) count(n *countNode, st style, pos diag.Pos, out *[]report.Inline) {
	if n.Problem != "" {
		c.reported = append(c.reported, n.Raw)
		c.diags.Errorf(pos, "this computed text %s cannot be read", n.Raw).WithHint("%s", n.Problem)
		*out = append(*out, report.Inline{Kind: report.TextRun, Text: n.Raw, Style: st.flags, Pos: pos})
		return
	}
	spec := n.Spec
	*out = append(*out, report.Inline{Kind: report.CountRun, Style: st.flags, Link: st.link, Count: &spec, Pos: pos})
}

// merge joins neighbouring text runs that share style and link. It builds
// each joined text once, so a line of thousands of runs costs linear time.
func merge(in []report.Inline) []report.Inline {
	var out []report.Inline
	var text strings.Builder
	flush := func() {
		if n := len(out); n > 0 && out[n-1].Kind == report.TextRun && text.Len() > 0 {
			out[n-1].Text = text.String()
		}
		text.Reset()
	}
	for _, r := range in {
		if r.Kind == report.TextRun && r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && r.Kind == report.TextRun && out[n-1].Kind == report.TextRun &&
			out[n-1].Style == r.Style && out[n-1].Link == r.Link {
			text.WriteString(r.Text)
			continue
		}
		flush()
		out = append(out, r)
		if r.Kind == report.TextRun {
			text.WriteString(r.Text)
		}
	}
	flush()
	return out
}

// checkUnclosed warns about reportpack syntax that was started but not
// finished on its line, which would otherwise print as typed. Malformed
// syntax already reported is not reported again.
func (c *converter) checkUnclosed(in []report.Inline) {
	for _, r := range in {
		if r.Kind != report.TextRun {
			continue
		}
		text := r.Text
		for _, raw := range c.reported {
			text = strings.ReplaceAll(text, raw, "")
		}
		if strings.Contains(text, "{{") {
			c.diags.Warnf(r.Pos, "{{ starts computed text but there is no }} on the same line").
				WithHint("write computed text on one line: {{breakdown plan}}")
		}
		if strings.Contains(text, "[@") || strings.Contains(text, "[-@") {
			c.diags.Warnf(r.Pos, "[@ starts a cross-reference but there is no ] on the same line").
				WithHint("write the reference on one line: [@label]")
		}
	}
}

// attrs are the attributes written at the end of a heading or paragraph.
type attrs struct {
	label        string
	continuation bool
}

var attrRE = regexp.MustCompile(`(^|[^{])\{([^{}]*)\}\s*$`)

// withAttrs removes a trailing {#label -} from content and returns it parsed.
// A trailing {...} that is not attributes is left as text.
func (c *converter) withAttrs(content []report.Inline, pos diag.Pos) ([]report.Inline, attrs) {
	n := len(content)
	if n == 0 || content[n-1].Kind != report.TextRun {
		return content, attrs{}
	}
	last := content[n-1].Text
	m := attrRE.FindStringSubmatchIndex(last)
	if m == nil {
		return content, attrs{}
	}
	at, ok := c.parseAttrs(last[m[4]:m[5]], content[n-1].Pos)
	if !ok {
		return content, attrs{}
	}
	content[n-1].Text = strings.TrimRight(last[:m[3]], " \t")
	if content[n-1].Text == "" {
		content = content[:n-1]
	}
	return trimTrailingSpace(content), at
}

// parseAttrs parses "#label -" or ".unnumbered"; ok is false when the braces
// hold ordinary words.
func (c *converter) parseAttrs(s string, pos diag.Pos) (attrs, bool) {
	var at attrs
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return at, false
	}
	for _, f := range fields {
		if f != "-" && !strings.HasPrefix(f, "#") && !strings.HasPrefix(f, ".") {
			return attrs{}, false
		}
	}
	for _, f := range fields {
		c.attr(f, &at, pos)
	}
	return at, true
}

func (c *converter) attr(f string, at *attrs, pos diag.Pos) {
	switch {
	case f == "-" || f == ".unnumbered":
		at.continuation = true
	case strings.HasPrefix(f, "#") && labelRE.MatchString(f[1:]):
		if at.label != "" {
			c.diags.Errorf(pos, "two labels, %q and %q, on one paragraph or heading", at.label, f[1:]).
				WithHint("keep one label")
		}
		at.label = f[1:]
	case strings.HasPrefix(f, "#"):
		c.diags.Errorf(pos, "the label %q has characters that cannot be used in a label", f[1:]).
			WithHint("use letters, digits and hyphens: {#progress-to-date}")
	default:
		c.diags.Warnf(pos, "the attribute %q is not known and was ignored", f).
			WithHint("use {#label} to label, {-} to leave a paragraph un-numbered")
	}
}

func trimTrailingSpace(content []report.Inline) []report.Inline {
	for len(content) > 0 {
		last := &content[len(content)-1]
		if last.Kind != report.TextRun {
			break
		}
		last.Text = strings.TrimRight(last.Text, " \t")
		if last.Text != "" {
			break
		}
		content = content[:len(content)-1]
	}
	return content
}
