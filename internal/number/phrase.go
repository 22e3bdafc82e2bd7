package number

import (
	"strconv"
	"strings"

	"github.com/reportpack/reportpack/internal/report"
)

// Phrase prints references to targets of one kind the way council reports
// do: "paragraph 3.2.5", "section 2", "appendix 3"; two targets as
// "appendix 1 and 2" (the seed's house style); three or more in sequence as
// "appendices 1 to 3", otherwise "appendices 1, 2 and 4". With bare set only
// the numbers print.
func Phrase(targets []report.Target, bare bool) string {
	nums := make([]string, len(targets))
	for i, t := range targets {
		nums[i] = t.Number
	}
	list := numberList(nums)
	if bare {
		return list
	}
	return kindNoun(targets[0].Kind, len(targets) > 2) + " " + list
}

func numberList(nums []string) string {
	switch {
	case len(nums) == 1:
		return nums[0]
	case len(nums) == 2:
		return nums[0] + " and " + nums[1]
	case consecutive(nums):
		return nums[0] + " to " + nums[len(nums)-1]
	}
	return strings.Join(nums[:len(nums)-1], ", ") + " and " + nums[len(nums)-1]
}

func kindNoun(k report.RefKind, plural bool) string {
	nouns := map[report.RefKind][2]string{
		report.RefParagraph: {"paragraph", "paragraphs"},
		report.RefSection:   {"section", "sections"},
		report.RefAppendix:  {"appendix", "appendices"},
		report.RefTable:     {"table", "tables"},
	}
	if plural {
		return nouns[k][1]
	}
	return nouns[k][0]
}

// consecutive reports whether each number follows the one before: 3.2.5,
// 3.2.6, 3.2.7 or A, B, C.
func consecutive(nums []string) bool {
	for i := 1; i < len(nums); i++ {
		if successor(nums[i-1]) != nums[i] {
			return false
		}
	}
	return true
}

// successor returns the number after n: "3.2.6" after "3.2.5", "B" after "A",
// "AA" after "Z"; "" when n is neither.
func successor(n string) string {
	prefix, last := "", n
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		prefix, last = n[:i+1], n[i+1:]
	}
	if v, err := strconv.Atoi(last); err == nil {
		return prefix + strconv.Itoa(v+1)
	}
	return prefix + nextLetters(last)
}

// nextLetters increments a spreadsheet-style letter number.
func nextLetters(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 'A' || b[i] > 'Z' {
			return ""
		}
		if b[i] < 'Z' {
			b[i]++
			return string(b)
		}
		b[i] = 'A'
	}
	return "A" + string(b)
}
