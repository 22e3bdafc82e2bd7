package e2e

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reportpack/reportpack/internal/report"
)

const popplerInstall = "apt-get install poppler-utils"

// TestPDFQpdfCheck: qpdf finds no syntax, stream or structure error in any
// PDF (the pack and each item's download).
func TestPDFQpdfCheck(t *testing.T) {
	qpdf := needTool(t, "qpdf", "apt-get install qpdf")
	for _, p := range packs(t) {
		for _, f := range p.files(".pdf") {
			t.Run(p.Name+"/"+f, func(t *testing.T) {
				out, err := runErr(qpdf, "--check", filepath.Join(p.Out, f))
				text := string(out)
				if err != nil || !strings.Contains(text, "No syntax or stream encoding errors found") ||
					strings.Contains(text, "WARNING") {
					t.Errorf("qpdf --check is not clean: %v\n%s", err, text)
				}
			})
		}
	}
}

// TestPDFFontsEmbedded: pdffonts lists every font as embedded, so the pack
// prints and reads the same on every machine.
func TestPDFFontsEmbedded(t *testing.T) {
	pdffonts := needTool(t, "pdffonts", popplerInstall)
	for _, p := range packs(t) {
		for _, f := range p.files(".pdf") {
			t.Run(p.Name+"/"+f, func(t *testing.T) {
				fonts := parseFonts(t, string(run(t, pdffonts, filepath.Join(p.Out, f))))
				if len(fonts) == 0 {
					t.Fatal("pdffonts lists no fonts")
				}
				for _, ft := range fonts {
					if ft.emb != "yes" {
						t.Errorf("font %q (%s) is not embedded", ft.name, ft.typ)
					}
				}
			})
		}
	}
}

type pdfFont struct{ name, typ, emb string }

// parseFonts reads pdffonts' table by column position: font names may hold
// spaces.
func parseFonts(t *testing.T, out string) []pdfFont {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 2 {
		return nil
	}
	head := lines[0]
	typeAt, embAt := strings.Index(head, "type"), strings.Index(head, "emb")
	if typeAt < 0 || embAt < 0 {
		t.Fatalf("unexpected pdffonts header %q", head)
	}
	var fonts []pdfFont
	for _, l := range lines[2:] {
		if len(l) < embAt+3 {
			t.Fatalf("short pdffonts line %q", l)
		}
		fonts = append(fonts, pdfFont{
			name: strings.TrimSpace(l[:typeAt]),
			typ:  strings.TrimSpace(l[typeAt : embAt-17]),
			emb:  strings.TrimSpace(l[embAt : embAt+3]),
		})
	}
	return fonts
}

// TestPDFInfo: pdfinfo shows the pack's title and the page count the build
// reported (the count the HTML agenda's page ranges are taken from).
func TestPDFInfo(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo", popplerInstall)
	for _, p := range packs(t) {
		t.Run(p.Name, func(t *testing.T) {
			info := pdfInfo(t, pdfinfo, filepath.Join(p.Out, p.Name+".pdf"))
			if title := info["Title"]; !strings.Contains(title, p.Model.Committee) {
				t.Errorf("Title %q does not name the committee %q", title, p.Model.Committee)
			}
			if got := info["Pages"]; got != strconv.Itoa(p.Res.Pages) {
				t.Errorf("Pages: %s, want %d (the build's page count)", got, p.Res.Pages)
			}
		})
		for _, f := range p.files(".pdf") {
			t.Run(p.Name+"/"+f, func(t *testing.T) {
				info := pdfInfo(t, pdfinfo, filepath.Join(p.Out, f))
				if info["Title"] == "" {
					t.Error("no Title")
				}
				if n, _ := strconv.Atoi(info["Pages"]); n < 1 {
					t.Errorf("Pages: %q", info["Pages"])
				}
			})
		}
	}
}

