package html

import (
	"fmt"

	"github.com/reportpack/reportpack/internal/report"
)

func Example_longDate() {
	fmt.Println(longDate(date(2013, 3, 12)))
	// Output: Tuesday 12 March 2013
}

func Example_shortDate() {
	fmt.Println(shortDate(date(2013, 3, 4)))
	// Output: 4 March 2013
}

func Example_pageRange() {
	fmt.Println(pageRange(report.PageRange{First: 5, Last: 12}))
	fmt.Println(pageRange(report.PageRange{First: 7, Last: 7}))
	fmt.Printf("%q\n", pageRange(report.PageRange{}))
	// Output:
	// Pages 5–12
	// Page 7
	// ""
}

func Example_href() {
	for _, link := range []string{
		"https://www.ofsted.gov.uk/reports",
		"#para-3-2-5",
		"mailto:meg.boustead@sunderland.gov.uk",
		"tel:0191 561 2356",
		"javascript:alert(1)",
		" https://example.org",
		"report.pdf",
	} {
		fmt.Printf("%q\n", href(link))
	}
	// Output:
	// "https://www.ofsted.gov.uk/reports"
	// "#para-3-2-5"
	// "mailto:meg.boustead@sunderland.gov.uk"
	// "tel:01915612356"
	// ""
	// ""
	// ""
}

func Example_anchorURL() {
	fmt.Printf("%q %q\n", anchorURL("appendix-3"), anchorURL(`x"><b>`))
	// Output: "#appendix-3" ""
}

func Example_fileURL() {
	fmt.Printf("%q %q\n", fileURL("item-5-ofsted.pdf"), fileURL("../secret.pdf"))
	// Output: "item-5-ofsted.pdf" ""
}

func Example_tel() {
	fmt.Println(tel("0191 561 2356"))
	fmt.Println(tel("+44 (0)191 561 2356"))
	fmt.Printf("%q\n", tel("ask at reception"))
	// Output:
	// tel:01915612356
	// tel:+441915612356
	// ""
}

func Example_mailto() {
	fmt.Printf("%q %q\n", mailto("meg.boustead@sunderland.gov.uk"), mailto("not an address"))
	// Output: "mailto:meg.boustead@sunderland.gov.uk" ""
}

func Example_reportOf() {
	fmt.Println(reportOf("Chief Executive/Director of Children's Services"))
	fmt.Println(reportOf("the Director of Finance"))
	fmt.Println(reportOf("Report of the Monitoring Officer"))
	// Output:
	// Report of the Chief Executive/Director of Children's Services
	// Report of the Director of Finance
	// Report of the Monitoring Officer
}

func Example_andList() {
	fmt.Println(andList([]string{"All"}))
	fmt.Println(andList([]string{"Hendon", "Millfield", "St Michael's"}))
	// Output:
	// All
	// Hendon, Millfield and St Michael's
}

func Example_yesNo() {
	yes := true
	fmt.Printf("%q %q\n", yesNo(&yes), yesNo(nil))
	// Output: "Yes" ""
}

func Example_statusClass() {
	fmt.Println(statusClass(&report.Status{Word: "Amber", Class: "amber"}))
	fmt.Println(statusClass(&report.Status{Word: "Odd", Class: `x" onclick="`}))
	// Output:
	// status status-amber
	// status
}

func Example_sectionNumber() {
	fmt.Println(sectionNumber(report.Number{2}), sectionNumber(report.Number{2, 1}))
	// Output: 2. 2.1
}

func Example_bold() {
	fmt.Println(bold(report.Inline{Style: report.Bold | report.Italic}), bold(report.Inline{}))
	// Output: true false
}

func Example_italic() {
	fmt.Println(italic(report.Inline{Style: report.Italic}), italic(report.Inline{Style: report.Bold}))
	// Output: true false
}

func Example_isBreak() {
	fmt.Println(isBreak(report.Inline{Kind: report.LineBreak}), isBreak(report.Inline{Kind: report.TextRun}))
	// Output: true false
}

func Example_plain() {
	fmt.Println(funcs()["plain"].(func([]report.Inline) string)([]report.Inline{
		{Text: "appendix 1 and 2", Style: report.Bold}, {Kind: report.LineBreak}, {Text: "respectively"},
	}))
	// Output: appendix 1 and 2 respectively
}

func Example_textParts() {
	in := report.Inline{Text: "Agreed with CAMHS and the IROs.", Abbrs: []report.Abbr{
		{Start: 12, End: 17, Title: "Child and Adolescent Mental Health Services"},
		{Start: 26, End: 30, Title: "Independent Reviewing Officers"},
	}}
	for _, p := range textParts(in) {
		fmt.Printf("%q %q\n", p.Text, p.Title)
	}
	fmt.Println(len(textParts(report.Inline{Text: "Plain"})))
	// Output:
	// "Agreed with " ""
	// "CAMHS" "Child and Adolescent Mental Health Services"
	// " and the " ""
	// "IROs" "Independent Reviewing Officers"
	// "." ""
	// 1
}
