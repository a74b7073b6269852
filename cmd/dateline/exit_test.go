package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestExitCodes checks the exit code of each kind of outcome and what the
// run says on stderr.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string // substrings stderr must contain, in order
		quiet  bool     // stderr must be empty
	}{
		{"good file", []string{"list", "testdata/small.yaml"}, exitOK, nil, true},
		{"embedded", []string{"list"}, exitOK, nil, true},
		{"validate good", []string{"validate", "testdata/small.yaml"}, exitOK, nil, true},
		{"validate embedded", []string{"validate"}, exitOK, nil, true},
		{"validate strict clean", []string{"validate", "--strict", "testdata/small.yaml"}, exitOK, nil, true},

		{"broken file", []string{"list", "testdata/broken.yaml"}, exitData,
			[]string{"testdata/broken.yaml:10:", "testdata/broken.yaml:13:", "testdata/broken.yaml:15:"}, false},
		{"broken actors", []string{"actors", "testdata/broken.yaml"}, exitData, []string{"testdata/broken.yaml:"}, false},
		{"missing file", []string{"list", "testdata/no-such-file.yaml"}, exitData, []string{"testdata/no-such-file.yaml"}, false},
		{"validate broken", []string{"validate", "testdata/broken.yaml"}, exitData, []string{"testdata/broken.yaml:10:"}, false},
		{"validate citation error", []string{"validate", "testdata/citation.yaml"}, exitData,
			[]string{"testdata/citation.yaml:12:16", ": citation error: "}, false},
		{"validate warning", []string{"validate", "testdata/warning.yaml"}, exitOK, []string{": warning: "}, false},
		{"validate strict warning", []string{"validate", "--strict", "testdata/warning.yaml"}, exitData, []string{": warning: "}, false},
		{"validate one bad of two", []string{"validate", "testdata/small.yaml", "testdata/citation.yaml"}, exitData,
			[]string{"citation error"}, false},
		{"list with citation error", []string{"list", "testdata/citation.yaml"}, exitOK,
			[]string{"dateline: testdata/citation.yaml: 1 citation error (run `dateline validate testdata/citation.yaml`)"}, false},

		{"unknown flag", []string{"list", "--nope"}, exitUsage, []string{"unknown flag: --nope", "dateline list --help"}, false},
		{"root flag on list", []string{"list", "--mouse"}, exitUsage, []string{"--mouse"}, false},
		{"unknown shorthand", []string{"-z"}, exitUsage, []string{"-z"}, false},
		{"flag without value", []string{"list", "--format"}, exitUsage, []string{"--format"}, false},
		{"bad bool", []string{"validate", "--strict=maybe"}, exitUsage, []string{"--strict"}, false},
		{"too many args", []string{"list", "a.yaml", "b.yaml"}, exitUsage, []string{"at most 1"}, false},
		{"too many args root", []string{"a.yaml", "b.yaml"}, exitUsage, []string{"at most 1"}, false},
		{"bad format", []string{"list", "--format", "xml"}, exitUsage, []string{`--format: want text or json, not "xml"`}, false},
		{"bad actors format", []string{"actors", "--format", "csv"}, exitUsage, []string{"--format"}, false},
		{"bad theme", []string{"--theme", "pink"}, exitUsage, []string{"--theme: want light or dark"}, false},
		{"bad color", []string{"--color", "sometimes"}, exitUsage, []string{"--color: want auto or always or never"}, false},
		{"bad from", []string{"list", "--from", "2024-13"}, exitUsage, []string{"--from: ", "2024-13"}, false},
		{"bad to", []string{"list", "--to", "soon"}, exitUsage, []string{"--to: ", "soon"}, false},
		{"interval from", []string{"list", "--from", "2023/2024"}, exitUsage, []string{"--from 2023/2024: want a single date"}, false},
		{"from after to", []string{"list", "--from", "2024", "--to", "2017"}, exitUsage, []string{"--from 2024 --to 2017"}, false},
		{"bad status", []string{"list", "--status", "occurred,rumoured"}, exitUsage, []string{"--status: ", "rumoured"}, false},
		{"all-actors alone", []string{"list", "--all-actors"}, exitUsage, []string{"--all-actors needs --actor"}, false},
		{"ambiguous actor", []string{"list", "testdata/small.yaml", "--actor", "kim"}, exitUsage,
			[]string{"--actor: ", "ambiguous", "Kim Ji-ho (kim-ji-ho)", "Kim Soo-min (kim-soo-min)"}, false},
		{"unknown actor", []string{"list", "testdata/small.yaml", "--actor", "nobody at all"}, exitUsage,
			[]string{`--actor: no actor matches "nobody at all"`}, false},
		{"bad usage before bad file", []string{"list", "testdata/broken.yaml", "--format", "xml"}, exitUsage, []string{"--format"}, false},
		{"typo of a command", []string{"lsit"}, exitUsage, []string{`did you mean "list"`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runPlain(t, tt.args...)
			if r.code != tt.code {
				t.Errorf("dateline %s: exit %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), r.code, tt.code, r.stderr)
			}
			quiet := r.stderr
			if tt.args[0] == "validate" && tt.code != exitUsage {
				// validate's summary line ends its stderr, even when all is well.
				lines := strings.Split(strings.TrimSuffix(quiet, "\n"), "\n")
				if !summaryLine.MatchString(lines[len(lines)-1]) {
					t.Errorf("stderr does not end with a summary line:\n%s", r.stderr)
				}
				quiet = strings.Join(lines[:len(lines)-1], "\n")
			}
			if tt.quiet && quiet != "" {
				t.Errorf("stderr has more than the summary:\n%s", r.stderr)
			}
			rest := r.stderr
			for _, want := range tt.stderr {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("stderr lacks %q (in order); stderr:\n%s", want, r.stderr)
					break
				}
				rest = rest[i+len(want):]
			}
			if tt.code == exitUsage && r.stdout != "" {
				t.Errorf("usage error wrote to stdout:\n%s", r.stdout)
			}
		})
	}
}

