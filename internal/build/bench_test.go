package build

// Benchmarks of each stage and of the whole build on generated packs of
// three sizes (issue 9). Run them with `make bench`; results and the
// machine they ran on are kept in docs/performance.md. Each benchmark
// generates its pack into b.TempDir() once, before timing starts.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/reportpack/reportpack/internal/assemble"
	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/narrative"
	"github.com/reportpack/reportpack/internal/number"
	"github.com/reportpack/reportpack/internal/packgen"
	"github.com/reportpack/reportpack/internal/rag"
	"github.com/reportpack/reportpack/internal/render/html"
	"github.com/reportpack/reportpack/internal/render/pdf"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/scale"
	"github.com/reportpack/reportpack/internal/theme"
)

// sizes are the presets every benchmark runs on, smallest first.
var sizes = []string{"S", "M", "L"}

// genPack writes preset size into a fresh temporary folder and returns
// the pack folder.
func genPack(tb testing.TB, size string) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "pack-"+strings.ToLower(size))
	if err := packgen.Write(dir, packgen.Presets[size]); err != nil {
		tb.Fatal(err)
	}
	return filepath.ToSlash(dir)
}

// eachSize runs bench once per preset, on a pack generated for it.
func eachSize(b *testing.B, bench func(b *testing.B, dir string)) {
	for _, size := range sizes {
		b.Run(size, func(b *testing.B) {
			dir := genPack(b, size)
			b.ReportAllocs()
			stop := watchHeap()
			bench(b, dir)
			b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
		})
	}
}

// reportPages reports the pack's page count and pages per second.
func reportPages(b *testing.B, pages int) {
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkBuild is the whole build in the process, as build.Pack does
// it: read, assemble, number, rate, lay out the PDF, render the HTML and
// write the output folder.
func BenchmarkBuild(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		out, pages := b.TempDir(), 0
		for b.Loop() {
			res, err := Pack(dir, Options{OutRoot: out})
			if err != nil || res.Diags.HasErrors() {
				b.Fatalf("build failed: %v\n%s", err, res.Diags.Format())
			}
			pages = res.Pages
		}
		reportPages(b, pages)
	})
}

// BenchmarkBuildTagging is the whole build of M with and without PDF
// tagging, to check what tagging costs against issue 10's limit of 20 %.
func BenchmarkBuildTagging(b *testing.B) {
	dir := genPack(b, "M")
	for _, untagged := range []bool{false, true} {
		name := "tagged"
		if untagged {
			name = "untagged"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			out := b.TempDir()
			for b.Loop() {
				res, err := Pack(dir, Options{OutRoot: out, untagged: untagged})
				if err != nil || res.Diags.HasErrors() {
					b.Fatalf("build failed: %v\n%s", err, res.Diags.Format())
				}
			}
		})
	}
}

// BenchmarkStageReadMarkdown reads pack.toml and every report's Markdown.
func BenchmarkStageReadMarkdown(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		pf := mustOpen(b, dir)
		for b.Loop() {
			if _, _, diags := readMarkdown(pf); diags.HasErrors() {
				b.Fatal(diags.Format())
			}
		}
	})
}

// BenchmarkStageReadWorkbooks reads every action-plan workbook.
func BenchmarkStageReadWorkbooks(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		pf := mustOpen(b, dir)
		cfg, reports, _ := readMarkdown(pf)
		reg := scale.NewRegistry(assemble.Scales(cfg.Scales))
		for b.Loop() {
			in := assemble.Inputs{Plans: map[string]*report.ActionPlan{}, PDFs: map[string][]byte{}}
			for _, rep := range reports {
				if d := readAppendices(pf, rep, cfg, reg, &in); d.HasErrors() {
					b.Fatal(d.Format())
				}
			}
		}
	})
}

// BenchmarkStageAssemble assembles, numbers and rates a pack already read;
// reading a fresh copy for each run is not timed.
func BenchmarkStageAssemble(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		pf := mustOpen(b, dir)
		for b.Loop() {
			b.StopTimer()
			in, _ := readInputs(pf)
			b.StartTimer()
			p, diags := assemble.Pack(in)
			diags.Append(number.Assign(p))
			diags.Append(rag.Summarise(p, scale.NewRegistry(p.Scales)))
			if diags.HasErrors() {
				b.Fatal(diags.Format())
			}
		}
	})
}

// BenchmarkStagePDF lays out and writes the PDF pack (with each item's
// own PDF) into memory.
func BenchmarkStagePDF(b *testing.B) { benchPDF(b, false) }

// BenchmarkStagePDFPackOnly is BenchmarkStagePDF without cutting each
// item's own PDF from the pack, to show what the cutting costs.
func BenchmarkStagePDFPackOnly(b *testing.B) { benchPDF(b, true) }

func benchPDF(b *testing.B, noItems bool) {
	eachSize(b, func(b *testing.B, dir string) {
		p, th := mustModel(b, dir)
		pages := 0
		for b.Loop() {
			res, err := pdf.Render(p, th, pdf.Options{Now: p.Issued, NoItemPDFs: noItems})
			if err != nil {
				b.Fatal(err)
			}
			pages = res.Pages.Total
		}
		reportPages(b, pages)
	})
}

