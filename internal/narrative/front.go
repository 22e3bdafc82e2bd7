package narrative

import (
	"bufio"
	"bytes"
	"path"
	"strings"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/frontmatter"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/tomlfile"
)

// frontMatter is the TOML at the top of a report. Unknown keys are errors.
type frontMatter struct {
	Title       string     `toml:"title"`
	ReportOf    string     `toml:"report_of"`
	Purpose     string     `toml:"purpose"`
	Date        time.Time  `toml:"date"`
	Wards       []string   `toml:"wards"`
	KeyDecision *bool      `toml:"key_decision"`
	Contact     contact    `toml:"contact"`
	Appendices  []appendix `toml:"appendices"`
}

type contact struct {
	Name  string `toml:"name"`
	Role  string `toml:"role"`
	Phone string `toml:"phone"`
	Email string `toml:"email"`
}

type appendix struct {
	ID       string `toml:"id"`
	Title    string `toml:"title"`
	File     string `toml:"file"`
	Sheet    string `toml:"sheet"`
	Previous string `toml:"previous"`
	// Exempt is the Schedule 12A paragraph that makes the appendix exempt
	// information; assemble checks it against the pack's list.
	Exempt        int    `toml:"exempt"`
	PublicTitle   string `toml:"public_title"`
	PublicSummary string `toml:"public_summary"`
}

const frontExample = "start the file with:\n" +
	"        +++\n" +
	"        title = \"Ofsted inspections\"\n" +
	"        report_of = \"Director of Children's Services\"\n" +
	"        purpose = \"To report the outcome of the inspection.\"\n" +
	"        [contact]\n" +
	"        name = \"Meg Boustead\"\n" +
	"        +++"

// readFront decodes the front matter of doc into r and checks it.
func readFront(r *report.Report, file string, doc frontmatter.Doc, diags *diag.List) {
	if !doc.HasFront {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "this report has no front matter (title, report of, contact)").
			WithHint("%s", frontExample)
		return
	}
	var fm frontMatter
	decodeDiags := tomlfile.Decode(file, doc.Front, doc.FrontLine, &fm)
	diags.Append(decodeDiags)
	if decodeDiags.HasErrors() && hasSyntaxError(decodeDiags) {
		r.FrontUnread = true
		return // missing keys would only repeat the syntax error
	}
	lines := keyLines(doc.Front, doc.FrontLine)
	open := diag.Pos{File: file, Line: doc.OpenLine, Col: 1}
	fill(r, fm, file, lines, open)
	checkRequired(r, open, mentioned(decodeDiags), diags)
	r.Appendices = appendices(fm.Appendices, file, lines, diags)
}

func hasSyntaxError(l diag.List) bool {
	for _, d := range l {
		if strings.HasPrefix(d.Message, "this is not valid TOML") {
			return true
		}
	}
	return false
}

