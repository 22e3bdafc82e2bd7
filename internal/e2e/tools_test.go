package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// readersDir is where .ci/run installs the npm packages the tests read
// output with (axe-core, vnu-jar).
const readersDir = "../../.ci/readers"

// screenshotDir is where the browser test saves its screenshots, the
// test's artefacts: output/screenshots/ at the repository's root.
const screenshotDir = "../../output/screenshots"

// missing skips the test, or fails it under CI=true, because a tool it
// needs is not installed; install says how to install it.
func missing(t *testing.T, what, install string) {
	t.Helper()
	msg := fmt.Sprintf("%s is not installed: %s", what, install)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (.ci/run installs it)")
	}
	t.Skip(msg)
}

// needTool returns the path of the program name, or skips or fails the test
// as missing does.
func needTool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name, install)
	}
	return p
}

// needFile returns path made absolute if it exists, or skips or fails the
// test as missing does.
func needFile(t *testing.T, path, install string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		missing(t, path, install)
	}
	return abs
}

// npmInstall is the hint for the packages in .ci/readers.
const npmInstall = "run `(cd .ci/readers && npm ci --ignore-scripts)`"

// run runs a tool and returns its standard output; a failure to start it,
// or a non-zero exit, fails the test with its error output.
func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	out, err := runErr(name, args...)
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out
}

// runErr runs a tool and returns its standard output; the error includes
// what it wrote to standard error.
func runErr(name string, args ...string) ([]byte, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("%w\n%s%s", err, stderr.Bytes(), stdout.Bytes())
	}
	return stdout.Bytes(), nil
}
