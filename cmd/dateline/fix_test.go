package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// testdata/fix holds datasets anchored (start/end, sha256) against an
// earlier minutes.txt: in the current one a paragraph was inserted at the
// top, a word changed inside the "opening" quote (it is re-anchored) and
// the "critics" sentence rewritten beyond recognition (it is orphaned).
// drift-ok.yaml has no orphan. The re-anchoring needs timeline.Reanchor.

// fixDir copies testdata/fix into a temporary folder and returns it.
func fixDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"drift.yaml", "drift-ok.yaml", "drift.json", "drift.jsonl", "minutes.txt"} {
		copyFile(t, filepath.Join("fix", name), dir)
	}
	return dir
}

// wroteLine matches the summary of a fixed drift fixture.
var wroteLine = regexp.MustCompile(`(?m)^wrote (\S+): 1 citation re-anchored \(score 0\.\d\d\), 2 positions recorded(, 1 checksum updated|; 1 orphaned citation, 1 old checksum \(for the orphans\) left as they were)$`)

// TestValidateFixDrift fixes each format end to end, then validates OUT:
// the re-anchored and moved citations are exact at their recorded
// positions, and only the orphan is left.
func TestValidateFixDrift(t *testing.T) {
	for _, name := range []string{"drift.yaml", "drift.json", "drift.jsonl"} {
		t.Run(name, func(t *testing.T) {
			dir := fixDir(t)
			in := filepath.Join(dir, name)
			out := filepath.Join(dir, "fixed-"+name)
			before := readFile(t, in)
			r := runPlain(t, "validate", "--fix", in, "-o", out)
			if r.code != exitData {
				t.Errorf("exit %d, want 1 (the orphan is left); stderr:\n%s", r.code, r.stderr)
			}
			m := wroteLine.FindStringSubmatch(r.stdout)
			if m == nil || m[1] != out || !strings.Contains(m[2], "orphan") {
				t.Errorf("stdout:\n%s", r.stdout)
			}
			for _, want := range []string{in + ": 1 citation error, 3 warnings", "quote drifted", "orphaned citation"} {
				if !strings.Contains(r.stdout+r.stderr, want) {
					t.Errorf("output lacks %q:\nstdout:\n%s\nstderr:\n%s", want, r.stdout, r.stderr)
				}
			}
			if readFile(t, in) != before {
				t.Errorf("%s changed", in)
			}
			// Left: the orphan, and the old checksum kept so that it stays one.
			v := runPlain(t, "validate", out)
			if v.code != exitData || strings.Count(v.stderr, ": warning: ") != 1 || !strings.Contains(v.stderr, "warning: source text changed since sha256") ||
				strings.Count(v.stderr, ": citation error: ") != 1 || !strings.Contains(v.stderr, "orphaned citation: quote \"Critics argued") ||
				!strings.Contains(v.stderr, "\n"+out+": 1 citation error, 1 warning: ") {
				t.Errorf("validate OUT: exit %d, stderr:\n%s", v.code, v.stderr)
			}
			fixed := readFile(t, out)
			if !strings.Contains(fixed, "the library would open in the summer of next year") ||
				!strings.Contains(fixed, "Critics argued that the cost had doubled") {
				t.Errorf("%s:\n%s", out, fixed)
			}
			// The re-anchored quote is now found as written: list says exact.
			l := runPlain(t, "list", out, "--format", "json")
			if !strings.Contains(l.stdout, `"anchor": "orphaned"`) || strings.Contains(l.stdout, `"anchor": "reanchored"`) {
				t.Errorf("list OUT:\n%s", l.stdout)
			}
		})
	}
}

