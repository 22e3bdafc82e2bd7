package actionplan

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// dateLayout is how dates print: "2 January 2013".
const dateLayout = "2 January 2006"

var textLayouts = []string{
	"2 January 2006", "2 Jan 2006", "January 2 2006", "Jan 2 2006",
	"2/1/2006", "2-1-2006", "2.1.2006", "2006-01-02", "2/1/06",
}

var ordinal = regexp.MustCompile(`(\d)(?:st|nd|rd|th)\b`)

// parseDate reads a cell value as a date: an Excel serial number (what a
// date cell holds) or text in a common British layout.
func parseDate(v string) (time.Time, bool) {
	v = strings.Join(strings.Fields(v), " ")
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		if f < 1 || f > 2958465 {
			return time.Time{}, false
		}
		t, err := excelize.ExcelDateToTime(f, false)
		if err != nil {
			return time.Time{}, false
		}
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	v = strings.ReplaceAll(ordinal.ReplaceAllString(v, "$1"), ",", "")
	for _, l := range textLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateText prints a date cell as "2 January 2013"; other text, such as
// "March 2013" or "Ongoing", is kept as written.
func dateText(v string) string {
	if t, ok := parseDate(v); ok {
		return t.Format(dateLayout)
	}
	return oneLine(v)
}

var asAt = regexp.MustCompile(`(?i)\bas at\b[:\s]*(.*)$`)

// readAsAt finds "as at <date>" in the title rows above the header, unless
// the options give the date.
func (r *reader) readAsAt() {
	if !r.opts.AsAt.IsZero() {
		r.plan.AsAt = r.opts.AsAt
		return
	}
	for row := 0; row < r.header; row++ {
		for c, v := range r.g[row] {
			m := asAt.FindStringSubmatch(v)
			if m == nil {
				continue
			}
			rest := m[1]
			if rest == "" {
				rest = r.g.at(row, c+1)
			}
			if t, ok := parseDate(strings.TrimRight(rest, ".)")); ok {
				r.plan.AsAt = t
				return
			}
		}
	}
}
