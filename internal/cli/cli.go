// Package cli is reportpack's command line: it parses arguments, calls
// build, and turns results into messages and exit codes. Each command is an
// Options struct and a run function, tested with buffer IO.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"golang.org/x/term"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the pack has errors, or a file could not be written
	exitUsage   = 2 // the command line is wrong
	exitBug     = 3 // reportpack itself failed
	// exitInterrupted is the shells' convention for a program stopped by
	// Ctrl-C (128 + SIGINT).
	exitInterrupted = 130
)

// Version is reportpack's version, set at link time by the Makefile.
var Version = "dev"

// IO is everything a command may touch outside its arguments.
type IO struct {
	Out, Err io.Writer
	Getenv   func(string) string
	// ErrIsTerminal reports whether Err is a terminal, for progress display.
	ErrIsTerminal bool
	// Now is the wall clock, for timing builds only (never for output).
	Now func() time.Time
	// Context ends long-running commands (build, check, serve) besides
	// Ctrl-C; nil means they run until done or interrupted.
	Context context.Context
}

func (io IO) context() context.Context {
	if io.Context != nil {
		return io.Context
	}
	return context.Background()
}

// System returns the IO of the running process.
func System() IO {
	return IO{
		Out:           os.Stdout,
		Err:           os.Stderr,
		Getenv:        os.Getenv,
		ErrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		Now:           time.Now,
	}
}

type command struct {
	name    string
	summary string
	run     func(args []string, io IO) int
}

func commands() []command {
	return []command{
		{"build", "build packs into HTML and PDF", runBuild},
		{"check", "check packs for problems without writing anything", runCheck},
		{"init", "start a new pack in a new folder", runInit},
		{"serve", "preview a pack in the browser, rebuilding as files change", runServe},
		{"template", "write a blank action-plan workbook", runTemplate},
		{"version", "print reportpack's version", runVersion},
	}
}

// Main runs reportpack with args (without the program name) and returns the
// exit code. It never panics: a bug is reported in one line.
func Main(args []string, io IO) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(io.Err, "reportpack: internal error: %v\nThis is a bug in reportpack, not in your pack; please report it with the pack that caused it.\n", r)
			code = exitBug
		}
	}()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(io.Out)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], io)
		}
	}
	fmt.Fprintf(io.Err, "reportpack: unknown command %q\n\n", args[0])
	usage(io.Err)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "reportpack builds council committee agenda packs from Markdown and spreadsheets.")
	fmt.Fprintln(w, "\nUsage:\n  reportpack <command> [flags] [PACKDIR ...]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'reportpack <command> --help' for a command's flags.")
}

func runVersion(args []string, io IO) int {
	if len(args) > 0 {
		fmt.Fprintln(io.Err, "reportpack version takes no arguments")
		return exitUsage
	}
	fmt.Fprintf(io.Out, "reportpack %s\n", Version)
	return exitOK
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds
// convention for "now"; nil when unset.
func sourceDateEpoch(io IO) (*time.Time, error) {
	s := io.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds", s)
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}
