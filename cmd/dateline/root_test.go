package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/tui"
)

// TestRootStartsTUI checks that the bare command starts the TUI on a
// terminal, passes the flags through, and loads FILE (or the embedded
// dataset) through Config.Load.
func TestRootStartsTUI(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		want   tui.Config // Load is checked separately
		file   string     // what Load must load; "" for the embedded dataset
		stderr string
	}{
		{"defaults", nil, tui.Config{Color: "auto"}, "", ""},
		{"flags", []string{"--mouse", "--theme", "light", "--color=never", "--event", "works-start", "testdata/small.yaml"},
			tui.Config{Mouse: true, Theme: "light", Color: "never", EventID: "works-start"}, "testdata/small.yaml", ""},
		{"dark", []string{"--theme=dark", "--color", "always"}, tui.Config{Theme: "dark", Color: "always"}, "", ""},
		{"citation errors", []string{"testdata/citation.yaml"}, tui.Config{Color: "auto"}, "testdata/citation.yaml",
			"dateline: testdata/citation.yaml: 1 citation error (run `dateline validate testdata/citation.yaml`)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got tui.Config
			started := 0
			e := env{terminal: true, vars: map[string]string{"TERM": "xterm-256color"}, tui: func(c tui.Config) error {
				started++
				got = c
				l := c.Load()
				if l == nil || l.Timeline == nil {
					t.Fatalf("Load: %+v", l)
				}
				if tt.file != "" && l.File != tt.file {
					t.Errorf("Load loaded %q, want %q", l.File, tt.file)
				}
				return nil
			}}
			r := runDateline(t, e, tt.args...)
			if r.code != exitOK || started != 1 {
				t.Fatalf("exit %d, TUI started %d times; stderr:\n%s", r.code, started, r.stderr)
			}
			if got.Mouse != tt.want.Mouse || got.Theme != tt.want.Theme || got.Color != tt.want.Color || got.EventID != tt.want.EventID {
				t.Errorf("config %+v, want %+v", got, tt.want)
			}
			if r.stdout != "" || r.stderr != tt.stderr {
				t.Errorf("stdout %q, stderr %q; want stderr %q", r.stdout, r.stderr, tt.stderr)
			}
		})
	}
}

