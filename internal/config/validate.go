package config

import (
	"path"
	"sort"
	"strings"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/frontmatter"
)

// normalise drops a byte-order mark and Windows line endings, which editors
// on council PCs often add, so lines count the same everywhere; text that is
// not UTF-8 (a file saved as Latin-1) is an error at its first bad byte, and
// the rest of the file is still read.
func normalise(file string, src []byte, diags *diag.List) []byte {
	return frontmatter.Clean(file, src, diags)
}

// locateItems records the line of each [[item]] and [[scale]] header, of
// each key in [columns] and of the theme, so that problems with them can point at them.
func locateItems(src []byte, p *Pack) {
	n := 0
	table := ""
	p.ColumnLines = map[string]int{}
	for i, line := range strings.Split(string(src), "\n") {
		trimmed := header(line)
		if strings.HasPrefix(trimmed, "[") {
			table = trimmed
		} else if key, _, ok := strings.Cut(trimmed, "="); ok && table == "[columns]" {
			p.ColumnLines[strings.Trim(strings.TrimSpace(key), `"'`)] = i + 1
		} else if ok && table == "" && strings.TrimSpace(key) == "theme" {
			p.ThemeLine = i + 1
		}
		if trimmed == "[[item]]" && n < len(p.Items) {
			p.Items[n].Pos = diag.Pos{File: p.File, Line: i + 1, Col: 1}
			n++
		}
		if trimmed == "[[scale]]" {
			for j := range p.Scales {
				if p.Scales[j].Line == 0 {
					p.Scales[j].Line = i + 1
					break
				}
			}
		}
	}
	for i := range p.Items[n:] {
		p.Items[n+i].Pos = diag.Pos{File: p.File} // headers the scan missed still name the file
	}
}

// header returns a table header line without its spaces and trailing
// comment ("[[ item ]]  # the budget" -> "[[item]]"), or the trimmed line
// when it is not a header.
func header(line string) string {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "[") || strings.ContainsAny(t, `"'`) {
		return t
	}
	t, _, _ = strings.Cut(t, "#")
	return strings.Join(strings.Fields(t), "")
}

func validate(p *Pack) diag.List {
	var diags diag.List
	top := diag.Pos{File: p.File, Line: 1, Col: 1}
	required := []struct{ key, value string }{
		{"council", p.Council},
		{"committee", p.Committee},
	}
	for _, r := range required {
		if strings.TrimSpace(r.value) == "" {
			diags.Errorf(top, "pack.toml has no %q", r.key).WithHint("add a line such as %s = \"...\" at the top of pack.toml", r.key)
		}
	}
	if p.Meeting.Date.IsZero() {
		diags.Errorf(top, "the meeting has no date").WithHint("add date = 2026-03-12 under [meeting]")
	}
	if p.Issued.IsZero() {
		diags.Errorf(top, "the pack has no date of issue").WithHint("add issued = 2026-03-04 at the top of pack.toml: it prints on every document")
	} else if !p.Meeting.Date.IsZero() && p.Issued.After(p.Meeting.Date) {
		diags.Errorf(top, "the date of issue (%s) is after the meeting (%s)", p.Issued.Format("2 January 2006"), p.Meeting.Date.Format("2 January 2006"))
	}
	if p.Style.Nation != "" && p.Style.Nation != "england" && p.Style.Nation != "wales" {
		diags.Errorf(top, "nation %q is not known", p.Style.Nation).WithHint(`use "england" or "wales" under [style]`)
	}
	if p.Style.PageLimit < 0 {
		diags.Errorf(top, "page_limit %d is less than zero", p.Style.PageLimit).WithHint("give the most sides of A4 a report may have before its appendices, such as page_limit = 8, or leave it out")
	}
	diags.Append(validateGlossary(p))
	if len(p.Items) == 0 {
		diags.Errorf(top, "the agenda has no items").WithHint("add an [[item]] table for each agenda item, in order")
	}
	diags.Append(validateItems(p))
	diags.Append(validateAccess(p))
	return diags
}

func validateItems(p *Pack) diag.List {
	var diags diag.List
	seen := map[string]diag.Pos{}
	for i := range p.Items {
		it := &p.Items[i]
		pos := it.Pos
		if it.Report != "" {
			diags.Append(checkReportItem(it))
		} else if strings.TrimSpace(it.Title) == "" {
			diags.Errorf(pos, "agenda item %d has no title and no report", i+1).
				WithHint(`give it a title = "..." or a report = "file.md"`)
		}
		slug := ItemSlug(*it)
		if slug == "" {
			continue
		}
		if prev, dup := seen[slug]; dup {
			diags.Errorf(pos, "two agenda items have the id %q (the other is at line %d)", slug, prev.Line).
				WithHint("give each item its own id = \"...\": ids become the names of the item's web page and PDF")
			continue
		}
		seen[slug] = pos
	}
	return diags
}

func checkReportItem(it *Item) diag.List {
	var diags diag.List
	for _, f := range []struct{ key, value string }{{"title", it.Title}, {"lead", it.Lead}, {"purpose", it.Purpose}} {
		if f.value != "" {
			diags.Errorf(it.Pos, "this item has a report, so its %s comes from the report's front matter", f.key).
				WithHint("remove %s from pack.toml and set it in %s", f.key, it.Report)
		}
	}
	if path.Ext(it.Report) != ".md" {
		diags.Errorf(it.Pos, "the report %q is not a Markdown file", it.Report).
			WithHint("reports are written in Markdown and end in .md")
	}
	return diags
}

// ItemSlug is the stable name of an item's page and PDF: its id, else the
// report file's name, else its title, made lower-case and URL-safe. It does
// not include the agenda number, so links survive reordering and revision.
func ItemSlug(it Item) string {
	switch {
	case it.ID != "":
		return Slugify(it.ID)
	case it.Report != "":
		return Slugify(strings.TrimSuffix(path.Base(it.Report), path.Ext(it.Report)))
	}
	return Slugify(it.Title)
}

// Slugify makes s a lower-case, URL-safe name: letters and digits joined by
// single hyphens. Accented letters lose their accents.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		r = fold(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’':
			// "Children's" -> "childrens"
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	return out
}

// fold maps common accented letters in names to their plain letters.
func fold(r rune) rune {
	const from, to = "àáâäãåèéêëìíîïòóôöõùúûüŵŷýÿñç", "aaaaaaeeeeiiiiooooouuuuwyyync"
	for i, f := range []rune(from) {
		if r == f {
			return []rune(to)[i]
		}
	}
	return r
}

// validateGlossary checks that each [glossary] entry is an acronym with a
// long form, so that the acronym check can trust it.
func validateGlossary(p *Pack) diag.List {
	var diags diag.List
	top := diag.Pos{File: p.File, Line: 1, Col: 1}
	for _, k := range sortedKeys(p.Glossary) {
		if strings.TrimSpace(p.Glossary[k]) == "" {
			diags.Errorf(top, "the glossary entry %q has no long form", k).
				WithHint(`write it as %s = "the words it stands for" under [glossary]`, k)
		}
	}
	return diags
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
