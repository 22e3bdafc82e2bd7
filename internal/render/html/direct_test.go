package html

import (
	"bytes"
	"html/template"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	tparse "text/template/parse"

	"github.com/reportpack/reportpack/internal/render/html/xsstest"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

// renderTemplatesOnly renders as Render does but with every page executed
// through the theme's templates, none of direct.go.
func renderTemplatesOnly(t *testing.T, p *report.Pack, th *theme.Theme, pages report.Pages) memWriter {
	t.Helper()
	r, err := newRenderer(p, th, pages, false)
	if err != nil {
		t.Fatal(err)
	}
	out := memWriter{}
	if err := r.writePages(out); err != nil {
		t.Fatalf("rendering through the templates: %v", err)
	}
	return out
}

// sameOutput checks that Render writes what the templates alone write.
func sameOutput(t *testing.T, p func() *report.Pack, th *theme.Theme, pages report.Pages) {
	t.Helper()
	got := memWriter{}
	if err := Render(got, p(), th, pages); err != nil {
		t.Fatalf("Render: %v", err)
	}
	want := renderTemplatesOnly(t, p(), th, pages)
	if g, w := strings.Join(got.names(), " "), strings.Join(want.names(), " "); g != w {
		t.Fatalf("files %s, want %s", g, w)
	}
	for _, name := range want.names() {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s differs from the templates' output: %s", name, firstDiff(string(want[name]), string(got[name])))
		}
	}
}

func TestDirectMatchesTemplates(t *testing.T) {
	th := defaultTheme(t)
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) { sameOutput(t, c.pack, th, c.pages) })
	}
	for i, payload := range xsstest.Payloads {
		t.Run("payload-"+itoa(i), func(t *testing.T) {
			p := func() *report.Pack {
				p := seedPack()
				fillStrings(p, payload)
				return p
			}
			sameOutput(t, p, th, report.Pages{Files: map[string]string{"item-3": "item-3.pdf"}})
		})
	}
	for seed := range uint64(300) {
		t.Run("random-"+itoa(int(seed)), func(t *testing.T) {
			sameOutput(t, func() *report.Pack { return randomPack(seed) }, th, seedPages())
		})
	}
}

// fillStrings sets every string of p to s, as TestXSSPayloads does.
func fillStrings(p *report.Pack, s string) {
	fill(reflect.ValueOf(p), s, map[uintptr]bool{})
	for _, it := range p.Items {
		it.Slug = "item-" + itoa(it.Number)
	}
}

// randomPack is the seed pack with a body of random blocks whose text
// mixes markup, entities, URL escapes, NUL and invalid UTF-8.
func randomPack(seed uint64) *report.Pack {
	g := &gen{rand.New(rand.NewPCG(seed, 9))}
	p := seedPack()
	rep := p.Items[2].Report
	rep.Body = g.blocks(3)
	for _, a := range rep.Appendices {
		a.Title, a.Anchor = g.text(), g.pick("appendix-1", "", `a"b`, g.text())
	}
	return p
}

type gen struct{ r *rand.Rand }

var genWords = []string{
	"word", " ", "<b>", "&amp;", "&", `"`, "'", "+", "\x00", "é", "\xff", "\uFFFD", "%", "%2", "%zz", "%41",
	"javascript:", "{{.}}", "\t", "\n", "<script>alert(1)</script>", "a b", "–", "IROs",
}

func (g *gen) pick(s ...string) string { return s[g.r.IntN(len(s))] }

func (g *gen) text() string {
	var b strings.Builder
	for range g.r.IntN(6) {
		b.WriteString(genWords[g.r.IntN(len(genWords))])
	}
	return b.String()
}

func (g *gen) number() report.Number {
	n := make(report.Number, g.r.IntN(4))
	for i := range n {
		n[i] = g.r.IntN(30) - 1
	}
	return n
}

func (g *gen) inlines() []report.Inline {
	out := make([]report.Inline, g.r.IntN(5))
	for i := range out {
		in := report.Inline{
			Kind:  report.InlineKind(g.r.IntN(4)),
			Text:  g.text(),
			Style: report.Style(g.r.IntN(4)),
		}
		if g.r.IntN(3) == 0 {
			in.Link = g.pick("#para-1-1", "#bad id", "https://example.org/a b?x=1&y='2'+3%20%zz\x00é", "http://", "mailto:a@b.example",
				"tel:+44 (0)191 561", "javascript:alert(1)", "HTTPS://EX.ORG/<p>", g.text())
		}
		for range g.r.IntN(3) {
			start := g.r.IntN(len(in.Text) + 2)
			in.Abbrs = append(in.Abbrs, report.Abbr{Start: start, End: start + g.r.IntN(4) - 1, Title: g.text()})
		}
		out[i] = in
	}
	return out
}

