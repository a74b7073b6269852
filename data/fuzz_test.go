package data

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

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
		if !isJSON(b) {
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
	for name, marshal := range map[string]func(*timeline.Dataset) ([]byte, error){"YAML": MarshalYAML, "JSON": MarshalJSON} {
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

// FuzzMarshalRoundTrip checks that any text survives both writers.
func FuzzMarshalRoundTrip(f *testing.F) {
	for _, s := range tricky {
		f.Add(s, s+"\n"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || strings.ContainsRune(a+b, utf8.RuneError) {
			return // the loaders refuse invalid UTF-8, so nothing could hold it
		}
		ds := &timeline.Dataset{
			Title:   a,
			Sources: []timeline.Source{{ID: "s", Title: b, Text: a + b, Publisher: b}},
			Actors:  []timeline.Actor{{ID: "x", Name: a, Aliases: []string{b}}},
			Events: []timeline.Event{{ID: "e", Title: b, Summary: a, DateNote: b, Tags: []string{a},
				Actors:    []timeline.ActorRef{{Actor: "x", Role: b}},
				Citations: []timeline.Citation{{Source: "s", Quote: a, Prefix: b, Start: -1, End: -1}}}},
		}
		for name, marshal := range map[string]func(*timeline.Dataset) ([]byte, error){"YAML": MarshalYAML, "JSON": MarshalJSON} {
			out, err := marshal(ds)
			if err != nil {
				t.Fatalf("Marshal%s: %v", name, err)
			}
			l := LoadBytes("out", out, "")
			if !reflect.DeepEqual(l.Dataset, ds) {
				t.Fatalf("%s round trip: %v %s\n%s", name, l.Problems, firstDiff(l.Dataset, ds), out)
			}
		}
	})
}
