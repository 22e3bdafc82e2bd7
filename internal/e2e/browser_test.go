package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeTags are the axe-core rule tags run on every page: WCAG 2.0, 2.1 and
// 2.2, levels A and AA (the Public Sector Bodies Accessibility Regulations'
// standard; axe files WCAG 2.2's new A-level rules under wcag22aa's tags).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// widths are the viewport widths each page is photographed at: a desktop,
// a common phone, and the narrowest phones (WCAG 1.4.10 reflow asks for 320
// CSS pixels without scrolling sideways). axe runs at those it marks.
var widths = []struct {
	name          string
	width, height int64
	mobile, axe   bool
}{
	{"desktop", 1280, 900, false, true},
	{"phone", 375, 812, true, false},
	{"narrow", 320, 640, true, true},
}

// tabStops is how many keyboard focus stops the focus check visits on each
// page.
const tabStops = 8

// page is what the browser found on one page, for the link check.
type pageInfo struct {
	Links []string // every a[href] and link[href], resolved
	IDs   []string // every id on the page
}

// TestHTMLInBrowser opens every page of every test pack in headless
// Chromium and checks it: axe-core finds no WCAG A or AA violation at any
// width, keyboard focus is visible, nothing scrolls sideways at 320 px, and
// every link and anchor resolves. Full-page screenshots go to
// output/screenshots/ as the test's artefacts.
func TestHTMLInBrowser(t *testing.T) {
	chromium := needTool(t, "chromium", "apt-get install chromium")
	axe := needFile(t, filepath.Join(readersDir, "node_modules/axe-core/axe.min.js"), npmInstall)
	axeSource, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	all := packs(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(outRoot)))
	defer srv.Close()
	ctx := newBrowser(t, chromium)
	found := map[string]pageInfo{} // by URL path
	for _, p := range all {
		for _, f := range p.files(".html") {
			urlPath := "/" + p.Name + "/" + f
			t.Run(p.Name+"/"+f, func(t *testing.T) {
				found[urlPath] = checkPage(t, ctx, srv.URL+urlPath, string(axeSource), p.Name, f)
			})
		}
	}
	t.Run("links", func(t *testing.T) { checkLinks(t, srv, found) })
}

// newBrowser starts headless Chromium with a fresh profile, stopped when
// the test ends.
func newBrowser(t *testing.T, exec string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exec),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// checkPage runs every browser check on one page and returns its links and
// ids.
func checkPage(t *testing.T, ctx context.Context, pageURL, axeSource, pack, file string) pageInfo {
	// Only a guard against a hung browser: a long page takes seconds.
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	var info pageInfo
	for i, w := range widths {
		opts := []chromedp.EmulateViewportOption{}
		if w.mobile {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulatePortrait)
		}
		must(t, chromedp.Do(ctx, chromedp.EmulateViewport(w.width, w.height, opts...), chromedp.Navigate(pageURL)))
		if w.axe {
			runAxe(t, ctx, axeSource, w.name)
		}
		if w.width <= 320 {
			checkReflow(t, ctx)
		}
		if i == 0 {
			checkFocus(t, ctx)
			info = pageLinks(t, ctx)
		}
		screenshot(t, ctx, pack, file, w.width)
	}
	return info
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// axeViolation is the part of an axe-core result the test prints.
type axeViolation struct {
	ID, Impact, Help, HelpURL string
	Nodes                     []struct {
		Target         []any
		HTML           string
		FailureSummary string
	}
}

// runAxe injects axe-core into the page and runs the WCAG A and AA rules.
func runAxe(t *testing.T, ctx context.Context, axeSource, width string) {
	t.Helper()
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource)))
	tags, _ := json.Marshal(axeTags)
	script := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]}).then(r => r.violations)`, tags)
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](script, chromedp.EvalAwaitPromise))
	must(t, err)
	for _, v := range violations {
		var b strings.Builder
		fmt.Fprintf(&b, "axe at %s width: %s (%s): %s\n  %s", width, v.ID, v.Impact, v.Help, v.HelpURL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n  - %v\n    %s\n    %s", n.Target, n.HTML, strings.ReplaceAll(n.FailureSummary, "\n", "\n    "))
		}
		t.Error(b.String())
	}
}

// checkReflow fails when the page scrolls sideways, naming the elements
// that stick out (tables scroll inside their own wrapper, which is allowed).
func checkReflow(t *testing.T, ctx context.Context) {
	t.Helper()
	const script = `(() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return [];
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > root.clientWidth + 0.5 && !el.closest(".table-wrap")) {
      out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " right=" + Math.round(r.right));
    }
  }
  return ["scrollWidth " + root.scrollWidth + " > clientWidth " + root.clientWidth].concat(out.slice(0, 10));
})()`
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](script))
	must(t, err)
	if len(wide) > 0 {
		t.Errorf("the page scrolls sideways at 320 px:\n  %s", strings.Join(wide, "\n  "))
	}
}

// focusStop is one keyboard focus stop: the element, and the styles that
// can show focus, with and without it.
type focusStop struct {
	Desc           string
	InView         bool
	Focused, Plain map[string]string
}

// checkFocus presses Tab tabStops times from the top of the page and checks
// that each focused element is in view and looks different from how it
// looks unfocused, by a visible outline, box shadow or background.
func checkFocus(t *testing.T, ctx context.Context) {
	t.Helper()
	const record = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  (window.__stops = window.__stops || []).push({el, inView: r.bottom > 0 && r.top < innerHeight && r.width > 0,
    focused: {outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor, shadow: s.boxShadow, background: s.backgroundColor}});
  return true;
})()`
	const compare = `(() => {
  document.activeElement.blur();
  return (window.__stops || []).map(st => {
    const s = getComputedStyle(st.el);
    return {desc: st.el.tagName.toLowerCase() + ' "' + st.el.textContent.trim().slice(0, 50) + '"', inView: st.inView, focused: st.focused,
      plain: {outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor, shadow: s.boxShadow, background: s.backgroundColor}};
  });
})()`
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)))
	for range tabStops {
		must(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)))
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](record)); err != nil || !ok {
			break
		}
	}
	stops, err := chromedp.Run(ctx, chromedp.Evaluate[[]focusStop](compare))
	must(t, err)
	if len(stops) == 0 {
		t.Error("Tab reaches nothing on the page")
	}
	for _, st := range stops {
		if !st.InView {
			t.Errorf("focus: %s is out of view when focused", st.Desc)
		}
		if !focusShows(st) {
			t.Errorf("focus: %s looks the same focused and unfocused: %v", st.Desc, st.Focused)
		}
	}
}