// BenchmarkStageHTML renders the HTML pack into memory, given the PDF's
// page map.
func BenchmarkStageHTML(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		p, th := mustModel(b, dir)
		// Only the page map is needed: skip cutting the item PDFs.
		res, err := pdf.Render(p, th, pdf.Options{Now: p.Issued, NoItemPDFs: true})
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := html.Render(newStaging(), p, th, res.Pages); err != nil {
				b.Fatal(err)
			}
		}
		reportPages(b, res.Pages.Total)
	})
}

// BenchmarkStageWrite writes a finished build's files to disk and swaps
// them into place.
func BenchmarkStageWrite(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) {
		p, th := mustModel(b, dir)
		out := rendered(b, p, th)
		dest := filepath.Join(b.TempDir(), p.Slug)
		for b.Loop() {
			if err := out.commit(context.Background(), dest); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkColdProcess runs the reportpack binary, built once, as a clerk
// does: a cold process building one pack. It reports the wall time and the
// process's peak resident memory (maxrss, via /usr/bin/time).
func BenchmarkColdProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "reportpack")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/reportpack").CombinedOutput(); err != nil {
		b.Skipf("cannot build the binary: %v\n%s", err, out)
	}
	for _, size := range sizes {
		b.Run(size, func(b *testing.B) {
			dir, out := genPack(b, size), b.TempDir()
			var peak int64
			for b.Loop() {
				peak = max(peak, runCold(b, bin, dir, out))
			}
			b.ReportMetric(float64(peak)/1024, "maxrss-MB")
		})
	}
}

// rendered renders the PDF and HTML packs into a staging area, as the
// build does before writing.
func rendered(b *testing.B, p *report.Pack, th *theme.Theme) *staging {
	b.Helper()
	out := newStaging()
	res, err := pdf.Render(p, th, pdf.Options{Now: p.Issued})
	if err != nil {
		b.Fatal(err)
	}
	out.WriteFile(p.Slug+".pdf", res.PDF)
	for slug, data := range res.ItemPDFs {
		out.WriteFile(res.Pages.Files[slug], data)
	}
	if err := html.Render(out, p, th, res.Pages); err != nil {
		b.Fatal(err)
	}
	return out
}

// runCold runs one build in a new process and returns its peak resident
// memory in KiB, as /usr/bin/time measures it: the rusage of a child of
// this (large) test process would carry the test's own high-water mark
// across exec, so the build runs as a child of time instead. Without
// /usr/bin/time it returns 0.
func runCold(b *testing.B, bin, dir, out string) int64 {
	args := []string{"build", "--quiet", "--out", out, dir}
	stats := filepath.Join(b.TempDir(), "time")
	cmd := exec.Command(bin, args...)
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		cmd = exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", stats, bin}, args...)...)
	}
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("reportpack build: %v\n%s", err, msg)
	}
	data, _ := os.ReadFile(stats)
	kib, _ := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	return kib
}

// readMarkdown is the first stage: pack.toml, then each report's Markdown.
func readMarkdown(pf *packFiles) (config.Pack, []*report.Report, diag.List) {
	var diags diag.List
	cfg, d := config.Load(pf.root.FS(), ".")
	diags.Append(d)
	var reports []*report.Report
	for _, it := range cfg.Items {
		if it.Report == "" {
			continue
		}
		if src, ok := pf.read(it.Report, maxReportSize, "report", it.Pos, &diags); ok {
			rep, d := narrative.Read(pf.display(it.Report), src)
			diags.Append(d)
			reports = append(reports, rep)
		}
	}
	return cfg, reports, diags
}

func mustOpen(b *testing.B, dir string) *packFiles {
	b.Helper()
	pf, err := openPack(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(pf.close)
	return pf
}

// mustModel reads a pack into its finished model and loads its theme.
func mustModel(b *testing.B, dir string) (*report.Pack, *theme.Theme) {
	b.Helper()
	p, diags := Model(dir)
	if p == nil || diags.HasErrors() {
		b.Fatal(diags.Format())
	}
	th, err := theme.Load(p.Theme)
	if err != nil {
		b.Fatal(err)
	}
	return p, th
}

// watchHeap samples the Go heap in use (the runtime's HeapInuse) every
// millisecond until the returned function is called, which returns the
// highest value seen. Garbage not yet collected counts, as it does in RSS.
func watchHeap() func() uint64 {
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}
	done, result := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			peak = max(peak, samples[0].Value.Uint64()+samples[1].Value.Uint64())
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	runtime.GC() // start from the live heap, not the last benchmark's garbage
	return func() uint64 { close(done); return <-result }
}

var paraNumber = regexp.MustCompile(`(?m)^([0-9]+\.[0-9]+(?:\.[0-9]+)?) `)

// TestGeneratedPack checks that the benchmark pack builds without a
// problem and that its plain pack.md carries the numbers reportpack gives,
// so that peers are timed on the same text.
func TestGeneratedPack(t *testing.T) {
	dir := genPack(t, "S")
	res, err := Pack(dir, Options{OutRoot: t.TempDir()})
	if err != nil || len(res.Diags) > 0 {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format())
	}
	got := paragraphNumbers(t, read(t, filepath.Join(res.Out, "report-001.html")))
	var want []string
	for _, m := range paraNumber.FindAllStringSubmatch(read(t, filepath.Join(dir, packgen.PackMD)), -1) {
		want = append(want, m[1])
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("paragraph numbers:\nreportpack %v\n   pack.md %v", got, want)
	}
	if _, err := os.Stat(filepath.Join(res.Out, "pack-s.pdf")); err != nil {
		t.Error(err)
	}
}
