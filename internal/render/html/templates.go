package html

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
)

// Page templates: each defines "title" and "main" for the shared "layout".
// Every other templates/*.html file is a partial shared by both pages.
const (
	indexTemplate = "index.html"
	itemTemplate  = "item.html"
)

// parseTemplates loads the theme's templates: the partials, then each page
// on its own clone so that both may define "main". With direct set, the
// report content runs as Go code when the theme leaves it as the default's
// (direct.go).
func parseTemplates(files fs.FS, direct bool) (index, item *template.Template, err error) {
	base, err := parsePartials(files)
	if err != nil {
		return nil, nil, err
	}
	if index, err = pageTemplate(base, files, indexTemplate); err != nil {
		return nil, nil, err
	}
	if item, err = pageTemplate(base, files, itemTemplate); err != nil {
		return nil, nil, err
	}
	if direct {
		// Each page as parsed: a page file may redefine a partial.
		for _, t := range []*template.Template{index, item} {
			if _, err := useDirect(t); err != nil {
				return nil, nil, err
			}
		}
	}
	return index, item, nil
}

// parsePartials parses every templates/*.html file but the two pages.
func parsePartials(files fs.FS) (*template.Template, error) {
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	base := template.New("pack").Funcs(funcs())
	for _, n := range names {
		if b := path.Base(n); b == indexTemplate || b == itemTemplate {
			continue
		}
		if base, err = parseOne(base, files, n); err != nil {
			return nil, err
		}
	}
	return base, nil
}

func pageTemplate(base *template.Template, files fs.FS, name string) (*template.Template, error) {
	t, err := base.Clone()
	if err != nil {
		return nil, err
	}
	return parseOne(t, files, "templates/"+name)
}

func parseOne(t *template.Template, files fs.FS, name string) (*template.Template, error) {
	src, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("theme template %s: %w", name, err)
	}
	if _, err := t.New(path.Base(name)).Parse(string(src)); err != nil {
		return nil, fmt.Errorf("theme template %s: %w", name, err)
	}
	return t, nil
}
