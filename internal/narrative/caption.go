package narrative

import (
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// captionPrefix starts a paragraph that captions the pipe table just
// before or after it, as in pandoc: "Table: Budget by service".
const captionPrefix = "Table:"

// captionTables moves "Table: …" paragraphs next to pipe tables into the
// tables' captions, and warns about pipe tables left without one: a screen
// reader announces a table by its caption.
func captionTables(blocks []report.Block, diags *diag.List) []report.Block {
	out := make([]report.Block, 0, len(blocks))
	for i := 0; i < len(blocks); i++ {
		t, ok := blocks[i].(*report.Table)
		if !ok || t.Kind != report.PlainTable || t.Spec != nil {
			out = append(out, blocks[i])
			continue
		}
		if text, ok := captionText(out, len(out)-1); ok {
			t.Caption, out = text, out[:len(out)-1]
		} else if text, ok := captionText(blocks, i+1); ok {
			t.Caption = text
			i++
		}
		if t.Caption == "" {
			diags.Warnf(t.Pos, "this table has no caption").
				WithHint("add a line \"Table: what the table shows\" just above it, so screen readers can announce it")
		}
		out = append(out, t)
	}
	return out
}

// captionText returns the caption held by blocks[i] if it is a "Table: …"
// paragraph.
func captionText(blocks []report.Block, i int) (string, bool) {
	if i < 0 || i >= len(blocks) {
		return "", false
	}
	p, ok := blocks[i].(*report.Paragraph)
	if !ok {
		return "", false
	}
	text := strings.TrimSpace(report.PlainText(p.Content))
	if !strings.HasPrefix(text, captionPrefix) {
		return "", false
	}
	return strings.TrimSpace(strings.TrimPrefix(text, captionPrefix)), true
}
