// Package parallel runs independent pieces of a stage on every core.
// Each piece writes only its own slot of a result the caller owns, so
// output never depends on scheduling (same input, byte-identical output).
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1), started in that order, on up to GOMAXPROCS
// goroutines, and waits for them all; f must write only to its own
// index's slot. With one core, or one piece, it calls them in turn on
// the caller's goroutine. A panic in f is raised again in the caller, as
// if f had run there, so that a bug is reported as an internal error
// rather than ending the process from a goroutine no one recovers.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	panics := make([]any, workers)
	for w := range workers {
		wg.Go(func() {
			defer func() { panics[w] = recover() }()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}
