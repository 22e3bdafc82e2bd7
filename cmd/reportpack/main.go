// Command reportpack builds council committee agenda packs (HTML and PDF)
// from Markdown reports and spreadsheet action plans.
package main

import (
	"os"

	"github.com/reportpack/reportpack/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
