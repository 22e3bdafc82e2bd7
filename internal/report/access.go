package report

import (
	"strconv"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
)

// Exemption marks an agenda item or appendix as exempt information under
// Schedule 12A to the Local Government Act 1972: it goes to members only,
// never into a public output.
type Exemption struct {
	Paragraph     int    // the Schedule 12A paragraph, e.g. 3 (England) or 14 (Wales)
	Ground        string // what the paragraph covers: "information relating to the financial or business affairs of any particular person"
	PublicTitle   string // the title the public agenda may show
	PublicSummary string // optional: what the public may be told about it
	Pos           diag.Pos
}

// Statement is the sentence public outputs print in place of exempt
// content: "Not for publication by virtue of paragraph 3 of Part 1 of
// Schedule 12A to the Local Government Act 1972."
func (e *Exemption) Statement() string {
	return "Not for publication by virtue of paragraph " + strconv.Itoa(e.Paragraph) +
		" of Part 1 of Schedule 12A to the Local Government Act 1972."
}

// Ground is one paragraph of Schedule 12A as the pack lists it.
type Ground struct {
	Paragraph   int
	Description string
}

// Late marks an item issued after the rest of the pack: it goes in a
// supplementary pack, keeps its agenda number and says why it is late.
type Late struct {
	Reason string    // why it could not be issued with the pack
	Urgent bool      // the Chair agreed it is urgent: s100B(4)(b) LGA 1972
	Issued time.Time // its own date of issue; zero when not given
	Pos    diag.Pos
}

// Revision marks an item that replaces an earlier version of its paper.
type Revision struct {
	Replaces string // what it replaces: "the version issued on 8 April 2013"
	Reason   string // what changed and why
	Pos      diag.Pos
}
