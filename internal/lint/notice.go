package lint

import (
	"time"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// clearDays is the notice the law requires between the date of issue and
// the meeting, by nation: five clear days in England (s100B Local
// Government Act 1972), three in Wales.
var clearDays = map[string]int{"england": 5, "wales": 3}

// Notice warns when the pack is issued with fewer clear days before the
// meeting than the law requires. Clear days leave out the day of issue,
// the day of the meeting, Saturdays and Sundays; bank holidays are not
// known to reportpack, so a clerk must still allow for them.
func Notice(p *report.Pack) diag.List {
	var diags diag.List
	if p.Issued.IsZero() || p.Meeting.Date.IsZero() || !p.Issued.Before(p.Meeting.Date) {
		return diags // config reports missing dates and issue after the meeting
	}
	nation := p.Style.Nation
	need, ok := clearDays[nation]
	if !ok {
		nation, need = "england", clearDays["england"]
	}
	if have := ClearDays(p.Issued, p.Meeting.Date); have < need {
		diags.Warnf(p.Pos, "the pack is issued %d clear days before the meeting; the law in %s requires %d",
			have, title(nation), need).
			WithHint("issue the papers by %s, or publish a later paper in a supplementary pack saying why it is late (s100B(4)(b) Local Government Act 1972)",
				latestIssue(p.Meeting.Date, need).Format("Monday 2 January 2006"))
	}
	return diags
}

// ClearDays counts the weekdays strictly between issued and meeting.
func ClearDays(issued, meeting time.Time) int {
	n := 0
	for d := issued.AddDate(0, 0, 1); d.Before(meeting); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			n++
		}
	}
	return n
}

// latestIssue is the last date papers can be issued with need clear days.
func latestIssue(meeting time.Time, need int) time.Time {
	d := meeting.AddDate(0, 0, -1)
	for ClearDays(d, meeting) < need {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

func title(nation string) string {
	if nation == "wales" {
		return "Wales"
	}
	return "England"
}
