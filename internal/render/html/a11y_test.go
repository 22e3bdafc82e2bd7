package html

import (
	"bytes"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parse parses a page with a real HTML parser.
func parse(t *testing.T, name string, data []byte) *xhtml.Node {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// walk calls f on every element under n, in document order.
func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	if n.Type == xhtml.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func headingLevel(n *xhtml.Node) int {
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// TestHeadingOrder checks every page of every golden case: one h1, first,
// and no heading more than one level deeper than the one before (#2).
func TestHeadingOrder(t *testing.T) {
	for _, c := range goldenCases {
		out := render(t, c.pack(), c.pages)
		for _, name := range out.names() {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			t.Run(c.name+"/"+name, func(t *testing.T) {
				var levels []int
				walk(parse(t, name, out[name]), func(n *xhtml.Node) {
					if l := headingLevel(n); l > 0 {
						levels = append(levels, l)
					}
				})
				checkHeadings(t, levels)
			})
		}
	}
}

func checkHeadings(t *testing.T, levels []int) {
	t.Helper()
	if len(levels) == 0 || levels[0] != 1 {
		t.Fatalf("first heading is not h1: %v", levels)
	}
	for i := 1; i < len(levels); i++ {
		if levels[i] == 1 {
			t.Errorf("second h1 at heading %d: %v", i+1, levels)
		}
		if levels[i] > levels[i-1]+1 {
			t.Errorf("heading %d skips from h%d to h%d: %v", i+1, levels[i-1], levels[i], levels)
		}
	}
}

// TestPageFurniture checks what every page must carry: the language, the
// Content-Security-Policy, a skip link to main, and labelled, focusable
// table wrappers whose tables have captions and scoped header cells.
func TestPageFurniture(t *testing.T) {
	out := render(t, seedPack(), seedPages())
	for _, name := range []string{"index.html", "item-3-ofsted-inspections.html"} {
		t.Run(name, func(t *testing.T) {
			doc := parse(t, name, out[name])
			var lang, csp, skip, main bool
			walk(doc, func(n *xhtml.Node) {
				switch n.DataAtom {
				case atom.Html:
					v, _ := attr(n, "lang")
					lang = v == "en-GB"
				case atom.Meta:
					v, _ := attr(n, "content")
					csp = csp || strings.Contains(v, "script-src 'self'")
				case atom.A:
					v, _ := attr(n, "href")
					skip = skip || v == "#main"
				case atom.Main:
					v, _ := attr(n, "id")
					main = v == "main"
				case atom.Th:
					if _, ok := attr(n, "scope"); !ok {
						t.Errorf("th without scope")
					}
				case atom.Table:
					if n.FirstChild == nil || firstElement(n).DataAtom != atom.Caption {
						t.Errorf("table without a caption first")
					}
				}
				if cls, _ := attr(n, "class"); cls == "table-wrap" {
					_, labelled := attr(n, "aria-labelledby")
					tab, _ := attr(n, "tabindex")
					if !labelled || tab != "0" {
						t.Errorf("table wrapper not labelled and focusable: %v", n.Attr)
					}
				}
			})
			if !lang || !csp || !skip || !main {
				t.Errorf("lang=%v csp=%v skip=%v main=%v", lang, csp, skip, main)
			}
		})
	}
}

func firstElement(n *xhtml.Node) *xhtml.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode {
			return c
		}
	}
	return &xhtml.Node{}
}

// TestLinksResolve checks every in-page anchor and relative link of the
// seed pack points at something that exists.
func TestLinksResolve(t *testing.T) {
	out := render(t, seedPack(), seedPages())
	external := map[string]bool{"item-3-ofsted-inspections.pdf": true} // written by the PDF stage
	ids := map[string]map[string]bool{}
	links := map[string][]string{}
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		ids[name] = map[string]bool{}
		walk(parse(t, name, out[name]), func(n *xhtml.Node) {
			if id, ok := attr(n, "id"); ok {
				ids[name][id] = true
			}
			if h, ok := attr(n, "href"); ok && n.DataAtom == atom.A {
				links[name] = append(links[name], h)
			}
		})
	}
	for page, hrefs := range links {
		for _, h := range hrefs {
			if strings.Contains(h, ":") || external[h] {
				continue
			}
			file, frag, _ := strings.Cut(h, "#")
			if file == "" {
				file = page
			}
			if _, ok := ids[file]; !ok {
				t.Errorf("%s: link %q to a page not written", page, h)
			} else if frag != "" && !ids[file][frag] {
				t.Errorf("%s: link %q to a missing anchor", page, h)
			}
		}
	}
}
