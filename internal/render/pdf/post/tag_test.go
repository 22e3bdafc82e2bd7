package post

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// Issue 10: painting units are found whatever their operands hold, and
// each is marked as claimed content or as an artefact.
func TestMarkContent(t *testing.T) {
	claimAll := func(k int, _ bool) (textMark, bool) { return textMark{tag: "P", mcid: k - 1}, true }
	claimNone := func(int, bool) (textMark, bool) { return textMark{}, false }
	// joinAll puts every text in one element, joining lines where allowed.
	joinAll := func() markFunc {
		n := -1
		return func(k int, joinable bool) (textMark, bool) {
			if !joinable {
				n++
			}
			return textMark{tag: "P", mcid: n}, true
		}
	}
	for _, c := range []struct {
		name, in, want string
		claim          markFunc
		texts          int
	}{
		{"font-only text objects paint nothing", "BT /F1 12 Tf ET", "BT /F1 12 Tf ET", claimAll, 0},
		// Issue 9: gofpdf repeats the font setting; only the last of a row counts.
		{"a repeated font-only text object is dropped", "BT /F1 12 Tf ET\nBT /F1 12 Tf ET\nBT /F1 12 Tf ET q BT (a) Tj ET Q",
			"BT /F1 12 Tf ET /P <</MCID 0>> BDC\nq BT (a) Tj ET Q\nEMC", claimAll, 1},
		{"font-only text objects that differ or are apart stay", "BT /F1 12 Tf ET BT /F2 12 Tf ET 0 g BT /F2 12 Tf ET",
			"BT /F1 12 Tf ET BT /F2 12 Tf ET 0 g BT /F2 12 Tf ET", claimAll, 0},
		{"a dropped font setting inside a run of lines", "BT (a) Tj ET BT /F1 9 Tf ET BT /F1 9 Tf ET BT (b) Tj ET",
			"/P <</MCID 0>> BDC\nBT (a) Tj ET BT /F1 9 Tf ET BT (b) Tj ET\nEMC", joinAll(), 2},
		{"coloured text is tagged with its q … Q", "q 0 g BT 1 2 Td (a) Tj ET Q",
			"/P <</MCID 0>> BDC\nq 0 g BT 1 2 Td (a) Tj ET Q\nEMC", claimAll, 1},
		{"a q … Q holding two units is left outside", "q 0 g BT (a) Tj ET BT (b) Tj ET Q",
			"q 0 g /P <</MCID 0>> BDC\nBT (a) Tj ET\nEMC /P <</MCID 1>> BDC\nBT (b) Tj ET\nEMC Q", claimAll, 2},
		{"lines of one element share a sequence", "q 0 g BT (a) Tj ET Q BT /F1 9 Tf ET q 0 g BT (b) Tj ET Q",
			"/P <</MCID 0>> BDC\nq 0 g BT (a) Tj ET Q BT /F1 9 Tf ET q 0 g BT (b) Tj ET Q\nEMC", joinAll(), 2},
		{"a sequence never spans an unbalanced Q", "q BT (a) Tj ET BT (z) Tj ET Q q 0 g BT (b) Tj ET Q",
			"q /P <</MCID 0>> BDC\nBT (a) Tj ET BT (z) Tj ET\nEMC Q /P <</MCID 1>> BDC\nq 0 g BT (b) Tj ET Q\nEMC", joinAll(), 3},
		{"neighbouring artefacts share a sequence", "q 0 g BT (a) Tj ET Q 0 0 m 1 1 l S",
			"/Artifact BMC\nq 0 g BT (a) Tj ET Q 0 0 m 1 1 l S\nEMC", claimNone, 1},
		{"a painted artefact ends a run of lines", "BT (a) Tj ET 0 0 m 1 1 l S BT (b) Tj ET",
			"/P <</MCID 0>> BDC\nBT (a) Tj ET\nEMC /Artifact BMC\n0 0 m 1 1 l S\nEMC /P <</MCID 1>> BDC\nBT (b) Tj ET\nEMC", joinAll(), 2},
		{"a q … Q before any unit holds none", "q 0 g Q BT (a) Tj ET", "q 0 g Q /P <</MCID 0>> BDC\nBT (a) Tj ET\nEMC", claimAll, 1},
		{"unclaimed text is an artefact", "BT (a) Tj ET", "/Artifact BMC\nBT (a) Tj ET\nEMC", claimNone, 1},
		{"strings may hold ET and parentheses", `BT (x\) ET \(y) Tj ET BT <4554> Tj ET`,
			"/P <</MCID 0>> BDC\nBT (x\\) ET \\(y) Tj ET\nEMC /P <</MCID 1>> BDC\nBT <4554> Tj ET\nEMC", claimAll, 2},
		{"paths are artefacts from their first operand", "0.5 w 0 0 m 10 10 l S",
			"0.5 w /Artifact BMC\n0 0 m 10 10 l S\nEMC", claimAll, 0},
		{"a clipping path is not painted", "0 0 10 10 re W n", "0 0 10 10 re W n", claimAll, 0},
		{"XObjects are artefacts", "q 1 0 0 1 0 0 cm /Im1 Do Q", "/Artifact BMC\nq 1 0 0 1 0 0 cm /Im1 Do Q\nEMC", claimAll, 0},
		{"inline images are skipped whole", "BI /W 1 /H 1 ID \x00ET\xff EI BT (a) Tj ET",
			"/Artifact BMC\nBI /W 1 /H 1 ID \x00ET\xff EI\nEMC /P <</MCID 0>> BDC\nBT (a) Tj ET\nEMC", claimAll, 1},
		{"existing marked content and dictionaries pass through", "/Span <</ActualText (ET)>> BDC BT (a) Tj ET EMC",
			"/Span <</ActualText (ET)>> BDC /P <</MCID 0>> BDC\nBT (a) Tj ET\nEMC EMC", claimAll, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, n, err := markContent([]byte(c.in), c.claim)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want || n != c.texts {
				t.Errorf("got %q (%d texts), want %q (%d)", got, n, c.want, c.texts)
			}
		})
	}
}

