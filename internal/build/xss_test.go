package build

import (
	"bytes"
	"fmt"
	"github.com/reportpack/reportpack/internal/packtest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/reportpack/reportpack/internal/actionplan/xlsxtest"
	"github.com/reportpack/reportpack/internal/render/html/xsstest"
)

// TestHostileInputsAreInertInHTML writes a pack whose every field carries a
// payload: pack.toml (council, meeting, members, clerk, procedural items),
// each report's front matter, headings, paragraphs, lists, table cells,
// links and autolinks, and workbook cells. It builds the pack and parses
// every HTML page, which must carry no inline script, no event handler and
// no script or data URL, and forbid inline script by its
// Content-Security-Policy.
func TestHostileInputsAreInertInHTML(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a pack of one report per payload")
	}
	dir := xssPack(t)
	out := t.TempDir()
	res, err := Pack(filepath.ToSlash(dir), Options{OutRoot: out})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build failed: %v\n%s", err, res.Diags.Format())
	}
	pages := 0
	for name, data := range packtest.Tree(t, res.Out) {
		if strings.HasSuffix(name, ".html") {
			pages++
			checkPage(t, name, data)
		}
	}
	if pages < len(xsstest.Payloads) {
		t.Errorf("%d pages, want one a report at least", pages)
	}
	rawHTML := regexp.MustCompile(`/r\d+\.md:\d+:\d+: warning: raw HTML is not allowed`)
	if !rawHTML.MatchString(res.Diags.Format()) {
		t.Errorf("no warning names the line of raw HTML:\n%s", res.Diags.Format())
	}
}

// xssPack writes the hostile pack into a new folder.
func xssPack(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "hostile")
	var toml strings.Builder
	all := strings.Join(xsstest.Payloads, " ")
	fmt.Fprintf(&toml, "council = %s\ncommittee = %s\nissued = 2026-03-02\n", q(all), q(xsstest.Payloads[0]))
	fmt.Fprintf(&toml, "[meeting]\ndate = 2026-03-12\ntime = %s\nvenue = %s\n", q(xsstest.Payloads[1]), q(all))
	fmt.Fprintf(&toml, "[membership]\nchair = %s\nmembers = [%s]\n", q(xsstest.Payloads[2]), qs(xsstest.Payloads))
	fmt.Fprintf(&toml, "[clerk]\nname = %s\nemail = %s\nphone = %s\n", q(xsstest.Payloads[3]), q(xsstest.Payloads[38]), q(xsstest.Payloads[39]))
	for i, p := range xsstest.Payloads {
		fmt.Fprintf(&toml, "\n[[item]]\nid = \"p%d\"\ntitle = %s\npurpose = %s\n", i, q(p), q(p))
		fmt.Fprintf(&toml, "\n[[item]]\nreport = \"r%d.md\"\n", i)
		write(t, filepath.Join(dir, fmt.Sprintf("r%d.md", i)), []byte(xssReport(i, p)))
		write(t, filepath.Join(dir, fmt.Sprintf("r%d.xlsx", i)), xssWorkbook(t, p))
	}
	write(t, filepath.Join(dir, "pack.toml"), []byte(toml.String()))
	return dir
}

// xssReport is report i with p in every place Markdown can carry it.
func xssReport(i int, p string) string {
	// {{ }} is reportpack's own computed-text syntax, rightly an error in a
	// body when it is not computed text; the payload stays in the other fields.
	line := strings.NewReplacer("\n", " ", "\u2028", " ", "\u2029", " ", "{{", "{ {").Replace(p)
	return "+++\n" +
		fmt.Sprintf("title = %s\nreport_of = %s\npurpose = %s\nwards = [%s]\n", q(p), q(p), q(p), q(p)) +
		fmt.Sprintf("[contact]\nname = %s\nrole = %s\nphone = %s\nemail = %s\n", q(p), q(p), q(p), q(p)) +
		fmt.Sprintf("[[appendices]]\nid = \"plan\"\ntitle = %s\nfile = %s\n", q(p), q(fmt.Sprintf("r%d.xlsx", i))) +
		"+++\n\n" +
		"# " + line + "\n\n" + line + " See [@plan].\n\n" +
		"## " + line + "\n\n" +
		"- " + line + "\n- [a link](" + line + ")\n- [another](<" + line + ">)\n- <" + line + ">\n\n" +
		"Table: " + line + "\n\n| " + line + " | B |\n| --- | --- |\n| " + line + " | [x](" + line + ") |\n\n" +
		"*" + line + "* **" + line + "** `" + line + "`\n\n" +
		"# Recommendations\n\nThat the Committee notes " + line + ".\n"
}

// xssWorkbook is an action plan with p in its text cells.
func xssWorkbook(t *testing.T, p string) []byte {
	cell := strings.NewReplacer("\t", " ", "\n", " ").Replace(p)
	tsv := "Plan as at " + cell + "\nRef\tArea for improvement\tRAG rating\tProgress summary\tOwner\tTarget date\tService\n" +
		"A1\t" + cell + "\tGreen\t" + cell + "\\n" + cell + "\t" + cell + "\t" + cell + "\t" + cell + "\n"
	return xlsxtest.Build(t, xlsxtest.Sheet{Name: "Actions", TSV: tsv})
}

func q(s string) string { return strconv.Quote(s) }

func qs(list []string) string {
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = q(s)
	}
	return strings.Join(quoted, ", ")
}

var (
	scriptURL = regexp.MustCompile(`^(?i)\s*(javascript|vbscript|data|file)\s*:`)
	localFile = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)
	urlAttrs  = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true, "xlink:href": true, "background": true, "cite": true}
	// forbidden are elements that no page of a pack has any business with.
	forbidden = map[atom.Atom]bool{atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Base: true, atom.Form: true, atom.Style: true, atom.Svg: true, atom.Math: true, atom.Frame: true}
)

// checkPage parses one page and reports anything that could run script.
func checkPage(t *testing.T, name string, data []byte) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	csp := false
	walkNodes(doc, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		if forbidden[n.DataAtom] {
			t.Errorf("%s: element <%s>", name, n.Data)
		}
		if n.DataAtom == atom.Script && !localFile.MatchString(attr(n, "src")) {
			t.Errorf("%s: inline or foreign script %q", name, attr(n, "src"))
		}
		if n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "Content-Security-Policy") {
			csp = forbidsInlineScript(attr(n, "content"))
		}
		if n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "refresh") {
			t.Errorf("%s: meta refresh", name)
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" {
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			}
			if urlAttrs[key] && scriptURL.MatchString(strings.Map(dropControls, a.Val)) {
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			}
		}
	})
	if !csp {
		t.Errorf("%s: no Content-Security-Policy that forbids inline script", name)
	}
}

// forbidsInlineScript reports whether a CSP allows scripts only from the
// pack's own files.
func forbidsInlineScript(policy string) bool {
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 && f[0] == "script-src" {
			return strings.Join(f[1:], " ") == "'self'"
		}
	}
	return false
}

// dropControls removes the characters browsers ignore inside a URL scheme.
func dropControls(r rune) rune {
	if r < ' ' {
		return -1
	}
	return r
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walkNodes(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkNodes(c, f)
	}
}
