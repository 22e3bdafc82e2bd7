// Package frontmatter splits a report file into its TOML front matter and its
// Markdown body. It is the first step of narrative.Read: it cleans the bytes
// (byte order mark, Windows line endings, invalid UTF-8) and records where each
// part starts, so that later stages can report problems at the right line.
package frontmatter

import (
	"bytes"
	"unicode/utf8"

	"github.com/reportpack/reportpack/internal/diag"
)

// Delimiter is the line that opens and closes the front matter.
const Delimiter = "+++"

// Doc is a report file split into its parts. Line numbers count lines of the
// file as the author sees it in an editor, starting at 1.
type Doc struct {
	HasFront  bool   // the file starts with a front matter block
	Front     []byte // the TOML between the +++ lines, LF line endings
	FrontLine int    // line of the first line of Front (the one after the opening +++)
	OpenLine  int    // line of the opening +++; 0 without front matter
	Body      []byte // the Markdown after the closing +++, LF line endings
	BodyLine  int    // line of the first line of Body
}

var bom = []byte("\xef\xbb\xbf")

// Split cleans src, the contents of file, and splits it into front matter and
// body. A file without front matter is all body; the caller decides whether
// that is an error. A block that never closes is an error, and then Front and
// Body are both empty because where one ends and the other starts cannot be
// known.
func Split(file string, src []byte) (Doc, diag.List) {
	var diags diag.List
	src = Clean(file, src, &diags)
	lines := bytes.SplitAfter(src, []byte("\n"))
	open := firstContentLine(lines)
	if open < 0 || !isDelimiter(lines[open]) {
		checkOtherDelimiters(file, lines, open, &diags)
		return Doc{Body: src, BodyLine: 1}, diags
	}
	doc := Doc{HasFront: true, OpenLine: open + 1, FrontLine: open + 2}
	closing := -1
	for i := open + 1; i < len(lines); i++ {
		if isDelimiter(lines[i]) {
			closing = i
			break
		}
	}
	if closing < 0 {
		diags.Errorf(diag.Pos{File: file, Line: open + 1, Col: 1},
			"the front matter starting here never closes").
			WithHint("add a line containing only %s after the last front matter line, before the report text", Delimiter)
		doc.BodyLine = len(lines) + 1
		return doc, diags
	}
	doc.Front = bytes.Join(lines[open+1:closing], nil)
	doc.Body = bytes.Join(lines[closing+1:], nil)
	doc.BodyLine = closing + 2
	return doc, diags
}

// Clean strips a byte order mark, turns Windows (CRLF) and old Mac (CR) line
// endings into LF without changing line numbers, and replaces bytes that are
// not UTF-8 with U+FFFD, reporting the first such place in file as an error.
func Clean(file string, src []byte, diags *diag.List) []byte {
	src = bytes.TrimPrefix(src, bom)
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if utf8.Valid(src) {
		return src
	}
	off := firstInvalid(src)
	diags.Errorf(diag.NewLineIndex(file, src).Pos(off),
		"this file is not UTF-8 text (the first bad character is here)").
		WithHint("save the file as UTF-8: in Notepad or your editor choose \"Save as\" and the UTF-8 encoding")
	return bytes.ToValidUTF8(src, []byte("\uFFFD"))
}

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// firstContentLine returns the index of the first line that is not blank, or
// -1 when every line is blank.
func firstContentLine(lines [][]byte) int {
	for i, l := range lines {
		if len(bytes.TrimSpace(l)) > 0 {
			return i
		}
	}
	return -1
}

func isDelimiter(line []byte) bool {
	return string(bytes.TrimSpace(line)) == Delimiter
}

// checkOtherDelimiters reports YAML-style front matter, a common mistake for
// authors who know other tools.
func checkOtherDelimiters(file string, lines [][]byte, open int, diags *diag.List) {
	if open < 0 || string(bytes.TrimSpace(lines[open])) != "---" {
		return
	}
	diags.Errorf(diag.Pos{File: file, Line: open + 1, Col: 1},
		"front matter must be written between %s lines, not ---", Delimiter).
		WithHint("reportpack reads TOML front matter: replace both --- lines with %s and write keys as key = \"value\"", Delimiter)
}
