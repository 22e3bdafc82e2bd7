package parallel

import (
	"runtime"
	"testing"
)

// Every index is called exactly once, on one core and on several.
func TestForCallsEachIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 8} {
		prev := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 7, 100} {
			got := make([]int, n)
			For(n, func(i int) { got[i]++ })
			for i, c := range got {
				if c != 1 {
					t.Errorf("GOMAXPROCS %d, n %d: index %d called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}

// A panic in a piece reaches the caller, with its value: in build, cli
// then reports a reader's bug as an internal error instead of dying.
func TestForRaisesPanicsInTheCaller(t *testing.T) {
	for _, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		func() {
			defer func() {
				if r := recover(); r != "piece 3" {
					t.Errorf("GOMAXPROCS %d: recovered %v, want \"piece 3\"", procs, r)
				}
			}()
			For(10, func(i int) {
				if i == 3 {
					panic("piece 3")
				}
			})
			t.Errorf("GOMAXPROCS %d: For returned normally", procs)
		}()
		runtime.GOMAXPROCS(prev)
	}
}
