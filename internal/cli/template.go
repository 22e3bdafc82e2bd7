package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/reportpack/reportpack/internal/build"
)

func runTemplate(args []string, io IO) int {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	fs.SetOutput(io.Err)
	scaleName := fs.String("scale", "rag", "rating scale of the drop-down: rag or brag (Blue = complete)")
	fs.Usage = func() {
		fmt.Fprintf(io.Err, "Usage: reportpack template action-plan [--scale rag|brag] FILE.xlsx\n\nWrites a blank action-plan workbook: the expected headers, a drop-down of\nratings, their colours, a frozen header row and a Themes sheet.\nAn existing file is never overwritten.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "action-plan" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fs.Usage()
			return exitOK
		}
		fs.Usage()
		return exitUsage
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 1 || (*scaleName != "rag" && *scaleName != "brag") {
		fs.Usage()
		return exitUsage
	}
	if err := writeTemplate(fs.Arg(0), *scaleName); err != nil {
		fmt.Fprintf(io.Err, "reportpack template: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(io.Out, "Wrote %s\n", fs.Arg(0))
	return exitOK
}

// writeTemplate writes the workbook to file, which must not exist yet.
func writeTemplate(file, scaleName string) error {
	var buf bytes.Buffer
	if err := build.ActionPlanTemplate(&buf, scaleName); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; nothing was written. Name a new file", file)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
