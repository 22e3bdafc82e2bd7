package post

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// Pieces of page content that random pages are made of: every operator
// class, strings with parentheses and escapes, hex strings, dictionaries,
// comments, inline images, brackets and braces, nested q … Q.
var contentPieces = []string{
	"q", "Q", "BT", "ET", "(a)", `(x\) ET \(y)`, "(nested (ET) Q)", "<4554>", "<< /A (b>>) /B <</C 1>> >>",
	"/F1", "12", "-1.5", ".5", "+3", "9.00", "Tf", "Tc", "Tj", "TJ", "[", "]", "'", `"`, "Td", "Tm",
	"m", "l", "c", "re", "h", "W", "W*", "n", "S", "f*", "B", "Do", "sh", "BI /W 1 /H 1 ID \x00ET\xff EI",
	"% a comment ET Q\n", "true", "null", "{", "}", "BDC", "EMC", "/Span", "g", "rg", "cm", "0.043",
}

// randomContent joins n random pieces with random white space (or none,
// which runs tokens together).
func randomContent(r *rand.Rand, n int) []byte {
	seps := []string{" ", "\n", "\r\n", "\t", ""}
	var b strings.Builder
	for range n {
		b.WriteString(contentPieces[r.IntN(len(contentPieces))])
		b.WriteString(seps[r.IntN(len(seps))])
	}
	return []byte(b.String())
}

// joiningClaims claims two texts of every three and joins lines where
// allowed, as a page's structure does; fresh state for each call.
func joiningClaims() markFunc {
	mcid := -1
	return func(k int, joinable bool) (textMark, bool) {
		if k%3 == 0 {
			return textMark{}, false
		}
		if !joinable || k%5 == 0 {
			mcid++
		}
		return textMark{tag: "P", mcid: mcid}, true
	}
}

// sameMarking checks that markContent marks content as the reference
// scanner does: the same bytes and texts, or an error from both. Content
// the reference panics on (a stray ')') must give an error.
func sameMarking(t *testing.T, content []byte) {
	t.Helper()
	want, wantN, wantErr, panicked := func() (out []byte, n int, err error, panicked bool) {
		defer func() { panicked = recover() != nil }()
		out, n, err = refMarkContent(content, joiningClaims())
		return out, n, err, false
	}()
	got, gotN, gotErr := markContent(content, joiningClaims())
	switch {
	case panicked:
		if gotErr == nil {
			t.Errorf("%q: the reference panics, markContent gives no error", content)
		}
	case (gotErr != nil) != (wantErr != nil):
		t.Errorf("%q: error %v, the reference's %v", content, gotErr, wantErr)
	case !bytes.Equal(got, want) || gotN != wantN:
		t.Errorf("%q:\ngot  %q (%d texts)\nwant %q (%d texts)", content, got, gotN, want, wantN)
	}
}

// sameWithNewline checks that a newline after content changes its
// marking only by that newline: markPages marks a page's one stream
// without the newline pageContent joins after it, and adds it after.
func sameWithNewline(t *testing.T, content []byte) {
	t.Helper()
	want, wantN, wantErr := markContent(append(content[:len(content):len(content)], '\n'), joiningClaims())
	got, gotN, gotErr := markContent(content, joiningClaims())
	switch {
	case (gotErr != nil) != (wantErr != nil):
		t.Errorf("%q: error %v, with a newline %v", content, gotErr, wantErr)
	case gotErr == nil && (string(got)+"\n" != string(want) || gotN != wantN):
		t.Errorf("%q:\nmarked      %q (%d texts)\nwith a newline %q (%d texts)", content, got, gotN, want, wantN)
	}
}

// Issue 10: the fast scanner finds the units the token-by-token one did,
// on random pages of odd content and on the benchmark's page.
func TestMarkContentMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		content := randomContent(r, 1+r.IntN(40))
		sameMarking(t, content)
		sameWithNewline(t, content)
	}
	for _, c := range []string{"", " % only a comment", "BT (a) Tj ET)", "q q BT (a) Tj ET Q BT (b) Tj ET Q Q",
		"BT\r(a)Tj\rET%c\rq 0 0 m 1 1 l S Q", "/Name/Other BT[(a)-3(b)]TJ ET", "BT (a) ' (b) \" ET {BT (c) Tj ET}"} {
		sameMarking(t, []byte(c))
	}
	sameMarking(t, benchPage())
}

// FuzzMarkContent compares the fast scanner with the reference on any
// content.
func FuzzMarkContent(f *testing.F) {
	for _, s := range contentPieces {
		f.Add([]byte(s))
	}
	f.Add([]byte("q 0 g BT 1 2 Td (a) Tj ET Q BT /F1 9 Tf ET BT /F1 9 Tf ET 0 0 m 1 1 l S"))
	f.Fuzz(func(t *testing.T, content []byte) {
		sameMarking(t, content)
		sameWithNewline(t, content)
	})
}
