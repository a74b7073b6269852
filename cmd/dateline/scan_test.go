package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/data/jsonl"
	"dateline/timeline"
	"dateline/timeline/synth"
)

// scanCorpus writes the JSON Lines files the two paths are compared on: a
// generated dataset of n events in file order and in date order, and
// variants of it with each kind of problem, besides the JSON Lines files
// of the test corpora.
func scanCorpus(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	write := func(name string, b []byte) {
		t.Helper()
		p := filepath.Join(dir, name+".jsonl")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	marshal := func(ds *timeline.Dataset) []byte {
		t.Helper()
		b, err := jsonl.Marshal(ds)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fresh := func() *timeline.Dataset { return synth.Dataset(synth.Options{N: n, Seed: 7}) }

	ds := fresh()
	shuffled := marshal(ds)
	write("shuffled", shuffled)
	type keyed struct {
		f, s timeline.Day
		i    int
	}
	keys := make([]keyed, len(ds.Events))
	for i := range ds.Events {
		f, s := timeline.OrderKey(ds.Events[i].Date)
		keys[i] = keyed{f, s, i}
	}
	slices.SortFunc(keys, func(a, b keyed) int { return timeline.CompareOrder(a.f, a.s, a.i, b.f, b.s, b.i) })
	sorted := *ds
	sorted.Events = make([]timeline.Event, len(keys))
	for j, k := range keys {
		sorted.Events[j] = ds.Events[k.i]
	}
	write("sorted", marshal(&sorted))

	// Problems the domain finds: warnings and citation errors (the dataset
	// still loads), then errors (it does not).
	ds = fresh()
	for i := 0; i < len(ds.Events); i += 97 {
		e := &ds.Events[i]
		switch i / 97 % 4 {
		case 0:
			e.Citations = nil // a warning: no citation
		case 1:
			e.Citations[0].Quote += " and more" // a citation error: not found
		case 2:
			e.Citations[0].Start++ // a stale position, a warning
			e.Citations[0].End++
		case 3:
			e.Actors = append(e.Actors, e.Actors[0]) // listed twice, a warning
		}
	}
	write("warnings", marshal(ds))
	ds = fresh()
	for i := 0; i < len(ds.Events); i += 13 {
		e := &ds.Events[i]
		switch i / 13 % 5 {
		case 0:
			e.ID = ds.Events[i/2].ID // a duplicate id
		case 1, 2:
			e.Actors[0].Actor += "x" // unknown: more than the 100 that get a "did you mean"
		case 3:
			e.Citations[0].Source = "s9999"
		case 4:
			e.Title = " "
		}
	}
	ds.Events[5].ID = ""
	write("errors", marshal(ds))

	// Problems the decoder finds, written into the text.
	lines := strings.SplitAfter(string(shuffled), "\n")
	edit := func(name string, f func(k int, line string) string) {
		var b strings.Builder
		for k, l := range lines {
			if k == 0 {
				b.WriteString(l)
				continue
			}
			b.WriteString(f(k, l))
		}
		write(name, []byte(b.String()))
	}
	edit("blank-crlf", func(k int, l string) string {
		if k%50 == 0 {
			return "\n  \t\n" + strings.Replace(l, "\n", "\r\n", 1)
		}
		return l
	})
	edit("syntax", func(k int, l string) string {
		switch k {
		case 40:
			return `{"id": "broken", "title": ` + "\n"
		case 41:
			return "[1, 2]\n"
		case 300:
			return strings.Replace(l, `{"id"`, `{"colour":"red","id"`, 1)
		case 700:
			return strings.Replace(l, `"date":"`, `"date":"2023-13-`, 1)
		case 900:
			return strings.Replace(l, `"title":"`, `"title":5,"x":"`, 1)
		}
		return l
	})

	for _, dir := range []string{hostileDir, filepath.Join("..", "..", "data", "jsonl", "testdata")} {
		more, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, more...)
	}
	return files
}

// TestScanMatchesLoad runs list, actors and validate on JSON Lines files
// both ways, scanning and loading (as the viewer does), and wants the same
// bytes on stdout and stderr and the same exit code.
func TestScanMatchesLoad(t *testing.T) {
	files := scanCorpus(t, 5000)
	ds := synth.Dataset(synth.Options{N: 10, Seed: 7})
	person := ds.Actors[3]
	for _, a := range ds.Actors {
		if len(a.Aliases) > 0 {
			person = a
			break
		}
	}
	commands := [][]string{
		{"list"},
		{"list", "--format", "json"},
		{"list", "--grep", "merchant"},
		{"list", "--grep", "merchant", "--format", "json"},
		{"list", "--grep", "OF   THE"},
		{"list", "--grep", "k"}, // also the Kelvin sign
		{"list", "--grep", "§12."},
		{"list", "--grep", "zürich"},
		{"list", "--grep", "nothing matches this"},
		{"list", "--grep", "nothing matches this", "--format", "json"},
		{"list", "--actor", "a1"},
		{"list", "--actor", "a1", "--format", "json"},
		{"list", "--actor", person.Aliases[0]},
		{"list", "--actor", strings.ToUpper(person.Name)},
		{"list", "--actor", "a2", "--actor", "a5"},
		{"list", "--actor", "a0", "--actor", "a1", "--all-actors"},
		{"list", "--actor", "kowal"},  // ambiguous: a usage error
		{"list", "--actor", "nosuch"}, // unknown: a usage error
		{"list", "--from", "1200", "--to", "1300"},
		{"list", "--from", "1900-05"},
		{"list", "--to", "-0100"},
		{"list", "--status", "reported,alleged", "--grep", "the"},
		{"list", "--actor", "a3", "--from", "1000", "--status", "expected", "--format", "json"},
		{"actors"},
		{"actors", "--format", "json"},
		{"validate"},
		{"validate", "--strict"},
	}
	var scanned, listed, failed int
	for _, file := range files {
		scan := &app{}
		if !scan.scannable([]string{file}) {
			if strings.HasPrefix(filepath.Base(file), "l-") || filepath.Dir(file) != hostileDir {
				t.Errorf("%s: not scanned", file)
			}
			continue
		}
		scanned++
		for _, c := range commands {
			args := append(slices.Clone(c), file)
			want := runPaths(t, true, args)
			got := runPaths(t, false, args)
			if got.code != want.code || got.stdout != want.stdout || got.stderr != want.stderr {
				t.Errorf("dateline %s: scanning gives exit %d and\n%s\n%s\nloading gives exit %d and\n%s\n%s",
					strings.Join(args, " "), got.code, clip(got.stdout), clip(got.stderr), want.code, clip(want.stdout), clip(want.stderr))
				continue
			}
			if c[0] == "list" && want.code == 0 && strings.Count(want.stdout, "\n") > 10 {
				listed++
			}
			if want.code == exitData {
				failed++
			}
		}
	}
	// The comparison means something only if both kinds of outcome occur.
	if scanned < 8 || listed < 50 || failed < 20 {
		t.Fatalf("scanned %d files, %d lists of events, %d failed loads: the corpus is too tame", scanned, listed, failed)
	}
}

// runPaths runs dateline in-process, loading JSON Lines when load is set
// and scanning it otherwise.
func runPaths(t *testing.T, load bool, args []string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" },
		noScan: load}
	code := a.run(args)
	return result{code, stdout.String(), stderr.String()}
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// TestScanListInRuns: lists of thousands of events, which the scan path
// makes in runs on several goroutines from the records the scan kept or
// from the events read again (over the budget, and for JSON), are the
// loading path's, byte for byte, for a file in date order and not.
func TestScanListInRuns(t *testing.T) {
	files := scanCorpus(t, 30000)[:2] // shuffled, sorted
	commands := [][]string{
		{"list"},
		{"list", "--grep", "merchant"},
		{"list", "--grep", "the", "--format", "json"},
		{"list", "--actor", "a1"},
		{"list", "--actor", "a1", "--format", "json"},
		{"list", "--from", "1200", "--to", "1900", "--status", "occurred,alleged"},
	}
	for _, floor := range []int64{minRecordBudget, 0} {
		old := minRecordBudget
		minRecordBudget = floor
		for _, file := range files {
			for _, c := range commands {
				args := append(slices.Clone(c), file)
				want := runPaths(t, true, args)
				got := runPaths(t, false, args)
				if got.code != 0 || got.stdout != want.stdout || got.stderr != want.stderr {
					t.Errorf("budget at least %d: dateline %s: scanning gives exit %d and %d bytes (%s), loading %d bytes",
						floor, strings.Join(args, " "), got.code, len(got.stdout), clip(got.stderr), len(want.stdout))
					continue
				}
				if n := strings.Count(want.stdout, "\n"); n < 5000 {
					t.Errorf("dateline %s: %d lines, too few to cut in runs", strings.Join(args, " "), n)
				}
			}
		}
		minRecordBudget = old
	}
}

// failingWriter fails every write after its first n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("write /dev/stdout: broken pipe")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestScanListWriteFails: a list whose output cannot be written (a closed
// pipe) stops at the failed write and exits with 1, saying why.
func TestScanListWriteFails(t *testing.T) {
	file := scanCorpus(t, 20000)[0]
	for _, format := range []string{"text", "json"} {
		var stderr bytes.Buffer
		a := &app{stdin: strings.NewReader(""), stdout: &failingWriter{n: 100 << 10}, stderr: &stderr, getenv: func(string) string { return "" }}
		code := a.run([]string{"list", "--format", format, file})
		if code != exitData || !strings.Contains(stderr.String(), "broken pipe") {
			t.Errorf("--format %s: exit %d and %q, want %d and the write's error", format, code, stderr.String(), exitData)
		}
	}
}
