// Package themes embeds the default theme in the binary, so that a pack
// built anywhere has a complete look; theme.Load lays a council's theme over
// it file by file.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme's files: theme.toml, templates/ and
// assets/, at the root of the returned file system.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // "default" is a valid path; fs.Sub cannot fail on it
	}
	return sub
}