func pdfInfo(t *testing.T, pdfinfo, file string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, l := range strings.Split(string(run(t, pdfinfo, file)), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// TestPDFReadingOrder: pdftotext gives every numbered paragraph in order
// with its number before its text, and every table row by row. -layout
// (the page as laid out) and -raw (the order the renderer drew, which an
// untagged PDF's readers fall back on) must pair each number with its text.
// Plain pdftotext guesses columns from the geometry and reads a column of
// hanging numbers apart from the text beside it, so there each number need
// only come before its paragraph, and the paragraphs in order.
func TestPDFReadingOrder(t *testing.T) {
	pdftotext := needTool(t, "pdftotext", popplerInstall)
	for _, p := range packs(t) {
		file := filepath.Join(p.Out, p.Name+".pdf")
		for _, mode := range []string{"layout", "raw", "plain"} {
			t.Run(p.Name+"/"+mode, func(t *testing.T) {
				args := []string{file, "-"}
				if mode != "plain" {
					args = append([]string{"-" + mode}, args...)
				}
				text := string(run(t, pdftotext, args...))
				if mode == "plain" {
					checkNumbersBeforeText(t, text, p.reportItems())
					return
				}
				checkParagraphOrder(t, text, p.reportItems())
				checkTableRows(t, text, p.reportItems())
			})
		}
	}
}

// checkNumbersBeforeText finds each numbered paragraph's text after the
// previous paragraph's, and its number after the previous number and before
// its text.
func checkNumbersBeforeText(t *testing.T, text string, items []*report.Item) {
	t.Helper()
	flat := " " + collapse(text) + " "
	numAt, textAt := 0, 0
	for _, it := range items {
		numAt = itemAt(flat, max(numAt, textAt), it)
		textAt = numAt
		for _, para := range numberedParagraphs(it.Report.Body) {
			num := para.Number.String()
			want := firstWords(report.PlainText(para.Content), 4)
			n := strings.Index(flat[numAt:], " "+num+" ")
			w := strings.Index(flat[textAt:], want)
			switch {
			case w < 0:
				t.Errorf("item %d: paragraph %s (%q) is not found after the previous paragraph", it.Number, num, want)
				continue
			case n < 0 || numAt+n > textAt+w:
				t.Errorf("item %d: paragraph %s's number is not found between the previous number and its text (%q)", it.Number, num, want)
				continue
			}
			numAt, textAt = numAt+n+1, textAt+w+1
		}
	}
}

var spaces = regexp.MustCompile(`\s+`)

func collapse(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.Join(w, " ")
}

// checkParagraphOrder finds each numbered paragraph's number at the start
// of a line, followed by the paragraph's first words, each after the last.
func checkParagraphOrder(t *testing.T, text string, items []*report.Item) {
	t.Helper()
	lines := strings.Split(text, "\n")
	at := 0
	for _, it := range items {
		at = itemLine(lines, at, it)
		for _, para := range numberedParagraphs(it.Report.Body) {
			num := para.Number.String()
			want := firstWords(report.PlainText(para.Content), 4)
			found := findNumbered(lines, at, num, want)
			if found < 0 {
				t.Errorf("item %d: paragraph %s (%q) is not found after the previous paragraph, with its number before its text", it.Number, num, want)
				continue
			}
			at = found + 1
		}
	}
}

// itemStart is the text that starts an item's report (its title block and
// running headers), which the agenda before it does not print.
func itemStart(it *report.Item) string { return "Item " + strconv.Itoa(it.Number) }

// itemLine returns the first line from start that holds the item's start.
func itemLine(lines []string, start int, it *report.Item) int {
	for i := start; i < len(lines); i++ {
		if strings.Contains(lines[i], itemStart(it)) {
			return i
		}
	}
	return start
}

// itemAt returns the offset in flat, from start, of the item's start.
func itemAt(flat string, start int, it *report.Item) int {
	if i := strings.Index(flat[start:], itemStart(it)); i >= 0 {
		return start + i
	}
	return start
}

// findNumbered returns the first line from start that begins with num and
// whose text after num begins with want; -1 if none.
func findNumbered(lines []string, start int, num, want string) int {
	for i := start; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		rest, ok := strings.CutPrefix(l, num)
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
			continue
		}
		end := min(i+8, len(lines))
		after := collapse(rest + " " + strings.Join(lines[i+1:end], " "))
		if strings.HasPrefix(after, want) {
			return i
		}
	}
	return -1
}

