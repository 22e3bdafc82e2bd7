package actionplan

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/reportpack/reportpack/internal/diag"
)

// workbook wraps an open excelize file so that no excelize type leaves the
// package.
type workbook struct {
	f      *excelize.File
	file   string
	limits Limits
	// noMerges says that no sheet has merged cells; skipped lists the
	// sheets read since whose merges were therefore not asked for.
	noMerges bool
	skipped  []string
}

const saveAsHint = "open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx)"

// open checks what data really is before excelize sees it, so that a Word
// document, CSV text or encrypted file named .xlsx gets a clear message.
func open(file string, data []byte, lim Limits, l *diag.List) (*workbook, bool) {
	pos := diag.Pos{File: file}
	if msg, hint := sniff(data); msg != "" {
		l.Errorf(pos, "%s", msg).WithHint("%s", hint)
		return nil, false
	}
	f, err := openZip(data, lim)
	if err != nil {
		l.Errorf(pos, "cannot read the workbook: %s", describe(err, lim)).WithHint("%s", saveAsHint)
		return nil, false
	}
	wb := &workbook{f: f, file: file, limits: lim, noMerges: noMergedCells(f)}
	if n := len(f.GetSheetList()); n > lim.Sheets {
		l.Errorf(pos, "the workbook has %d sheets, more than the limit of %d", n, lim.Sheets).
			WithHint("keep the action plan in a workbook of its own")
		wb.close()
		return nil, false
	}
	return wb, true
}

// openZip opens data with excelize, turning a panic inside the library into
// an error: a hostile file must never crash a build.
func openZip(data []byte, lim Limits) (f *excelize.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the file is damaged (%v)", r)
		}
	}()
	return excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.UnzipSize,
		UnzipXMLSizeLimit: lim.UnzipXMLSize,
	})
}

// describe rewords excelize's errors for clerks.
func describe(err error, lim Limits) string {
	switch {
	case strings.Contains(err.Error(), "unzip size exceeds"):
		return fmt.Sprintf("it unpacks to more than the limit of %d MB", lim.UnzipSize>>20)
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, zip.ErrFormat):
		return "it is not an Excel workbook"
	}
	return err.Error()
}

var (
	zipMagic = []byte("PK\x03\x04")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encrypted is "EncryptedPackage" in UTF-16, the stream an encrypted
	// Office file keeps its contents in.
	encrypted = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// sniff returns a message and hint when data is plainly not an .xlsx.
func sniff(data []byte) (msg, hint string) {
	switch {
	case len(data) == 0:
		return "the file is empty", "save the action plan again from Excel or LibreOffice Calc"
	case bytes.HasPrefix(data, cfbMagic) && bytes.Contains(data, encrypted):
		return "the workbook is password-protected, so it cannot be read",
			"remove the password (File > Info > Protect Workbook in Excel) and save it again"
	case bytes.HasPrefix(data, cfbMagic):
		return "the file is in an old binary format (.xls or .doc), not an Excel workbook (.xlsx)", saveAsHint
	case bytes.HasPrefix(data, zipMagic):
		return sniffZip(data)
	case utf8.Valid(data[:min(len(data), 4096)]):
		return "the file is text (perhaps CSV), not an Excel workbook", saveAsHint
	}
	return "the file is not an Excel workbook (.xlsx)", saveAsHint
}

// sniffZip recognises Word and OpenDocument files renamed to .xlsx.
func sniffZip(data []byte) (msg, hint string) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "the file is a damaged zip archive, not a readable workbook", saveAsHint
	}
	for _, zf := range z.File {
		switch {
		case strings.HasPrefix(zf.Name, "word/"):
			return "the file is a Word document, not an Excel workbook", "attach the spreadsheet, not the document"
		case zf.Name == "content.xml":
			return "the file is an OpenDocument file, not an Excel workbook", saveAsHint
		case zf.Name == "xl/workbook.xml":
			return "", ""
		}
	}
	return "the file is a zip archive but not an Excel workbook", saveAsHint
}

// noMergedCells reports whether no sheet of f can have merged cells: the
// element's name is in none of the parts excelize holds, and every part is
// held (a sheet over UnzipXMLSize is kept in a temporary file) and in
// UTF-8 (in another character set the name could be spelt otherwise).
// Shared strings or other parts that merely mention the name make it
// answer false, which costs time, never a merge.
func noMergedCells(f *excelize.File) bool {
	none, sheets := true, 0
	f.Pkg.Range(func(name, part any) bool {
		data, ok := part.([]byte)
		if strings.HasPrefix(strings.ToLower(name.(string)), "xl/worksheets/sheet") {
			sheets++
		}
		none = ok && !bytes.Contains(data, []byte("mergeCell")) && utf8XML(data)
		return none
	})
	return none && sheets == f.SheetCount
}

// utf8XML reports whether every XML declaration in a part leaves it in
// UTF-8: encoding/xml switches character set at any declaration that
// names another, wherever it is.
func utf8XML(data []byte) bool {
	for {
		_, rest, ok := bytes.Cut(data, []byte("<?xml"))
		if !ok {
			return true
		}
		decl, after, _ := bytes.Cut(rest, []byte("?>"))
		if _, enc, named := bytes.Cut(decl, []byte("encoding")); named && !isUTF8(enc) {
			return false
		}
		data = after
	}
}

// isUTF8 reports whether what follows "encoding" in a declaration is
// ="utf-8" or ='utf-8', named once.
func isUTF8(enc []byte) bool {
	return len(enc) >= 8 && enc[0] == '=' && (enc[1] == '"' || enc[1] == '\'') &&
		bytes.EqualFold(enc[2:7], []byte("utf-8")) && enc[7] == enc[1] &&
		!bytes.Contains(enc, []byte("encoding"))
}

func (wb *workbook) close() { _ = wb.f.Close() }

// pickSheet finds the sheet to read, matching its name loosely; an unknown
// name is an error listing the sheets there are.
func (wb *workbook) pickSheet(want string, l *diag.List) (string, bool) {
	sheets := wb.f.GetSheetList()
	if want == "" {
		want = DefaultSheet
		if wb.findSheet(want) == "" && len(sheets) > 0 {
			return sheets[0], true
		}
	}
	if got := wb.findSheet(want); got != "" {
		return got, true
	}
	l.Errorf(diag.Pos{File: wb.file}, "the workbook has no sheet called %q", want).
		WithHint("the sheets are %s; set the appendix's sheet to one of them", quoteList(sheets))
	return "", false
}

// findSheet returns the sheet whose name matches want ignoring case and
// surrounding spaces, or "".
func (wb *workbook) findSheet(want string) string {
	for _, s := range wb.f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(want)) {
			return s
		}
	}
	return ""
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
