package pdf

import (
	"flag"
	"os"
	"testing"
	"time"
)

var writeTo = flag.String("write", "", "write the rendered example pack to this file")

// TestWriteExample writes the example pack for looking at (-write FILE).
func TestWriteExample(t *testing.T) {
	if *writeTo == "" {
		t.Skip("pass -write FILE to write the example pack")
	}
	p := seedPack(t, 40)
	start := time.Now()
	res, err := Render(p, testTheme(), Options{Now: date(2013, 4, 8), LargePrint: os.Getenv("LARGE") != ""})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("rendered %d pages in %v", res.Pages.Total, time.Since(start))
	if err := os.WriteFile(*writeTo, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
}
