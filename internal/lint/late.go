package lint

import (
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// LateReasons warns about a late or revised item that does not say why:
// the law asks a late paper to give the reason it could not go out with
// the pack, and readers of a revised paper need to know what changed.
func LateReasons(it *report.Item) diag.List {
	var diags diag.List
	if l := it.Late; l != nil && strings.TrimSpace(l.Reason) == "" {
		diags.Warnf(posOr(l.Pos, it.Pos), "the late item %q does not say why it is late", it.Title).
			WithHint("give the reason it could not be issued with the pack (s100B(4)(b) Local Government Act 1972)")
	}
	if r := it.Revision; r != nil && strings.TrimSpace(r.Reason) == "" {
		diags.Warnf(posOr(r.Pos, it.Pos), "the revised item %q does not say what changed", it.Title).
			WithHint("say what changed and why, so that readers of the earlier version know what to look at")
	}
	return diags
}

func posOr(p, fallback diag.Pos) diag.Pos {
	if p.IsZero() {
		return fallback
	}
	return p
}
