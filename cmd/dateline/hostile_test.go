package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
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
