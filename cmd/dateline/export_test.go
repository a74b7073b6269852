package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data"
	"dateline/data/timelinejs"
)

// copyFile copies testdata/NAME into dir and returns the copy's path.
func copyFile(t *testing.T, name, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, filepath.Base(name))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExportFormats writes each format to a file and checks that it reads
// back as what it claims to be.
func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		to     string
		check  func(t *testing.T, out string)
		stderr string
	}{
		{"timelinejs", func(t *testing.T, out string) {
			if !timelinejs.Is([]byte(out)) || timelinejs.Load("x.json", []byte(out)).Timeline == nil {
				t.Errorf("not a TimelineJS file that loads:\n%s", out)
			}
		}, "dateline: export: left out 1 undated event: TimelineJS cannot place an event without a date\n"},
		{"sheets-csv", func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || rows[0][0] != "Year" || rows[1][15] != "title" || !timelinejs.IsSheetsCSV([]byte(out)) {
				t.Errorf("not the Sheets template (%v):\n%s", err, out)
			}
		}, "left out 1 undated event"},
		{"markdown", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "# Harbour works\n") || !strings.Contains(out, "[^1]: *Memo on the harbour works*") {
				t.Errorf("not the chronology:\n%s", out)
			}
		}, ""},
		{"json", func(t *testing.T, out string) {
			if l := data.LoadBytes("x.json", []byte(out), ""); l.Timeline == nil || len(l.Dataset.Events) != 7 {
				t.Errorf("not our JSON with every event:\n%s", out)
			}
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.to, func(t *testing.T) {
			out := filepath.Join(dir, "out."+tt.to)
			r := runPlain(t, "export", "testdata/small.yaml", "--to", tt.to, "-o", out)
			if r.code != exitOK || r.stdout != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) || (tt.stderr == "" && r.stderr != "") {
				t.Errorf("stderr %q, want %q", r.stderr, tt.stderr)
			}
			tt.check(t, readFile(t, out))
		})
	}
}

// TestExportStdoutFiltered writes the filtered view to standard output.
func TestExportStdoutFiltered(t *testing.T) {
	r := runPlain(t, "export", "testdata/small.yaml", "--to", "json", "-o", "-", "--actor", "Mayor Kim", "--until", "2023-12")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	l := data.LoadBytes("x.json", []byte(r.stdout), "")
	if l.Timeline == nil || len(l.Dataset.Events) == 0 {
		t.Fatalf("does not load: %v", l.Problems)
	}
	for _, e := range l.Dataset.Events {
		if !e.HasActor("kim-ji-ho") {
			t.Errorf("%s does not list the mayor", e.ID)
		}
		if lo, ok := e.Date.Earliest(); ok && lo.String() > "2023-12-31" {
			t.Errorf("%s starts after --until: %s", e.ID, e.Date)
		}
	}
	full := runPlain(t, "export", "testdata/small.yaml", "--to", "json", "-o", "-")
	if len(r.stdout) >= len(full.stdout) {
		t.Error("the filters selected nothing away")
	}
}

// TestExportEmbeddedMarkdown checks that the command writes what the data
// package's golden file holds.
func TestExportEmbeddedMarkdown(t *testing.T) {
	r := runPlain(t, "export", "--to", "markdown", "-o", "-")
	want := readFile(t, filepath.Join("..", "..", "data", "export", "testdata", "TestMarkdownGolden.golden"))
	if r.code != exitOK || r.stdout != want {
		t.Errorf("exit %d; the Markdown differs from data/export/testdata/TestMarkdownGolden.golden:\n%s", r.code, r.stdout)
	}
}

// TestExportNeverOverwrites checks that an existing file is kept without
// --force, replaced with it, and that the input is never written, even with
// --force and under another spelling of its path.
func TestExportNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.md")
	if err := os.WriteFile(out, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runPlain(t, "export", "testdata/small.yaml", "--to", "markdown", "-o", out)
	if r.code != exitData || !strings.Contains(r.stderr, out+" exists; add --force to replace it") || readFile(t, out) != "keep me" {
		t.Errorf("without --force: exit %d, stderr %q, file %q", r.code, r.stderr, readFile(t, out))
	}
	r = runPlain(t, "export", "testdata/small.yaml", "--to", "markdown", "-o", out, "--force")
	if r.code != exitOK || !strings.HasPrefix(readFile(t, out), "# Harbour works") {
		t.Errorf("with --force: exit %d, stderr %q", r.code, r.stderr)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("permissions not kept: %v %v", info.Mode(), err)
	}

	in := copyFile(t, "small.yaml", dir)
	before := readFile(t, in)
	for _, target := range []string{in, filepath.Join(dir, ".", "..", filepath.Base(dir), "small.yaml")} {
		r = runPlain(t, "export", in, "--to", "json", "-o", target, "--force")
		if r.code != exitData || !strings.Contains(r.stderr, "it is the input file") || readFile(t, in) != before {
			t.Errorf("-o %s: exit %d, stderr %q; the input must stay as it was", target, r.code, r.stderr)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("stray files left in %s: %v", dir, entries)
	}
}

func TestExportUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no --to", []string{"export", "-o", "-"}, "--to is required: want timelinejs, sheets-csv, markdown, json"},
		{"bad --to", []string{"export", "--to", "xml", "-o", "-"}, `--to: want timelinejs or sheets-csv or markdown or json, not "xml"`},
		{"no -o", []string{"export", "--to", "json"}, "-o OUT is required"},
		{"bad --until", []string{"export", "--to", "json", "-o", "-", "--until", "soon"}, "--until: "},
		{"until before from", []string{"export", "--to", "json", "-o", "-", "--from", "2024", "--until", "2017"}, "--from 2024 --until 2017"},
		{"all-actors alone", []string{"export", "--to", "json", "-o", "-", "--all-actors"}, "--all-actors needs --actor"},
		{"ambiguous actor", []string{"export", "testdata/small.yaml", "--to", "json", "-o", "-", "--actor", "kim"}, "ambiguous"},
		{"two files", []string{"export", "a.yaml", "b.yaml", "--to", "json", "-o", "-"}, "at most 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runPlain(t, tt.args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.stderr) || r.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", r.code, r.stdout, r.stderr, tt.stderr)
			}
		})
	}
}

// TestExportBrokenInput checks that a dataset with errors is not exported.
func TestExportBrokenInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	r := runPlain(t, "export", "testdata/broken.yaml", "--to", "json", "-o", out)
	if r.code != exitData || !strings.Contains(r.stderr, "testdata/broken.yaml:") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a broken dataset was exported")
	}
	if r.stdout != "" {
		t.Errorf("output on stdout: %q", r.stdout)
	}
}
