package timeline

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestResolveAtMatchesResolve checks the shortcut for recorded positions
// against the full search on random selectors: wherever resolveAt answers,
// Resolve must give the same span.
func TestResolveAtMatchesResolve(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"Kim", "Putin", " ", "  ", "\n\n", "car", "“gift”", "Zürich", "—", "金正恩", "a", "the car", "\t", "é"}
	for trial := range 300 {
		var b strings.Builder
		for range 40 + r.IntN(60) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		st := NewSourceText(text)
		for range 50 {
			start := r.IntN(st.Len() + 1)
			end := start + r.IntN(min(12, st.Len()-start)+1)
			sel := Selector{Quote: st.Slice(start, end), Start: start, End: end}
			if r.IntN(4) == 0 {
				sel.Prefix = st.Slice(max(0, start-r.IntN(4)), start)
			}
			if r.IntN(4) == 0 {
				sel.Suffix = st.Slice(end, min(st.Len(), end+r.IntN(4)))
			}
			if r.IntN(6) == 0 { // a stale position
				sel.Start, sel.End = max(0, start-1), max(0, end-1)
			}
			span, ok := st.resolveAt(sel)
			if !ok {
				continue
			}
			want, err := st.Resolve(sel)
			if err != nil || span != want {
				t.Fatalf("trial %d, text %q, %+v: resolveAt %+v, Resolve %+v %v", trial, text, sel, span, want, err)
			}
		}
	}
}

// TestResolveAtDeclines lists selectors the shortcut must leave to the search.
func TestResolveAtDeclines(t *testing.T) {
	st := NewSourceText("Alpha met Beta. “Quoted” text é.\xff end")
	for _, sel := range []Selector{
		{Quote: "Beta", Start: 0, End: 4},                     // not there
		{Quote: "Beta", Start: -1, End: -1},                   // no position
		{Quote: "Beta", Prefix: "Alpha ", Start: 10, End: 14}, // prefix does not fit
		{Quote: "   ", Start: 5, End: 8},                      // blank: an error
		{Quote: "Alpha", Start: 0, End: 4},                    // end does not match
		{Quote: "\"Quoted\"", Start: 16, End: 24},             // only tolerantly
	} {
		if span, ok := st.resolveAt(sel); ok {
			t.Errorf("%+v: resolved to %+v", sel, span)
		}
	}
	if n := utf8.RuneCountInString("Alpha met Beta. “Quoted"); n != 23 {
		t.Fatalf("test text changed: %d", n)
	}
	if span, ok := st.resolveAt(Selector{Quote: "“Quoted”", Start: 16, End: 24}); !ok || span.Start != 16 || span.End != 24 {
		t.Errorf("an exact quote at its position: %+v %v", span, ok)
	}
}

// bigDataset has n events, enough for several validation goroutines, with
// problems of every kind scattered over it.
func bigDataset(n int) *Dataset {
	ds := testDataset()
	r := rand.New(rand.NewPCG(3, 4))
	for i := range n {
		e := ev(fmt.Sprintf("e%d", i), fmt.Sprintf("%04d-%02d", 1000+r.IntN(1000), 1+r.IntN(12)), "alpha")
		switch r.IntN(400) {
		case 0:
			e.ID = fmt.Sprintf("e%d", r.IntN(i+1)) // a duplicate, or itself
		case 1:
			e.Actors = append(e.Actors, ActorRef{Actor: "nobody"}, ActorRef{Actor: "alpha"})
		case 2:
			e.Citations[0].Quote = "Alpha met Beta" // ambiguous
		case 3:
			e.Citations = nil
		case 4:
			e.Title = " "
		}
		ds.Events = append(ds.Events, e)
	}
	return ds
}

// TestNewOwnedMatchesNew builds big timelines both ways and wants the same
// diagnostics, in dataset order, and the same events.
func TestNewOwnedMatchesNew(t *testing.T) {
	for _, n := range []int{10, 3*minPerWorker + 17} {
		ds := bigDataset(n)
		tl, diags := New(ds)
		owned := bigDataset(n)
		tlo, diagso := NewOwned(owned)
		if !reflect.DeepEqual(diags, diagso) {
			t.Fatalf("n=%d: diagnostics differ", n)
		}
		last := -1
		for _, d := range diags {
			var i int
			if _, err := fmt.Sscanf(string(d.Path), "events[%d]", &i); err != nil {
				continue
			}
			if i < last {
				t.Fatalf("n=%d: %s after events[%d]: not in dataset order", n, d.Path, last)
			}
			last = i
		}
		if (tl == nil) != (tlo == nil) {
			t.Fatalf("n=%d: New gave %v, NewOwned %v", n, tl != nil, tlo != nil)
		}
	}
	// Without errors both build, and the events agree one by one.
	ds := bigDataset(3*minPerWorker + 17)
	ds.Events = ds.Events[:0:0]
	clean := bigDataset(3*minPerWorker + 17)
	for _, e := range clean.Events {
		if strings.TrimSpace(e.Title) != "" && len(e.Actors) == 1 && len(e.Citations) == 1 && e.Citations[0].Quote == "Paris" {
			e.ID = fmt.Sprintf("c%d", len(ds.Events))
			ds.Events = append(ds.Events, e)
		}
	}
	tl := mustNew(t, ds)
	owned := *ds
	owned.Events = append([]Event(nil), ds.Events...)
	for i := range owned.Events {
		owned.Events[i].Citations = append([]Citation(nil), owned.Events[i].Citations...)
	}
	tlo, diags := NewOwned(&owned)
	if tlo == nil {
		t.Fatal(diags)
	}
	if tl.Len() != tlo.Len() || tl.dated != tlo.dated {
		t.Fatalf("lengths %d/%d, dated %d/%d", tl.Len(), tlo.Len(), tl.dated, tlo.dated)
	}
	for i := range tl.Len() {
		if !reflect.DeepEqual(tl.Event(i), tlo.Event(i)) {
			t.Fatalf("event %d: %+v vs %+v", i, tl.Event(i), tlo.Event(i))
		}
	}
	if !reflect.DeepEqual(tl.postings, tlo.postings) || !reflect.DeepEqual(tl.dates, tlo.dates) {
		t.Fatal("indexes differ")
	}
	if ds.Events[0].Citations[0].Span.Resolved {
		t.Error("New wrote into the caller's citations")
	}
}

// TestByteAtASCII compares the fast conversion with byteAt at every offset
// of texts mixing ASCII, multi-byte runes and invalid bytes.
func TestByteAtASCII(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("plain ascii text ", 40),
		strings.Repeat("Zürich — 金正恩 and more ASCII words here ", 30),
		strings.Repeat("a\xffb\xc3 é\xe2\x82 ", 50),
		"",
	} {
		st := NewSourceText(text)
		for cp := 0; cp <= st.Len()+1; cp++ {
			if got, want := st.byteAtASCII(cp), st.byteAt(cp); got != want {
				t.Fatalf("%q: code point %d at byte %d, want %d", text[:min(len(text), 20)], cp, got, want)
			}
		}
	}
}
