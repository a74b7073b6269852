package synth_test

import (
	"bytes"
	"slices"
	"testing"

	"dateline/data"
	"dateline/data/jsonl"
	"dateline/timeline"
	"dateline/timeline/synth"
)

func encodeJSONL(t *testing.T, opt synth.Options) []byte {
	t.Helper()
	g := synth.New(opt)
	var buf bytes.Buffer
	jw, err := jsonl.NewWriter(&buf, g.Header())
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Events(func(e *timeline.Event) error { return jw.WriteEvent(e) }); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDeterministic wants the same bytes from the same seed, and others
// from another seed.
func TestDeterministic(t *testing.T) {
	a := encodeJSONL(t, synth.Options{N: 3000, Seed: 42})
	b := encodeJSONL(t, synth.Options{N: 3000, Seed: 42})
	c := encodeJSONL(t, synth.Options{N: 3000, Seed: 43})
	if !bytes.Equal(a, b) {
		t.Error("the same seed gave different datasets")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds gave the same dataset")
	}
}

// TestValid wants a dataset that loads without a single problem, with
// the shapes the generator promises: every precision of date, BCE years,
// open ends, skewed actors, one resolved citation per event.
func TestValid(t *testing.T) {
	const n = 20000
	l := data.LoadBytes("synth.jsonl", encodeJSONL(t, synth.Options{N: n, Seed: 9}), "")
	if len(l.Problems) > 0 || l.Timeline == nil {
		t.Fatalf("%d problems, first: %v", len(l.Problems), l.Err())
	}
	tl := l.Timeline
	if tl.Len() != n {
		t.Fatalf("%d events, want %d", tl.Len(), n)
	}
	precisions := map[timeline.Precision]int{}
	bce, open, undated := 0, 0, 0
	for i := range tl.Len() {
		e := tl.Event(i)
		precisions[e.Date.Precision()]++
		if d, ok := e.Date.Earliest(); ok && d < timeline.DayOf(0, 1, 1) {
			bce++
		}
		if e.Date.IsInterval() && (e.Date.StartKind() != timeline.EndDate || e.Date.EndKind() != timeline.EndDate) {
			open++
		}
		if e.Date.IsZero() {
			undated++
		}
		if len(e.Citations) != 1 || !e.Citations[0].Span.Resolved {
			t.Fatalf("event %s: want one resolved citation, got %+v", e.ID, e.Citations)
		}
	}
	for _, p := range []timeline.Precision{timeline.PrecisionYear, timeline.PrecisionMonth, timeline.PrecisionDay,
		timeline.PrecisionSeason, timeline.PrecisionInterval} {
		if precisions[p] < n/200 {
			t.Errorf("only %d dates of precision %s", precisions[p], p)
		}
	}
	if bce < n/100 || open < n/100 || undated == 0 {
		t.Errorf("BCE %d, open-ended %d, undated %d: want some of each", bce, open, undated)
	}
	// Zipf: the busiest actor is in far more events than the median one.
	counts := make([]int, 0, len(tl.Actors()))
	for _, a := range tl.Actors() {
		counts = append(counts, tl.ActorEventCount(a.ID))
	}
	slices.Sort(counts)
	busiest, median := counts[len(counts)-1], counts[len(counts)/2]
	if busiest < 50*max(1, median) {
		t.Errorf("busiest actor in %d events, median %d: not skewed", busiest, median)
	}
}