// TestRootTUIErrors checks the exit codes around the TUI: a TUI error and a
// dataset that did not load are 1, with the problems printed after the TUI
// has given the terminal back.
func TestRootTUIErrors(t *testing.T) {
	term := map[string]string{"TERM": "xterm"}
	r := runDateline(t, env{terminal: true, vars: term, tui: func(tui.Config) error { return errors.New("no tty") }})
	if r.code != exitData || r.stderr != "dateline: no tty\n" {
		t.Errorf("TUI error: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runDateline(t, env{terminal: true, vars: term, tui: func(c tui.Config) error { c.Load(); return nil }}, "testdata/broken.yaml")
	if r.code != exitData || !strings.Contains(r.stderr, "testdata/broken.yaml:10:") {
		t.Errorf("broken file: exit %d, stderr %q", r.code, r.stderr)
	}
	// Quitting from the TUI's load-problem screen: the problems again, not
	// the TUI's error.
	loadErr := func(c tui.Config) error { return fmt.Errorf("%w: %w", tui.ErrLoad, c.Load().Err()) }
	r = runDateline(t, env{terminal: true, vars: term, tui: loadErr}, "testdata/broken.yaml")
	if r.code != exitData || strings.Count(r.stderr, "testdata/broken.yaml:") != 3 || strings.Contains(r.stderr, "dateline:") {
		t.Errorf("load-problem screen: exit %d, stderr %q", r.code, r.stderr)
	}
	// Quitting before the load finished: nothing to report.
	r = runDateline(t, env{terminal: true, vars: term, tui: func(tui.Config) error { return nil }}, "testdata/broken.yaml")
	if r.code != exitOK || r.stderr != "" {
		t.Errorf("quit before load: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestRootPlain checks that without a terminal, or with TERM=dumb, the bare
// command prints exactly what `list` prints.
func TestRootPlain(t *testing.T) {
	tests := []struct {
		name string
		env  env
		args []string
	}{
		{"piped", env{}, nil},
		{"piped file", env{}, []string{"testdata/small.yaml"}},
		{"dumb terminal", env{terminal: true, vars: map[string]string{"TERM": "dumb"}}, nil},
		{"tui flags ignored", env{}, []string{"--mouse", "--theme", "dark", "testdata/small.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runDateline(t, tt.env, tt.args...)
			var file []string
			if n := len(tt.args); n > 0 && strings.HasSuffix(tt.args[n-1], ".yaml") {
				file = tt.args[n-1:]
			}
			want := runPlain(t, append([]string{"list"}, file...)...)
			if got.code != exitOK || got.stdout == "" || got != want {
				t.Errorf("dateline %v: %+v\nwant what list gives: %+v", tt.args, got, want)
			}
		})
	}
}

// TestBinaryPiped builds the real binary and checks that its piped output
// is the list, and that main exits with the codes run returns.
func TestBinaryPiped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "dateline")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, args := range [][]string{nil, {"testdata/small.yaml"}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr // pipes, not a terminal
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr.String())
		}
		want := runPlain(t, append([]string{"list"}, args...)...)
		if stdout.String() != want.stdout || stderr.String() != want.stderr {
			t.Errorf("dateline %v piped:\n%s\nwant:\n%s", args, stdout.String(), want.stdout)
		}
	}
	for _, tc := range []struct {
		args []string
		code int
	}{{[]string{"list", "--nope"}, exitUsage}, {[]string{"validate", "testdata/citation.yaml"}, exitData}} {
		err := exec.Command(bin, tc.args...).Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != tc.code {
			t.Errorf("dateline %v: %v, want exit %d", tc.args, err, tc.code)
		}
	}
}

func TestUsageRefusals(t *testing.T) {
	r := runDateline(t, env{terminal: true, tui: func(c tui.Config) error { c.Load(); return nil }}, "--event", "nosuch")
	if r.code != exitUsage || !strings.Contains(r.stderr, `--event "nosuch": no event has that id`) {
		t.Errorf("--event nosuch: exit %d, %q", r.code, r.stderr)
	}
	// Piped, the viewer prints the list instead; the id is still checked.
	r = runPlain(t, "--event", "nosuch")
	if r.code != exitUsage || !strings.Contains(r.stderr, `--event "nosuch": no event has that id`) || r.stdout != "" {
		t.Errorf("--event nosuch, piped: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r = runPlain(t, "--event", "car-gift"); r.code != 0 || r.stdout == "" {
		t.Errorf("--event car-gift, piped: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, args := range [][]string{{"completion", "tcsh"}, {"completion"}} {
		r := runPlain(t, args...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, r.code, exitUsage)
		}
	}
	if r := runPlain(t, "completion", "bash"); r.code != exitOK || !strings.Contains(r.stdout, "bash completion") {
		t.Errorf("completion bash: exit %d", r.code)
	}
}

// TestFileCompletion: each command completes the files it reads, the
// viewer both datasets and articles (cobra's hidden __complete is what
// the shell scripts call).
func TestFileCompletion(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		want, not []string
	}{
		{[]string{"__complete", ""}, []string{"yaml", "jsonl", "txt", "md", "html"}, nil},
		{[]string{"__complete", "extract", ""}, []string{"txt", "md", "markdown", "html", "htm"}, []string{"yaml", "jsonl"}},
		{[]string{"__complete", "validate", ""}, []string{"yaml", "json", "jsonl", "csv"}, []string{"txt", "md"}},
		{[]string{"__complete", "cite", "a.txt", "q", "--dataset", ""}, []string{"yaml", "jsonl"}, []string{"md"}},
	} {
		r := runPlain(t, tc.args...)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		got := lines[:len(lines)-1] // the last line is the directive
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%v: completions %v lack %q", tc.args[1:], got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("%v: completions %v should not offer %q", tc.args[1:], got, w)
			}
		}
	}
}
