package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/reportpack/reportpack/internal/build"
	"github.com/reportpack/reportpack/internal/report"
)

// packDirs are the packs the tests build: the example, and a larger pack
// with several reports, tables and PDF and workbook appendices.
var packDirs = []string{
	"../../content/ofsted-scrutiny-2013",
	"testdata/riverside-cabinet",
}

// builtPack is one pack built for the tests.
type builtPack struct {
	Name  string       // the pack's slug, also its output folder's name
	Out   string       // the output folder
	Model *report.Pack // the finished model the output was rendered from
	Res   build.Result
}

var (
	outRoot   string // every pack is built under it; removed by TestMain
	buildOnce sync.Once
	built     []builtPack
	buildErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "reportpack-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	outRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// packs builds every test pack once and returns them.
func packs(t *testing.T) []builtPack {
	t.Helper()
	buildOnce.Do(func() { built, buildErr = buildAll(outRoot) })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return built
}

func buildAll(root string) ([]builtPack, error) {
	var all []builtPack
	for _, dir := range packDirs {
		res, err := build.Pack(dir, build.Options{OutRoot: root})
		if err != nil || res.Diags.HasErrors() {
			return nil, fmt.Errorf("building %s: %v\n%s", dir, err, res.Diags.Format())
		}
		model, _ := build.Model(dir)
		all = append(all, builtPack{Name: filepath.Base(res.Out), Out: res.Out, Model: model, Res: res})
	}
	return all, nil
}

// files lists the pack's output files ending in ext, sorted.
func (p builtPack) files(ext string) []string {
	var names []string
	for _, f := range p.Res.Files {
		if strings.HasSuffix(f, ext) {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	return names
}

// reportItems returns the pack's items that have a report.
func (p builtPack) reportItems() []*report.Item {
	var items []*report.Item
	for _, it := range p.Model.Items {
		if it.Report != nil {
			items = append(items, it)
		}
	}
	return items
}

// sections returns every section and subsection of a report, in order.
func sections(blocks []report.Block) []*report.Section {
	var out []*report.Section
	for _, b := range blocks {
		if s, ok := b.(*report.Section); ok {
			out = append(out, s)
			out = append(out, sections(s.Body)...)
		}
	}
	return out
}

// numberedParagraphs returns a report's numbered paragraphs, in order.
func numberedParagraphs(blocks []report.Block) []*report.Paragraph {
	var out []*report.Paragraph
	for _, b := range blocks {
		switch b := b.(type) {
		case *report.Section:
			out = append(out, numberedParagraphs(b.Body)...)
		case *report.Paragraph:
			if len(b.Number) > 0 {
				out = append(out, b)
			}
		}
	}
	return out
}

// tables returns every table in a report's body, in order.
func tables(blocks []report.Block) []*report.Table {
	var out []*report.Table
	for _, b := range blocks {
		switch b := b.(type) {
		case *report.Section:
			out = append(out, tables(b.Body)...)
		case *report.Table:
			out = append(out, b)
		}
	}
	return out
}
