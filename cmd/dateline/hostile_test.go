package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dateline/data"
)

// hostileDir is the data package's hostile-input corpus; its manifest says
// what `dateline validate FILE` must print and exit with for each file.
var hostileDir = filepath.Join("..", "..", "data", "testdata", "hostile")

// hostileCase is one manifest line (format in the manifest's header).
type hostileCase struct {
	file    string
	exit    int
	want    []string // "LINE:COL: SEVERITY: substring"
	partial bool     // the list ended with "...": at least these
}

func readHostileManifest(t *testing.T) []hostileCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(hostileDir, "manifest.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []hostileCase
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("manifest line %d: want FILE | EXIT | PROBLEMS, got %q", n, line)
		}
		exit, err := strconv.Atoi(strings.TrimSpace(parts[1]))
		if err != nil {
			t.Fatalf("manifest line %d: %v", n, err)
		}
		c := hostileCase{file: strings.TrimSpace(parts[0]), exit: exit}
		for w := range strings.SplitSeq(parts[2], " ; ") {
			switch w = strings.TrimSpace(w); w {
			case "":
			case "...":
				c.partial = true
			default:
				c.want = append(c.want, w)
			}
		}
		cases = append(cases, c)
	}
	return cases
}

// validatePrefix splits "3:5: error: msg" into "3:5: error: " and "msg".
func validatePrefix(w string) (pos, msg string) {
	for _, sev := range []string{"citation error: ", "error: ", "warning: "} {
		if i := strings.Index(w, ": "+sev); i >= 0 {
			return w[:i+2+len(sev)], w[i+2+len(sev):]
		}
	}
	return w, ""
}

// TestValidateHostile runs `dateline validate FILE` on every file of the
// corpus: the exit code, and each expected problem on stderr, in order, as
// FILE:LINE:COL: SEVERITY: message, then the summary line, last on stderr;
// nothing on stdout.
func TestValidateHostile(t *testing.T) {
	cases := readHostileManifest(t)
	if len(cases) < 60 {
		t.Errorf("manifest has %d cases, want at least 60", len(cases))
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(hostileDir, c.file)
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", path}, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
			if code != c.exit {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, c.exit, stderr.String())
			}
			var lines []string
			for l := range strings.Lines(stderr.String()) {
				lines = append(lines, strings.TrimSuffix(l, "\n"))
			}
			if len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], path+": ") {
				t.Errorf("stderr does not end with the summary line for %s:\n%s", path, stderr.String())
			} else {
				lines = lines[:len(lines)-1]
			}
			if !c.partial && len(lines) != len(c.want) {
				t.Errorf("%d lines on stderr, want %d:\n%s", len(lines), len(c.want), stderr.String())
			}
			from := 0
			for _, w := range c.want {
				pos, msg := validatePrefix(w)
				pos = path + ":" + pos
				found := false
				for i := from; i < len(lines); i++ {
					if strings.HasPrefix(lines[i], pos) && strings.Contains(lines[i][len(pos):], msg) {
						from, found = i+1, true
						break
					}
				}
				if !found {
					t.Errorf("stderr lacks %q (after line %d):\n%s", pos+msg, from, stderr.String())
				}
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q, want nothing: the summary goes to stderr", stdout.String())
			}
		})
	}
}

// TestReadCommandsNeverWrite runs the commands that only read a dataset on
// a copy of a fixture and its text file and checks that neither changed,
// not even its modification time, and that nothing was added beside them.
func TestReadCommandsNeverWrite(t *testing.T) {
	for _, fixture := range []string{"y-valid.yaml", "j-valid.json", "l-valid.jsonl", "y-many-problems.yaml"} {
		for _, args := range [][]string{{"validate"}, {"validate", "--strict"}, {"list"}, {"list", "--format", "json"}, {"actors"}, {"sources"}} {
			t.Run(fixture+"/"+strings.Join(args, " "), func(t *testing.T) {
				dir := t.TempDir()
				old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
				for _, name := range []string{fixture, "council.txt"} {
					b, err := os.ReadFile(filepath.Join(hostileDir, name))
					if err != nil {
						t.Fatal(err)
					}
					p := filepath.Join(dir, name)
					if err := os.WriteFile(p, b, 0o644); err != nil {
						t.Fatal(err)
					}
					// An old mtime, so that a rewrite within the same clock
					// tick still shows.
					if err := os.Chtimes(p, old, old); err != nil {
						t.Fatal(err)
					}
				}
				before := snapshot(t, dir)
				var stdout, stderr bytes.Buffer
				run(append(args, filepath.Join(dir, fixture)), strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
				if after := snapshot(t, dir); after != before {
					t.Errorf("dateline %s changed its folder:\nbefore %s\nafter  %s", strings.Join(args, " "), before, after)
				}
			})
		}
	}
}

// snapshot describes every file in dir: name, size, mode, mtime and bytes.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(e.Name() + " " + info.Mode().String() + " " + info.ModTime().UTC().Format(time.RFC3339Nano) + " " + strconv.Itoa(len(data)) + " " + strconv.Quote(string(data)) + "; ")
	}
	return b.String()
}

