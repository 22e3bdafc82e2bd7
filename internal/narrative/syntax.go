package narrative

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// This file holds reportpack's own inline syntax as goldmark inline parsers:
// cross-references [@label; @other] and computed text {{FORM SOURCE k=v}}.
// Parsing them before goldmark's link parser and typographer keeps labels
// and quoted option values exactly as written.

var (
	kindRefNode   = ast.NewNodeKind("ReportpackRef")
	kindCountNode = ast.NewNodeKind("ReportpackCount")
)

// labelRE is what a label or appendix id may look like.
var labelRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]*$`)

// refNode is a parsed cross-reference; Problem is set when it is malformed.
type refNode struct {
	ast.BaseInline
	Ref     report.Ref
	Raw     string
	Problem string
}

func (n *refNode) Kind() ast.NodeKind { return kindRefNode }

func (n *refNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// countNode is a parsed computed-text request; Problem is set when malformed.
type countNode struct {
	ast.BaseInline
	Spec    report.CountSpec
	Raw     string
	Problem string
}

func (n *countNode) Kind() ast.NodeKind { return kindCountNode }

func (n *countNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// refParser parses [@label], [-@label] and [@a; @b].
type refParser struct{}

var _ parser.InlineParser = refParser{}

func (refParser) Trigger() []byte { return []byte{'['} }

// maxSyntax bounds how far along a line the closing ] or }} is looked for,
// so that a long line of openers costs linear time, not quadratic.
const maxSyntax = 1000

func (refParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[@")) && !bytes.HasPrefix(line, []byte("[-@")) {
		return nil
	}
	end := bytes.IndexByte(line[:min(len(line), maxSyntax)], ']')
	if end < 0 {
		return nil
	}
	raw := string(line[:end+1])
	block.Advance(end + 1)
	n := &refNode{Raw: raw}
	n.Ref, n.Problem = parseRef(raw[1:end])
	return n
}

// parseRef parses the inside of a cross-reference: "@a; -@b".
func parseRef(inner string) (report.Ref, string) {
	var ref report.Ref
	for i, part := range strings.Split(inner, ";") {
		part = strings.TrimSpace(part)
		bare := strings.HasPrefix(part, "-@")
		if i == 0 {
			ref.Bare = bare
		}
		label := strings.TrimPrefix(strings.TrimPrefix(part, "-"), "@")
		if !strings.HasPrefix(strings.TrimPrefix(part, "-"), "@") || !labelRE.MatchString(label) {
			return ref, "write each label after an @, separated by semicolons: [@first; @second]"
		}
		ref.Targets = append(ref.Targets, label)
	}
	return ref, ""
}

// countParser parses {{FORM SOURCE key="value" key2=word}} on one line.
type countParser struct{}

var _ parser.InlineParser = countParser{}

func (countParser) Trigger() []byte { return []byte{'{'} }

func (countParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line[:min(len(line), maxSyntax)], []byte("}}"))
	if end < 0 {
		return nil
	}
	raw := string(line[:end+2])
	block.Advance(end + 2)
	n := &countNode{Raw: raw}
	n.Spec, n.Problem = parseCount(raw[2:end])
	return n
}

// parseCount parses "FORM SOURCE key=value ...".
func parseCount(inner string) (report.CountSpec, string) {
	var spec report.CountSpec
	words, ok := splitWords(inner)
	if !ok {
		return spec, "a quoted value is not closed: write key=\"value\""
	}
	if len(words) < 2 || strings.Contains(words[0], "=") || strings.Contains(words[1], "=") {
		return spec, "write the kind of text first, then the appendix id or table label: {{breakdown plan noun=\"actions\"}}"
	}
	spec.Form, spec.Source = words[0], words[1]
	for _, w := range words[2:] {
		key, value, found := strings.Cut(w, "=")
		if !found || key == "" {
			return spec, "options are written key=value or key=\"several words\"; " + quote(w) + " is neither"
		}
		spec = setCountOption(spec, key, unquote(value))
	}
	return spec, ""
}

func setCountOption(spec report.CountSpec, key, value string) report.CountSpec {
	switch key {
	case "filter":
		spec.Filter = value
	case "noun":
		spec.Noun = value
	default:
		if spec.Options == nil {
			spec.Options = map[string]string{}
		}
		spec.Options[key] = value
	}
	return spec
}

// splitWords splits s at spaces outside double quotes (straight or curly).
func splitWords(s string) ([]string, bool) {
	var words []string
	var cur strings.Builder
	inQuote := false
	for _, r := range s {
		switch {
		case r == '"' || r == '“' || r == '”':
			inQuote = !inQuote
			cur.WriteRune('"')
		case (r == ' ' || r == '\t') && !inQuote:
			if cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		words = append(words, cur.String())
	}
	return words, !inQuote
}

func unquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return v[1 : len(v)-1]
	}
	return v
}

func quote(s string) string { return "\u201c" + s + "\u201d" }
