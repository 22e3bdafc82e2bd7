package build

import (
	"strconv"
	"strings"

	"github.com/reportpack/reportpack/internal/config"
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/render/pdf"
	"github.com/reportpack/reportpack/internal/report"
)

// readGlossary joins the pack's [glossary] table and its glossary.toml;
// where both give an acronym, glossary.toml wins.
func readGlossary(pf *packFiles, cfg config.Pack) (map[string]string, diag.List) {
	file, diags := config.LoadGlossary(pf.root.FS(), ".")
	fixPaths(diags, pf.dir)
	out := map[string]string{}
	for k, v := range cfg.Glossary {
		out[k] = v
	}
	for k, v := range file {
		out[k] = v
	}
	return out, diags
}

// bodyPages counts each report item's pages before its appendices, from
// the running headers the PDF renderer drew: "Item 4: <title>" heads a
// report's own pages, "Item 4, appendix 1: …" its appendices'.
func bodyPages(p *report.Pack, roles []pdf.DrawnText) map[string]int {
	out := map[string]int{}
	for _, it := range p.Items {
		if it.Report == nil {
			continue
		}
		prefix := "Item " + strconv.Itoa(it.Number) + ": "
		pages := map[int]bool{}
		for _, d := range roles {
			if d.Role == pdf.RoleHeader && strings.HasPrefix(d.Text, prefix) {
				pages[d.Page] = true
			}
		}
		out[it.Slug] = len(pages)
	}
	return out
}
