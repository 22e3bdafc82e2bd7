package report

import (
	"time"

	"github.com/reportpack/reportpack/internal/diag"
)

// ActionPlan is an action plan read from a workbook sheet: one Action a row.
type ActionPlan struct {
	Workbook string            // file name relative to the pack
	Sheet    string            // sheet the rows came from
	AsAt     time.Time         // date the ratings are as at; zero if not stated
	Scale    string            // scale name for the ratings: "rag" or "brag"
	Columns  []string          // canonical keys of the columns found, in sheet order
	Titles   map[string]string // canonical key -> header text as written
	Actions  []Action
	Previous *ActionPlan // the previous update, for direction of travel; nil if none
	// Themes holds the codes and titles of the workbook's optional "Themes"
	// sheet (improvement themes A to H); plan references are checked against
	// them. Empty when the workbook has no such sheet.
	Themes []Lookup
	// Removed lists the previous update's rows that are no longer in this
	// plan, matched by reference; filled by rag with the direction of travel.
	Removed []Action
}

// Lookup is one code and its meaning, such as an improvement theme
// ("A", "Quality of assessment and planning").
type Lookup struct {
	Code  string
	Title string
	Pos   diag.Pos
}

// Action is one row of an action plan.
type Action struct {
	Ref       string   // as printed: "A1 & A2"
	Refs      []string // split: ["A1", "A2"]
	Area      string   // the area for improvement
	Group     string   // e.g. "Safeguarding services"
	Timescale string   // e.g. "Within 3 months"
	Theme     string   // theme code, e.g. "A"
	Rating    *Status  // nil when not yet rated
	Progress  []string // lines of the progress summary
	Owner     string
	Target    string            // target date as text, normalised to "2 January 2013" where a date
	Formal    bool              // a formal area for improvement
	Extra     map[string]string // other columns asked for, by canonical key
	Trend     *Trend            // change since the previous update; nil without one
	Pos       diag.Pos          // the row (cell of its first column)
}

// Trend is the direction of travel of one action since the previous update.
type Trend struct {
	Direction int    // +1 improved, 0 same, -1 worsened
	New       bool   // not in the previous update
	Previous  string // previous rating word
}
