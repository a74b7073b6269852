package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestJSONShape runs the whole benchmark on a tiny dataset and checks the
// -json object: its keys, one entry per metric, positive figures, and the
// dots paginator measured (N ≤ 100,000).
func TestJSONShape(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-n", "300", "-json", "-budget", "1ms", "-first-frame", "2"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &top); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out.String())
	}
	for _, k := range []string{"n", "event_bytes", "load_mb_per_s", "heap_bytes", "metrics", "first_frame_cpu_ns", "first_frame_wall_ns", "first_frame_minimal_cpu_ns"} {
		if _, ok := top[k]; !ok {
			t.Errorf("no %q in %s", k, out.String())
		}
	}
	if len(top) != 8 {
		t.Errorf("%d keys, want 8: %s", len(top), out.String())
	}
	for _, k := range []string{"first_frame_cpu_ns", "first_frame_wall_ns", "first_frame_minimal_cpu_ns"} {
		var ns int64
		if err := json.Unmarshal(top[k], &ns); err != nil || ns <= 0 {
			t.Errorf("%s = %s, want a positive number of nanoseconds", k, top[k])
		}
	}
	var r struct {
		N          int     `json:"n"`
		EventBytes float64 `json:"event_bytes"`
		Load       float64 `json:"load_mb_per_s"`
		Heap       map[string]uint64
		Metrics    []map[string]any `json:"metrics"`
	}
	r.Heap = map[string]uint64{}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(top["heap_bytes"], &r.Heap); err != nil || len(r.Heap) != 2 || r.Heap["ours"] == 0 || r.Heap["peer"] == 0 {
		t.Errorf("heap_bytes %s: want ours and peer, both positive", top["heap_bytes"])
	}
	if r.N != 300 || r.EventBytes < 150 || r.EventBytes > 400 || r.Load <= 0 {
		t.Errorf("n %d, event_bytes %v, load_mb_per_s %v", r.N, r.EventBytes, r.Load)
	}
	if len(r.Metrics) != len(metricNames) {
		t.Fatalf("%d metrics, want %d", len(r.Metrics), len(metricNames))
	}
	for i, m := range r.Metrics {
		if m["name"] != metricNames[i] {
			t.Errorf("metric %d is %v, want %s", i, m["name"], metricNames[i])
		}
		if len(m) != 5 {
			t.Errorf("%v: %d keys, want name, ours_ns, peer_ns, peer_default_ns, ratio", m["name"], len(m))
		}
		for _, k := range []string{"ours_ns", "peer_ns", "peer_default_ns", "ratio"} {
			if v, ok := m[k].(float64); !ok || v <= 0 {
				t.Errorf("%v: %s = %v, want a positive number", m["name"], k, m[k])
			}
		}
	}
}

// TestTable checks the table names every metric and the load and memory.
func TestTable(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-n", "200", "-budget", "1ms", "-first-frame", "0"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if strings.Contains(out.String(), "first frame") {
		t.Errorf("-first-frame 0 still timed the first frame:\n%s", out.String())
	}
	for _, want := range append(metricNames, "list (dots)", "MB/s", "heap after GC") {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
}

