package post

import (
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// textString encodes s as a PDF text string: a literal for printable ASCII,
// otherwise UTF-16BE with a byte order mark, written in hex.
func textString(s string) types.Object {
	if isPrintableASCII(s) {
		return types.StringLiteral(escapeLiteral(s))
	}
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return types.HexLiteral(strings.ToUpper(hex.EncodeToString(b)))
}

// isPrintableASCII reports whether s has only the characters 0x20 to 0x7E.
func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			return false
		}
	}
	return true
}

// escapeLiteral escapes the characters a literal string cannot hold as is.
func escapeLiteral(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(s)
}

// dateString formats t, in UTC, as a PDF date: D:20130301000000+00'00'.
func dateString(t time.Time) string {
	return t.UTC().Format("D:20060102150405") + "+00'00'"
}

// decodeText decodes a PDF text string read back from a file.
func decodeText(o types.Object) string {
	switch v := o.(type) {
	case types.StringLiteral:
		s, err := types.StringLiteralToString(v)
		if err != nil {
			return string(v)
		}
		return s
	case types.HexLiteral:
		s, err := types.HexLiteralToString(v)
		if err != nil {
			return string(v)
		}
		return s
	}
	return ""
}
