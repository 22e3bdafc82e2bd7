// Package config reads a pack's pack.toml, the first stage of the pipeline:
// the meeting's details, house style, scales and the ordered agenda items
// with the report files they point to. Unknown keys are errors, so a typo
// such as "titel" is caught rather than silently ignored.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/reportpack/reportpack/internal/diag"
	"github.com/reportpack/reportpack/internal/tomlfile"
)

// FileName is the name of a pack's configuration file.
const FileName = "pack.toml"

// MaxSize bounds pack.toml; real ones are a few kilobytes.
const MaxSize = 1 << 20

// Pack is pack.toml as written, before assemble joins it with the reports.
type Pack struct {
	Council      string              `toml:"council"`
	Committee    string              `toml:"committee"`
	Issued       time.Time           `toml:"issued"`
	Theme        string              `toml:"theme"`
	Illustrative string              `toml:"illustrative"`
	Formats      string              `toml:"formats"`
	Meeting      Meeting             `toml:"meeting"`
	Membership   Membership          `toml:"membership"`
	Clerk        Contact             `toml:"clerk"`
	Style        Style               `toml:"style"`
	Columns      map[string][]string `toml:"columns"`
	Scales       []Scale             `toml:"scale"`
	Items        []Item              `toml:"item"`
	// Glossary maps acronyms to their long forms ([glossary] table), for the
	// check that every acronym is spelt out; glossary.toml may add more.
	Glossary map[string]string `toml:"glossary"`
	// Exemptions replaces the list of Schedule 12A paragraphs the pack may
	// cite ([[exemption]] tables); England's or Wales's list by default.
	Exemptions []Exemption `toml:"exemption"`

	// ColumnLines is the line of each key in [columns], for positions.
	ColumnLines map[string]int `toml:"-"`

	// Dir is the pack folder as given on the command line.
	Dir string `toml:"-"`
	// File is the path of pack.toml, for positions.
	File string `toml:"-"`
	// ThemeLine is the line that sets theme, for problems with it; 0 if none.
	ThemeLine int `toml:"-"`
}

// Meeting is the [meeting] table.
type Meeting struct {
	Date  time.Time `toml:"date"`
	Time  string    `toml:"time"`
	Venue string    `toml:"venue"`
}

// Membership is the [membership] table.
type Membership struct {
	Chair     string   `toml:"chair"`
	ViceChair string   `toml:"vice_chair"`
	Members   []string `toml:"members"`
	CoOptees  []string `toml:"co_optees"`
}

// Contact is a contact table: [clerk] here, [contact] in front matter.
type Contact struct {
	Name  string `toml:"name"`
	Role  string `toml:"role"`
	Phone string `toml:"phone"`
	Email string `toml:"email"`
}

// Style is the [style] table: the council's house style.
type Style struct {
	AppendixLetters bool   `toml:"appendix_letters"`
	FlatNumbers     bool   `toml:"flat_numbers"`
	OddPageStarts   bool   `toml:"odd_page_starts"`
	Nation          string `toml:"nation"`
	Ratings         string `toml:"ratings"`
	// PageLimit is the most sides of A4 a report may run to before its
	// appendices; 0 means no limit. check warns about longer reports.
	PageLimit int `toml:"page_limit"`
}

// Scale is a [[scale]] table: a rating or judgement scale the pack defines,
// or the pack's own meanings for a built-in one.
type Scale struct {
	Name   string       `toml:"name"`
	Title  string       `toml:"title"`
	Levels []ScaleLevel `toml:"level"`
	Line   int          `toml:"-"`
}

// ScaleLevel is a [[scale.level]] table.
type ScaleLevel struct {
	Word    string   `toml:"word"`
	Aliases []string `toml:"aliases"`
	Class   string   `toml:"class"`
	Colour  string   `toml:"colour"`
	Meaning string   `toml:"meaning"`
}

// Item is an [[item]] table: one agenda item.
type Item struct {
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	Lead    string `toml:"lead"`
	Purpose string `toml:"purpose"`
	Notes   string `toml:"notes"`
	Report  string `toml:"report"`

	// Exempt is the Schedule 12A paragraph that makes the item exempt
	// information; 0 when it is public.
	Exempt        int    `toml:"exempt"`
	PublicTitle   string `toml:"public_title"`
	PublicSummary string `toml:"public_summary"`

	// Late is why the item was issued after the pack; it then goes in a
	// supplementary pack. Urgent says the Chair agreed it is urgent.
	Late       string    `toml:"late"`
	Urgent     bool      `toml:"urgent"`
	LateIssued time.Time `toml:"late_issued"`

	// Replaces names the earlier version a revised paper replaces, and
	// Revision says what changed.
	Replaces string `toml:"replaces"`
	Revision string `toml:"revision"`

	// Pos is where the item's [[item]] line is.
	Pos diag.Pos `toml:"-"`
}

// Load reads dir/pack.toml from fsys. It returns what it could read and
// every problem found.
func Load(fsys fs.FS, dir string) (Pack, diag.List) {
	var diags diag.List
	file := path.Join(dir, FileName)
	p := Pack{Dir: dir, File: file}
	src, err := readSmall(fsys, file)
	if err != nil {
		diags.Errorf(diag.Pos{File: file}, "cannot read the pack's settings: %v", pathless(err)).
			WithHint("every pack folder needs a pack.toml; `reportpack init DIR` writes one")
		return p, diags
	}
	src = normalise(file, src, &diags)
	if d := tomlfile.Check(file, src, 1); d.HasErrors() {
		// Nothing decodes from a file that is not TOML; checking for
		// missing keys would only repeat this one problem as five.
		return p, append(diags, d...)
	}
	diags.Append(tomlfile.Decode(file, src, 1, &p))
	p.Issued, p.Meeting.Date = utcDate(p.Issued), utcDate(p.Meeting.Date)
	for i := range p.Items {
		p.Items[i].LateIssued = utcDate(p.Items[i].LateIssued)
	}
	locateItems(src, &p)
	diags.Append(validate(&p))
	return p, diags
}

// readSmall reads a settings file of at most MaxSize bytes. It refuses
// anything but an ordinary file before reading: a named pipe would never end.
func readSmall(fsys fs.FS, file string) ([]byte, error) {
	info, err := fs.Stat(fsys, file)
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, errors.New("it is a folder, not a file")
	case !info.Mode().IsRegular():
		return nil, errors.New("it is not an ordinary file")
	case info.Size() > MaxSize:
		return nil, fmt.Errorf("it is %d bytes, more than the limit of %d (see docs/limits.md)", info.Size(), MaxSize)
	}
	return fs.ReadFile(fsys, file)
}

// utcDate drops the time and zone of a TOML local date, which the decoder
// places in the machine's zone, so that output does not depend on TZ.
func utcDate(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// pathless strips the path from a file error: the position already names it.
func pathless(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
