package serve_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/reportpack/reportpack/internal/build"
	"github.com/reportpack/reportpack/internal/serve"
)

// twoPhase serves dir with a build.Session: a quick preview, then the
// final layout in the background, as cli should.
func twoPhase(dir string) serve.Options {
	sess := build.NewSession()
	outcome := func(res build.Result, err error) serve.Outcome {
		return serve.Outcome{Dir: res.Out, Diags: res.Diags, Err: err}
	}
	return serve.Options{
		Build: func(root string) serve.Outcome {
			res, files, err := sess.PreviewFiles(dir, build.Options{OutRoot: root})
			out := outcome(res, err)
			out.Files = files
			return out
		},
		Final: func(ctx context.Context, root string) serve.Outcome {
			return outcome(sess.Final(dir, build.Options{OutRoot: root, Context: ctx}))
		},
		Watch:    []string{dir},
		Interval: 20 * time.Millisecond,
	}
}

var reloadScript = regexp.MustCompile(`<script src="/_reportpack/reload.js\?v=\d+" defer></script>\n`)

// Issue 9: an edit shows as a preview, then the final state, which is what
// a fresh build writes.
func TestTwoPhaseEndsWhereAFreshBuildDoes(t *testing.T) {
	dir := newPack(t)
	s, err := serve.New(twoPhase(dir))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Watch(ctx, nil) }()
	defer func() { cancel(); <-done; s.Close() }()
	waitVersion(t, s, 1)
	hs := httptestServer(t, s)
	for _, name := range []string{"/", "/finance.html", "/assets/style.css", "/audit.pdf", "/finance.pdf"} {
		if code, _ := get(t, hs+name); code != 200 { // served from memory
			t.Errorf("%s: status %d", name, code)
		}
	}
	write(t, filepath.Join(dir, "finance.md"), strings.Replace(financeMD, "is balanced", "is overspent", 1))
	waitVersion(t, s, 3) // the preview, then the final state
	s.Settle()

	fresh, err := build.Pack(dir, build.Options{OutRoot: t.TempDir()})
	if err != nil || fresh.Out == "" {
		t.Fatalf("fresh build: %v\n%s", err, fresh.Diags.Format())
	}
	for _, name := range []string{"index.html", "finance.html"} {
		_, page := get(t, hs+"/"+name)
		want, _ := os.ReadFile(filepath.Join(fresh.Out, name))
		if got := reloadScript.ReplaceAllString(page, ""); got != string(want) {
			t.Errorf("%s differs from a fresh build's:\n%s", name, got)
		}
	}
}

// Issue 9: a newer change cancels the Final still running for an older one,
// and the older one's result is never shown.
func TestNewerChangeCancelsFinal(t *testing.T) {
	cancelled := make(chan bool, 2)
	opts := serve.Options{
		Build: func(root string) serve.Outcome {
			os.WriteFile(filepath.Join(root, "index.html"), []byte("<html></html>"), 0o644)
			return serve.Outcome{Dir: root}
		},
		Final: func(ctx context.Context, root string) serve.Outcome {
			select {
			case <-ctx.Done():
				cancelled <- true
			case <-time.After(10 * time.Second):
				cancelled <- false
			}
			return serve.Outcome{Dir: root}
		},
	}
	s, err := serve.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Rebuild()
	s.Rebuild()
	if !<-cancelled {
		t.Error("the first Final was not cancelled by the second change")
	}
	if v := s.Version(); v != 2 {
		t.Errorf("version %d after two previews, want 2: a cancelled Final was shown", v)
	}
}

// httptestServer serves s for the test and returns its address.
func httptestServer(t *testing.T, s *serve.Server) string {
	t.Helper()
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return hs.URL
}

// A broken file shows its problem over the last good preview, in two-phase
// serving too.
func TestTwoPhaseBreakKeepsLastGood(t *testing.T) {
	dir := newPack(t)
	s, err := serve.New(twoPhase(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Rebuild()
	s.Settle()
	write(t, filepath.Join(dir, "finance.md"), strings.Replace(financeMD, "[@balanced]", "[@nowhere]", 1))
	if out := s.Rebuild(); !out.Diags.HasErrors() {
		t.Fatal("a broken reference built")
	}
	s.Settle()
	_, page := get(t, httptestServer(t, s)+"/finance.html")
	contains(t, page, "The budget is balanced.", "The pack did not build", "finance.md:18:", "nowhere")
}