func (g *gen) blocks(depth int) []report.Block {
	out := make([]report.Block, g.r.IntN(6))
	for i := range out {
		switch k := g.r.IntN(7); {
		case k == 0 && depth > 0:
			out[i] = &report.Section{Level: g.r.IntN(3), Title: g.inlines(), Number: g.number(), Anchor: g.pick("", "section-1", g.text()), Body: g.blocks(depth - 1)}
		case k == 1:
			out[i] = &report.Subheading{Title: g.inlines()}
		case k == 2:
			out[i] = g.list(2)
		case k == 3:
			out[i] = g.table()
		case k == 4:
			out[i] = &report.AppendixList{}
		default:
			out[i] = &report.Paragraph{Content: g.inlines(), Number: g.number(), Continuation: g.r.IntN(2) == 0, Anchor: g.pick("", "para-1", g.text())}
		}
	}
	return out
}

func (g *gen) list(depth int) *report.List {
	l := &report.List{Ordered: g.r.IntN(2) == 0}
	for range g.r.IntN(4) {
		it := report.ListItem{Content: g.inlines()}
		if depth > 0 && g.r.IntN(3) == 0 {
			it.Sub = g.list(depth - 1)
		}
		l.Items = append(l.Items, it)
	}
	return l
}

func (g *gen) status() *report.Status {
	if g.r.IntN(2) == 0 {
		return nil
	}
	return &report.Status{Word: g.text(), Class: g.pick("amber", "green", "", "bad class", g.text())}
}

func (g *gen) table() *report.Table {
	t := &report.Table{
		Kind:    report.TableKind(g.r.IntN(6)),
		Label:   g.pick("", "findings", g.text()),
		Caption: g.pick("", g.text()),
	}
	for range g.r.IntN(4) {
		t.Columns = append(t.Columns, report.Column{Title: g.text(), Align: g.pick("", "left", "right", "center", g.text())})
	}
	for range g.r.IntN(6) {
		r := report.Row{Kind: report.RowKind(g.r.IntN(3))}
		for range g.r.IntN(5) {
			c := report.Cell{Content: g.inlines(), Status: g.status(), Header: g.r.IntN(3) == 0}
			for range g.r.IntN(3) {
				c.Bullets = append(c.Bullets, g.inlines())
			}
			r.Cells = append(r.Cells, c)
		}
		t.Rows = append(t.Rows, r)
	}
	for range g.r.IntN(3) {
		t.Key = append(t.Key, report.KeyEntry{Status: *g.statusOrZero(), Meaning: g.text()})
	}
	for range g.r.IntN(3) {
		t.Notes = append(t.Notes, g.text())
	}
	return t
}

func (g *gen) statusOrZero() *report.Status {
	if s := g.status(); s != nil {
		return s
	}
	return &report.Status{}
}

