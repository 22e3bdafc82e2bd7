package cli

import (
	"bytes"
	"context"
	"github.com/reportpack/reportpack/internal/packtest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reportpack/reportpack/internal/packgen"
)

// The tests in this file run reportpack as a separate process, as a clerk
// does: killed part-way through a build and under other environments
// (issue 7).

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds cmd/reportpack once per test run and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the reportpack binary; not in -short mode")
	}
	binOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			binErr = err
			return
		}
		if binDir, binErr = os.MkdirTemp("", "reportpack-bin-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "reportpack")
		out, err := exec.Command(goTool, "build", "-o", binPath, "../../cmd/reportpack").CombinedOutput()
		if err != nil {
			binErr = &buildError{err, out}
		}
	})
	if binErr != nil {
		t.Fatalf("building reportpack: %v", binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + string(e.out) }

// generated writes a generated pack of n reports into a new folder.
func generated(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "generated")
	if err := packgen.Write(dir, packgen.Size{Reports: n, Rows: 18}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// reportpack returns the reportpack command with args, its environment being the test's
// without the variables that change output, plus env.
func reportpack(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "SOURCE_DATE_EPOCH", "GOMAXPROCS", "TZ", "LANG", "LC_ALL":
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// buildTo runs a whole build of pack into out and fails the test if it fails.
func buildTo(t *testing.T, pack, out string, env ...string) {
	t.Helper()
	cmd := reportpack(t, env, "build", "--quiet", "--out", out, pack)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reportpack build %s: %v\n%s", pack, err, b)
	}
}

// visible lists the entries of dir that a clerk would see: not hidden ones.
func visible(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			return false
		}
	}
	return true
}

// TestInterruptedBuildKeepsLastOutput kills builds part-way, with SIGKILL
// and with Ctrl-C (SIGINT), and checks that the output folder always holds
// either the previous build or the complete new one, never a mixture; that
// nothing visible is left beside it; and that the next build tidies up
// what a killed one left hidden.
func TestInterruptedBuildKeepsLastOutput(t *testing.T) {
	pack := generated(t, 6)
	out := t.TempDir()
	dest := filepath.Join(out, "generated")
	buildTo(t, pack, out)
	old := packtest.Tree(t, dest)
	breakFile(t, filepath.Join(pack, "report-001.md"), "+++\n\n", "+++\n\nA paragraph added since the last build.\n\n")
	refOut := t.TempDir()
	start := time.Now()
	buildTo(t, pack, refOut)
	full := time.Since(start)
	updated := packtest.Tree(t, filepath.Join(refOut, "generated"))
	for _, sig := range []os.Signal{os.Kill, os.Interrupt} {
		for _, at := range []string{"start", "third", "two-thirds", "staging"} {
			t.Run(sig.String()+" at "+at, func(t *testing.T) {
				state := interrupt(t, pack, out, sig, at, full)
				got := packtest.Tree(t, dest)
				t.Logf("%s; output is the old build: %v; hidden leftovers: %v", state, equalTrees(got, old), staging(out))
				if !equalTrees(got, old) && !equalTrees(got, updated) {
					t.Fatalf("after the interrupted build the output is neither the old build nor the new one (%d files)", len(got))
				}
				if v := visible(t, out); len(v) != 1 || v[0] != "generated" {
					t.Errorf("the output root shows %v, want only [generated]", v)
				}
				buildTo(t, pack, out)
				if entries, _ := os.ReadDir(out); len(entries) != 1 {
					t.Errorf("after the next build the output root holds %d entries, want 1", len(entries))
				}
				if !equalTrees(packtest.Tree(t, dest), updated) {
					t.Errorf("the next build did not write the new output")
				}
				copyTree(t, old, dest)
			})
		}
	}
}

