package html

import (
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/theme"
)

// funcs are the template functions. Each is small, pure and has an example
// in funcs_test.go; URL functions return template.URL only for values they
// have checked, so templates never mark untrusted text as safe.
func funcs() template.FuncMap {
	return template.FuncMap{
		"longDate":      longDate,
		"shortDate":     shortDate,
		"pageRange":     pageRange,
		"href":          href,
		"fileURL":       fileURL,
		"anchorURL":     anchorURL,
		"tel":           tel,
		"mailto":        mailto,
		"reportOf":      reportOf,
		"andList":       andList,
		"yesNo":         yesNo,
		"statusClass":   statusClass,
		"sectionNumber": sectionNumber,
		"bold":          bold,
		"italic":        italic,
		"isBreak":       isBreak,
		"plain":         report.PlainText,
		"textParts":     textParts,
	}
}

// longDate formats a meeting date as "Tuesday 12 March 2013"; the zero time
// gives "".
func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("Monday 2 January 2006")
}

// shortDate formats a date as "12 March 2013"; the zero time gives "".
func shortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// pageRange formats the pages an item takes in the PDF pack: "Pages 5–12",
// or "Page 5" for one page; "" when unknown.
func pageRange(p report.PageRange) string {
	switch {
	case p.First <= 0:
		return ""
	case p.Last <= p.First:
		return "Page " + itoa(p.First)
	}
	return "Pages " + itoa(p.First) + "–" + itoa(p.Last)
}

var anchorID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// href returns a link target an author wrote if it is safe to follow:
// http, https, mailto and tel URLs, and in-page anchors. Anything else
// (javascript:, data:, relative paths) gives "", and templates print the
// text without a link.
func href(link string) template.URL {
	if strings.HasPrefix(link, "#") {
		return anchorURL(link[1:])
	}
	u, err := url.Parse(link)
	if err != nil || link != strings.TrimSpace(link) {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
		return template.URL(u.String())
	case "mailto":
		return mailto(u.Opaque)
	case "tel":
		return tel(u.Opaque)
	}
	return ""
}

// anchorURL returns "#id" for an id made of letters, digits, hyphens and
// underscores, else "".
func anchorURL(id string) template.URL {
	if !anchorID.MatchString(id) {
		return ""
	}
	return template.URL("#" + id)
}

var fileName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// fileURL returns a link to a file beside the page (an item page or PDF),
// or "" for anything that is not a plain file name.
func fileURL(name string) template.URL {
	if !fileName.MatchString(name) || strings.Contains(name, "..") {
		return ""
	}
	return template.URL(name)
}

// tel returns a tel: link for a phone number as people write it, keeping
// only digits and a leading +: "0191 561 2356" gives "tel:01915612356".
// The "(0)" of "+44 (0)191 …" is dropped, as diallers need. It gives ""
// when no digits remain.
func tel(phone string) template.URL {
	var b strings.Builder
	phone = strings.ReplaceAll(strings.TrimSpace(phone), "(0)", "")
	for i, r := range phone {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	if strings.Trim(b.String(), "+") == "" {
		return ""
	}
	return template.URL("tel:" + b.String())
}

var emailAddr = regexp.MustCompile(`^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)

// mailto returns a mailto: link for a plain email address, or "".
func mailto(email string) template.URL {
	email = strings.TrimSpace(email)
	if !emailAddr.MatchString(email) {
		return ""
	}
	return template.URL("mailto:" + email)
}

// reportOf turns a report's author into the agenda's "Report of …" line:
// "Chief Executive" gives "Report of the Chief Executive"; text that already
// starts with "Report of" or "the" is kept; "" stays "".
func reportOf(lead string) string {
	lead = strings.TrimSpace(lead)
	lower := strings.ToLower(lead)
	switch {
	case lead == "":
		return ""
	case strings.HasPrefix(lower, "report of"):
		return lead
	case strings.HasPrefix(lower, "the "):
		return "Report of " + lead
	}
	return "Report of the " + lead
}

// andList joins words the way English lists them: "A, B and C".
func andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// yesNo prints an optional yes/no setting: "Yes", "No", or "" when unset.
func yesNo(b *bool) string {
	if b == nil {
		return ""
	}
	if *b {
		return "Yes"
	}
	return "No"
}

// statusClass returns the CSS classes for a rating: "status status-amber".
// A class that is not a valid palette name falls back to "status".
func statusClass(s *report.Status) string {
	if s == nil || !theme.ValidClass(s.Class) {
		return "status"
	}
	return "status status-" + s.Class
}

// sectionNumber prints a section's number the way council papers do:
// "2." for a section, "2.1" for a subsection.
func sectionNumber(n report.Number) string {
	if len(n) == 1 {
		return n.String() + "."
	}
	return n.String()
}

// bold reports whether an inline is bold.
func bold(in report.Inline) bool { return in.Style&report.Bold != 0 }

// italic reports whether an inline is italic.
func italic(in report.Inline) bool { return in.Style&report.Italic != 0 }

// isBreak reports whether an inline is a hard line break.
func isBreak(in report.Inline) bool { return in.Kind == report.LineBreak }

// textPart is a piece of a run's text: an acronym with its long form
// (Title), or plain text.
type textPart struct {
	Text, Title string
}

// textParts splits a run's text at the acronyms marked in it, so that the
// template prints each as <abbr title="Long form">; a run without marks is
// one part. Marks out of range or overlapping are ignored.
func textParts(in report.Inline) []textPart {
	var out []textPart
	at := 0
	for _, a := range in.Abbrs {
		if a.Start < at || a.End > len(in.Text) || a.Start >= a.End {
			continue
		}
		if a.Start > at {
			out = append(out, textPart{Text: in.Text[at:a.Start]})
		}
		out = append(out, textPart{Text: in.Text[a.Start:a.End], Title: a.Title})
		at = a.End
	}
	if at < len(in.Text) || len(out) == 0 {
		out = append(out, textPart{Text: in.Text[at:]})
	}
	return out
}
