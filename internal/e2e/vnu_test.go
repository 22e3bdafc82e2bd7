package e2e

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type, SubType, URL, Message, Extract string
	LastLine, FirstColumn                int
}

// TestHTMLValidates runs the Nu HTML Checker (vnu.jar from npm's vnu-jar,
// on Debian's JRE) over every page and stylesheet of every test pack: no
// errors.
func TestHTMLValidates(t *testing.T) {
	java := needTool(t, "java", "apt-get install default-jre-headless")
	jar := needFile(t, filepath.Join(readersDir, "node_modules/vnu-jar/build/dist/vnu.jar"), npmInstall)
	args := []string{"-jar", jar, "--errors-only", "--stdout", "--format", "json", "--also-check-css"}
	for _, p := range packs(t) {
		for _, f := range append(p.files(".html"), p.files(".css")...) {
			args = append(args, filepath.Join(p.Out, f))
		}
	}
	// vnu exits 1 when it reports an error: read its report either way.
	out, err := runErr(java, args...)
	var report struct{ Messages []vnuMessage }
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("reading vnu's report: %v (run: %v)", jerr, err)
	}
	for _, m := range report.Messages {
		t.Error(formatVNU(m))
	}
	if err != nil && len(report.Messages) == 0 {
		t.Fatalf("vnu failed: %v", err)
	}
}

func formatVNU(m vnuMessage) string {
	file := strings.TrimPrefix(m.URL, "file:")
	if rel, err := filepath.Rel(outRoot, file); err == nil {
		file = rel
	}
	return fmt.Sprintf("%s:%d:%d: vnu %s: %s\n  %s", file, m.LastLine, m.FirstColumn, m.Type, m.Message, strings.TrimSpace(m.Extract))
}