// focusShows says whether focus changes a visible outline, shadow or
// background.
func focusShows(st focusStop) bool {
	f, p := st.Focused, st.Plain
	outline := f["outline"] != p["outline"] && !strings.HasPrefix(f["outline"], "none") &&
		!strings.Contains(f["outline"], "rgba(0, 0, 0, 0)")
	shadow := f["shadow"] != p["shadow"] && f["shadow"] != "none"
	background := f["background"] != p["background"]
	return outline || shadow || background
}

// pageLinks returns every link target and id on the page.
func pageLinks(t *testing.T, ctx context.Context) pageInfo {
	t.Helper()
	const script = `({
  links: Array.from(document.querySelectorAll("a[href], link[href]"), a => a.href),
  ids: Array.from(document.querySelectorAll("[id]"), e => e.id)
})`
	info, err := chromedp.Run(ctx, chromedp.Evaluate[pageInfo](script))
	must(t, err)
	return info
}

// screenshot saves a full-page PNG of the page at the current width.
func screenshot(t *testing.T, ctx context.Context, pack, file string, width int64) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	must(t, err)
	dir := filepath.Join(screenshotDir, pack)
	must(t, os.MkdirAll(dir, 0o755))
	name := fmt.Sprintf("%s-%d.png", strings.TrimSuffix(file, ".html"), width)
	must(t, os.WriteFile(filepath.Join(dir, name), png, 0o644))
}

// checkLinks checks every link found on every page: a link into the pack
// must fetch, and its #fragment must be an id on the page it names; mailto
// and tel links must have an address; links to other sites are not fetched
// (the tests run without a network) but must be http or https.
func checkLinks(t *testing.T, srv *httptest.Server, pages map[string]pageInfo) {
	base, _ := url.Parse(srv.URL)
	ids := map[string]map[string]bool{}
	for p, info := range pages {
		ids[p] = map[string]bool{}
		for _, id := range info.IDs {
			ids[p][id] = true
		}
	}
	fetched := map[string]int{}
	for _, from := range sortedKeys(pages) {
		for _, link := range pages[from].Links {
			if problem := checkLink(srv, base, link, ids, fetched); problem != "" {
				t.Errorf("%s: link %s %s", from, link, problem)
			}
		}
	}
	if len(fetched) == 0 {
		t.Error("no link was checked")
	}
}

// checkLink returns what is wrong with one link, or "".
func checkLink(srv *httptest.Server, base *url.URL, link string, ids map[string]map[string]bool, fetched map[string]int) string {
	u, err := url.Parse(link)
	switch {
	case err != nil:
		return err.Error()
	case u.Scheme == "mailto" || u.Scheme == "tel":
		if u.Opaque == "" {
			return "has no address"
		}
		return ""
	case u.Host != base.Host:
		if u.Scheme != "http" && u.Scheme != "https" {
			return "is neither http(s), mailto, tel nor in the pack"
		}
		return ""
	}
	p := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") {
		p = path.Join(p, "index.html") // the file server's name for a folder's index
	}
	if _, ok := fetched[p]; !ok {
		fetched[p] = fetchStatus(srv, base.Scheme+"://"+base.Host+p)
	}
	if fetched[p] != http.StatusOK {
		return fmt.Sprintf("does not resolve: HTTP %d", fetched[p])
	}
	if u.Fragment != "" && !ids[p][u.Fragment] {
		return fmt.Sprintf("names #%s, which is not an id on %s", u.Fragment, p)
	}
	return ""
}

func fetchStatus(srv *httptest.Server, u string) int {
	resp, err := srv.Client().Get(u)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
