// Package serve previews a pack in the browser while officers edit it: it
// serves the last good HTML build on 127.0.0.1, watches the pack's files,
// rebuilds when one changes and tells open pages to reload. It sits beside
// cli, outside the pipeline: it is handed a function that runs build, and
// builds into a private temporary folder (or memory), never the pack's
// output. With Options.Final a rebuild has two phases (issue 9): a quick
// preview is shown at once, then the final state with the PDF laid out
// replaces it when ready; a newer change cancels a final still running.
package serve

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
)

// Outcome is what one build produced.
type Outcome struct {
	Dir string // the folder holding the built index.html; "" when nothing was built
	// Files, when set, holds the build in memory and is served instead of
	// Dir, which is then ignored.
	Files fs.FS
	Diags diag.List // every problem found
	Err   error     // a failure that is not the content's fault
}

// Builder builds the pack into a new folder under root.
type Builder func(root string) Outcome

// Options configure a Server.
type Options struct {
	Build Builder
	// Watch lists the folders whose files trigger a rebuild: the pack, and
	// the project's themes where there are any.
	Watch []string
	// Interval is how often the files are looked at; 300 ms by default.
	Interval time.Duration
	// Final, when set, makes a rebuild two-phase (issue 9): Build writes a
	// quick preview, shown at once, and Final, run in the background after
	// a good one, lays out the PDF and brings page numbers up to date; its
	// build is shown when it finishes. A newer change cancels it via ctx.
	// An Outcome with no Dir and no problems means there was nothing new to
	// show (the preview already was the final state).
	Final func(ctx context.Context, root string) Outcome
}

// Server holds the last good build and the state open pages follow.
type Server struct {
	opts    Options
	tmp     string // private folder the builds go to
	mu      sync.Mutex
	version int           // bumped after every build, good or bad
	good    fs.FS         // the last good build; nil before one
	root    string        // the folder under tmp holding good, if on disk
	problem string        // the last build's errors; "" when it succeeded
	changed chan struct{} // closed and replaced when version changes
	gen     int           // bumped by every Rebuild; a Final of an older one is dropped
	cancel  context.CancelFunc
	finals  sync.WaitGroup // background Finals still running
}

// New returns a Server with its private build folder.
func New(opts Options) (*Server, error) {
	if opts.Interval <= 0 {
		opts.Interval = 300 * time.Millisecond
	}
	tmp, err := os.MkdirTemp("", "reportpack-serve-")
	if err != nil {
		return nil, err
	}
	return &Server{opts: opts, tmp: tmp, changed: make(chan struct{})}, nil
}

// Close stops any background Final and removes the server's build folder.
func (s *Server) Close() error {
	s.supersede()
	s.finals.Wait()
	return os.RemoveAll(s.tmp)
}

// Version returns how many builds have finished.
func (s *Server) Version() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// Rebuild builds the pack once. A good build replaces the one served; a
// failed one leaves it and records the problems to show in the page.
// With Options.Final, a good build also starts the background Final, and
// any Final still running from an earlier change is cancelled first.
func (s *Server) Rebuild() Outcome {
	gen := s.supersede()
	root, err := os.MkdirTemp(s.tmp, "build-")
	var out Outcome
	if err != nil {
		out.Err = err
	} else {
		out = s.opts.Build(root)
	}
	if s.publish(gen, root, out) && s.opts.Final != nil {
		s.startFinal(gen)
	}
	return out
}

// supersede cancels a running Final and starts a new generation.
func (s *Server) supersede() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.gen++
	return s.gen
}

// publish records a build of generation gen written under root: a good
// one is served from now on, a failed one's problems are shown. A build
// of an older generation is dropped. It reports whether out was good.
func (s *Server) publish(gen int, root string, out Outcome) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen {
		os.RemoveAll(root)
		return false
	}
	failed := out.Dir == "" && out.Files == nil || out.Err != nil || out.Diags.HasErrors()
	if failed {
		os.RemoveAll(root)
		s.problem = problemText(out)
		s.bump()
		return false
	}
	os.RemoveAll(s.root)
	s.good, s.root, s.problem = out.Files, root, ""
	if out.Files == nil {
		s.good = os.DirFS(out.Dir)
	} else {
		os.RemoveAll(root)
		s.root = ""
	}
	s.bump()
	return true
}

// bump tells waiting pages that the version changed; s.mu is held.
func (s *Server) bump() {
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
}

// startFinal runs Options.Final for generation gen in the background.
func (s *Server) startFinal(gen int) {
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	if gen != s.gen {
		s.mu.Unlock()
		cancel()
		return
	}
	s.cancel = cancel
	s.finals.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.finals.Done()
		defer cancel()
		root, err := os.MkdirTemp(s.tmp, "final-")
		if err != nil {
			return // the preview stays; the next change tries again
		}
		out := s.opts.Final(ctx, root)
		if ctx.Err() != nil || out.Dir == "" && out.Files == nil && out.Err == nil && !out.Diags.HasErrors() {
			os.RemoveAll(root)
			return
		}
		s.publish(gen, root, out)
	}()
}

// Settle waits until no background Final is running. Benchmarks and tests
// use it; it must not be called at the same time as Rebuild.
func (s *Server) Settle() { s.finals.Wait() }

// problemText is what a failed build shows in the page: the errors, with
// file and line, then any failure.
func problemText(out Outcome) string {
	var errs diag.List
	for _, d := range out.Diags {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	text := errs.Format()
	if out.Err != nil {
		text += out.Err.Error() + "\n"
	}
	if text == "" {
		text = "The build wrote nothing.\n"
	}
	return text
}

// state returns what a request needs, consistently.
func (s *Server) state() (version int, good fs.FS, problem string, changed <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version, s.good, s.problem, s.changed
}

// Watch builds the pack, then rebuilds whenever its files change, until
// ctx ends. onBuild, if set, is told of each build.
func (s *Server) Watch(ctx context.Context, onBuild func(Outcome)) {
	last := snapshot(s.opts.Watch)
	report := func(o Outcome) {
		if onBuild != nil {
			onBuild(o)
		}
	}
	report(s.Rebuild())
	tick := time.NewTicker(s.opts.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := snapshot(s.opts.Watch)
		if !now.equal(last) {
			last = now
			report(s.Rebuild())
		}
	}
}

// Run serves s on ln and watches the pack until ctx ends (Ctrl-C), then
// shuts the server down, closing open event streams. It returns nil on a
// clean stop.
func Run(ctx context.Context, ln net.Listener, s *Server, onBuild func(Outcome)) error {
	srv := &http.Server{
		Handler:           s,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
	}
	watched := make(chan struct{})
	go func() { defer close(watched); s.Watch(ctx, onBuild) }()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if e := srv.Shutdown(shut); err == nil {
		err = e
	}
	<-watched
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
