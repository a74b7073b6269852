package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"dateline/data"
	"dateline/timeline"
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

// TestEventRecordStrings: an event's record holds the strings the list
// printed before records, escaped whole (timeline.VisibleControls of the
// title after its status, of ActorsLine and of the date note), however
// the record escapes them part by part: with controls, C1 controls, broken
// UTF-8 at the parts' ends, wide characters and long strings.
func TestEventRecordStrings(t *testing.T) {
	odd := []string{"", "plain", "tab\there", "bell\a", "esc\x1b[31m", "c1\u0085x", "del\x7f", "cut\xe2\x82", "\x82\xacstart",
		"김정은", strings.Repeat("long ", 60), "new\nline"}
	ds := &timeline.Dataset{Title: "Odd"}
	for k, name := range odd {
		ds.Actors = append(ds.Actors, timeline.Actor{ID: fmt.Sprintf("a%d", k), Name: "N" + name, Kind: timeline.KindPerson})
	}
	for k := range odd {
		e := timeline.Event{ID: fmt.Sprintf("e%d", k), Title: "T" + odd[k], DateNote: odd[(k+3)%len(odd)],
			Status: timeline.Status(k % 4), Date: timeline.MustParseDate("2020")}
		for m := 0; m < k%4; m++ {
			ref := timeline.ActorRef{Actor: fmt.Sprintf("a%d", (k+m)%len(odd))}
			if m%2 == 1 {
				ref.Role = odd[(k+2*m)%len(odd)]
			}
			e.Actors = append(e.Actors, ref)
		}
		ds.Events = append(ds.Events, e)
	}
	tl, diags := timeline.NewOwned(ds)
	if tl == nil {
		t.Fatalf("no timeline: %v", diags)
	}
	for i := range tl.Len() {
		e := tl.Event(i)
		title := e.Title
		if e.Status != timeline.StatusOccurred {
			title = "[" + e.Status.String() + "] " + title
		}
		want := []string{HumanDate(e.Date), timeline.VisibleControls(title), timeline.VisibleControls(tl.ActorsLine(e)),
			timeline.VisibleControls(e.DateNote), driftBrief(e)}
		rec := appendEventRecord([]byte("before"), tl, e)[len("before"):]
		for k, w := range want {
			var got string
			got, rec = nextRecordString(rec)
			if got != w {
				t.Errorf("event %s: string %d of its record is %q, want %q", e.ID, k, got, w)
			}
		}
		if len(rec) != 0 {
			t.Errorf("event %s: %d bytes left in its record", e.ID, len(rec))
		}
	}
}

// TestAppendJSONControls: appendJSONControls is jsonControls, for text
// with and without DEL and C1 controls, other characters starting with
// their byte c2, and broken UTF-8.
func TestAppendJSONControls(t *testing.T) {
	for _, s := range []string{"", "plain", `{"a": "b"}`, "del\x7f", "c1\u0085 and \u009f", "copyright ©", "© and \u0080",
		"cut\xc2", "broken \xff and \u0085", "broken \xff alone", "\xc2\x85\xc2", "김정은 \u007f",
		"\xe2\xc2\x85", "\xc2\xc2\xa0", "\xc2\xc2\x9f", "§ and §", "§\xc2"} {
		if got, want := string(appendJSONControls([]byte("x"), []byte(s))), "x"+jsonControls(s); got != want {
			t.Errorf("appendJSONControls(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasJSONRaw([]byte(s)), strings.ContainsFunc(s, isJSONRaw); got != want {
			t.Errorf("hasJSONRaw(%q) = %v, want %v", s, got, want)
		}
	}
}
