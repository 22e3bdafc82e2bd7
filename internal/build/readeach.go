package build

import (
	"path"
	"sync"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/assemble"
	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
)

// Reading the reports on every core (issue 9).
//
// readInputs reads each agenda item's report, and the files its appendices
// name, on its own goroutine into the item's own slot, then merges the
// slots in pack.toml's order just as reading them one after another would:
// a report, workbook or PDF that an earlier item already supplied is
// skipped together with its problems, and the rest are taken with theirs.
// So the inputs, the problems and their order, and the files a Session
// lists as parsed, do not depend on scheduling. A file named by several
// items is parsed once.

// reads is one build's reading of a pack.
type reads struct {
	pf      *packFiles
	opts    actionplan.Options // for every workbook
	reports onceMap[*report.Report]
	plans   onceMap[*report.ActionPlan]
}

func newReads(pf *packFiles, cfg config.Pack, reg *scale.Registry) *reads {
	return &reads{pf: pf, opts: actionplan.Options{Scale: ratingScale(reg, cfg), Aliases: cfg.Columns}}
}

// itemRead is what reading one item's report and its appendices found.
type itemRead struct {
	diags diag.List                 // problems reading the report's file
	rep   *readOnce[*report.Report] // nil when the file could not be read
	apps  []appendixRead
}

// appendixRead is what reading one file an appendix names found.
type appendixRead struct {
	pdf   bool                          // a PDF, else an action-plan workbook
	key   string                        // its key in Inputs.PDFs or Inputs.Plans
	file  string                        // the file as the appendix names it
	diags diag.List                     // problems reading the file (and checking a PDF)
	ok    bool                          // a PDF that can be used
	data  []byte                        // the PDF's contents
	plan  *readOnce[*report.ActionPlan] // nil when the workbook could not be read
}

// item reads one item's report and, when it parses, its appendices.
func (r *reads) item(it config.Item) itemRead {
	var res itemRead
	src, ok := r.pf.read(it.Report, maxReportSize, "report", it.Pos, &res.diags)
	if !ok {
		return res
	}
	file := r.pf.display(it.Report)
	res.rep = r.reports.do(file, file, func() (*report.Report, diag.List, bool) {
		return r.pf.cache.readReport(file, src)
	})
	if rep := res.rep.val; rep != nil {
		res.apps = r.appendices(rep)
	}
	return res
}

func (r *reads) appendices(rep *report.Report) []appendixRead {
	var apps []appendixRead
	for _, a := range rep.Appendices {
		switch a.Kind {
		case report.AppendixPDF:
			res := appendixRead{pdf: true, key: a.Source, file: a.Source}
			res.data, res.ok = r.pf.read(a.Source, maxPDFSize, "PDF appendix", a.Pos, &res.diags)
			res.ok = res.ok && checkPDF(a, res.data, &res.diags)
			apps = append(apps, res)
		case report.AppendixWorkbook:
			apps = append(apps, r.plan(a.Source, a.Sheet, a.Pos))
			if a.Previous != "" {
				apps = append(apps, r.plan(a.Previous, a.Sheet, a.Pos))
			}
		}
	}
	return apps
}

func (r *reads) plan(file, sheet string, at diag.Pos) appendixRead {
	res := appendixRead{key: assemble.PlanKey(file, sheet), file: file}
	data, ok := r.pf.read(file, maxWorkbookSize, "workbook", at, &res.diags)
	if !ok {
		return res
	}
	shown := r.pf.display(file)
	res.plan = r.plans.do(shown+"\x00"+sheet, shown, func() (*report.ActionPlan, diag.List, bool) {
		return r.pf.cache.readPlan(shown, data, sheet, r.opts)
	})
	return res
}

// merge takes what was read for the item whose report is named name into
// in, unless the report is already there.
func (r *reads) merge(res itemRead, name string, in *assemble.Inputs, diags *diag.List) {
	if in.Reports[name] != nil {
		return
	}
	diags.Append(res.diags)
	if res.rep == nil {
		return
	}
	rep := take(r.pf.cache, res.rep, diags)
	if rep == nil {
		return
	}
	in.Reports[name] = rep
	for _, a := range res.apps {
		r.mergeAppendix(a, in, diags)
	}
}

// mergeAppendix takes one appendix file into in unless it is already there.
func (r *reads) mergeAppendix(a appendixRead, in *assemble.Inputs, diags *diag.List) {
	if a.pdf {
		if _, done := in.PDFs[a.key]; !done {
			diags.Append(a.diags)
			if a.ok {
				in.PDFs[a.key] = a.data
			}
		}
		return
	}
	if _, done := in.Plans[a.key]; done {
		return
	}
	diags.Append(a.diags)
	if a.plan == nil {
		return
	}
	if plan := take(r.pf.cache, a.plan, diags); plan != nil {
		plan.Workbook = path.Clean(a.file) // printed in notes: never the local folder
		in.Plans[a.key] = plan
	}
}

// onceMap holds one build's reader output by key, so that a file several
// items name is parsed once, whichever goroutine asks first.
type onceMap[T any] struct {
	mu sync.Mutex
	m  map[string]*readOnce[T]
}

// readOnce is one file's reader output.
type readOnce[T any] struct {
	once  sync.Once
	file  string // as displayed, for Session.Parsed
	val   T
	diags diag.List
	fresh bool // parsed, not copied from the Session's cache
	taken bool // handed to an item by the merge
}

// do returns key's entry, running read for it unless a goroutine has.
func (o *onceMap[T]) do(key, file string, read func() (T, diag.List, bool)) *readOnce[T] {
	o.mu.Lock()
	if o.m == nil {
		o.m = map[string]*readOnce[T]{}
	}
	e := o.m[key]
	if e == nil {
		e = &readOnce[T]{file: file}
		o.m[key] = e
	}
	o.mu.Unlock()
	e.once.Do(func() { e.val, e.diags, e.fresh = read() })
	return e
}

// take hands an entry to the item being merged, with its problems: the
// output itself the first time, then a deep copy, as reading the file
// again would give; the first time is also where reading one item after
// another would have parsed the file, so that is where the Session hears
// of it.
func take[T any](s *Session, e *readOnce[T], diags *diag.List) T {
	diags.Append(e.diags)
	if e.taken {
		return deepCopy(e.val)
	}
	e.taken = true
	if e.fresh {
		s.noteParsed(e.file)
	}
	return e.val
}