// checkTableRows finds each table's rows in order: a row starts with its
// first cell's first words, and every other cell's first word comes after
// that and before the next row starts, so no table is read column by column.
func checkTableRows(t *testing.T, text string, items []*report.Item) {
	t.Helper()
	flat := collapse(text)
	at := 0
	for _, it := range items {
		at = itemAt(flat, at, it)
		for _, tb := range tables(it.Report.Body) {
			rows := tableRows(tb)
			starts := make([]int, len(rows))
			for i, row := range rows {
				// A row's first cell may wrap: look for its first word,
				// or for the header row's first two to find the table.
				head := firstWords(row[0], 1)
				if i == 0 {
					head = firstWords(row[0], 2)
				}
				j := strings.Index(flat[at:], head)
				if j < 0 {
					t.Errorf("item %d, table %q: row %d (%q) is not found after the row before", it.Number, tb.Caption, i, head)
					return
				}
				starts[i] = at + j
				at = starts[i] + len(head)
			}
			for i, row := range rows {
				end := len(flat)
				if i+1 < len(rows) {
					end = starts[i+1]
				}
				window := flat[starts[i]:end]
				for _, cell := range row[1:] {
					if w := firstWords(cell, 1); w != "" && !strings.Contains(window, w) {
						t.Errorf("item %d, table %q, row %q: cell %q is not in its row: %q", it.Number, tb.Caption, firstWords(row[0], 4), w, window)
					}
				}
			}
		}
	}
}

// tableRows returns a table's header and body rows as the text of their
// cells; a cell's text is its content, its first bullet, or its status word.
func tableRows(tb *report.Table) [][]string {
	var rows [][]string
	var head []string
	for _, c := range tb.Columns {
		head = append(head, collapse(c.Title))
	}
	if len(head) > 0 && head[0] != "" {
		rows = append(rows, head)
	}
	for _, r := range tb.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, cellText(c))
		}
		if len(cells) > 0 && cells[0] != "" {
			rows = append(rows, cells)
		}
	}
	return rows
}

func cellText(c report.Cell) string {
	switch {
	case len(c.Content) > 0:
		return collapse(report.PlainText(c.Content))
	case len(c.Bullets) > 0:
		return collapse(report.PlainText(c.Bullets[0]))
	case c.Status != nil:
		return c.Status.Word
	}
	return ""
}

// TestPDFOutline: the pack's bookmarks list the front sheet, the agenda,
// every report item, and under it every section, subsection and PDF or
// workbook appendix, nested and in order.
func TestPDFOutline(t *testing.T) {
	qpdf := needTool(t, "qpdf", "apt-get install qpdf")
	for _, p := range packs(t) {
		t.Run(p.Name, func(t *testing.T) {
			out := run(t, qpdf, "--json", "--json-key=outlines", filepath.Join(p.Out, p.Name+".pdf"))
			var doc struct{ Outlines []outline }
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatalf("reading qpdf's JSON: %v", err)
			}
			got := flattenOutline(doc.Outlines, 0)
			want := wantOutline(p)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

type outline struct {
	Title string
	Kids  []outline
}

func flattenOutline(os []outline, depth int) []string {
	var out []string
	for _, o := range os {
		out = append(out, strings.Repeat("  ", depth)+collapse(o.Title))
		out = append(out, flattenOutline(o.Kids, depth+1)...)
	}
	return out
}

// wantOutline is the outline the model calls for.
func wantOutline(p builtPack) []string {
	want := []string{"Front sheet", "Agenda"}
	for _, it := range p.reportItems() {
		want = append(want, strconv.Itoa(it.Number)+". "+it.Title)
		for _, s := range sections(it.Report.Body) {
			num := s.Number.String()
			if s.Level == 1 {
				num += "."
			}
			want = append(want, strings.Repeat("  ", s.Level)+num+" "+collapse(report.PlainText(s.Title)))
		}
		for _, a := range it.Report.Appendices {
			if a.Kind != report.AppendixListed {
				want = append(want, "  Appendix "+a.Number+": "+a.Title)
			}
		}
	}
	return want
}
