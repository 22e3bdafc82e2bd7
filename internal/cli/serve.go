package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/reportpack/reportpack/internal/build"
	"github.com/reportpack/reportpack/internal/serve"
)

// serveOptions are the flags of "serve".
type serveOptions struct {
	port  int
	quiet bool
	pack  string
}

func runServe(args []string, io IO) int {
	opts, code := parseServeFlags(args, io)
	if code >= 0 {
		return code
	}
	now, err := sourceDateEpoch(io)
	if err != nil {
		fmt.Fprintln(io.Err, "reportpack:", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.port)))
	if err != nil {
		fmt.Fprintf(io.Err, "reportpack serve: cannot listen on port %d: %v\n    hint: another program uses it; choose another with --port, or --port 0 for any free port\n", opts.port, err)
		return exitContent
	}
	bopts := build.Options{ThemesDir: "themes", Now: now}
	preview, final := packBuilder(opts, bopts, io)
	s, err := serve.New(serve.Options{Build: preview, Final: final, Watch: watched(opts.pack, bopts.ThemesDir)})
	if err != nil {
		ln.Close()
		fmt.Fprintln(io.Err, "reportpack serve:", err)
		return exitContent
	}
	defer s.Close()
	ctx, stop := signal.NotifyContext(io.context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(io.Out, "Serving %s at http://%s/ (rebuilt when a file changes; Ctrl-C to stop)\n", opts.pack, ln.Addr())
	if err := serve.Run(ctx, ln, s, nil); err != nil {
		fmt.Fprintln(io.Err, "reportpack serve:", err)
		return exitContent
	}
	fmt.Fprintln(io.Out, "Stopped.")
	return exitOK
}

// packBuilder serves the pack in two phases through one build.Session
// (issue 9): a quick HTML preview, served from memory, that re-reads only
// the files that changed, then the PDF laid out in the background and the
// HTML re-stamped with its pages. Each prints its problems and summary, as
// build does.
func packBuilder(opts serveOptions, bopts build.Options, io IO) (serve.Builder, func(context.Context, string) serve.Outcome) {
	sess := build.NewSession()
	dir := filepath.ToSlash(opts.pack)
	preview := func(root string) serve.Outcome {
		b := bopts
		b.OutRoot = root
		res, files, err := sess.PreviewFiles(dir, b)
		out := outcome(io, res, b, opts.quiet, err)
		out.Files = files
		return out
	}
	final := func(ctx context.Context, root string) serve.Outcome {
		b := bopts
		b.OutRoot, b.Context = root, ctx
		res, err := sess.Final(dir, b)
		if res.Out == "" && err == nil && !res.Diags.HasErrors() {
			return serve.Outcome{} // the preview was already final
		}
		return outcome(io, res, b, true, err)
	}
	return preview, final
}

// outcome reports a build, as build does, and says what serve shows.
func outcome(io IO, res build.Result, b build.Options, quiet bool, err error) serve.Outcome {
	report(io, res, b, quiet)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(io.Err, "%s: %v\n", res.Pack, err)
	}
	return serve.Outcome{Dir: res.Out, Diags: res.Diags, Err: err}
}

// watched lists the folders whose changes rebuild: the pack and, where
// there is one, the project's themes folder.
func watched(pack, themes string) []string {
	dirs := []string{pack}
	if info, err := os.Stat(themes); err == nil && info.IsDir() {
		dirs = append(dirs, themes)
	}
	return dirs
}

func parseServeFlags(args []string, io IO) (serveOptions, int) {
	var o serveOptions
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Err)
	fs.IntVar(&o.port, "port", 8080, "port on 127.0.0.1 to serve on; 0 picks a free one")
	fs.BoolVar(&o.quiet, "quiet", false, "print only problems")
	fs.Usage = func() {
		fmt.Fprintf(io.Err, "Usage: reportpack serve [--port N] [PACKDIR]\n\nServes the pack's HTML on 127.0.0.1, rebuilds it when a file changes and\nreloads the page in the browser. With no PACKDIR, the current folder if it\nholds a pack.toml, else the one pack under content/.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, exitOK
		}
		return o, exitUsage
	}
	if fs.NArg() > 1 || o.port < 0 || o.port > 65535 {
		fs.Usage()
		return o, exitUsage
	}
	o.pack = fs.Arg(0)
	if o.pack == "" {
		var ok bool
		if o.pack, ok = defaultPack(); !ok {
			fmt.Fprintln(io.Err, "reportpack serve: name the pack folder to serve: there is no pack.toml here and not exactly one pack under content/")
			return o, exitUsage
		}
	}
	return o, -1
}

// defaultPack is the pack serve shows when none is named.
func defaultPack() (string, bool) {
	if _, err := os.Stat("pack.toml"); err == nil {
		return ".", true
	}
	found, err := build.Discover("content")
	if err != nil || len(found) != 1 {
		return "", false
	}
	return found[0], true
}
