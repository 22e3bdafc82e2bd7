package actionplan

import (
	"strings"

	"github.com/reportpack/reportpack/internal/scale"
)

// column is a canonical column of an action plan with the header texts
// that name it, the first being the one templates and hints print.
type column struct {
	key      string
	aliases  []string
	required bool
}

// columns are the canonical columns in template order.
var columns = []column{
	{"ref", []string{"Plan ref no", "Plan ref", "Ref", "Ref no", "Reference", "Action ref", "Action no"}, true},
	{"group", []string{"Service", "Group", "Service area"}, false},
	{"timescale", []string{"Timescale", "Timescales"}, false},
	{"theme", []string{"Theme", "Theme code"}, false},
	{"area", []string{"Formal area for improvement", "Area for improvement", "Area", "Action", "Recommendation"}, true},
	{"formal", []string{"Formal", "Formal area"}, false},
	{"rating", []string{"RAG rating", "RAG", "BRAG", "BRAG rating", "RAG status", "Rating", "Status"}, true},
	{"progress", []string{"Progress summary", "Progress", "Update", "Progress update"}, false},
	{"owner", []string{"Owner", "Lead", "Lead officer", "Responsible officer"}, false},
	{"target", []string{"Target date", "Target", "Due", "Due date", "Deadline"}, false},
}

// Keys returns the canonical column keys, in template order, for
// validating a pack's column aliases.
func Keys() []string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = c.key
	}
	return out
}

// headerScanRows is how far down the header row may be.
const headerScanRows = 20

// aliasIndex maps a folded header text to its canonical key.
func (o Options) aliasIndex() map[string]string {
	idx := map[string]string{}
	for _, c := range columns {
		for _, a := range o.Aliases[c.key] {
			idx[scale.Key(a)] = c.key
		}
	}
	for _, c := range columns {
		for _, a := range c.aliases {
			if _, taken := idx[scale.Key(a)]; !taken {
				idx[scale.Key(a)] = c.key
			}
		}
	}
	return idx
}

// findHeader returns the 0-based index of the row among the first 20 that
// names the most canonical columns (at least two), or -1.
func findHeader(g grid, idx map[string]string) int {
	best, bestN := -1, 1
	for r := 0; r < len(g) && r < headerScanRows; r++ {
		n := 0
		for _, v := range g[r] {
			if _, ok := idx[scale.Key(v)]; ok {
				n++
			}
		}
		if n > bestN {
			best, bestN = r, n
		}
	}
	return best
}

// expectedHeaders lists the headers a sheet should have, for hints.
func expectedHeaders() string {
	var names []string
	for _, c := range columns {
		names = append(names, c.aliases[0])
	}
	return strings.Join(names, ", ")
}

// aliasHint says which headers name key: `"RAG rating" (or "RAG", ...)`.
func aliasHint(key string) string {
	for _, c := range columns {
		if c.key == key {
			return `"` + c.aliases[0] + `" (or ` + strings.Join(quoted(c.aliases[1:]), ", ") + ")"
		}
	}
	return key
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}
