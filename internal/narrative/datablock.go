package narrative

import (
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
	"github.com/reportpack/reportpack/internal/tomlfile"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// blockKinds maps a fenced block's info string to the table it asks for.
var blockKinds = map[string]report.TableKind{
	"rag-table":       report.RAGTable,
	"judgement-table": report.JudgementTable,
	"lookup-table":    report.LookupTable,
	"action-plan":     report.ActionPlanTable,
}

// tableBlock is the TOML inside a data block. Unknown keys are errors.
type tableBlock struct {
	Label   string     `toml:"label"`
	Caption string     `toml:"caption"`
	Source  string     `toml:"source"`
	Filter  string     `toml:"filter"`
	Group   []string   `toml:"group"`
	Show    []string   `toml:"show"`
	Scale   string     `toml:"scale"`
	Overall string     `toml:"overall"`
	Headers []string   `toml:"headers"`
	Rows    [][]string `toml:"rows"`
	Columns int        `toml:"columns"`
	Sheet   string     `toml:"sheet"`
}

// fenced converts a fenced block: a data table when its info string names
// one, otherwise its lines as a plain paragraph.
func (c *converter) fenced(n *ast.FencedCodeBlock, pos diag.Pos) report.Block {
	info := ""
	if n.Info != nil {
		info = strings.ToLower(strings.TrimSpace(string(n.Info.Segment.Value(c.src))))
	}
	if kind, ok := blockKinds[info]; ok {
		return c.dataTable(n, kind, pos)
	}
	if looksLikeBlockKind(info) {
		c.diags.Errorf(pos, "%q is not a kind of block reportpack knows", info).
			WithHint("use one of: %s", strings.Join(blockNames(), ", "))
		return nil
	}
	c.diags.Warnf(pos, "a ``` block that is not a data table is shown as plain text").
		WithHint("data tables start with ```rag-table, ```judgement-table, ```lookup-table or ```action-plan")
	return c.plainLines(n, pos)
}

// looksLikeBlockKind reports whether info is probably a misspelt data block
// kind, which is an error rather than text shown as typed.
func looksLikeBlockKind(info string) bool {
	if strings.Contains(info, "table") || strings.Contains(info, "plan") {
		return true
	}
	for name := range blockKinds {
		if diag.Distance(info, name) <= 3 {
			return true
		}
	}
	return false
}

func blockNames() []string {
	var names []string
	for k := range blockKinds {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// plainLines keeps a block's lines as one un-styled paragraph with line breaks.
func (c *converter) plainLines(n ast.Node, pos diag.Pos) report.Block {
	var content []report.Inline
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			content = append(content, report.Inline{Kind: report.LineBreak, Pos: c.pos(seg.Start)})
		}
		content = append(content, report.Inline{Kind: report.TextRun, Text: strings.TrimRight(string(seg.Value(c.src)), "\n"), Pos: c.pos(seg.Start)})
	}
	content = merge(content)
	if len(content) == 0 {
		return nil
	}
	return &report.Paragraph{Content: content, Pos: pos}
}

// dataTable decodes the TOML inside a data block strictly.
func (c *converter) dataTable(n *ast.FencedCodeBlock, kind report.TableKind, pos diag.Pos) report.Block {
	firstLine := pos.Line + 1
	if n.Lines().Len() > 0 {
		firstLine = c.pos(n.Lines().At(0).Start).Line
	}
	var tb tableBlock
	decodeDiags := tomlfile.Decode(c.file, linesText(n, c.src), firstLine, &tb)
	c.diags.Append(decodeDiags)
	spec := &report.TableSpec{
		Kind: kind, Source: tb.Source, Filter: tb.Filter, GroupBy: tb.Group, Show: tb.Show,
		Scale: tb.Scale, Overall: tb.Overall, Headers: tb.Headers, Data: tb.Rows,
		Columns: tb.Columns, Sheet: tb.Sheet, Pos: pos,
	}
	spec.RowPos = rowPositions(n.Lines(), c, len(tb.Rows))
	if !decodeDiags.HasErrors() {
		c.checkSpec(tb, kind, pos)
	}
	if tb.Label != "" && !labelRE.MatchString(tb.Label) {
		c.diags.Errorf(pos, "the label %q has characters that cannot be used in a label", tb.Label).
			WithHint("use letters, digits and hyphens: label = \"inspection-grades\"")
	}
	return &report.Table{Kind: kind, Label: tb.Label, Caption: tb.Caption, Spec: spec, Pos: pos}
}

// checkSpec reports the keys each kind of block needs.
func (c *converter) checkSpec(tb tableBlock, kind report.TableKind, pos diag.Pos) {
	need := func(ok bool, key, example string) {
		if !ok {
			c.diags.Errorf(pos, "this %s block needs %s", kindName(kind), key).WithHint("add %s", example)
		}
	}
	switch kind {
	case report.RAGTable, report.ActionPlanTable:
		need(tb.Source != "", "a source (the action plan appendix's id)", `source = "plan"`)
	case report.JudgementTable:
		need(tb.Scale != "", "a scale naming the judgement framework", `scale = "ofsted-social-care-2012"`)
		need(len(tb.Rows) > 0, "rows of judgements", `rows = [["Overall effectiveness", "Good"]]`)
	case report.LookupTable:
		need(len(tb.Rows) > 0 || tb.Source != "", "rows, or a source workbook and sheet",
			`rows = [["A", "Quality of assessment and planning"]], or source = "plan" and sheet = "Themes"`)
	}
	if tb.Columns < 0 {
		c.diags.Errorf(pos, "columns must be 1 or more").WithHint("write columns = 2")
	}
}

func kindName(kind report.TableKind) string {
	for name, k := range blockKinds {
		if k == kind {
			return name
		}
	}
	return "table"
}

// rowPositions finds the line of each inner array of the rows key, so that
// a bad value is reported on its own line. It returns nil unless it finds
// exactly want rows.
func rowPositions(lines *text.Segments, c *converter, want int) []diag.Pos {
	var out []diag.Pos
	inRows, depth := false, 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := string(seg.Value(c.src))
		if !inRows {
			key, rest, ok := strings.Cut(line, "=")
			if !ok || strings.TrimSpace(key) != "rows" {
				continue
			}
			inRows, line = true, rest
			seg = seg.WithStart(seg.Stop - len(rest))
		}
		depth = scanBrackets(line, depth, func(col int) { out = append(out, c.pos(seg.Start+col)) })
		if depth <= 0 && strings.Contains(line, "]") {
			break
		}
	}
	if len(out) != want {
		return nil
	}
	return out
}

// scanBrackets tracks square-bracket depth through line, outside quoted
// strings, calling open with the byte column of each array at depth two.
func scanBrackets(line string, depth int, open func(col int)) int {
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case quote != 0:
			if ch == '\\' && quote == '"' {
				i++
			} else if ch == quote {
				quote = 0
			}
		case ch == '"' || ch == '\'':
			quote = ch
		case ch == '#':
			return depth
		case ch == '[':
			depth++
			if depth == 2 {
				open(i)
			}
		case ch == ']':
			depth--
		}
	}
	return depth
}
