package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/reportpack/reportpack/internal/build"
	"github.com/reportpack/reportpack/internal/diag"
)

// buildOptions are the flags of "build" and "check".
type buildOptions struct {
	out        string
	largePrint bool
	supplement bool
	quiet      bool
	strict     bool // check: warnings count as errors
	packs      []string
}

func runBuild(args []string, io IO) int { return buildOrCheck("build", args, io) }
func runCheck(args []string, io IO) int { return buildOrCheck("check", args, io) }

func buildOrCheck(name string, args []string, io IO) int {
	opts, code := parseBuildFlags(name, args, io)
	if code >= 0 {
		return code
	}
	now, err := sourceDateEpoch(io)
	if err != nil {
		fmt.Fprintln(io.Err, "reportpack:", err)
		return exitUsage
	}
	bopts := build.Options{
		OutRoot:    opts.out,
		ThemesDir:  "themes",
		Now:        now,
		LargePrint: opts.largePrint,
		Supplement: opts.supplement,
		CheckOnly:  name == "check",
	}
	ctx, stop := interruptible(io)
	defer stop()
	bopts.Context = ctx
	return runPacks(opts, bopts, io)
}

// interruptible returns a context that ends at the first Ctrl-C (or
// SIGTERM), so that a build stops between steps and writes nothing; a second
// Ctrl-C stops the process at once, as it would have without us.
func interruptible(io IO) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(io.context(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}

func parseBuildFlags(name string, args []string, io IO) (buildOptions, int) {
	var o buildOptions
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Err)
	if name == "build" {
		fs.StringVar(&o.out, "out", "output", "output `DIR`: each pack goes to DIR/<pack>/")
		fs.BoolVar(&o.largePrint, "large-print", false, "also write a large-print (16 pt) PDF")
		fs.BoolVar(&o.supplement, "supplement", false, "build only the supplementary pack of late and revised items, into DIR/<pack>-supplement/")
	}
	if name == "check" {
		fs.BoolVar(&o.strict, "strict", false, "treat warnings as errors (exit 1)")
	}
	fs.BoolVar(&o.quiet, "quiet", false, "print only problems")
	fs.Usage = func() {
		fmt.Fprintf(io.Err, "Usage: reportpack %s [flags] [PACKDIR ...]\n\n", name)
		fmt.Fprintf(io.Err, "With no PACKDIR, every folder under content/ that holds a pack.toml.\nFlags come before the pack folders.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, exitOK
		}
		return o, exitUsage
	}
	o.packs = fs.Args()
	for _, p := range o.packs {
		if strings.HasPrefix(p, "-") {
			fmt.Fprintf(io.Err, "reportpack %s: flag %s must come before the pack folders\n", name, p)
			return o, exitUsage
		}
	}
	return o, -1
}

func runPacks(opts buildOptions, bopts build.Options, io IO) int {
	packs := opts.packs
	if len(packs) == 0 {
		found, err := build.Discover("content")
		if err != nil || len(found) == 0 {
			fmt.Fprintln(io.Err, "reportpack: no packs found: there is no content/*/pack.toml here; name a pack folder")
			return exitUsage
		}
		packs = found
	}
	code := exitOK
	for _, dir := range packs {
		bopts.Progress = progress(io, dir, opts.quiet)
		res, err := build.Pack(filepath.ToSlash(dir), bopts)
		endProgress(io, opts.quiet)
		if err != nil && bopts.Context.Err() != nil {
			fmt.Fprintf(io.Err, "%s: interrupted; nothing was written, the previous output is unchanged\n", dir)
			return exitInterrupted
		}
		if opts.strict {
			strictly(res.Diags)
		}
		if err != nil {
			fmt.Fprint(io.Err, res.Diags.Format())
			fmt.Fprintf(io.Err, "%s: %v; nothing was written\n", dir, err)
			code = exitContent
			continue
		}
		report(io, res, bopts, opts.quiet)
		if res.Diags.HasErrors() {
			code = exitContent
		}
	}
	return code
}

// report prints a pack's problems and its summary line.
func report(io IO, res build.Result, bopts build.Options, quiet bool) {
	fmt.Fprint(io.Err, res.Diags.Format())
	errs, warns := res.Diags.Count(diag.Error), res.Diags.Count(diag.Warning)
	if errs > 0 {
		written := "; nothing was written"
		if bopts.CheckOnly {
			written = ""
		}
		fmt.Fprintf(io.Err, "%s: %s, %s%s\n", res.Pack, plural(errs, "error"), plural(warns, "warning"), written)
		return
	}
	if quiet {
		return
	}
	w := io.Out
	if bopts.CheckOnly {
		fmt.Fprintf(w, "%s: no errors, %s (%s, %s)\n", res.Pack, plural(warns, "warning"), plural(res.Items, "item"), plural(res.Reports, "report"))
		return
	}
	fmt.Fprintf(w, "%s: %s, %s, %s, %s in %.2fs -> %s/\n", res.Pack,
		plural(res.Items, "item"), plural(res.Reports, "report"), plural(res.Pages, "page"),
		plural(warns, "warning"), res.Duration.Seconds(), filepath.ToSlash(res.Out))
	if res.MembersOut != "" {
		fmt.Fprintf(w, "  public (for the website): %s/\n", filepath.ToSlash(res.Out))
		fmt.Fprintf(w, "  members only, NOT FOR PUBLICATION: %s/\n", filepath.ToSlash(res.MembersOut))
	}
}

// strictly turns warnings into errors, for check --strict.
func strictly(diags diag.List) {
	for i := range diags {
		diags[i].Severity = diag.Error
	}
	diags.Sort()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
