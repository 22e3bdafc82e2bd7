// Package narrative reads an officer's report: TOML front matter and a
// Markdown body become a *report.Report. It is the reader at the start of the
// pipeline for reports (config.Load -> narrative.Read -> assemble.Pack ->
// number.Assign -> ...), and the only package that imports goldmark: goldmark
// nodes are converted to report types here and never leave.
package narrative

import (
	"bytes"
	"fmt"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/frontmatter"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits on input, so that a hostile or broken file cannot exhaust memory or
// time. They are documented in docs/markdown.md.
const (
	// MaxSize is the largest report file read, in bytes (5 MiB).
	MaxSize = 5 << 20
	// MaxDepth is the deepest nesting of lists, quotes and emphasis allowed.
	MaxDepth = 20
	// MaxLines is the most lines a report's body may have.
	MaxLines = 100_000
	// MaxMarkup is the most Markdown markup characters ([ ] * _ < > ` { })
	// a report's body may have. Each can become a node in the parser, and
	// pathological runs of them cost seconds and gigabytes while a real
	// report has a few thousand.
	MaxMarkup = 100_000
)

// Read reads a report from src, the contents of file (the path as the user
// gave it, used in positions). It returns as much of the report as it could
// read and every problem found; it never panics on any input.
func Read(file string, src []byte) (*report.Report, diag.List) {
	r := &report.Report{Source: file, Pos: diag.Pos{File: file, Line: 1}}
	var diags diag.List
	if len(src) > MaxSize {
		diags.Errorf(r.Pos, "this report is %s, more than the limit of %s", sizeText(len(src)), sizeText(MaxSize)).
			WithHint("move bulk data into an appendix (a workbook or PDF) and keep the report's text short")
		return r, diags
	}
	doc, splitDiags := frontmatter.Split(file, src)
	diags.Append(splitDiags)
	if splitDiags.HasErrors() && doc.HasFront && doc.Body == nil {
		return r, diags // unclosed front matter: nothing more can be read reliably
	}
	readFront(r, file, doc, &diags)
	if tooBig(file, doc, &diags) {
		return r, diags
	}
	if line := tooDeep(doc.Body); line > 0 {
		diags.Errorf(diag.Pos{File: file, Line: doc.BodyLine + line - 1, Col: 1},
			"lists or quotes are nested more than %d levels deep here", MaxDepth).
			WithHint("flatten the list: reports rarely need more than two levels")
		return r, diags
	}
	c := newConverter(file, doc.Body, doc.BodyLine, &diags)
	r.Body = c.document(parse(doc.Body))
	return r, diags
}

// markdown is the goldmark configuration: CommonMark plus GFM tables, the
// typographer with real Unicode characters, and reportpack's inline syntax.
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
			extension.LeftSingleQuote:  "\u2018",
			extension.RightSingleQuote: "\u2019",
			extension.LeftDoubleQuote:  "\u201c",
			extension.RightDoubleQuote: "\u201d",
			extension.EnDash:           "\u2013",
			extension.EmDash:           "\u2014",
			extension.Ellipsis:         "\u2026",
			extension.LeftAngleQuote:   "\u00ab",
			extension.RightAngleQuote:  "\u00bb",
			extension.Apostrophe:       "\u2019",
		})),
	),
	goldmark.WithParserOptions(parser.WithInlineParsers(
		util.Prioritized(refParser{}, 150),
		util.Prioritized(countParser{}, 150),
	)),
)

func parse(body []byte) ast.Node {
	return markdown.Parser().Parse(text.NewReader(body))
}

func sizeText(n int) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// tooBig reports a body with too many lines or too much markup.
func tooBig(file string, doc frontmatter.Doc, diags *diag.List) bool {
	pos := diag.Pos{File: file, Line: doc.BodyLine, Col: 1}
	if n := bytes.Count(doc.Body, []byte("\n")); n > MaxLines {
		diags.Errorf(pos, "this report has %d lines, more than the limit of %d", n, MaxLines).
			WithHint("move bulk data into an appendix (a workbook or PDF)")
		return true
	}
	n := 0
	for _, b := range doc.Body {
		switch b {
		case '[', ']', '*', '_', '<', '>', '`', '{', '}':
			n++
		}
	}
	if n > MaxMarkup {
		diags.Errorf(pos, "this report has %d Markdown markup characters ([ ] * _ < > ` { }), more than the limit of %d", n, MaxMarkup).
			WithHint("check the file is the report you meant; move bulk data into an appendix")
		return true
	}
	return false
}

// tooDeep returns the 1-based line of body at which lists or block quotes
// nest more than MaxDepth levels, or 0. It looks before goldmark parses, so
// that pathological nesting never reaches the parser.
func tooDeep(body []byte) int {
	for i, line := range bytes.Split(body, []byte("\n")) {
		if lineDepth(line) > MaxDepth {
			return i + 1
		}
	}
	return 0
}

// lineDepth estimates how many containers a line opens: quote markers and
// list markers, plus indentation (two columns a level) before a marker.
func lineDepth(line []byte) int {
	depth, indent, i := 0, 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		default:
			n := orderedMarker(line[i:])
			if n == 0 {
				return withIndent(depth, indent)
			}
			depth++
			i += n
		}
	}
	return withIndent(depth, indent)
}

// withIndent counts indentation only on lines that open a container: a list
// nested by indentation alone goes one level deeper every two columns or so.
func withIndent(depth, indent int) int {
	if depth == 0 {
		return 0
	}
	return depth + indent/2
}

// orderedMarker returns the length of an ordered list marker ("12. ") at the
// start of s, or 0.
func orderedMarker(s []byte) int {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || (s[i] != '.' && s[i] != ')') || (s[i+1] != ' ' && s[i+1] != '\t') {
		return 0
	}
	return i + 2
}