// TestValidateHostileGenerated runs validate on inputs too big to commit
// (the data package's TestHostileGenerated checks their memory).
func TestValidateHostileGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 50 MB; run without -short")
	}
	const deep = 100_000
	tests := []struct {
		file string
		in   string
		exit int
		want string // the first stderr line's start, after FILE:; "" for only the summary
	}{
		{"line.yaml", "dateline: 1\ntitle: " + strings.Repeat("x", 50<<20) + "\n", 0, ""},
		{"line.jsonl", `{"dateline": 1, "title": "` + strings.Repeat("x", 50<<20) + `"}` + "\n", 0, ""},
		{"deep.json", strings.Repeat(`{"a":`, deep) + "1" + strings.Repeat("}", deep), 1, "1:501: error: nesting too deep"},
		{"deep.yaml", strings.Repeat("[", deep) + strings.Repeat("]", deep), 1, "1:1: error: YAML syntax error: exceeded max depth"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", path}, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
			if code != tt.exit {
				t.Errorf("exit code %d, want %d; stderr:\n%.2000s", code, tt.exit, stderr.String())
			}
			// The summary line comes last on stderr: "FILE: ok: 0 events, …".
			switch {
			case tt.want == "" && (!strings.HasPrefix(stderr.String(), path+": ok: ") || strings.Count(stderr.String(), "\n") != 1):
				t.Errorf("stderr = %.2000q, want only the summary", stderr.String())
			case tt.want != "" && !strings.HasPrefix(stderr.String(), path+":"+tt.want):
				t.Errorf("stderr = %.2000q, want it to start with %q", stderr.String(), path+":"+tt.want)
			}
		})
	}
}

// rawControl finds a byte sequence that a terminal would act on: a C0
// control but tab and newline (ESC, BEL, CR…), DEL, or a C1 control in
// UTF-8 (U+0080–U+009F); "" when there is none.
func rawControl(s string) string {
	for i, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0) {
			return strconv.Quote(s[max(0, i-20):min(len(s), i+20)])
		}
	}
	return ""
}

// TestNoTerminalEscapes: control characters from the data reach no text
// output raw, in any command or export, and JSON keeps them exactly
// (issue 17, item 10). Before, list, actors, validate and the Markdown
// export printed them raw: the terminal's title changed.
func TestNoTerminalEscapes(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join("testdata", "escapes.yaml")
	broken := filepath.Join(dir, "broken.yaml")
	os.WriteFile(broken, []byte("dateline: 1\nsources:\n  - {id: s, title: S, text: \"a \\e]0;X\\a b\"}\n"+
		"events:\n  - id: e\n    title: T\n    actors: [\"evil\\e]0;PWNED\\a\"]\n    citations: [{source: s, quote: \"\\e]0;Y\\a\"}]\n"), 0o644)
	srcText := filepath.Join(dir, "src.txt")
	os.WriteFile(srcText, []byte("one \x1b]0;T\x07 two \u0085 three"), 0o644)
	article := filepath.Join(dir, "art.txt")
	os.WriteFile(article, []byte("Title \x1b]0;PWNED\x07\n\nOn 5 February 2024 the council \u0085voted.\n"), 0o644)

	runs := [][]string{
		{"list", fixture}, {"list", "--format", "json", fixture},
		{"actors", fixture}, {"actors", "--format", "json", fixture},
		{"sources", fixture}, {"sources", "--format", "json", fixture},
		{"validate", fixture}, {"validate", broken}, {"list", broken},
		{"cite", srcText, "\x1b]0;T\x07"}, {"cite", srcText, "\u0085 three"}, {"cite", srcText, "\x1b]0;nowhere"},
		{"extract", article, "--published", "2024-02-06"},
		{"export", fixture, "--to", "markdown", "-o", "-"}, {"export", fixture, "--to", "sheets-csv", "-o", "-"},
		{"export", fixture, "--to", "json", "-o", "-"}, {"export", fixture, "--to", "timelinejs", "-o", "-"},
		{fixture}, // not a terminal: the list
	}
	for _, args := range runs {
		r := runPlain(t, args...)
		if at := rawControl(r.stdout); at != "" {
			t.Errorf("dateline %q: raw control on stdout at %s", args, at)
		}
		if at := rawControl(r.stderr); at != "" {
			t.Errorf("dateline %q: raw control on stderr at %s", args, at)
		}
		if args[0] == "validate" && args[1] == broken && !strings.Contains(r.stderr, `unknown actor "evil\x1b]0;PWNED\a"`) {
			t.Errorf("validate: the unknown id is not shown escaped:\n%s", r.stderr)
		}
	}
	for _, to := range []string{"markdown", "sheets-csv"} {
		out := filepath.Join(dir, "out."+to)
		if r := runPlain(t, "export", fixture, "--to", to, "-o", out); r.code != 0 {
			t.Fatalf("export %s: %d %s", to, r.code, r.stderr)
		}
		b, _ := os.ReadFile(out)
		if at := rawControl(string(b)); at != "" {
			t.Errorf("export %s: raw control in the file at %s", to, at)
		}
		if !strings.Contains(string(b), `PWNED\x07`) || !strings.Contains(string(b), `Sum \u009d0;x\u009c`) {
			t.Errorf("export %s: the title or summary is not escaped visibly:\n%s", to, b)
		}
	}

	// JSON is lossless: the report's strings and an exported copy give back
	// the data's own characters.
	const title, summary = "Vote \x1b]0;PWNED\x07", "Sum \u009d0;x\u009c"
	var doc struct {
		Events []struct{ Title, Summary string } `json:"events"`
	}
	if err := json.Unmarshal([]byte(runPlain(t, "list", "--format", "json", fixture).stdout), &doc); err != nil || len(doc.Events) != 1 {
		t.Fatalf("list --format json: %v %v", err, doc)
	}
	if doc.Events[0].Title != title || doc.Events[0].Summary != summary {
		t.Errorf("list --format json: %q, %q", doc.Events[0].Title, doc.Events[0].Summary)
	}
	out := filepath.Join(dir, "copy.json")
	runPlain(t, "export", fixture, "--to", "json", "-o", out)
	if l := data.LoadFile(out); l.Timeline == nil || l.Timeline.Event(0).Title != title || l.Timeline.Event(0).Summary != summary {
		t.Errorf("export --to json does not load back the same text: %v", l.Problems)
	}
}
