package cli

import (
	"fmt"

	"github.com/reportpack/reportpack/internal/build"
)

// progress returns the build's progress display: on a terminal, one line
// on stderr rewritten as each step begins ("[3/5] pack: laying out the
// PDF"); in a pipe or with --quiet, nothing, so that logs hold only
// problems and summaries.
func progress(io IO, pack string, quiet bool) func(build.Step) {
	if !io.ErrIsTerminal || quiet {
		return nil
	}
	return func(s build.Step) {
		fmt.Fprintf(io.Err, "\r\033[K[%d/%d] %s: %s", s.N, s.Of, pack, s.Name)
	}
}

// endProgress clears the progress line before problems and the summary.
func endProgress(io IO, quiet bool) {
	if io.ErrIsTerminal && !quiet {
		fmt.Fprint(io.Err, "\r\033[K")
	}
}
