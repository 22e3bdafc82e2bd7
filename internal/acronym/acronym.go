// Package acronym checks that each report spells out its acronyms. It runs
// after rag, over the finished model and before the renderers: every
// acronym (a word of two or more capitals, plural "s" allowed) must be in
// the pack's glossary or written as "Long form (ABC)" at or before its first
// use in the report, workbook appendices included. The first use of an
// acronym whose long form is known is marked in Inline.Abbrs, so that the
// HTML prints it as <abbr title="Long form">.
package acronym

import (
	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/report"
)

// Mark checks every report of p against glossary (acronym -> long form),
// marks first uses and returns a warning for each acronym used but not
// spelt out, once per report at its first use.
func Mark(p *report.Pack, glossary map[string]string) diag.List {
	var diags diag.List
	seen := map[string]bool{} // a workbook shared by two reports warns once
	for _, it := range p.Items {
		if it.Report == nil {
			continue
		}
		for _, d := range markReport(it.Report, glossary) {
			if k := d.String(); !seen[k] {
				seen[k] = true
				diags = append(diags, d)
			}
		}
	}
	return diags
}

// use is the first use of an acronym in a report.
type use struct {
	unit  unit
	token token
	def   *definition // set when the first use is its own definition
}

func markReport(r *report.Report, glossary map[string]string) diag.List {
	units := reportUnits(r)
	defs := definitionsIn(units)
	var diags diag.List
	defined := map[string]string{}
	first := map[string]bool{}
	for _, u := range units {
		unitDefs := definitions(u.Text)
		for _, t := range tokens(u.Text) {
			if first[t.Key] {
				continue
			}
			first[t.Key] = true
			checkUse(use{unit: u, token: t, def: defAt(unitDefs, t)}, glossary, defined, defs, &diags)
		}
		for _, d := range unitDefs {
			if _, ok := defined[d.Key]; !ok || defined[d.Key] == "" {
				defined[d.Key] = d.Long
			}
		}
	}
	return diags
}

// checkUse marks a first use whose long form is known, or warns about it.
func checkUse(u use, glossary, defined map[string]string, later map[string]diag.Pos, diags *diag.List) {
	key := u.token.Key
	if u.def != nil && u.def.Long != "" {
		u.unit.mark(u.token, u.def.Long) // "Long form (ABC)" at its first use
		return
	}
	if u.def != nil {
		return // spelt out, though its words do not give its letters
	}
	long, ok := glossary[key]
	if !ok {
		long, ok = defined[key]
	}
	if ok {
		if long != "" {
			u.unit.mark(u.token, long)
		}
		return
	}
	warn(u, later, diags)
}

func warn(u use, later map[string]diag.Pos, diags *diag.List) {
	key := u.token.Key
	where := ""
	if u.unit.Where != "" {
		where = " " + u.unit.Where
	}
	d := diags.Warnf(u.unit.posAt(u.token.Start), "the acronym %q%s is not spelt out", key, where)
	if at, ok := later[key]; ok {
		d.WithHint("it is spelt out later, at %s: spell it out here, at its first use, instead", at)
		return
	}
	d.WithHint(`write it in full at its first use, as "Long form (%s)", or add it to the pack's glossary: %s = "..." in glossary.toml or under [glossary] in pack.toml`, key, key)
}

// defAt returns the definition whose acronym is t itself, if any.
func defAt(defs []definition, t token) *definition {
	for i := range defs {
		if defs[i].Start == t.Start {
			return &defs[i]
		}
	}
	return nil
}

// definitionsIn maps each acronym spelt out anywhere in units to where.
func definitionsIn(units []unit) map[string]diag.Pos {
	at := map[string]diag.Pos{}
	for _, u := range units {
		for _, d := range definitions(u.Text) {
			if _, ok := at[d.Key]; !ok {
				at[d.Key] = u.posAt(d.Start)
			}
		}
	}
	return at
}
