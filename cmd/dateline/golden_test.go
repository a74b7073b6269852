package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden checks the reports, as text and JSON, on the embedded dataset
// and on a small fixture, against testdata/TestGolden/NAME.golden (go test
// -update rewrites them).
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"list-embedded", []string{"list"}},
		{"list-embedded-json", []string{"list", "--format", "json"}},
		{"actors-embedded", []string{"actors"}},
		{"actors-embedded-json", []string{"actors", "--format", "json"}},
		{"sources-embedded", []string{"sources"}},
		{"sources-embedded-json", []string{"sources", "--format", "json"}},
		{"list-small", []string{"list", "testdata/small.yaml"}},
		{"list-small-json", []string{"list", "testdata/small.yaml", "--format=json"}},
		{"list-small-filtered", []string{"list", "testdata/small.yaml", "--actor", "Mayor Kim", "--status", "reported,alleged"}},
		{"list-small-dates", []string{"list", "testdata/small.yaml", "--from", "2023-04", "--to", "2023-12"}},
		{"list-small-grep", []string{"list", "testdata/small.yaml", "--grep", "QUAY"}},
		{"list-small-none", []string{"list", "testdata/small.yaml", "--grep", "no such text"}},
		{"actors-small", []string{"actors", "testdata/small.yaml"}},
		{"actors-small-json", []string{"actors", "testdata/small.yaml", "--format", "json"}},
		{"sources-small", []string{"sources", "testdata/small.yaml"}},
		{"sources-small-json", []string{"sources", "testdata/small.yaml", "--format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runPlain(t, tt.args...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("dateline %s: exit %d, stderr:\n%s", strings.Join(tt.args, " "), r.code, r.stderr)
			}
			if strings.HasSuffix(tt.name, "-json") && !json.Valid([]byte(r.stdout)) {
				t.Errorf("output is not valid JSON:\n%s", r.stdout)
			}
			golden.RequireEqual(t, []byte(r.stdout))
		})
	}
}

// TestListJSONContract decodes `list --format json` generically and checks
// that every key of the contract is present on every event, actor and
// citation, with null only where the contract allows it.
func TestListJSONContract(t *testing.T) {
	for _, args := range [][]string{{"list", "--format", "json"}, {"list", "testdata/small.yaml", "--format", "json"}} {
		r := runPlain(t, args...)
		if r.code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		var doc struct {
			Events []map[string]json.RawMessage `json:"events"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) == 0 {
			t.Fatalf("%v: no events", args)
		}
		for _, e := range doc.Events {
			requireKeys(t, e, "id", "title", "summary", "status", "date", "actors", "citations")
			notNull(t, e, "id", "title", "status", "date", "actors", "citations")
			var date map[string]json.RawMessage
			mustDecode(t, e["date"], &date)
			requireKeys(t, date, "edtf", "earliest", "latest", "precision", "approximate", "uncertain", "note")
			notNull(t, date, "precision", "approximate", "uncertain")
			var actors, cites []map[string]json.RawMessage
			mustDecode(t, e["actors"], &actors)
			mustDecode(t, e["citations"], &cites)
			for _, a := range actors {
				requireKeys(t, a, "id", "name", "role")
				notNull(t, a, "id", "name")
			}
			for _, c := range cites {
				requireKeys(t, c, "source", "exact", "start", "end", "paragraph", "resolved")
				notNull(t, c, "source", "exact", "resolved")
			}
		}
	}
}

// TestListJSONExact checks that each resolved citation's exact text is the
// source's text at [start, end) in code points, as `sources --format json`
// gives it. In warning.yaml a quote with straight quotes matches the
// source's curly ones only tolerantly: exact must be the source's own text.
func TestListJSONExact(t *testing.T) {
	for _, file := range []string{"", "testdata/small.yaml", "testdata/warning.yaml"} {
		args := []string{"--format", "json"}
		if file != "" {
			args = append(args, file)
		}
		var events EventsJSON
		var sources SourcesJSON
		mustDecode(t, []byte(runPlain(t, append([]string{"list"}, args...)...).stdout), &events)
		mustDecode(t, []byte(runPlain(t, append([]string{"sources"}, args...)...).stdout), &sources)
		texts := map[string][]rune{}
		for _, s := range sources.Sources {
			texts[s.ID] = []rune(s.Text)
		}
		n := 0
		for _, e := range events.Events {
			for _, c := range e.Citations {
				if !c.Resolved {
					continue
				}
				n++
				text := texts[c.Source]
				if *c.Start < 0 || *c.End > len(text) || *c.Start > *c.End {
					t.Errorf("%s: citation [%d, %d) outside source %s", e.ID, *c.Start, *c.End, c.Source)
					continue
				}
				if got := string(text[*c.Start:*c.End]); got != c.Exact {
					t.Errorf("%s: exact %q, source has %q", e.ID, c.Exact, got)
				}
				if file == "testdata/warning.yaml" && c.Exact != "The board met in “March”." {
					t.Errorf("tolerant citation: exact %q, want the source's own text", c.Exact)
				}
			}
		}
		if n == 0 {
			t.Errorf("%q: no resolved citations", file)
		}
	}
}

func requireKeys(t *testing.T, m map[string]json.RawMessage, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing in %v", k, keysOf(m))
		}
	}
}

func notNull(t *testing.T, m map[string]json.RawMessage, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if string(m[k]) == "null" {
			t.Errorf("key %q is null", k)
		}
	}
}

func keysOf(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func mustDecode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %.200s: %v", b, err)
	}
}
