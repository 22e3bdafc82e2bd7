package build

import (
	"syscall"
	"testing"
	"time"
)

// BenchmarkModel is the whole model phase as build.Pack runs it: pack.toml,
// every report and workbook read, then assembled, numbered and rated. It
// reports the process's CPU time per run beside the wall time, since the
// readers run on every core and the machine is shared.
func BenchmarkModel(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		start := cpuTime()
		for b.Loop() {
			if m, diags := model(dir, nil); m.pack == nil || diags.HasErrors() {
				b.Fatal(diags.Format())
			}
		}
		reportCPU(b, start)
	})
}

// reportCPU reports the process's CPU time per run since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// cpuTime is the user and system CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkReadInputs is the readers alone: pack.toml, the reports, their
// workbooks and PDFs, without assembling.
func BenchmarkReadInputs(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		pf := mustOpen(b, dir)
		start := cpuTime()
		for b.Loop() {
			if _, diags := readInputs(pf); diags.HasErrors() {
				b.Fatal(diags.Format())
			}
		}
		reportCPU(b, start)
	})
}
