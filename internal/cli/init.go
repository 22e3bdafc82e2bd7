package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/reportpack/reportpack/internal/build"
	"github.com/reportpack/reportpack/internal/skeleton"
)

// noticeDays is how far ahead init dates the meeting: two weeks leaves the
// legal notice with days to spare.
const noticeDays = 14

func runInit(args []string, io IO) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(io.Err)
	fs.Usage = func() {
		fmt.Fprintln(io.Err, "Usage: reportpack init DIR\n\nWrites a new pack into DIR, which must be empty or not exist yet:\npack.toml, a report from the standard council template, an action-plan\nworkbook and a glossary. The pack builds at once.")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	dir := fs.Arg(0)
	if err := initPack(dir, io); err != nil {
		fmt.Fprintf(io.Err, "reportpack init: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(io.Out, "Wrote a new pack in %s. Next:\n  reportpack build %s\n  reportpack serve %s\n", dir, dir, dir)
	return exitOK
}

// initPack writes the skeleton into dir, refusing a folder that holds
// anything so that nothing of the clerk's is overwritten.
func initPack(dir string, io IO) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s already holds files; nothing was written. Name a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	files, err := packFiles(io)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// packFiles is everything init writes: the skeleton with today's date of
// issue and a meeting two weeks later, and a blank action-plan workbook.
func packFiles(io IO) (map[string][]byte, error) {
	now := io.Now().UTC()
	issued := now.Truncate(24 * time.Hour)
	files, err := skeleton.Files(issued, issued.AddDate(0, 0, noticeDays))
	if err != nil {
		return nil, err
	}
	var plan bytes.Buffer
	if err := build.ActionPlanTemplate(&plan, "rag"); err != nil {
		return nil, err
	}
	files["action-plan.xlsx"] = plan.Bytes()
	return files, nil
}
