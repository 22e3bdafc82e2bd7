package html

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/reportpack/reportpack/internal/render/html/xsstest"
	"github.com/reportpack/reportpack/internal/report"
)

// TestXSSPayloads puts each payload into every string of a full pack (front
// matter, pack.toml fields, headings, paragraphs, links, table cells,
// contact fields, workbook rows, page file names) and checks with a real
// HTML parser that the pages carry no script, event handler, dangerous
// URL or element the benign pack lacks.
func TestXSSPayloads(t *testing.T) {
	benign := renderFilled(t, "x")
	allowed := elementSet(t, benign)
	for i, payload := range xsstest.Payloads {
		t.Run(itoa(i), func(t *testing.T) {
			out := renderFilled(t, payload)
			for _, name := range out.names() {
				if strings.HasSuffix(name, ".html") {
					checkInert(t, name, out[name], allowed)
				}
			}
			if css := string(out[themeCSS]); strings.Contains(css, "alert") || strings.Contains(css, "evil") {
				t.Errorf("payload reached theme.css")
			}
		})
	}
}

// renderFilled renders the seed pack with every string set to s, slugs
// apart (Render refuses unsafe ones, tested below).
func renderFilled(t *testing.T, s string) memWriter {
	t.Helper()
	p := seedPack()
	fill(reflect.ValueOf(p), s, map[uintptr]bool{})
	for _, it := range p.Items {
		it.Slug = "item-" + itoa(it.Number)
	}
	pages := report.Pages{
		Items: map[string]report.PageRange{"item-3": {First: 2, Last: 4}},
		Files: map[string]string{"item-3": s, "item-1": s},
	}
	return render(t, p, pages)
}

// fill sets every settable string reachable from v to s.
func fill(v reflect.Value, s string, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		fill(v.Elem(), s, seen)
	case reflect.Interface:
		if !v.IsNil() {
			fill(v.Elem(), s, seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), s, seen)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), s, seen)
		}
	case reflect.Map:
		if v.Type().Elem().Kind() == reflect.String {
			for _, k := range v.MapKeys() {
				v.SetMapIndex(k, reflect.ValueOf(s))
			}
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(s)
		}
	}
}

func elementSet(t *testing.T, out memWriter) map[string]bool {
	t.Helper()
	set := map[string]bool{}
	for _, name := range out.names() {
		if strings.HasSuffix(name, ".html") {
			walk(parse(t, name, out[name]), func(n *xhtml.Node) { set[n.Data] = true })
		}
	}
	return set
}

var (
	dangerousURL = regexp.MustCompile(`^(?i)\s*(javascript|vbscript|data|file):`)
	safeURL      = regexp.MustCompile(`^(#[A-Za-z][A-Za-z0-9_-]*|https?://[^\s"'<>]+|mailto:[^\s"'<>]+|tel:\+?[0-9]+|(assets/)?[A-Za-z0-9][A-Za-z0-9._-]*(#[A-Za-z][A-Za-z0-9_-]*)?)$`)
)

func checkInert(t *testing.T, name string, data []byte, allowed map[string]bool) {
	t.Helper()
	metas, links := 0, 0
	walk(parse(t, name, data), func(n *xhtml.Node) {
		if !allowed[n.Data] || n.DataAtom == atom.Script {
			t.Errorf("%s: element <%s> the benign pack does not have", name, n.Data)
		}
		switch n.DataAtom {
		case atom.Meta:
			metas++
		case atom.Link:
			links++
		}
		for _, a := range n.Attr {
			checkAttr(t, name, n, a)
		}
	})
	if metas != 3 || links != 2 {
		t.Errorf("%s: %d meta and %d link elements, want 3 and 2", name, metas, links)
	}
}

func checkAttr(t *testing.T, name string, n *xhtml.Node, a xhtml.Attribute) {
	t.Helper()
	key := strings.ToLower(a.Key)
	switch {
	case strings.HasPrefix(key, "on"), key == "style", key == "srcdoc", key == "formaction", key == "src", key == "action":
		t.Errorf("%s: <%s> has attribute %s=%q", name, n.Data, a.Key, a.Val)
	case key == "href":
		if dangerousURL.MatchString(a.Val) || !safeURL.MatchString(a.Val) {
			t.Errorf("%s: <%s> links to %q", name, n.Data, a.Val)
		}
	}
}

func TestRenderRefusesUnsafeSlug(t *testing.T) {
	for _, slug := range []string{"../escape", "a/b", "", ".hidden", "x y"} {
		t.Run(slug, func(t *testing.T) {
			p := seedPack()
			p.Items[2].Slug = slug
			if err := Render(memWriter{}, p, defaultTheme(t), report.Pages{}); err == nil {
				t.Errorf("slug %q accepted", slug)
			}
		})
	}
}
