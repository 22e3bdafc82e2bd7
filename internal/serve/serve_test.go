package serve_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportpack/reportpack/internal/build"
	"github.com/reportpack/reportpack/internal/serve"
)

const packTOML = `council = "Testshire County Council"
committee = "Audit Committee"
issued = 2026-03-02

[meeting]
date = 2026-03-12

[[item]]
report = "finance.md"
`

const financeMD = `+++
title = "Finance update"
report_of = "Director of Finance"
purpose = "To update the Committee on the budget."

[contact]
name = "A Officer"
phone = "01234 567890"
email = "a.officer@example.gov.uk"
+++

# Purpose

The budget is balanced. {#balanced}

# Recommendations

That the Committee notes [@balanced].
`

// newPack writes the test pack into a new folder.
func newPack(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "audit")
	os.MkdirAll(dir, 0o755)
	write(t, filepath.Join(dir, "pack.toml"), packTOML)
	write(t, filepath.Join(dir, "finance.md"), financeMD)
	return dir
}

// write replaces file whole, as most editors save, so that a poll never
// sees it half-written and builds twice.
func write(t *testing.T, file, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(file), ".saving-"+filepath.Base(file))
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// builder runs the real pipeline, as cli does.
func builder(dir string) serve.Builder {
	return func(root string) serve.Outcome {
		res, err := build.Pack(dir, build.Options{OutRoot: root})
		return serve.Outcome{Dir: res.Out, Diags: res.Diags, Err: err}
	}
}

// start serves the pack with a fast poll and returns the test server.
func start(t *testing.T, dir string) (*serve.Server, *httptest.Server) {
	t.Helper()
	s, err := serve.New(serve.Options{Build: builder(dir), Watch: []string{dir}, Interval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Watch(ctx, nil) }()
	hs := httptest.NewServer(s)
	t.Cleanup(func() { hs.Close(); cancel(); <-done; s.Close() })
	return s, hs
}

// waitVersion waits until the server has finished version builds.
func waitVersion(t *testing.T, s *serve.Server, version int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for s.Version() < version {
		if time.Now().After(deadline) {
			t.Fatalf("still at version %d, want %d", s.Version(), version)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func contains(t *testing.T, page string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q:\n%s", w, page)
		}
	}
}

func TestEditRebuildsAndBreakKeepsLastGood(t *testing.T) {
	dir := newPack(t)
	s, hs := start(t, dir)
	waitVersion(t, s, 1)
	_, page := get(t, hs.URL+"/finance.html")
	contains(t, page, "The budget is balanced.", `<script src="/_reportpack/reload.js?v=1" defer></script>`)

	write(t, filepath.Join(dir, "finance.md"), strings.Replace(financeMD, "is balanced", "is overspent", 1))
	waitVersion(t, s, 2)
	_, page = get(t, hs.URL+"/finance.html")
	contains(t, page, "The budget is overspent.", "reload.js?v=2")
	if _, v := get(t, hs.URL+"/_reportpack/version"); strings.TrimSpace(v) != "2" {
		t.Errorf("version %q, want 2", v)
	}

	write(t, filepath.Join(dir, "finance.md"), strings.Replace(financeMD, "[@balanced]", "[@nowhere]", 1))
	waitVersion(t, s, 3)
	_, page = get(t, hs.URL+"/finance.html")
	contains(t, page, "The budget is overspent.", // the last good build stays
		"The pack did not build", "finance.md:18:", "nowhere", "reload.js?v=3", "/_reportpack/overlay.css")
}

func TestFirstBuildFailingShowsProblems(t *testing.T) {
	dir := newPack(t)
	write(t, filepath.Join(dir, "finance.md"), strings.Replace(financeMD, "title =", "titel =", 1))
	s, hs := start(t, dir)
	waitVersion(t, s, 1)
	code, page := get(t, hs.URL+"/")
	if code != http.StatusServiceUnavailable {
		t.Errorf("status %d", code)
	}
	contains(t, page, `finance.md:2:1: unknown key &#34;titel&#34;`, "reload.js?v=1", "script-src 'self'")
}

func TestServerFiles(t *testing.T) {
	dir := newPack(t)
	s, hs := start(t, dir)
	waitVersion(t, s, 1)
	tests := []struct {
		path, ctype, want string
	}{
		{"/_reportpack/reload.js", "text/javascript", "EventSource"},
		{"/_reportpack/overlay.css", "text/css", ".reportpack-problem"},
		{"/", "text/html", "reload.js?v=1"},
		{"/assets/style.css", "text/css", "{"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := http.Get(hs.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.ctype) || !strings.Contains(string(body), tt.want) {
				t.Errorf("%s: %s, %q", tt.path, resp.Header.Get("Content-Type"), body)
			}
		})
	}
	if code, body := get(t, hs.URL+"/../../etc/passwd"); code == http.StatusOK || strings.Contains(body, "root:") {
		t.Errorf("path outside the build: status %d", code)
	}
}

func TestEventsStreamTheVersion(t *testing.T) {
	dir := newPack(t)
	s, hs := start(t, dir)
	waitVersion(t, s, 1)
	resp, err := http.Get(hs.URL + "/_reportpack/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	next := func() string {
		for lines.Scan() {
			if strings.HasPrefix(lines.Text(), "data: ") {
				return strings.TrimPrefix(lines.Text(), "data: ")
			}
		}
		return ""
	}
	if v := next(); v != "1" {
		t.Fatalf("first event %q, want 1", v)
	}
	write(t, filepath.Join(dir, "finance.md"), financeMD+"\nMore.\n")
	if v := next(); v != "2" {
		t.Fatalf("event after an edit %q, want 2", v)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	dir := newPack(t)
	s, err := serve.New(serve.Options{Build: builder(dir), Watch: []string{dir}, Interval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve.Run(ctx, ln, s, nil) }()
	waitVersion(t, s, 1)
	resp, err := http.Get("http://" + ln.Addr().String() + "/_reportpack/events") // an open stream must not block the stop
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
}