// A theme that changes any of the templates direct.go stands in for keeps
// its own: here "paragraph", redefined by a file of its own, and the list
// of appendices, changed in blocks.html.
func TestDirectKeepsAThemesTemplates(t *testing.T) {
	def := defaultTheme(t)
	blocks, err := fs.ReadFile(def.Files, "templates/blocks.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, src, want string
	}{
		{"a new file redefines paragraph", "templates/zz-paragraph.html", `{{define "paragraph"}}<p class="mine">{{template "inlines" .Content}}</p>{{end}}`, `<p class="mine">`},
		{"blocks.html changed", "templates/blocks.html", strings.Replace(string(blocks), `<ol class="appendix-list">`, `<ol class="appendix-list mine">`, 1), `<ol class="appendix-list mine">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := *def
			th.Files = overlayFS(t, def.Files, tt.file, tt.src)
			index, item, err := parseTemplates(th.Files, true)
			if err != nil {
				t.Fatal(err)
			}
			for _, pg := range []*template.Template{index, item} {
				if pg.Lookup("blocks").Tree.Root.String() == "{{directBlocks .}}" {
					t.Errorf("%s: blocks redefined for a theme that changes them", pg.Name())
				}
			}
			out := memWriter{}
			if err := Render(out, seedPack(), &th, seedPages()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(out["item-3-ofsted-inspections.html"], []byte(tt.want)) {
				t.Errorf("the theme's template was not used: no %s", tt.want)
			}
			sameOutput(t, seedPack, &th, seedPages())
		})
	}
}

func TestDirectUsedForDefaultTheme(t *testing.T) {
	index, item, err := parseTemplates(defaultTheme(t).Files, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, pg := range []*template.Template{index, item} {
		for name, want := range map[string]string{"blocks": "{{directBlocks .}}", "table": "{{directTable .}}"} {
			if got := pg.Lookup(name).Tree.Root.String(); got != want {
				t.Errorf("%s: %s is %.40q, want %s", pg.Name(), name, got, want)
			}
		}
	}
}

// directTemplates must be "blocks" and "table" and everything they call in
// the default theme, or a theme could change a template the Go code
// stands in for and not be noticed.
func TestDirectTemplatesComplete(t *testing.T) {
	base, err := parsePartials(defaultTheme(t).Files)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		walkTree(base.Lookup(name).Tree.Root, func(n tparse.Node) {
			if tn, ok := n.(*tparse.TemplateNode); ok {
				visit(tn.Name)
			}
		})
	}
	visit("blocks")
	visit("table")
	got := make([]string, 0, len(seen))
	for n := range seen {
		got = append(got, n)
	}
	want := append([]string(nil), directTemplates...)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("blocks and table reach %v; directTemplates lists %v", got, want)
	}
}

// walkTree calls f on every node under n.
func walkTree(n tparse.Node, f func(tparse.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *tparse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkTree(c, f)
			}
		}
	case *tparse.IfNode:
		walkTree(n.List, f)
		walkTree(n.ElseList, f)
	case *tparse.RangeNode:
		walkTree(n.List, f)
		walkTree(n.ElseList, f)
	case *tparse.WithNode:
		walkTree(n.List, f)
		walkTree(n.ElseList, f)
	}
}

// overlayFS is files with one file added or replaced.
func overlayFS(t *testing.T, files fs.FS, name, src string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m[name] = &fstest.MapFile{Data: []byte(src)}
	return m
}

// The escapers write what html/template writes for the same string.
func FuzzDirectEscape(f *testing.F) {
	for _, s := range append(xsstest.Payloads, "a&b<c>\"d'e+f\x00g\uFFFDh\xff", "tel:+44 &x=1?a'b\"c<d>%20%zz %4", "%41%") {
		f.Add(s)
	}
	tmpl := template.Must(template.New("x").Parse(`{{.S}}|<abbr title="{{.S}}">|<a href="{{.U}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"S": s, "U": template.URL(s)}); err != nil {
			t.Fatal(err)
		}
		var w directWriter
		w.esc(s)
		w.WriteString(`|<abbr title="`)
		w.esc(s)
		w.WriteString(`">|<a href="`)
		w.url(template.URL(s))
		w.WriteString(`">`)
		if w.String() != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", s, w.String(), want.String())
		}
	})
}

// orderWriter records the order files are written in.
type orderWriter struct {
	memWriter
	order []string
}

func (w *orderWriter) WriteFile(name string, data []byte) error {
	w.order = append(w.order, name)
	return w.memWriter.WriteFile(name, data)
}

// Pages are rendered on every core but written in agenda order, with the
// bytes a render on one core gives.
func TestPagesInOrderOnEveryCore(t *testing.T) {
	pack := func() *report.Pack {
		p := randomPack(1)
		for i := range 40 {
			it := *p.Items[2]
			it.Number, it.Slug = 4+i, "item-"+itoa(4+i)
			it.Report = randomPack(uint64(i)).Items[2].Report
			p.Items = append(p.Items, &it)
		}
		return p
	}
	th := defaultTheme(t)
	renderOn := func(procs int) *orderWriter {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		w := &orderWriter{memWriter: memWriter{}}
		if err := Render(w, pack(), th, seedPages()); err != nil {
			t.Fatal(err)
		}
		return w
	}
	one, many := renderOn(1), renderOn(4)
	want := []string{IndexFile, "item-3-ofsted-inspections.html"}
	for i := range 40 {
		want = append(want, "item-"+itoa(4+i)+".html")
	}
	if got := strings.Join(many.order[:len(want)], " "); got != strings.Join(want, " ") {
		t.Errorf("pages written in the order %s, want %s", got, strings.Join(want, " "))
	}
	for _, name := range one.names() {
		if !bytes.Equal(one.memWriter[name], many.memWriter[name]) {
			t.Errorf("%s differs between one core and four", name)
		}
	}
}
