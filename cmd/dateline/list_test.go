package main

import (
	"slices"
	"strings"
	"testing"

	"dateline/data"
)

// TestListActorPutin checks that `list --actor putin --format json` returns
// exactly the events whose actors include Putin's id, in chronological
// order; the expected set comes from the dataset as authored.
func TestListActorPutin(t *testing.T) {
	l := data.Embedded()
	if l.Dataset == nil {
		t.Fatalf("embedded dataset: %v", l.Err())
	}
	putin := ""
	for _, a := range l.Dataset.Actors {
		if strings.Contains(a.Name, "Putin") {
			if putin != "" {
				t.Fatalf("two actors named Putin: %s and %s", putin, a.ID)
			}
			putin = a.ID
		}
	}
	var want []string
	for _, e := range l.Dataset.Events {
		if e.HasActor(putin) {
			want = append(want, e.ID)
		}
	}
	if putin == "" || len(want) == 0 {
		t.Fatalf("the embedded dataset has no actor named Putin (%q) or no event with him", putin)
	}

	for _, name := range []string{"putin", "Vladimir Putin", putin} {
		r := runPlain(t, "list", "--actor", name, "--format", "json")
		if r.code != exitOK {
			t.Fatalf("--actor %q: exit %d: %s", name, r.code, r.stderr)
		}
		var doc EventsJSON
		mustDecode(t, []byte(r.stdout), &doc)
		var got []string
		for _, e := range doc.Events {
			got = append(got, e.ID)
			if !slices.ContainsFunc(e.Actors, func(a EventActorJSON) bool { return a.ID == putin }) {
				t.Errorf("--actor %q: event %s does not list %s", name, e.ID, putin)
			}
		}
		if !sameSet(got, want) {
			t.Errorf("--actor %q: got events %v, want %v", name, got, want)
		}
		if doc.Dataset.Total != len(l.Dataset.Events) {
			t.Errorf("dataset.total = %d, want %d", doc.Dataset.Total, len(l.Dataset.Events))
		}
	}
}

// TestListFilters checks each filter flag on the fixture against the set
// of events it must select.
func TestListFilters(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{nil, []string{"board-meeting", "mayor-statement", "objection", "cousin-claim", "works-start", "quay-opens", "critics-undated"}},
		{[]string{"--actor", "Councillor Kim"}, []string{"objection"}},
		{[]string{"--actor", "김지호"}, []string{"mayor-statement", "cousin-claim"}},
		{[]string{"--actor", "mayor kim", "--actor", "critics"}, []string{"mayor-statement", "cousin-claim", "critics-undated"}},
		{[]string{"--actor", "mayor kim", "--actor", "critics", "--all-actors"}, []string{"cousin-claim"}},
		{[]string{"--status", "expected"}, []string{"works-start", "quay-opens"}},
		{[]string{"--status", "alleged", "--status", "reported"}, []string{"mayor-statement", "cousin-claim"}},
		{[]string{"--from", "2024"}, []string{"quay-opens"}},
		{[]string{"--to", "2023-03-31"}, []string{"board-meeting", "mayor-statement", "objection", "cousin-claim"}},
		{[]string{"--from", "2023-06", "--to", "2023-08"}, []string{"works-start"}},
		{[]string{"--grep", "COUSIN"}, []string{"cousin-claim"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runPlain(t, append([]string{"list", "testdata/small.yaml", "--format", "json"}, tt.args...)...)
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			var doc EventsJSON
			mustDecode(t, []byte(r.stdout), &doc)
			var got []string
			for _, e := range doc.Events {
				got = append(got, e.ID)
			}
			if !sameSet(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
