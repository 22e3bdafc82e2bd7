package build

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/narrative"
	"github.com/reportpack/reportpack/internal/report"
)

// Session keeps what the readers made of a pack's files between builds, so
// that serve, rebuilding after an edit, re-reads only the files whose bytes
// changed (issue 9). Entries are keyed by file and the sha256 of its
// contents. The later stages change what they are given (numbers, resolved
// references, filled tables, trends), so each build gets a deep copy of the
// cached reader output: for the M pack copying every report costs about a
// sixth of parsing them again, and copying a plan a small fraction of
// reading its workbook. Its Preview and Final (preview.go) are serve's
// two-phase rebuild. A Final may run while the next Preview does (serve
// runs it in the background); two Previews, or two Finals, may not run at
// once. The zero value is not usable: call NewSession.
type Session struct {
	mu      sync.Mutex
	reports map[string]cached[*report.Report]     // by file as displayed
	plans   map[string]cached[*report.ActionPlan] // by file, sheet and options
	parsed  []string                              // files the last build parsed
	last    lastLayout                            // for serve's next Preview and Final
}

// cached is one reader's output for one version of a file.
type cached[T any] struct {
	sum   [sha256.Size]byte
	val   T
	diags diag.List
}

// NewSession returns an empty Session.
func NewSession() *Session {
	return &Session{
		reports: map[string]cached[*report.Report]{},
		plans:   map[string]cached[*report.ActionPlan]{},
	}
}

// Parsed lists the files the last build read afresh rather than from the
// cache, in pack.toml's order: each report, then the files it attaches.
func (s *Session) Parsed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.parsed)
}

// startRead begins a build's reading: nothing parsed yet.
func (s *Session) startRead() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.parsed = nil
	s.mu.Unlock()
}

// readReport is narrative.Read through the cache: a copy of the cached
// report when src is unchanged, else a fresh read, cached. fresh says
// which; the caller lists fresh files with noteParsed, in its own order,
// since reports are read on several goroutines at once.
func (s *Session) readReport(file string, src []byte) (rep *report.Report, diags diag.List, fresh bool) {
	if s == nil {
		rep, diags = narrative.Read(file, src)
		return rep, diags, false
	}
	return lookup(s, s.reports, file, src, func() (*report.Report, diag.List) {
		return narrative.Read(file, src)
	})
}

// readPlan is actionplan.Read through the cache, as readReport is; the
// key holds the sheet and the options, which pack.toml may change without
// the workbook changing.
func (s *Session) readPlan(file string, data []byte, sheet string, opts actionplan.Options) (plan *report.ActionPlan, diags diag.List, fresh bool) {
	if s == nil {
		plan, diags = actionplan.Read(file, data, sheet, opts)
		return plan, diags, false
	}
	key := fmt.Sprintf("%s\x00%s\x00%v", file, sheet, opts)
	return lookup(s, s.plans, key, data, func() (*report.ActionPlan, diag.List) {
		return actionplan.Read(file, data, sheet, opts)
	})
}

// noteParsed records that the build read file afresh.
func (s *Session) noteParsed(file string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.parsed = append(s.parsed, file)
	s.mu.Unlock()
}

// lookup returns a deep copy of the entry for key when its sum matches
// data's, else runs read, keeps a pristine copy of its output and reports
// the read as fresh. It is safe to call from several goroutines; read runs
// without the lock held.
func lookup[T any](s *Session, m map[string]cached[T], key string, data []byte, read func() (T, diag.List)) (T, diag.List, bool) {
	sum := sha256.Sum256(data)
	s.mu.Lock()
	c, ok := m[key]
	s.mu.Unlock()
	if ok && c.sum == sum {
		return deepCopy(c.val), slices.Clone(c.diags), false
	}
	val, diags := read()
	c = cached[T]{sum: sum, val: deepCopy(val), diags: slices.Clone(diags)}
	s.mu.Lock()
	m[key] = c
	s.mu.Unlock()
	return val, diags, true
}
