package packgen

import (
	"math/rand/v2"
	"strings"
)

// Word lists for the sentences of generated reports: council prose, so that
// line breaks, hyphenation-free wrapping and font use are like real packs.
var (
	subjects = []string{
		"The service", "The council", "The partnership board", "The safeguarding team",
		"Senior managers", "The quality assurance group", "Frontline practitioners",
		"The commissioning unit", "The early help service", "Partner agencies",
		"The independent reviewing team", "The performance team", "Elected members",
	}
	verbs = []string{
		"has reviewed", "continues to strengthen", "has agreed", "will monitor",
		"has introduced", "is developing", "has improved", "reports quarterly on",
		"has commissioned", "is consulting on", "has completed", "will evaluate",
	}
	objects = []string{
		"the quality of assessments and plans", "the timeliness of initial contacts",
		"the recruitment and retention strategy", "the case file audit programme",
		"the multi-agency training offer", "the performance management framework",
		"placement stability for looked after children", "the use of management information",
		"support for care leavers", "the voice of the child in planning",
		"the accommodation strategy", "arrangements for private fostering",
		"the early help assessment", "the workforce development plan",
	}
	tails = []string{
		"in line with the national minimum standards", "across every locality team",
		"with the support of partner agencies", "within the agreed timescales",
		"as set out in the improvement plan", "following feedback from inspectors",
		"so that outcomes for children continue to improve", "at a reduced cost to the council",
		"and reports to this Committee twice a year", "using the revised audit tool",
	}
	titles = []string{
		"Children's social care performance", "Adult social care market position",
		"Highways maintenance programme", "Housing allocations policy review",
		"Libraries and customer services", "Waste and recycling performance",
		"Public health annual report", "School place planning", "Youth justice plan",
		"Corporate parenting annual report", "Medium term financial plan",
		"Local plan consultation", "Climate emergency action plan",
		"Community safety partnership plan", "Leisure services contract",
	}
	officers = []string{
		"Alex Morgan", "Priya Shah", "Daniel Okoro", "Helen Marsh", "Sean Kelly",
		"Fatima Begum", "Gareth Price", "Lucy Chapman", "Tom Allen", "Grace Lewis",
	}
	services = []string{"Safeguarding services", "Services for looked after children", "Partnership working"}
	times    = []string{"Immediate", "Within 3 months", "Within 6 months"}
	ratings  = []string{"Green", "Green", "Green", "Amber", "Amber", "Red"}
	grades   = []string{"Good", "Good", "Good", "Outstanding", "Adequate"}
)

// text makes deterministic prose from one random source.
type text struct{ r *rand.Rand }

func newText(seed uint64) text { return text{rand.New(rand.NewPCG(seed, 0x7265706f7274))} }

func (t text) pick(list []string) string { return list[t.r.IntN(len(list))] }

// between returns a number from lo to hi inclusive.
func (t text) between(lo, hi int) int { return lo + t.r.IntN(hi-lo+1) }

// sentence is one sentence of council prose.
func (t text) sentence() string {
	s := t.pick(subjects) + " " + t.pick(verbs) + " " + t.pick(objects)
	if t.r.IntN(3) > 0 {
		s += " " + t.pick(tails)
	}
	return s + "."
}

// sentences joins n sentences.
func (t text) sentences(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = t.sentence()
	}
	return strings.Join(parts, " ")
}

// phrase is a short clause for list items and table cells.
func (t text) phrase() string {
	s := t.pick(objects)
	return strings.ToUpper(s[:1]) + s[1:]
}
