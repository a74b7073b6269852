package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data"
	"dateline/timeline"
)

// TestCitationAnchor checks "anchor" and "score" for each way a citation
// can be found, on spans set by hand (the fixture's own, then drifted ones).
func TestCitationAnchor(t *testing.T) {
	l := reportFixture(t)
	gift := reportEventByID(t, l, "gift")
	doc := NewEventsJSON(l, l.Timeline.Apply(timeline.Filter{}, nil))
	if c := doc.Events[0].Citations; c[0].Anchor != AnchorExact || c[0].Score != nil ||
		c[1].Anchor != AnchorUnresolved || c[1].Score != nil {
		t.Errorf("fixture citations = %+v", c)
	}

	// "the car was a gift" re-anchored at 51–69 (the same place: the
	// source's text there is Exact); the other orphaned.
	gift.Citations[0].Span = timeline.Span{Resolved: true, Reanchored: true, Score: 0.875, Start: 51, End: 69, Paragraph: 2}
	gift.Citations[1].Span = timeline.Span{Orphaned: true, Score: 0.25}
	doc = NewEventsJSON(l, l.Timeline.Apply(timeline.Filter{}, nil))
	re, orph := doc.Events[0].Citations[0], doc.Events[0].Citations[1]
	if re.Anchor != AnchorReanchored || re.Score == nil || *re.Score != 0.875 || !re.Resolved ||
		re.Start == nil || *re.Start != 51 || re.Exact != "the car was a gift" {
		t.Errorf("re-anchored citation = %+v", re)
	}
	if orph.Anchor != AnchorOrphaned || orph.Score == nil || *orph.Score != 0.25 || orph.Resolved ||
		orph.Start != nil || orph.Exact != "not in the text" {
		t.Errorf("orphaned citation = %+v", orph)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Events []struct {
			Citations []map[string]any `json:"citations"`
		} `json:"events"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	c := raw.Events[0].Citations
	if c[0]["anchor"] != "reanchored" || c[0]["score"] != 0.875 || c[1]["anchor"] != "orphaned" || c[1]["score"] != 0.25 {
		t.Errorf("JSON citations = %v", c)
	}
	if s, ok := raw.Events[1].Citations[0]["score"]; !ok || s != nil {
		t.Errorf(`an exact citation's "score" = %v, %v; want null`, s, ok)
	}

	gift.Citations[0].Span = timeline.Span{Resolved: true, Tolerant: true, Start: 51, End: 69, Paragraph: 2}
	if a := Anchor(gift.Citations[0].Span); a != AnchorTolerant {
		t.Errorf("tolerant span: anchor %q", a)
	}
}

// TestWriteEventsTextDrift: the list for people marks re-anchored and
// orphaned citations, and only those.
func TestWriteEventsTextDrift(t *testing.T) {
	l := reportFixture(t)
	var plain bytes.Buffer
	if err := WriteEventsText(&plain, l, l.Timeline.Apply(timeline.Filter{}, nil)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "cite:") {
		t.Errorf("no drift, yet a cite line:\n%s", plain.String())
	}
	gift := reportEventByID(t, l, "gift")
	gift.Citations[0].Span = timeline.Span{Resolved: true, Reanchored: true, Score: 0.875, Start: 51, End: 69, Paragraph: 2}
	gift.Citations[1].Span = timeline.Span{Orphaned: true, Score: 0.25}
	var buf bytes.Buffer
	if err := WriteEventsText(&buf, l, l.Timeline.Apply(timeline.Filter{}, nil)); err != nil {
		t.Fatal(err)
	}
	// The line wraps like the others; compare it with its spaces collapsed.
	// Scores are shown rounded down (timeline.FormatScore): 0.875 is 0.87.
	want := "cite: [1] re-anchored (score 0.87); [2] orphaned (best score 0.25) undated"
	if got := strings.Join(strings.Fields(buf.String()), " "); !strings.Contains(got, want) || strings.Count(got, "cite:") != 1 {
		t.Errorf("list lacks %q once:\n%s", want, buf.String())
	}
}

// TestListDriftFixture: on the drifted fixture the real validator marks
// the citations (needs the fuzzy matcher of timeline.Reanchor).
func TestListDriftFixture(t *testing.T) {
	l := data.LoadFile(filepath.Join("testdata", "fix", "drift.yaml"))
	if l.Timeline == nil {
		t.Fatalf("%v", l.Problems)
	}
	doc := NewEventsJSON(l, l.Timeline.Apply(timeline.Filter{}, nil))
	anchors := map[string]string{}
	for _, e := range doc.Events {
		anchors[e.ID] = e.Citations[0].Anchor
	}
	want := map[string]string{"meeting": "exact", "opening": "reanchored", "critics": "orphaned", "vote": "exact"}
	for id, a := range want {
		if anchors[id] != a {
			t.Errorf("%s: anchor %q, want %q", id, anchors[id], a)
		}
	}
}

// TestAnchorAmbiguousAfterChange: a quote with no recorded position that
// became ambiguous in a source whose checksum no longer matches is not
// looked for again (nothing says which place it meant): it is a plain
// citation error, "unresolved" with no score, not an orphan.
func TestAnchorAmbiguousAfterChange(t *testing.T) {
	src := "dateline: 1\nsources:\n  - id: s\n    title: S\n    text: \"they left. Then, later, they left.\"\n" +
		"    sha256: 0000000000000000000000000000000000000000000000000000000000000000\n" +
		"events:\n  - id: e\n    title: E\n    citations:\n      - {source: s, quote: they left}\n"
	l := data.LoadBytes("amb.yaml", []byte(src), t.TempDir())
	if l.Timeline == nil {
		t.Fatalf("%v", l.Problems)
	}
	doc := NewEventsJSON(l, l.Timeline.Apply(timeline.Filter{}, nil))
	c := doc.Events[0].Citations[0]
	if c.Anchor != AnchorUnresolved || c.Score != nil || c.Resolved {
		t.Errorf("citation = %+v, want unresolved without a score", c)
	}
	if l.Count(timeline.SeverityCitation) != 1 {
		t.Errorf("problems %v, want the ambiguous quote", l.Problems)
	}
}

// reportEventByID returns the event id of l or stops the test.
func reportEventByID(t *testing.T, l *data.Loaded, id string) *timeline.Event {
	t.Helper()
	for i := range l.Timeline.Len() {
		if e := l.Timeline.Event(i); e.ID == id {
			return e
		}
	}
	t.Fatalf("%s has no event %q", l.File, id)
	return nil
}
