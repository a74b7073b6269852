package data

import (
	"fmt"
	"reflect"
	"testing"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// Seed corpora live in testdata/fuzz/FuzzLoadYAML and FuzzLoadJSON (the
// fixtures of testdata/ and testdata/bad/). Run one longer with, e.g.,
//
//	go test ./data -run '^$' -fuzz '^FuzzLoadYAML$' -fuzztime 5m

func FuzzLoadYAML(f *testing.F) {
	f.Add([]byte("dateline: 1\nevents: [{id: a, title: A}]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkFuzzLoad(t, b)
	})
}

func FuzzLoadJSON(f *testing.F) {
	f.Add([]byte(`{"dateline": 1, "events": [{"id": "a", "title": "A"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !schema.IsJSON(b) {
			b = append([]byte("{"), b...) // keep the fuzzer on the JSON path
		}
		checkFuzzLoad(t, b)
	})
}

// checkFuzzLoad loads b with the text files of testdata/bad at hand and
// checks the loader's promises: no panic, every problem placed and sorted, a
// Timeline exactly when there is no error, and a loaded dataset that
// survives a round trip through both writers.
func checkFuzzLoad(t *testing.T, b []byte) {
	l := LoadBytes("fuzz", b, badDir)
	checkLoaded(t, l, "fuzz")
	if l.Timeline == nil {
		return
	}
	for _, p := range l.Problems {
		if p.Severity == timeline.SeverityError {
			t.Fatalf("Timeline with an error: %v", p)
		}
	}
	for name, marshal := range map[string]func(*timeline.Dataset) ([]byte, error){"YAML": schema.MarshalYAML, "JSON": schema.MarshalJSON} {
		out, err := marshal(l.Dataset)
		if err != nil {
			t.Fatalf("Marshal%s: %v", name, err)
		}
		again := LoadBytes("again", out, "")
		if again.Count(timeline.SeverityError) > 0 || !reflect.DeepEqual(again.Dataset, l.Dataset) {
			t.Fatalf("%s round trip changed the dataset (%v): %s\n%s", name, again.Problems, firstDiff(again.Dataset, l.Dataset), out)
		}
	}
}

// firstDiff describes the first record where two datasets differ.
func firstDiff(got, want *timeline.Dataset) string {
	if got == nil {
		return "no dataset"
	}
	for i := range min(len(got.Sources), len(want.Sources)) {
		if !reflect.DeepEqual(got.Sources[i], want.Sources[i]) {
			return fmt.Sprintf("sources[%d]: %#v\nwant %#v", i, got.Sources[i], want.Sources[i])
		}
	}
	for i := range min(len(got.Actors), len(want.Actors)) {
		if !reflect.DeepEqual(got.Actors[i], want.Actors[i]) {
			return fmt.Sprintf("actors[%d]: %#v\nwant %#v", i, got.Actors[i], want.Actors[i])
		}
	}
	for i := range min(len(got.Events), len(want.Events)) {
		if !reflect.DeepEqual(got.Events[i], want.Events[i]) {
			return fmt.Sprintf("events[%d]: %#v\nwant %#v", i, got.Events[i], want.Events[i])
		}
	}
	return fmt.Sprintf("lengths or title: %d/%d/%d %q, want %d/%d/%d %q", len(got.Sources), len(got.Actors), len(got.Events), got.Title,
		len(want.Sources), len(want.Actors), len(want.Events), want.Title)
}
