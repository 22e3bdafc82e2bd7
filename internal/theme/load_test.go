package theme

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefault(t *testing.T) {
	th, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if th.Name != "default" || th.Page.Size != "A4" || th.Fonts.Family != "Liberation Sans" {
		t.Errorf("unexpected default theme: %+v", th)
	}
	if th.Fonts.Body < 12 {
		t.Errorf("body size %g below 12 pt", th.Fonts.Body)
	}
	for _, class := range []string{"red", "amber", "green", "blue", "grey", "outstanding", "good", "adequate", "requires-improvement", "inadequate"} {
		if _, ok := th.Palette[class]; !ok {
			t.Errorf("palette lacks %q", class)
		}
	}
}

func TestDefaultPaletteContrast(t *testing.T) {
	th, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, class := range sortedClasses(th.Palette) {
		s := th.Palette[class]
		t.Run(class, func(t *testing.T) {
			if r := Contrast(s.Fill, s.Text); r < MinContrast {
				t.Errorf("%s on %s: %.2f:1", s.Text, s.Fill, r)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	pack := fstest.MapFS{
		"civic/theme.toml":            {Data: []byte("[colours]\naccent = \"#660066\"\n\n[palette.amber]\nfill = \"#ffdd00\"\n")},
		"civic/assets/style.css":      {Data: []byte("/* civic */")},
		"civic/assets/logo.svg":       {Data: []byte("<svg/>")},
		"civic/templates/.item.swp":   {Data: []byte("junk")},
		"other/theme.toml":            {Data: []byte("")},
		"default/assets/extra.css":    {Data: []byte("/* project default */")},
		"notatheme.txt":               {Data: []byte("")},
		"civic2/templates/agenda.htm": {Data: []byte("")},
	}
	project := fstest.MapFS{"civic/theme.toml": {Data: []byte("[colours]\naccent = \"#000000\"\n")}}

	t.Run("pack theme overlays default key by key", func(t *testing.T) {
		th, err := Load("civic", pack, project)
		if err != nil {
			t.Fatal(err)
		}
		if th.Colours.Accent != "#660066" {
			t.Errorf("accent = %q, want the pack's (first dir wins)", th.Colours.Accent)
		}
		if th.Colours.Text == "" || th.Fonts.Body != 12 {
			t.Errorf("keys not set by the theme should come from the default: %+v", th)
		}
		if got := th.Palette["amber"]; got.Fill != "#ffdd00" || got.Text != "#0b0c0c" {
			t.Errorf("amber = %+v, want fill overridden and text kept", got)
		}
	})
	t.Run("files replaced per file and added", func(t *testing.T) {
		th, err := Load("civic", pack)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := fs.ReadFile(th.Files, "assets/style.css"); string(b) != "/* civic */" {
			t.Errorf("style.css = %q", b)
		}
		if _, err := fs.Stat(th.Files, "assets/logo.svg"); err != nil {
			t.Errorf("added asset missing: %v", err)
		}
		if _, err := fs.Stat(th.Files, "templates/.item.swp"); err == nil {
			t.Errorf("hidden files should be ignored")
		}
		if _, err := fs.Stat(th.Files, "theme.toml"); err == nil {
			t.Errorf("theme.toml should not be among the files")
		}
	})
	t.Run("project theme used when pack has none", func(t *testing.T) {
		th, err := Load("civic", fstest.MapFS{}, project)
		if err != nil {
			t.Fatal(err)
		}
		if th.Colours.Accent != "#000000" {
			t.Errorf("accent = %q", th.Colours.Accent)
		}
	})
	t.Run("a default folder overlays the embedded default", func(t *testing.T) {
		th, err := Load("", pack)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fs.Stat(th.Files, "assets/extra.css"); err != nil {
			t.Errorf("extra.css missing: %v", err)
		}
	})
	t.Run("missing theme is an error", func(t *testing.T) {
		_, err := Load("nosuch", pack)
		var te *Error
		if !errors.As(err, &te) || !strings.Contains(err.Error(), `theme "nosuch" not found`) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("bad name", func(t *testing.T) {
		if _, err := Load("../x", pack); err == nil {
			t.Errorf("want error for ../x")
		}
	})
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name string
		toml string
		want []string
	}{
		{"unknown key with line", "[fonts]\nbody = 14\nbdy = 12\n", []string{"themes/t/theme.toml:3: unknown theme setting \"fonts.bdy\""}},
		{"unknown table once", "[pallete.red]\nfill = \"#000000\"\ntext = \"#ffffff\"\n", []string{"themes/t/theme.toml:1: unknown theme setting \"pallete.red\""}},
		{"unknown swatch field", "[palette.red]\nfil = \"#000000\"\n", []string{"themes/t/theme.toml:2: unknown theme setting \"palette.red.fil\""}},
		{"syntax error with line", "[page]\nsize = A4\n", []string{"themes/t/theme.toml:2:"}},
		{"bad colour", "[colours]\naccent = \"blue\"\n", []string{`colours.accent is "blue", not a colour`}},
		{"poor contrast", "[palette.amber]\ntext = \"#ffffff\"\n", []string{"palette.amber: text #ffffff on fill #ffbf47 has contrast"}},
		{"small body", "[fonts]\nbody = 10\n", []string{"fonts.body is 10 pt"}},
		{"wrong type", "[fonts]\nbody = \"big\"\n", []string{"themes/t/theme.toml"}},
		{"bad class", "[palette.Bad_Class]\nfill = \"#000000\"\ntext = \"#ffffff\"\n", []string{`palette class "Bad_Class"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := fstest.MapFS{"t/theme.toml": {Data: []byte(c.toml)}}
			_, err := Load("t", dir)
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestContrast(t *testing.T) {
	if r := Contrast("#000000", "#ffffff"); r < 20.9 || r > 21.1 {
		t.Errorf("black/white = %.2f, want 21", r)
	}
	if got := ReadableText("#ffbf47"); got != "#0b0c0c" {
		t.Errorf("ReadableText(amber) = %s", got)
	}
	if got := ReadableText("#00703c"); got != "#ffffff" {
		t.Errorf("ReadableText(green) = %s", got)
	}
}
