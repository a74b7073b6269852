package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"dateline/tui"
)

// result is what one in-process run of dateline produced.
type result struct {
	code           int
	stdout, stderr string
}

// env is a fake environment for a run: what getenv sees and whether
// stdout counts as a terminal.
type env struct {
	vars     map[string]string
	terminal bool
	tui      func(tui.Config) error // nil: fail the test if the TUI starts
}

// runDateline runs the command line in-process, as main would.
func runDateline(t *testing.T, e env, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a := &app{
		stdin:      strings.NewReader(""),
		stdout:     &stdout,
		stderr:     &stderr,
		getenv:     func(k string) string { return e.vars[k] },
		isTerminal: func(io.Writer) bool { return e.terminal },
		runTUI:     e.tui,
	}
	if a.runTUI == nil {
		a.runTUI = func(tui.Config) error {
			t.Errorf("dateline %s started the TUI", strings.Join(args, " "))
			return nil
		}
	}
	code := a.run(args)
	return result{code, stdout.String(), stderr.String()}
}

// run is runDateline in a plain environment: stdout is not a terminal.
func runPlain(t *testing.T, args ...string) result {
	t.Helper()
	return runDateline(t, env{}, args...)
}