func fill(r *report.Report, fm frontMatter, file string, lines frontLines, open diag.Pos) {
	r.Title = strings.TrimSpace(fm.Title)
	r.ReportOf = strings.TrimSpace(fm.ReportOf)
	r.Purpose = strings.TrimSpace(fm.Purpose)
	if !fm.Date.IsZero() {
		y, m, d := fm.Date.Date()
		r.Date = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	r.Wards = fm.Wards
	r.KeyDecision = fm.KeyDecision
	r.Contact = report.Contact{
		Name:  strings.TrimSpace(fm.Contact.Name),
		Role:  strings.TrimSpace(fm.Contact.Role),
		Phone: strings.TrimSpace(fm.Contact.Phone),
		Email: strings.TrimSpace(fm.Contact.Email),
		Pos:   lines.pos(file, "contact", open),
	}
	r.Pos = open
}

// checkRequired reports missing required keys as errors and missing
// recommended ones as warnings, each at the opening +++ line.
// Keys already reported as having a wrong value are not reported again.
func checkRequired(r *report.Report, open diag.Pos, reported func(string) bool, diags *diag.List) {
	if r.Title == "" && !reported("title") {
		diags.Errorf(open, "the front matter has no title").WithHint(`add title = "The report's title"`)
	}
	if r.ReportOf == "" && !reported("report_of") {
		diags.Errorf(open, "the front matter has no report_of (whose report this is)").
			WithHint(`add report_of = "Director of Children's Services"`)
	}
	if r.Contact.Name == "" && !reported("contact") && !reported("name") {
		diags.Errorf(open, "the front matter has no contact officer").
			WithHint("add a [contact] table at the end of the front matter with name = \"...\", phone = \"...\" and email = \"...\"")
	} else if r.Contact.Phone == "" || r.Contact.Email == "" {
		diags.Warnf(r.Contact.Pos, "the contact officer has no %s", missingContact(r.Contact)).
			WithHint("readers expect a phone number and an email address: add phone = \"...\" and email = \"...\" under [contact]")
	}
	if r.Purpose == "" {
		diags.Warnf(open, "the front matter has no purpose, so the agenda will show none").
			WithHint(`add purpose = "To ..." (one line, shown on the agenda)`)
	}
}

// mentioned returns a function telling whether a key is named in one of the
// decoding diagnostics.
func mentioned(l diag.List) func(string) bool {
	return func(key string) bool {
		for _, d := range l {
			if strings.Contains(d.Message, `"`+key+`"`) {
				return true
			}
		}
		return false
	}
}

func missingContact(c report.Contact) string {
	switch {
	case c.Phone == "" && c.Email == "":
		return "phone number or email address"
	case c.Phone == "":
		return "phone number"
	}
	return "email address"
}

// appendices converts and checks the [[appendices]] entries.
func appendices(in []appendix, file string, lines frontLines, diags *diag.List) []*report.Appendix {
	var out []*report.Appendix
	for i, a := range in {
		pos := lines.appendixPos(file, i)
		ap := &report.Appendix{
			ID: strings.TrimSpace(a.ID), Title: strings.TrimSpace(a.Title),
			Source: strings.TrimSpace(a.File), Sheet: a.Sheet, Previous: a.Previous, Pos: pos,
		}
		if a.Exempt != 0 {
			ap.Exempt = &report.Exemption{Paragraph: a.Exempt, PublicTitle: strings.TrimSpace(a.PublicTitle),
				PublicSummary: strings.TrimSpace(a.PublicSummary), Pos: pos}
		}
		checkAppendix(ap, diags)
		out = append(out, ap)
	}
	return out
}

func checkAppendix(ap *report.Appendix, diags *diag.List) {
	switch {
	case ap.ID == "":
		diags.Errorf(ap.Pos, "this appendix has no id").
			WithHint(`add id = "short-name"; the report refers to it as [@short-name]`)
	case !labelRE.MatchString(ap.ID):
		diags.Errorf(ap.Pos, "the appendix id %q has characters that cannot be used in references", ap.ID).
			WithHint("use letters, digits and hyphens, e.g. \"adoption-report\"")
	}
	if ap.Title == "" {
		diags.Errorf(ap.Pos, "appendix %q has no title", ap.ID).WithHint(`add title = "What the appendix is"`)
	}
	ap.Kind = appendixKind(ap, diags)
	if ap.Kind != report.AppendixWorkbook && (ap.Sheet != "" || ap.Previous != "") {
		diags.Warnf(ap.Pos, "appendix %q is not a workbook, so sheet and previous are ignored", ap.ID).
			WithHint("sheet and previous only apply to .xlsx files")
	}
}

// appendixKind decides the kind from the file's extension.
func appendixKind(ap *report.Appendix, diags *diag.List) report.AppendixKind {
	switch ext := strings.ToLower(path.Ext(ap.Source)); {
	case ap.Source == "":
		return report.AppendixListed
	case ext == ".pdf":
		return report.AppendixPDF
	case ext == ".xlsx":
		return report.AppendixWorkbook
	case ext == ".xls" || ext == ".ods" || ext == ".csv":
		diags.Errorf(ap.Pos, "appendix %q is a %s file, which reportpack cannot read", ap.ID, ext).
			WithHint("open it in Excel or LibreOffice and save it as an .xlsx workbook")
	default:
		diags.Errorf(ap.Pos, "appendix %q has file %q, which is neither a PDF nor an .xlsx workbook", ap.ID, ap.Source).
			WithHint("save the document as PDF, or leave file out to list the appendix without including it")
	}
	return report.AppendixListed
}

// frontLines records the file lines of the table headers in the front
// matter, to give positions to the contact and to each appendix.
type frontLines struct {
	tables     map[string]int
	appendices []int
	firstKey   map[string]int
}

func keyLines(front []byte, firstLine int) frontLines {
	fl := frontLines{tables: map[string]int{}, firstKey: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(front))
	sc.Buffer(nil, len(front)+1)
	for n := firstLine; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "[[") && strings.TrimSpace(strings.Trim(line, "[] \t")) == "appendices":
			fl.appendices = append(fl.appendices, n)
		case strings.HasPrefix(line, "["):
			fl.tables[strings.TrimSpace(strings.Trim(line, "[] \t"))] = n
		default:
			if key, _, ok := strings.Cut(line, "="); ok {
				if _, seen := fl.firstKey[strings.TrimSpace(key)]; !seen {
					fl.firstKey[strings.TrimSpace(key)] = n
				}
			}
		}
	}
	return fl
}

// pos returns where table name starts ([name] or name = {...}), or def.
func (fl frontLines) pos(file, name string, def diag.Pos) diag.Pos {
	if n, ok := fl.tables[name]; ok {
		return diag.Pos{File: file, Line: n, Col: 1}
	}
	if n, ok := fl.firstKey[name]; ok {
		return diag.Pos{File: file, Line: n, Col: 1}
	}
	return def
}

// appendixPos returns where the i-th appendix entry starts.
func (fl frontLines) appendixPos(file string, i int) diag.Pos {
	if i < len(fl.appendices) {
		return diag.Pos{File: file, Line: fl.appendices[i], Col: 1}
	}
	return fl.pos(file, "appendices", diag.Pos{File: file, Line: 1, Col: 1})
}