// Issue 10: unterminated strings and images are errors, not panics.
func TestMarkContentErrors(t *testing.T) {
	// A ')' outside a string made the scanner panic, or loop for ever in a dictionary.
	for _, in := range []string{"BT (a Tj ET", "BI /W 1 ID xx", "<< /A (b) BDC", "BT <41 Tj ET", "BT a) Tj ET", "<<)/B<</C/AA"} {
		if _, _, err := markContent([]byte(in), func(int, bool) (textMark, bool) { return textMark{}, false }); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// taggedFixture is the fixture with every link described and a structure
// tree: a heading, paragraphs with links, and the appendix as figures.
// Each layout page draws a running header (text 1), one line (text 2) and
// a footer (text 3); placeholder pages draw no line.
func taggedFixture(t *testing.T) (fixture, *Elem) {
	t.Helper()
	f := newFixture(t)
	f.links = append([]Link(nil), f.links...)
	for i := range f.links {
		f.links[i].Text = "link " + string(rune('1'+i))
	}
	link := func(p, n int) *Elem {
		return &Elem{Type: "Link", Kids: []Kid{{Page: p, Text: 2}, {Link: n}}}
	}
	fig := func(p int) *Elem {
		return &Elem{Type: "Figure", Alt: "Appendix 1, page", BBox: Rect{56, 56, 539, 785}, Kids: []Kid{{Page: p, Insert: true}}}
	}
	sect := &Elem{Type: "Sect", Kids: []Kid{
		{Elem: &Elem{Type: "H1", Kids: []Kid{{Page: 1, Text: 2}}}},
		{Elem: &Elem{Type: "P", Kids: []Kid{{Elem: link(2, 1)}}}},
		{Elem: &Elem{Type: "P", Kids: []Kid{{Elem: link(3, 2)}, {Elem: &Elem{Type: "Link", Kids: []Kid{{Link: 4}}}}}}},
		{Elem: fig(4)}, {Elem: fig(5)},
		{Elem: &Elem{Type: "P", Kids: []Kid{{Elem: link(6, 3)}}}},
	}}
	return f, &Elem{Type: "Document", Kids: []Kid{{Elem: sect}}}
}

// finishTagged runs FinishTagged on the tagged fixture.
func finishTagged(t *testing.T) []byte {
	t.Helper()
	f, tree := taggedFixture(t)
	out, err := FinishTagged(f.layout, f.doc, f.outline, f.links, f.inserts, tree)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkTagged fails the test for every tagging problem in pdf.
func checkTagged(t *testing.T, pdf []byte) {
	t.Helper()
	problems, err := CheckTagged(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// Issue 10: FinishTagged writes a valid, tagged, deterministic file whose
// text extracts as before.
func TestFinishTagged(t *testing.T) {
	out := finishTagged(t)
	checkTagged(t, out)
	qpdfCheck(t, out)
	readBack(t, out)
	if info := runTool(t, out, "pdfinfo"); !regexp.MustCompile(`Tagged:\s+yes`).MatchString(info) {
		t.Errorf("pdfinfo:\n%s", info)
	}
	if !bytes.Equal(out, finishTagged(t)) {
		t.Error("two tagged finishes differ")
	}
	f := newFixture(t)
	plain := f.finish(t)
	for p := 1; p <= 6; p++ {
		if a, b := pageText(t, out, p), pageText(t, plain, p); a != b {
			t.Errorf("page %d extracts %q tagged, %q untagged", p, a, b)
		}
	}
	st := runTool(t, out, "pdfinfo", "-struct-text")
	for _, want := range []string{"H1", `"Layout page 1"`, "Link", "Figure"} {
		if !strings.Contains(st, want) {
			t.Errorf("structure lacks %s:\n%s", want, st)
		}
	}
	if strings.Contains(st, `"Running header"`) || strings.Contains(st, "of 6") { // the appendix's own are its text
		t.Errorf("the pack's running header or footer is in the structure:\n%s", st)
	}
}

// Issue 10: a cut keeps the structure of its pages; a link whose
// annotation the cut drops becomes a Span.
func TestExtractKeepsTags(t *testing.T) {
	cut, err := Extract(finishTagged(t), 3, 5)
	if err != nil {
		t.Fatal(err)
	}
	checkTagged(t, cut)
	qpdfCheck(t, cut)
	st := runTool(t, cut, "pdfinfo", "-struct-text")
	for _, want := range []string{"Span", `"Layout page 3"`, "Figure", "Link"} {
		if !strings.Contains(st, want) {
			t.Errorf("cut's structure lacks %s:\n%s", want, st)
		}
	}
	for _, gone := range []string{"Layout page 1", "Layout page 6", "H1"} {
		if strings.Contains(st, gone) {
			t.Errorf("cut's structure still has %s:\n%s", gone, st)
		}
	}
}

// Issue 10: a tree that claims text a page does not show is an error.
func TestFinishTaggedErrors(t *testing.T) {
	f, _ := taggedFixture(t)
	for name, tree := range map[string]*Elem{
		"text beyond the page": {Type: "Document", Kids: []Kid{{Elem: &Elem{Type: "P", Kids: []Kid{{Page: 1, Text: 9}}}}}},
		"page beyond the file": {Type: "Document", Kids: []Kid{{Elem: &Elem{Type: "P", Kids: []Kid{{Page: 7, Text: 1}}}}}},
		"text claimed twice":   {Type: "Document", Kids: []Kid{{Page: 1, Text: 1}, {Page: 1, Text: 1}}},
		"text numbered from 0": {Type: "Document", Kids: []Kid{{Page: 1, Text: 0}}},
		"text beyond any page": {Type: "Document", Kids: []Kid{{Page: 1, Text: maxTexts + 1}}},
		"missing link":         {Type: "Document", Kids: []Kid{{Link: 9}}},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := FinishTagged(f.layout, f.doc, nil, f.links, f.inserts, tree); err == nil {
				t.Error("no error")
			}
		})
	}
}

// Issue 9: cutting from the Source FinishSource returns gives the same
// bytes as cutting from the finished file read back.
func TestFinishSourceCutsAsOpen(t *testing.T) {
	f, tree := taggedFixture(t)
	pdf, src, err := FinishSource(f.layout, f.doc, f.outline, f.links, f.inserts, tree)
	if err != nil {
		t.Fatal(err)
	}
	opened, err := Open(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][2]int{{1, 6}, {3, 5}, {2, 2}, {4, 6}} {
		got, err1 := src.Extract(r[0], r[1])
		want, err2 := opened.Extract(r[0], r[1])
		if err1 != nil || err2 != nil {
			t.Fatalf("pages %d to %d: %v, %v", r[0], r[1], err1, err2)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("pages %d to %d: the cut from FinishSource differs from the cut of the file read back", r[0], r[1])
		}
	}
}
