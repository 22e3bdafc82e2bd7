package post

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// CheckTagged checks a PDF against the rules of PDF/UA-1 that a generated
// committee pack can break, and returns one line per problem (none for a
// well-tagged file): the catalog marks the file tagged and sets the
// language and structure tab order; the viewer shows the title; every
// painting operator of every page is marked content, either an artefact
// or an MCID used once that the ParentTree ties to the element whose kids
// hold it, and marked content nests properly with q … Q; heading levels do not skip; tables have header cells with a
// scope; figures have alternate text; each link annotation belongs to a
// Link element and says what it is. Content inside form XObjects is not
// looked into.
func CheckTagged(pdf []byte) ([]string, error) {
	ctx, err := read(pdf, "the PDF")
	if err != nil {
		return nil, err
	}
	pi, err := indexPages(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the PDF: %w", err)
	}
	a := &audit{ctx: ctx, pi: pi, inTree: map[mcKey]bool{}, objrs: map[int]bool{}}
	root, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	a.catalog(root)
	if str := dictOf(ctx, root["StructTreeRoot"]); str != nil {
		a.parents = parentNums(ctx, str["ParentTree"])
		a.walk(str["K"], "StructTreeRoot", 0)
	}
	for p := 1; p <= ctx.PageCount; p++ {
		a.page(p)
	}
	return a.problems, nil
}

// audit collects problems while walking a file.
type audit struct {
	ctx      *model.Context
	pi       *pageIndex
	problems []string
	parents  map[int]types.Object // ParentTree entries
	inTree   map[mcKey]bool       // (page object number, MCID) held by an element
	objrs    map[int]bool         // annotation object numbers held by an element
	heading  int                  // level of the last heading
}

// addf records a problem.
func (a *audit) addf(format string, args ...any) {
	a.problems = append(a.problems, fmt.Sprintf(format, args...))
}

// catalog checks the document-level entries.
func (a *audit) catalog(root types.Dict) {
	if m := dictOf(a.ctx, root["MarkInfo"]); m == nil || m["Marked"] != types.Boolean(true) {
		a.addf("the catalog does not say the file is tagged (/MarkInfo /Marked true)")
	}
	if s := decodeText(deref(a.ctx, root["Lang"])); s == "" {
		a.addf("the document has no language (/Lang)")
	}
	if v := dictOf(a.ctx, root["ViewerPreferences"]); v == nil || v["DisplayDocTitle"] != types.Boolean(true) {
		a.addf("the viewer is not asked to show the title (/DisplayDocTitle)")
	}
	if a.ctx.Info == nil || decodeText(deref(a.ctx, dictOf(a.ctx, *a.ctx.Info)["Title"])) == "" {
		a.addf("the document has no title")
	}
	if dictOf(a.ctx, root["StructTreeRoot"]) == nil {
		a.addf("the document has no structure tree")
	}
}

// parentNums reads a ParentTree's entries.
func parentNums(ctx *model.Context, o types.Object) map[int]types.Object {
	nums := map[int]types.Object{}
	readNums(ctx, o, nums, 0)
	return nums
}

// walk checks the elements under k in order; parent is its type.
func (a *audit) walk(k types.Object, parent string, depth int) {
	if depth > 64 {
		a.addf("the structure tree is more than 64 levels deep")
		return
	}
	arr, ok := deref(a.ctx, k).(types.Array)
	if !ok {
		arr = types.Array{k}
	}
	for _, kid := range arr {
		if d := dictOf(a.ctx, kid); d != nil && d["Type"] != types.Name("MCR") && d["Type"] != types.Name("OBJR") {
			a.elem(d, parent, depth)
		}
	}
}

// elem checks one element and its kids.
func (a *audit) elem(d types.Dict, parent string, depth int) {
	s, _ := d["S"].(types.Name)
	typ := string(s)
	a.heading = checkHeading(a, typ, a.heading)
	switch typ {
	case "Figure":
		if decodeText(deref(a.ctx, d["Alt"])) == "" {
			a.addf("a Figure has no alternate text")
		}
	case "TH":
		if attr := dictOf(a.ctx, d["A"]); attr == nil || attr["Scope"] == nil {
			a.addf("a table header cell (TH) has no scope")
		}
	case "Table":
		if !a.has(d, "TH", 0) {
			a.addf("a table has no header cells (TH)")
		}
	case "TR", "LI":
		if want := map[string]string{"TR": "Table", "LI": "L"}[typ]; parent != want {
			a.addf("a %s is inside a %s, not a %s", typ, parent, want)
		}
	}
	if typ == "Link" && !a.has(d, "OBJR", 0) {
		a.addf("a Link element has no link annotation")
	}
	a.content(d)
	a.walk(d["K"], typ, depth+1)
}

// checkHeading returns the level of a heading element (or last when typ
// is not one), recording a skipped level.
func checkHeading(a *audit, typ string, last int) int {
	if len(typ) != 2 || typ[0] != 'H' || typ[1] < '1' || typ[1] > '6' {
		return last
	}
	lvl := int(typ[1] - '0')
	if lvl > last+1 {
		a.addf("heading %s follows H%d, skipping a level", typ, last)
	}
	return lvl
}

// has reports whether element d holds, at any depth, a kid of type typ
// (an element's /S, or MCR/OBJR).
func (a *audit) has(d types.Dict, typ string, depth int) bool {
	arr, ok := deref(a.ctx, d["K"]).(types.Array)
	if !ok {
		arr = types.Array{d["K"]}
	}
	for _, kid := range arr {
		k := dictOf(a.ctx, kid)
		if k == nil || depth > 64 {
			continue
		}
		if k["S"] == types.Name(typ) || k["Type"] == types.Name(typ) || a.has(k, typ, depth+1) {
			return true
		}
	}
	return false
}

