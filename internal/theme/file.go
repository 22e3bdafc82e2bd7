package theme

// fileTheme is theme.toml as written: snake_case keys decoded strictly.
// It is kept apart from Theme so the model stays free of TOML tags.
type fileTheme struct {
	Page    filePage              `toml:"page"`
	Fonts   fileFonts             `toml:"fonts"`
	Colours fileColours           `toml:"colours"`
	Palette map[string]fileSwatch `toml:"palette"`
}

type filePage struct {
	Size         string  `toml:"size"`
	MarginTop    float64 `toml:"margin_top"`
	MarginBottom float64 `toml:"margin_bottom"`
	MarginLeft   float64 `toml:"margin_left"`
	MarginRight  float64 `toml:"margin_right"`
}

type fileFonts struct {
	Family         string  `toml:"family"`
	Body           float64 `toml:"body"`
	LargePrint     float64 `toml:"large_print"`
	H1             float64 `toml:"h1"`
	H2             float64 `toml:"h2"`
	H3             float64 `toml:"h3"`
	H4             float64 `toml:"h4"`
	Small          float64 `toml:"small"`
	LineSpacing    float64 `toml:"line_spacing"`
	ParagraphSpace float64 `toml:"paragraph_space"`
}

type fileColours struct {
	Text        string `toml:"text"`
	Accent      string `toml:"accent"`
	Muted       string `toml:"muted"`
	Link        string `toml:"link"`
	TableHeader string `toml:"table_header"`
	TableRule   string `toml:"table_rule"`
	GroupRow    string `toml:"group_row"`
}

type fileSwatch struct {
	Fill string `toml:"fill"`
	Text string `toml:"text"`
}

// toTheme converts the decoded file into the renderers' Theme.
func (f *fileTheme) toTheme(name string) *Theme {
	th := &Theme{
		Name:    name,
		Page:    Page(f.Page),
		Fonts:   Fonts(f.Fonts),
		Colours: Colours(f.Colours),
		Palette: make(map[string]Swatch, len(f.Palette)),
	}
	for class, s := range f.Palette {
		th.Palette[class] = Swatch(s)
	}
	return th
}
