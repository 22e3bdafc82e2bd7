// Package skeleton holds the files of a new pack, the ones `reportpack
// init` writes: a pack.toml with every setting explained, a report laid out
// to the standard council template (purpose, recommendations, reasons,
// background, options, main issues, implications, consultation, background
// papers) and a glossary. It sits outside the pipeline: its output is the
// pipeline's input. The action-plan workbook is not here; it comes from
// the action-plan template writer.
package skeleton

import (
	"embed"
	"io/fs"
	"strings"
	"time"
)

//go:embed files
var files embed.FS

// Files returns the skeleton's files by name, with the date of issue and
// the meeting date filled in.
func Files(issued, meeting time.Time) (map[string][]byte, error) {
	fill := strings.NewReplacer("@ISSUED@", issued.Format(time.DateOnly), "@MEETING@", meeting.Format(time.DateOnly))
	out := map[string][]byte{}
	err := fs.WalkDir(files, "files", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(name)
		if err != nil {
			return err
		}
		out[strings.TrimPrefix(name, "files/")] = []byte(fill.Replace(string(data)))
		return nil
	})
	return out, err
}