// interrupt starts a build and sends sig at the named point: at once, after
// a third or two-thirds of a full build's time, or when the staging folder
// appears beside the output. It returns, for the log, how the process ended.
func interrupt(t *testing.T, pack, out string, sig os.Signal, at string, full time.Duration) string {
	t.Helper()
	cmd := reportpack(t, nil, "build", "--quiet", "--out", out, pack)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	wait(at, out, full, done)
	cmd.Process.Signal(sig)
	err := <-done
	if sig == os.Interrupt && err != nil && cmd.ProcessState.ExitCode() == 130 {
		if msg := strings.TrimSpace(stderr.String()); strings.Count(msg, "\n") > 0 || !strings.Contains(msg, "interrupted") {
			t.Errorf("Ctrl-C should print one line saying the build was interrupted, got:\n%s", msg)
		}
	}
	if strings.Contains(stderr.String(), "panic") {
		t.Errorf("the interrupted build panicked:\n%s", stderr.String())
	}
	return cmd.ProcessState.String()
}

// wait returns at the point of a build named by at, or when it has ended.
func wait(at, out string, full time.Duration, done chan error) {
	var delay time.Duration
	switch at {
	case "third":
		delay = full / 3
	case "two-thirds":
		delay = 2 * full / 3
	case "staging":
		delay = 10 * full // a guard against a hang, not a deadline
	}
	timer := time.NewTimer(delay)
	defer timer.Stop()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-timer.C:
			return
		case err := <-done:
			done <- err
			return
		case <-tick.C:
			if at == "staging" && staging(out) {
				return
			}
		}
	}
}

// staging reports whether a build's hidden staging folder exists in out.
func staging(out string) bool {
	m, _ := filepath.Glob(filepath.Join(out, ".*.new-*"))
	return len(m) > 0
}

// copyTree replaces dest with files, to restore the old output.
func copyTree(t *testing.T, files map[string][]byte, dest string) {
	t.Helper()
	if err := os.RemoveAll(dest); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		p := filepath.Join(dest, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeBytes(t, p, data)
	}
}

// TestCancelledBuildWritesNothing stops a build through IO.Context, as
// Ctrl-C does: exit 130, one line, and no output folder.
func TestCancelledBuildWritesNothing(t *testing.T) {
	dir := unpack(t, "minimal")
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := Main([]string{"build", "--out", out, dir}, IO{Out: &stdout, Err: &stderr, Getenv: func(string) string { return "" }, Now: time.Now, Context: ctx})
	if code != 130 || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %d, want 130 and one line; stderr:\n%s", code, stderr.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a cancelled build wrote %d entries", len(entries))
	}
}

// TestOutputIgnoresEnvironment builds the example pack and a generated one
// under different GOMAXPROCS, time zones and locales and compares every
// file byte for byte.
func TestOutputIgnoresEnvironment(t *testing.T) {
	envs := [][]string{
		{"GOMAXPROCS=1", "TZ=UTC", "LANG=C", "LC_ALL=C"},
		{"GOMAXPROCS=2", "TZ=Pacific/Auckland", "LANG=en_GB.UTF-8", "LC_ALL=en_GB.UTF-8"},
		{"GOMAXPROCS=2", "TZ=America/New_York", "LANG=tr_TR.UTF-8", "LC_ALL=tr_TR.UTF-8"},
		{"GOMAXPROCS=1", "TZ=Pacific/Auckland", "LANG=tr_TR.UTF-8", "LC_ALL=tr_TR.UTF-8"},
	}
	packs := map[string]string{"example": "../../content/ofsted-scrutiny-2013", "generated": generated(t, 3)}
	for name, pack := range packs {
		t.Run(name, func(t *testing.T) {
			var first map[string][]byte
			for i, env := range envs {
				out := t.TempDir()
				buildTo(t, pack, out, env...)
				files := packtest.Tree(t, filepath.Join(out, filepath.Base(pack)))
				if i == 0 {
					first = files
					continue
				}
				for f, data := range first {
					if !bytes.Equal(data, files[f]) {
						t.Errorf("%s differs under %v", f, env)
					}
				}
				if len(files) != len(first) {
					t.Errorf("%d files under %v, %d under %v", len(files), env, len(first), envs[0])
				}
			}
		})
	}
}
