package scale

import "github.com/reportpack/reportpack/internal/report"

// Names of the built-in scales, as a pack or a table's scale key names them.
const (
	RAG                = "rag"
	BRAG               = "brag"
	OfstedSocialCare12 = "ofsted-social-care-2012"
	OfstedSocialCare13 = "ofsted-social-care-2013"
	OfstedSchools12    = "ofsted-schools-2012"
	CQC                = "cqc"
	OfstedReportCard25 = "ofsted-report-card-2025"
)

// Action-plan meanings for the RAG key; a pack states its own where its
// rules differ (meanings are local).
const (
	meaningBlue  = "Complete: the action has been delivered"
	meaningGreen = "On track: progressing to plan or complete"
	meaningAmber = "Some slippage: progress made but behind plan or at risk"
	meaningRed   = "Off track: significant slippage or not started"
)

func ragLevels() []report.ScaleLevel {
	return []report.ScaleLevel{
		{Word: "Green", Aliases: []string{"G"}, Class: "green", Meaning: meaningGreen},
		{Word: "Amber", Aliases: []string{"A"}, Class: "amber", Meaning: meaningAmber},
		{Word: "Red", Aliases: []string{"R"}, Class: "red", Meaning: meaningRed},
	}
}

func bragLevels() []report.ScaleLevel {
	blue := report.ScaleLevel{Word: "Blue", Aliases: []string{"B", "Complete", "Completed"}, Class: "blue", Meaning: meaningBlue}
	return append([]report.ScaleLevel{blue}, ragLevels()...)
}

// fourPoint builds an inspectorate's four-point scale with the given third
// level.
func fourPoint(third string, thirdAliases []string) []report.ScaleLevel {
	return []report.ScaleLevel{
		{Word: "Outstanding", Class: "outstanding", Meaning: "Exceptional quality that significantly exceeds requirements"},
		{Word: "Good", Class: "good", Meaning: "High quality that exceeds requirements"},
		{Word: third, Aliases: thirdAliases, Class: thirdClass(third), Meaning: thirdMeaning(third)},
		{Word: "Inadequate", Class: "inadequate", Meaning: "Does not meet requirements"},
	}
}

func thirdClass(third string) string {
	if third == "Adequate" {
		return "adequate"
	}
	return "requires-improvement"
}

func thirdMeaning(third string) string {
	if third == "Adequate" {
		return "Only meets minimum requirements"
	}
	return "Not yet good; improvement is required"
}

// BuiltIn returns the built-in scales, each best level first.
func BuiltIn() []report.Scale {
	return []report.Scale{
		{Name: RAG, Title: "red, amber and green (RAG) rating scale", Levels: ragLevels()},
		{Name: BRAG, Title: "blue, red, amber and green (BRAG) rating scale", Levels: bragLevels()},
		{Name: OfstedSocialCare12, Title: "Ofsted children's social care scale in use before November 2013",
			Levels: fourPoint("Adequate", nil)},
		{Name: OfstedSocialCare13, Title: "Ofsted children's social care scale in use from November 2013",
			Levels: fourPoint("Requires improvement to be good", []string{"Requires improvement", "RI", "RIG"})},
		{Name: OfstedSchools12, Title: "Ofsted schools scale in use from September 2012",
			Levels: fourPoint("Requires improvement", []string{"RI"})},
		{Name: CQC, Title: "Care Quality Commission rating scale",
			Levels: fourPoint("Requires improvement", []string{"RI"})},
		{Name: OfstedReportCard25, Title: "Ofsted report card scale in use from November 2025", Levels: reportCard()},
	}
}

func reportCard() []report.ScaleLevel {
	return []report.ScaleLevel{
		{Word: "Exceptional", Class: "exceptional", Meaning: "The very highest quality, found in few providers"},
		{Word: "Strong standard", Aliases: []string{"Strong"}, Class: "strong", Meaning: "Above the expected standard"},
		{Word: "Expected standard", Aliases: []string{"Expected"}, Class: "expected", Meaning: "Meets the expected standard"},
		{Word: "Needs attention", Class: "needs-attention", Meaning: "Below the expected standard in some respects"},
		{Word: "Urgent improvement", Class: "urgent-improvement", Meaning: "Well below the expected standard; urgent action needed"},
	}
}