// TestValidateFixClean: with no orphan the copy validates clean, even
// with --strict, and fixing exits 0.
func TestValidateFixClean(t *testing.T) {
	dir := fixDir(t)
	out := filepath.Join(dir, "fixed.yaml")
	r := runPlain(t, "validate", "--fix", filepath.Join(dir, "drift-ok.yaml"), "-o", out)
	if r.code != exitOK || !wroteLine.MatchString(r.stdout) {
		t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if v := runPlain(t, "validate", "--strict", out); v.code != exitOK || !strings.HasPrefix(v.stderr, out+": ok: ") || strings.Count(v.stderr, "\n") != 1 {
		t.Errorf("validate --strict OUT: exit %d, stderr:\n%s", v.code, v.stderr)
	}
	// The list marks the citation re-anchored in the input, not in OUT.
	if l := runPlain(t, "list", filepath.Join(dir, "drift-ok.yaml")); !strings.Contains(l.stdout, "[1] re-anchored (score 0.") {
		t.Errorf("list IN:\n%s", l.stdout)
	}
	if l := runPlain(t, "list", out); strings.Contains(l.stdout, "cite:") {
		t.Errorf("list OUT:\n%s", l.stdout)
	}
}

func TestValidateFixEmbedded(t *testing.T) {
	out := filepath.Join(t.TempDir(), "kim.yaml")
	r := runPlain(t, "validate", "--fix", "-o", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "wrote "+out+": 1 text_file written inline") {
		t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if v := runPlain(t, "validate", "--strict", out); v.code != exitOK {
		t.Errorf("validate OUT: exit %d, stderr:\n%s", v.code, v.stderr)
	}
}

// TestValidateFixRefuses: every refusal names the file, exits with the
// right code and writes nothing; a refusal of OUT or of FILE's format comes
// before validation, not after its warnings (quiet).
func TestValidateFixRefuses(t *testing.T) {
	dir := fixDir(t)
	in := filepath.Join(dir, "drift.yaml")
	before := readFile(t, in)
	exists := filepath.Join(dir, "drift.json")
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("dateline: 1\nevents:\n  - id: x\n    colour: red\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tljs := copyFile(t, filepath.Join("..", "..", "..", "data", "timelinejs", "testdata", "dates.json"), dir)
	out := filepath.Join(dir, "out.yaml")
	text := filepath.Join(dir, "minutes.txt")
	for _, c := range []struct {
		name  string
		args  []string
		code  int
		want  []string
		quiet bool
	}{
		{"no -o", []string{"--fix", in}, exitUsage, []string{"--fix needs -o OUT"}, true},
		{"-o without --fix", []string{in, "-o", out}, exitUsage, []string{"-o OUT is for --fix"}, true},
		{"two files", []string{"--fix", in, exists, "-o", out}, exitUsage, []string{"--fix takes one FILE, got 2"}, true},
		{"OUT exists", []string{"--fix", in, "-o", exists}, exitData, []string{exists + " exists; add --force"}, true},
		{"OUT is the input", []string{"--fix", in, "-o", in, "--force"}, exitData, []string{"will not write " + in + ": it is the input file"}, true},
		{"OUT links to the input", []string{"--fix", in, "-o", link, "--force"}, exitData, []string{"will not write " + link + ": it is the input file"}, true},
		{"OUT is a text file", []string{"--fix", in, "-o", text, "--force"}, exitData, []string{"will not write " + text + ": it is the text_file of a source in " + in}, true},
		{"TimelineJS", []string{"--fix", tljs, "-o", out}, exitUsage, []string{tljs + " is a TimelineJS file, and --fix writes dateline YAML, JSON or JSON Lines: export it to JSON first", "dateline export " + tljs + " --to json"}, true},
		{"errors", []string{"--fix", broken, "-o", out}, exitData, []string{broken + ":4:5: error: unknown field", broken + " has errors: nothing written to " + out}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			jsonBefore, textBefore := readFile(t, exists), readFile(t, text)
			r := runPlain(t, append([]string{"validate"}, c.args...)...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, c.code, r.stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
			if readFile(t, in) != before || readFile(t, exists) != jsonBefore || readFile(t, text) != textBefore {
				t.Error("an existing file changed")
			}
			if c.quiet && (r.stdout != "" || strings.Contains(r.stderr, "warning") || strings.Contains(r.stderr, "in place")) {
				t.Errorf("refused after validating, or said \"in place\":\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			}
		})
	}
	// --force replaces an existing OUT that is not the input.
	if r := runPlain(t, "validate", "--fix", in, "-o", exists, "--force"); r.code != exitData || !wroteLine.MatchString(r.stdout) {
		t.Errorf("--force: exit %d; stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(readFile(t, exists), "summer") {
		t.Errorf("--force did not replace %s", exists)
	}
}

// TestValidateFixTolerant: testdata/fix/tolerant.yaml types straight
// quotes and a hyphen where its source has curly quotes and a dash;
// --strict fails on it, --fix rewrites those quotes in the source's
// characters and says so, and --strict then passes on the copy, which
// differs from the input only in those two lines.
func TestValidateFixTolerant(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, "fix/tolerant.yaml", dir)
	out := filepath.Join(dir, "fixed.yaml")
	if r := runPlain(t, "validate", "--strict", in); r.code != exitData || strings.Count(r.stderr, "only after normalising") != 2 {
		t.Fatalf("strict on the input: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	r := runPlain(t, "validate", "--fix", "--strict", in, "-o", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "wrote "+out+": 2 quotes rewritten in the source's characters") {
		t.Errorf("--fix --strict: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if v := runPlain(t, "validate", "--strict", out); v.code != exitOK || strings.Contains(v.stderr, "warning") {
		t.Errorf("strict on the copy: exit %d, stderr:\n%s", v.code, v.stderr)
	}
	before, after := strings.Split(readFile(t, in), "\n"), strings.Split(readFile(t, out), "\n")
	if len(before) != len(after) {
		t.Fatalf("the copy has %d lines, the input %d", len(after), len(before))
	}
	var changed []string
	for i := range before {
		if before[i] != after[i] {
			changed = append(changed, after[i])
		}
	}
	if len(changed) != 2 || !strings.Contains(changed[0], "quote: met in “March” — its chair") ||
		!strings.Contains(changed[1], `quote: "“March” again."`) {
		t.Errorf("changed lines %q, want only the two quotes", changed)
	}
}