// TestGen writes the dataset twice with one seed and wants the same bytes,
// and refuses to overwrite without -force.
func TestGen(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	for _, p := range []string{a, b} {
		var errs bytes.Buffer
		if code := run([]string{"-gen", p, "-n", "500", "-seed", "9"}, &bytes.Buffer{}, &errs); code != 0 {
			t.Fatalf("exit %d: %s", code, errs.String())
		}
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if len(ab) == 0 || !bytes.Equal(ab, bb) {
		t.Error("two runs with one seed wrote different files")
	}
	var errs bytes.Buffer
	if code := run([]string{"-gen", a, "-n", "10"}, &bytes.Buffer{}, &errs); code == 0 || !strings.Contains(errs.String(), "exists") {
		t.Errorf("overwrote without -force: exit %d, %s", code, errs.String())
	}
	if code := run([]string{"-gen", a, "-n", "10", "-force"}, &bytes.Buffer{}, &errs); code != 0 {
		t.Errorf("-force: exit %d, %s", code, errs.String())
	}
}

// TestFirstFrame starts the real dateline and the minimal program in a
// pseudo-terminal twice each and checks the figures: dateline first, then
// the minimal program; positive, the CPU time less than a second; and the
// ratio line against the goal.
func TestFirstFrame(t *testing.T) {
	ffs, err := measureFirstFrame(2, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"dateline", "minimal"}
	if len(ffs) != len(want) {
		t.Fatalf("%d builds timed, want %v", len(ffs), want)
	}
	for i, ff := range ffs {
		if ff.build != want[i] || ff.runs != 2 || ff.cpu <= 0 || ff.cpu > time.Second || ff.wall <= 0 {
			t.Errorf("first frame %+v: want build %q, 2 runs, a CPU time in (0, 1 s] and a positive wall time", ff, want[i])
		}
		var out bytes.Buffer
		printFirstFrame(&out, ff)
		if !strings.Contains(out.String(), "first frame, ") || !strings.Contains(out.String(), "of CPU") {
			t.Errorf("first frame line: %q", out.String())
		}
	}
	var out bytes.Buffer
	printFirstFrames(&out, ffs)
	if !strings.Contains(out.String(), "× the CPU of the minimal program (goal: within 2×)") {
		t.Errorf("no ratio line in %q", out.String())
	}
}

// TestLoadFile times loads of a generated file with -load.
func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.jsonl")
	if code := run([]string{"-gen", path, "-n", "300"}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatal("cannot generate")
	}
	var out, errs bytes.Buffer
	if code := run([]string{"-load", path, "-reps", "3"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if n := strings.Count(out.String(), "MB/s"); n != 4 {
		t.Errorf("%d lines with MB/s, want 3 loads and the median:\n%s", n, out.String())
	}
}

// TestSearchAnswered: the key-by-key search waits for the status bar's
// count of the query typed so far, drawn with colours, and not for the
// note of a search still running or of a shorter query.
func TestSearchAnswered(t *testing.T) {
	for _, tc := range []struct {
		typed, out string
		want       bool
	}{
		{"/", "", true},
		{"/me", "\x1b[38;5;1msearch: \"me\" (\x1b[0m1/2048+, searching…)", true},
		{"/me", `search: "me" (-/12)`, true},
		{"/me", `search: "me" (no match)`, true},
		{"/me", `search: "me" (…)`, false},
		{"/me", `search: "m" (1/40)`, false},
		{"/mer", `search: "me" (1/40)`, false},
	} {
		if got := searchAnswered(tc.typed, []byte(tc.out)); got != tc.want {
			t.Errorf("searchAnswered(%q, %q) = %v, want %v", tc.typed, tc.out, got, tc.want)
		}
	}
}

// TestOpenFile times the keys on a generated file opened lazily with
// -open: a row per metric, each measured through the keys but the first
// view, which has none.
func TestOpenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.jsonl")
	if code := run([]string{"-gen", path, "-n", "400"}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatal("cannot generate")
	}
	var out, errs bytes.Buffer
	if code := run([]string{"-open", path, "-budget", "1ms"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(out.String(), "400 events") || !strings.Contains(out.String(), "(data.OpenJSONLines, lazy)") {
		t.Errorf("no count of events or no lazy open in\n%s", out.String())
	}
	for _, name := range metricNames {
		how := "keys"
		if name == "first_view" {
			how = "new model + View"
		}
		row := regexp.MustCompile(`(?m)^` + name + ` +[0-9.]+ (ns|µs|ms|s) +` + regexp.QuoteMeta(how) + ` *$`)
		if !row.MatchString(out.String()) {
			t.Errorf("no row %s … %s in\n%s", name, how, out.String())
		}
	}
	if code := run([]string{"-open", filepath.Join(t.TempDir(), "none.jsonl")}, &bytes.Buffer{}, &errs); code != 1 {
		t.Errorf("a missing file: exit %d, want 1", code)
	}
}
