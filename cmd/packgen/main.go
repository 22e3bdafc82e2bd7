// Command packgen writes a synthetic committee pack for benchmarks:
//
//	go run ./cmd/packgen --preset M --out /tmp/pack-m
//	go run ./cmd/packgen --reports 10 --rows 30 --out /tmp/pack
//
// The pack folder holds pack.toml, one report and one action-plan workbook
// per agenda item, and pack.md, the same text as plain Markdown for other
// tools. The same flags always give byte-identical files.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/packgen"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("packgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	preset := fs.String("preset", "", "a preset size: "+strings.Join(presetNames(), ", "))
	reports := fs.Int("reports", 0, "reports in the pack (instead of --preset)")
	rows := fs.Int("rows", 24, "rows in each action plan, with --reports")
	out := fs.String("out", "", "the folder to write the pack into (required)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	size, ok := packgen.Presets[strings.ToUpper(*preset)]
	if *preset == "" {
		size, ok = packgen.Size{Reports: *reports, Rows: *rows}, *reports > 0
	}
	if !ok || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: packgen (--preset S|M|L | --reports N [--rows M]) --out DIR")
		return 2
	}
	if err := packgen.Write(*out, size); err != nil {
		fmt.Fprintln(stderr, "packgen:", err)
		return 1
	}
	return 0
}

func presetNames() []string {
	var names []string
	for n := range packgen.Presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