// content records the marked content and annotations element d holds.
func (a *audit) content(d types.Dict) {
	arr, ok := deref(a.ctx, d["K"]).(types.Array)
	if !ok {
		arr = types.Array{d["K"]}
	}
	for _, kid := range arr {
		switch v := deref(a.ctx, kid).(type) {
		case types.Integer:
			a.inTree[mcKey{objNr(d["Pg"]), int(v)}] = true
		case types.Dict:
			if v["Type"] == types.Name("MCR") {
				mcid, _ := deref(a.ctx, v["MCID"]).(types.Integer)
				a.inTree[mcKey{objNr(v["Pg"]), int(mcid)}] = true
			}
			if v["Type"] == types.Name("OBJR") {
				a.objrs[objNr(v["Obj"])] = true
			}
		}
	}
}

// page checks page p's tab order, annotations and marked content.
func (a *audit) page(p int) {
	d, ir, _, err := a.pi.page(a.ctx, p)
	if err != nil {
		a.addf("page %d: %v", p, err)
		return
	}
	if d["Tabs"] != types.Name("S") {
		a.addf("page %d: the tab order does not follow the structure (/Tabs /S)", p)
	}
	a.annotations(p, d)
	content, err := pageContent(a.ctx, d["Contents"])
	if err != nil {
		a.addf("page %d: %v", p, err)
		return
	}
	key, hasKey := deref(a.ctx, d["StructParents"]).(types.Integer)
	var elems types.Array
	if hasKey {
		elems, _ = deref(a.ctx, a.parents[int(key)]).(types.Array)
	}
	for _, m := range a.marks(p, content) {
		switch {
		case m >= len(elems) || elems[m] == nil:
			a.addf("page %d: MCID %d has no element in the ParentTree", p, m)
		case !a.inTree[mcKey{ir.ObjectNumber.Value(), m}]:
			a.addf("page %d: MCID %d is not held by the element the ParentTree names", p, m)
		}
	}
}

// annotations checks that each link annotation is tagged and described.
func (a *audit) annotations(p int, d types.Dict) {
	annots, _ := deref(a.ctx, d["Annots"]).(types.Array)
	for _, o := range annots {
		an := dictOf(a.ctx, o)
		if an == nil || an["Subtype"] != types.Name("Link") {
			continue
		}
		if !a.objrs[objNr(o)] {
			a.addf("page %d: a link annotation is not in the structure tree", p)
		}
		if decodeText(deref(a.ctx, an["Contents"])) == "" {
			a.addf("page %d: a link annotation has no description (/Contents)", p)
		}
	}
}

// marks scans page content and returns its MCIDs in order, recording
// painting operators outside marked content and MCIDs used twice.
func (a *audit) marks(p int, content []byte) []int {
	ms := markScanner{lex: lexer{src: content}}
	if err := ms.scan(); err != nil {
		a.addf("page %d: %v", p, err)
	}
	if ms.unmarked > 0 {
		a.addf("page %d: %d painting operators are neither tagged nor artefacts", p, ms.unmarked)
	}
	if ms.crossed > 0 {
		a.addf("page %d: %d marked-content sequences or q … Q pairs cross each other", p, ms.crossed)
	}
	seen := map[int]bool{}
	for _, m := range ms.mcids {
		if seen[m] {
			a.addf("page %d: MCID %d is used twice", p, m)
		}
		seen[m] = true
	}
	return ms.mcids
}

// markScanner follows marked-content sequences through page content.
type markScanner struct {
	lex      lexer
	depth    int
	mcids    []int
	unmarked int
	inText   bool
	last     []byte // the token before the operator
	open     []byte // open q ('q') and marked content ('m'), innermost last
	crossed  int    // Q or EMC closing what it did not open
}

// scan reads the whole content.
func (ms *markScanner) scan() error {
	for {
		tok, _, err := ms.lex.next()
		if err != nil || tok == nil {
			return err
		}
		if !isOperator(tok) {
			ms.last = tok
			continue
		}
		if string(tok) == "BI" {
			if _, err := ms.lex.skipImage(); err != nil {
				return err
			}
		}
		ms.operator(string(tok))
	}
}

// operator follows one operator.
func (ms *markScanner) operator(op string) {
	switch {
	case op == "BMC":
		ms.depth++
		ms.open = append(ms.open, 'm')
	case op == "BDC":
		ms.depth++
		ms.open = append(ms.open, 'm')
		if m, ok := mcidOf(ms.last); ok {
			ms.mcids = append(ms.mcids, m)
		}
	case op == "EMC":
		ms.depth--
		ms.close('m')
	case op == "q":
		ms.open = append(ms.open, 'q')
	case op == "Q":
		ms.close('q')
	case op == "BT" || op == "ET":
		ms.inText = op == "BT"
	case (ms.inText && showOp(op)) || (!ms.inText && (paintOp(op) || op == "Do" || op == "sh" || op == "BI")):
		if ms.depth <= 0 {
			ms.unmarked++
		}
	}
}

// close closes the innermost open q or marked content, counting a
// crossing when it is not of kind c.
func (ms *markScanner) close(c byte) {
	n := len(ms.open)
	if n == 0 || ms.open[n-1] != c {
		ms.crossed++
	}
	if n > 0 {
		ms.open = ms.open[:n-1]
	}
}

// mcidOf reads /MCID n from a property list token.
func mcidOf(tok []byte) (int, bool) {
	s := string(tok)
	i := strings.Index(s, "/MCID")
	if i < 0 {
		return 0, false
	}
	f := strings.FieldsFunc(s[i+5:], func(r rune) bool { return r == ' ' || r == '>' || r == '/' || r == '\n' })
	if len(f) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(f[0])
	return n, err == nil
}
