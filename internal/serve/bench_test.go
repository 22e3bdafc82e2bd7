package serve_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reportpack/reportpack/internal/packgen"
	"github.com/reportpack/reportpack/internal/serve"
)

// BenchmarkServeEdit measures serve's rebuild after one report of the M
// pack is edited (issue 9's target: ready in 150 ms). Each op edits the
// middle report, alternately adding a sentence to a paragraph and taking
// it away, then rebuilds. preview-ms is the time until the HTML preview is
// served; final-ms until the PDF-backed final state is; the -cpu-ms
// metrics are the process's CPU time over the same spans, steadier than
// wall time on a shared machine. The initial build is not timed.
func BenchmarkServeEdit(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "pack-m")
	if err := packgen.Write(dir, packgen.Presets["M"]); err != nil {
		b.Fatal(err)
	}
	s, err := serve.New(twoPhase(filepath.ToSlash(dir)))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.Rebuild()
	s.Settle()
	file := filepath.Join(dir, "report-015.md")
	original, _ := os.ReadFile(file)
	edited := strings.Replace(string(original), ".\n\n", ". The Committee asked for a further update.\n\n", 1)
	var preview, final, previewCPU, finalCPU time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		text := edited
		if i%2 == 1 {
			text = string(original)
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu := time.Now(), cpuTime()
		if out := s.Rebuild(); out.Dir == "" || out.Err != nil {
			b.Fatalf("rebuild: %v\n%s", out.Err, out.Diags.Format())
		}
		preview += time.Since(start)
		previewCPU += cpuTime() - cpu
		s.Settle()
		final += time.Since(start)
		finalCPU += cpuTime() - cpu
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(b.N) }
	b.ReportMetric(ms(preview), "preview-ms")
	b.ReportMetric(ms(previewCPU), "preview-cpu-ms")
	b.ReportMetric(ms(final), "final-ms")
	b.ReportMetric(ms(finalCPU), "final-cpu-ms")
}

// cpuTime is the CPU time, user and system, the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
