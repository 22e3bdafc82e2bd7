// Package diag holds positions and diagnostics: the vocabulary every stage of
// the pipeline uses to say where in a pack's files a problem is and how to fix
// it. It imports nothing of the project's, so every stage may import it.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a pack's input: a line and column of a text file, or a
// cell of a workbook sheet. The zero value means "unknown".
type Pos struct {
	File  string `json:"file,omitempty"`
	Line  int    `json:"line,omitempty"`
	Col   int    `json:"col,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Cell  string `json:"cell,omitempty"`
}

// IsZero reports whether p says nothing about where it is.
func (p Pos) IsZero() bool { return p == Pos{} }

// String formats p the way editors and people read positions:
// "content/ofsted/report.md:14:3" or `plan.xlsx: sheet "Actions" cell F12`.
func (p Pos) String() string {
	switch {
	case p.Sheet != "" && p.Cell != "":
		return fmt.Sprintf("%s: sheet %q cell %s", p.File, p.Sheet, p.Cell)
	case p.Sheet != "":
		return fmt.Sprintf("%s: sheet %q", p.File, p.Sheet)
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Severity says whether a diagnostic stops the build.
type Severity int

// Severities, most serious first so that sorting puts errors before warnings.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in a pack's input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string // what is wrong, in words a clerk understands
	Hint     string // how to fix it; may be empty
}

// String formats d as "pos: message" (with "warning: " before warnings).
func (d Diagnostic) String() string {
	var b strings.Builder
	if !d.Pos.IsZero() {
		b.WriteString(d.Pos.String())
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List collects diagnostics; stages return one beside their partial result.
type List []Diagnostic

// Errorf records an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) *Diagnostic {
	return l.add(pos, Error, fmt.Sprintf(format, args...))
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) *Diagnostic {
	return l.add(pos, Warning, fmt.Sprintf(format, args...))
}

func (l *List) add(pos Pos, sev Severity, msg string) *Diagnostic {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Message: msg})
	return &(*l)[len(*l)-1]
}

// WithHint sets the hint of a diagnostic just recorded, for chaining:
// list.Errorf(pos, "...").WithHint("...").
func (d *Diagnostic) WithHint(format string, args ...any) {
	d.Hint = fmt.Sprintf(format, args...)
}

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Count returns how many diagnostics have severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders the list errors first, then by file, line, column, sheet and
// cell, so that output is stable and reads like a compiler's.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Sheet != b.Pos.Sheet {
			return a.Pos.Sheet < b.Pos.Sheet
		}
		if a.Pos.Cell != b.Pos.Cell {
			return cellLess(a.Pos.Cell, b.Pos.Cell)
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
}

// cellLess orders cell names by row, then column: A2 < B2 < A10.
func cellLess(a, b string) bool {
	ca, ra := splitCell(a)
	cb, rb := splitCell(b)
	if ra != rb {
		return ra < rb
	}
	if len(ca) != len(cb) {
		return len(ca) < len(cb)
	}
	return ca < cb
}

func splitCell(s string) (col string, row int) {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return s, 0
	}
	fmt.Sscan(s[i:], &row)
	return s[:i], row
}

// Format writes the list as "pos: message" lines, each hint indented below
// its diagnostic.
func (l List) Format() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
		if d.Hint != "" {
			b.WriteString("    hint: ")
			b.WriteString(d.Hint)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