// problemLine is the diagnostic format: FILE:LINE:COL: SEVERITY: message.
var problemLine = regexp.MustCompile(`^[^:]+:\d+:\d+: (error|citation error|warning): .+$`)

// summaryLine is validate's verdict on a file: "FILE: ok: 7 events, …",
// "FILE: 3 errors (not loaded)", "FILE: 1 citation error, 2 warnings: …".
var summaryLine = regexp.MustCompile(`^\S+: (ok|cannot load|\d+ (errors?|citation errors?|warnings?))\b.*$`)

// TestValidateOutput checks that validate writes, on stderr, each file's
// positioned diagnostics then its summary line, and nothing on stdout.
func TestValidateOutput(t *testing.T) {
	files := []string{"testdata/broken.yaml", "testdata/citation.yaml", "testdata/warning.yaml", "testdata/small.yaml"}
	r := runPlain(t, append([]string{"validate"}, files...)...)
	if r.code != exitData {
		t.Errorf("exit %d, want %d", r.code, exitData)
	}
	if r.stdout != "" {
		t.Errorf("stdout not empty:\n%s", r.stdout)
	}
	// Each file's problems, then its summary, before the next file's.
	var problems, summaries []string
	for _, l := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
		cur := files[min(len(summaries), len(files)-1)]
		switch {
		case problemLine.MatchString(l) && strings.HasPrefix(l, cur+":"):
			problems = append(problems, l)
		case summaryLine.MatchString(l):
			summaries = append(summaries, l)
		default:
			t.Errorf("not a diagnostic of %s nor a summary line: %q", cur, l)
		}
	}
	if len(problems) < 5 { // broken.yaml alone has three problems
		t.Errorf("want at least 5 diagnostics, got:\n%s", r.stderr)
	}
	if len(summaries) != len(files) {
		t.Fatalf("want %d summary lines, got:\n%s", len(files), r.stderr)
	}
	for i, f := range files {
		if !strings.HasPrefix(summaries[i], f+": ") {
			t.Errorf("summary %d = %q, want it to start with %q", i, summaries[i], f)
		}
	}
	if !strings.Contains(summaries[3], ": ok: 7 events, 4 actors, 1 source") {
		t.Errorf("small.yaml summary = %q", summaries[3])
	}
}

// TestHelp checks that every command has --help with examples, on stdout,
// and that cobra's completion command is there.
func TestHelp(t *testing.T) {
	for _, cmd := range [][]string{{}, {"list"}, {"actors"}, {"sources"}, {"validate"}} {
		r := runPlain(t, append(cmd, "--help")...)
		if r.code != exitOK || r.stderr != "" {
			t.Errorf("%v --help: exit %d, stderr %q", cmd, r.code, r.stderr)
		}
		if !strings.Contains(r.stdout, "Examples:\n  dateline") {
			t.Errorf("%v --help has no examples:\n%s", cmd, r.stdout)
		}
	}
	r := runPlain(t, "completion", "bash")
	if r.code != exitOK || !strings.Contains(r.stdout, "bash completion") {
		t.Errorf("completion bash: exit %d, stdout %.100q", r.code, r.stdout)
	}
}
