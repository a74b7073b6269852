package timeline

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// memorySource is an EventSource over a Dataset in memory: what a file's
// source does, without the file, so that a lazy Timeline can be compared
// with New's on the same events.
type memorySource struct {
	events []Event
	mu     sync.Mutex
	ec     *EventChecker
	broken map[int]bool // events that cannot be read
	reads  int          // Texts calls' events, to see narrowing work
}

func newMemorySource(ds *Dataset) *memorySource {
	return &memorySource{events: ds.Events, ec: NewChecker(ds).Events()}
}

func (s *memorySource) Event(i int) (*Event, error) {
	if s.broken[i] {
		return nil, errors.New("line is no event")
	}
	e := cloneEvent(s.events[i])
	s.mu.Lock()
	defer s.mu.Unlock()
	diags, _, _ := s.ec.Check(i, &e)
	for _, d := range diags {
		if d.Severity == SeverityError {
			return &e, fmt.Errorf("%w: %s", ErrInvalid, d.Message)
		}
	}
	return &e, nil
}

func cloneEvent(e Event) Event {
	e.Actors = slices.Clone(e.Actors)
	e.Citations = slices.Clone(e.Citations)
	e.Tags = slices.Clone(e.Tags)
	return e
}

func (s *memorySource) Texts(idx []int32, need Needles, fn func(k int, s string) bool) error {
	s.mu.Lock()
	s.reads += len(idx)
	s.mu.Unlock()
	for k, i := range idx {
		if s.broken[int(i)] {
			continue
		}
		e := &s.events[i]
		// As a file's source tests its lines: everything the event holds,
		// its text among the rest.
		if !need.MayHold(fmt.Appendf(nil, "%+v", *e)) {
			continue
		}
		if !fn(k, e.Title) || !fn(k, e.Summary) {
			continue
		}
		for _, c := range e.Citations {
			if !fn(k, c.Quote) {
				break
			}
		}
	}
	return nil
}

func (s *memorySource) Find(id string) (int, bool, error) {
	for i := range s.events {
		if s.events[i].ID == id {
			return i, true, nil
		}
	}
	return 0, false, nil
}

// columnsOf is what a file's first pass records of ds's events.
func columnsOf(ds *Dataset) Columns {
	var c Columns
	ids := map[string]int32{}
	for k, a := range ds.Actors {
		ids[a.ID] = int32(k)
	}
	for _, e := range ds.Events {
		c.Bounds = append(c.Bounds, BoundsOf(e.Date))
		c.Status = append(c.Status, e.Status)
		c.ActorAt = append(c.ActorAt, int32(len(c.Actors)))
		for _, r := range e.Actors {
			a, ok := ids[r.Actor]
			if !ok {
				a = -1
			}
			c.Actors = append(c.Actors, a)
		}
	}
	c.ActorAt = append(c.ActorAt, int32(len(c.Actors)))
	return c
}

func mustLazy(t testing.TB, ds *Dataset) (*Timeline, *memorySource) {
	t.Helper()
	src := newMemorySource(ds)
	header := *ds
	header.Events = nil
	tl, diags := NewLazy(&header, columnsOf(ds), src)
	if tl == nil {
		t.Fatalf("NewLazy: %v", diags)
	}
	return tl, src
}

// datedSearchDataset is randomSearchDataset with dates of every kind and
// statuses, in no order, some repeated.
func datedSearchDataset(n int, seed uint64) *Dataset {
	ds := randomSearchDataset(n, seed)
	r := rand.New(rand.NewPCG(seed, 9))
	dates := []string{"", "2024", "2024-02", "2024-02-20", "2023-09-13", "2024-02-20", "201X", "2023-XX",
		"../2024-01", "2022/..", "2021-03/2023-11-02", "/2024", "2024-21", "2019~", "2020?", "2017-12-22T10:00:00Z"}
	for i := range ds.Events {
		if s := dates[r.IntN(len(dates))]; s != "" {
			d, err := ParseDate(s)
			if err != nil {
				panic(err)
			}
			ds.Events[i].Date = d
		}
		ds.Events[i].Status = Status(r.IntN(4))
	}
	return ds
}

func TestLazyMatchesNew(t *testing.T) {
	for name, ds := range map[string]*Dataset{
		"dated":   datedSearchDataset(3000, 5),
		"scripts": searchDataset(),
		"undated": randomSearchDataset(500, 8),
	} {
		t.Run(name, func(t *testing.T) {
			want := mustNew(t, ds)
			got, _ := mustLazy(t, ds)
			if got.Len() != want.Len() || !got.Lazy() || want.Lazy() {
				t.Fatalf("Len %d, want %d", got.Len(), want.Len())
			}
			for i := range want.Len() {
				if !reflect.DeepEqual(got.Event(i), want.Event(i)) {
					t.Fatalf("Event(%d) = %+v, want %+v", i, got.Event(i), want.Event(i))
				}
				gd, gok := got.StartDay(i)
				wd, wok := want.StartDay(i)
				if gd != wd || gok != wok {
					t.Fatalf("StartDay(%d) = %v %v, want %v %v", i, gd, gok, wd, wok)
				}
				if got.Undated(i) != want.Undated(i) || got.EventProblem(i) != "" {
					t.Fatalf("event %d: undated %v, problem %q", i, got.Undated(i), got.EventProblem(i))
				}
			}
			gf, gl, gok := got.Span()
			wf, wl, wok := want.Span()
			if gf != wf || gl != wl || gok != wok {
				t.Errorf("Span = %v %v %v, want %v %v %v", gf, gl, gok, wf, wl, wok)
			}
			for _, f := range lazyFilters(ds) {
				if g, w := got.Apply(f, nil), want.Apply(f, nil); !slices.Equal(g, w) {
					t.Errorf("Apply(%+v): %d events, want %d", f, len(g), len(w))
				}
			}
			r := rand.New(rand.NewPCG(3, 4))
			queries := []string{"", "-", "p", "pu putin k", "pu", "put", "putin", "pu", "北한", "café", "CAFE", "k", "ſ", "\u212a"}
			for range 300 {
				queries = append(queries, randomQuery(r))
			}
			for _, q := range queries {
				// Typing: each prefix of the query in turn narrows the last.
				for _, p := range []string{q[:len(q)/2], q} {
					if g, w := got.Search(p, nil), want.Search(p, nil); !slices.Equal(g, w) {
						t.Fatalf("Search(%q) = %v, want %v", p, g, w)
					}
				}
			}
			for _, id := range []string{ds.Events[0].ID, ds.Events[len(ds.Events)-1].ID, "none"} {
				gi, gok := got.EventIndex(id)
				wi, wok := want.EventIndex(id)
				if gi != wi || gok != wok {
					t.Errorf("EventIndex(%q) = %d %v, want %d %v", id, gi, gok, wi, wok)
				}
			}
		})
	}
}

func lazyFilters(ds *Dataset) []Filter {
	d := func(s string) Date {
		x, err := ParseDate(s)
		if err != nil {
			panic(err)
		}
		return x
	}
	var fs []Filter
	ids := []string{}
	for _, a := range ds.Actors {
		ids = append(ids, a.ID)
	}
	fs = append(fs, Filter{}, Filter{Statuses: []Status{StatusAlleged}}, Filter{Text: "pu"}, Filter{Text: "Putin"},
		Filter{Dates: d("2024")}, Filter{Dates: d("2023-09/2024-02")}, Filter{Dates: d("../2021")},
		Filter{Dates: d("2024"), Statuses: []Status{StatusOccurred, StatusExpected}, Text: "a"})
	if len(ids) >= 2 {
		fs = append(fs, Filter{Actors: ids[:1]}, Filter{Actors: ids[:2]}, Filter{Actors: ids[:2], AllActors: true},
			Filter{Actors: ids[1:2], Dates: d("2024"), Text: "e"})
	}
	return fs
}

// TestLazySearchNarrows checks that typing on reads only the last result's
// events, and that SearchLatest abandons a superseded query.
func TestLazySearchNarrows(t *testing.T) {
	ds := randomSearchDataset(2000, 11)
	tl, src := mustLazy(t, ds)
	first := tl.Search("p", nil)
	src.reads = 0
	second := tl.Search("pu", nil)
	if src.reads > len(first) {
		t.Errorf("narrowing read %d events, more than the %d of the last result", src.reads, len(first))
	}
	if len(second) > len(first) {
		t.Errorf("pu found %d, p only %d", len(second), len(first))
	}
	src.reads = 0
	if again := tl.Search("p", nil); !slices.Equal(again, first) || src.reads != 0 {
		t.Errorf("a repeated query read %d events", src.reads)
	}
	if _, ok := tl.SearchLatest("qu", 2, nil); !ok {
		t.Error("SearchLatest with nothing newer was abandoned")
	}
	// The command of an older keystroke that starts late is dropped, and
	// does not make the newer one stale.
	if _, ok := tl.SearchLatest("q", 1, nil); ok {
		t.Error("SearchLatest of an older seq after a newer one ran")
	}
	if hits, ok := tl.SearchLatest("qu", 3, nil); !ok || !slices.Equal(hits, tl.Search("qu", nil)) {
		t.Errorf("SearchLatest(qu, 3) = %v, %v", hits, ok)
	}
}

// TestSearchIn: a search over a window of events gives the matches of
// the whole search that are in it, on a lazy Timeline reading only the
// window (the events of a recent result it narrows, when there is one),
// and as much on a Timeline in memory.
func TestSearchIn(t *testing.T) {
	ds := randomSearchDataset(2000, 12)
	mem := mustNew(t, ds)
	tl, src := mustLazy(t, ds)
	r := rand.New(rand.NewPCG(5, 6))
	seq := uint64(0)
	for _, q := range []string{"p", "pu", "putin", "k", "zzzz", "", "café"} {
		for range 20 {
			lo := r.IntN(tl.Len())
			hi := min(tl.Len(), lo+r.IntN(300))
			among := make([]int, 0, hi-lo)
			for i := lo; i < hi; i += 1 + r.IntN(3) {
				among = append(among, i)
			}
			want := appendIntersection(nil, mem.Search(q, nil), among)
			src.reads = 0
			seq++
			got, ok := tl.SearchIn(q, among, seq)
			if !ok || !slices.Equal(got, want) {
				t.Fatalf("SearchIn(%q, %d events from %d) = %v %v, want %v", q, len(among), lo, got, ok, want)
			}
			if src.reads > len(among) {
				t.Errorf("SearchIn(%q) read %d events for a window of %d", q, src.reads, len(among))
			}
			if g, _ := mem.SearchIn(q, among, seq); !slices.Equal(g, want) {
				t.Fatalf("in memory, SearchIn(%q) = %v, want %v", q, g, want)
			}
		}
		tl.Search(q, nil) // a result the next query narrows
	}
	if _, ok := tl.SearchIn("p", []int{1, 2}, 1); ok {
		t.Error("SearchIn of an older seq after a newer one ran")
	}
}

func TestLazyUnreadableEvent(t *testing.T) {
	ds := datedSearchDataset(50, 2)
	ds.Events[7].Actors = append(ds.Events[7].Actors, ActorRef{Actor: "nobody"})
	tl, src := mustLazy(t, ds)
	src.broken = map[int]bool{3: true}
	for k, want := range map[int]string{3: "line is no event", 7: "nobody"} {
		i, ok := tl.Position(k)
		if !ok {
			t.Fatalf("Position(%d) not found", k)
		}
		e := tl.Event(i)
		if p := tl.EventProblem(i); p == "" || !containsFold(p, foldKey(want)) && !containsFold(e.Title, foldKey(want)) {
			t.Errorf("event %d: problem %q, title %q, want %q", k, p, e.Title, want)
		}
	}
}

// TestFoldsToASCII checks what mayFoldToASCII relies on: the only runes
// outside ASCII that fold to an ASCII one are U+017F and U+212A.
func TestFoldsToASCII(t *testing.T) {
	var got []rune
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if foldRune(r) < utf8.RuneSelf {
			got = append(got, r)
		}
	}
	if want := []rune{0x017F, 0x212A}; !slices.Equal(got, want) {
		t.Errorf("runes folding into ASCII: %U, want %U", got, want)
	}
	// queryWord looks for them only in words with an S or a K.
	if foldRune(0x017F) != 'S' || foldRune(0x212A) != 'K' {
		t.Errorf("ſ folds to %q, the Kelvin sign to %q; want S and K", foldRune(0x017F), foldRune(0x212A))
	}
}

// TestNeedlesMayHold: text that matches a query word or a Filter's text
// is never rejected by their Needles, whatever surrounds it; text that
// lacks one is.
func TestNeedlesMayHold(t *testing.T) {
	texts := []string{"", "merchant", "the Merchant's harbour", "MERCHANTS at the HARBOUR", "amerchant", "mer-chant",
		"mér", "\u212aelvin", "ſtone", "“Merchant”", "x merc", "merc", "harbour tax", "harbour  \u00a0tax", "quay", "QQQ zzz", "e0000017"}
	queries := []string{"merc", "merchant harbour", "kel", "stone", "m", "mér", "x", "harbour tax", "q z", "e0000", "zz", "s"}
	for _, s := range texts {
		for _, q := range queries {
			words := parseQuery(q, true)
			mask := uint64(1)<<len(words) - 1
			matches := true
			for _, w := range words {
				matches = matches && textHasPrefix(s, w)
			}
			for _, b := range []string{s, `{"title":"` + s + `","id":"e1"}`} {
				if matches && !needlesOf(words, mask).MayHold([]byte(b)) {
					t.Errorf("needles of query %q reject %q, which matches", q, b)
				}
				if needle := foldKey(q); containsFold(s, needle) && !needlesOfText(needle).MayHold([]byte(b)) {
					t.Errorf("needles of text %q reject %q, which holds it", q, b)
				}
			}
		}
	}
	for _, tc := range []struct{ q, s string }{{"merchant", "the merchan tax"}, {"harbour tax", "harbour only"}, {"stone", "a ston e"}, {"kelvin", "Kelvi"}} {
		words := parseQuery(tc.q, true)
		if needlesOf(words, uint64(1)<<len(words)-1).MayHold([]byte(tc.s)) {
			t.Errorf("needles of query %q hold %q, which lacks a word", tc.q, tc.s)
		}
		if needlesOfText(foldKey(tc.q)).MayHold([]byte(tc.s)) {
			t.Errorf("needles of text %q hold %q, which lacks it", tc.q, tc.s)
		}
	}
	if n := needlesOf([]string{"MÉR"}, 1); !n.Empty() {
		t.Errorf("needles of a word outside ASCII: %+v, want none", n)
	}
}

func TestQueryWordIn(t *testing.T) {
	for _, s := range []string{"", "merchant", "the Merchant's", "MERCHANTS", "amerchant", "mer-chant", "mér", "\u212aelvin", "ſtone", "“Merchant”", "x merc", "merc"} {
		for _, w := range []string{"MERC", "MERCHANT", "KEL", "STONE", "M", "MÉR", "X"} {
			qw := newQueryWord(w)
			if got, want := qw.in(s), textHasPrefix(s, w); got != want {
				t.Errorf("in(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// A lazy Timeline leaves its postings and date lists for Index: until
// then StartDay and Span answer, and any filter, count or search that
// needs them builds them first, once, however many readers ask at once
// (run with -race).
func TestLazyIndexOnDemand(t *testing.T) {
	ds := datedSearchDataset(3000, 9)
	want := mustNew(t, ds)
	got, _ := mustLazy(t, ds)
	if got.Indexed() || !want.Indexed() {
		t.Fatalf("Indexed: lazy %v before Index, in memory %v", got.Indexed(), want.Indexed())
	}
	wf, wl, wok := want.Span()
	if f, l, ok := got.Span(); f != wf || l != wl || ok != wok {
		t.Errorf("Span before Index = %v %v %v, want %v %v %v", f, l, ok, wf, wl, wok)
	}
	filters := lazyFilters(ds)
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(filters))
	for r := range 4 {
		wg.Go(func() {
			for k := range filters {
				f := filters[(k+r)%len(filters)]
				if g, w := got.Apply(f, nil), want.Apply(f, nil); !slices.Equal(g, w) {
					errs <- fmt.Sprintf("%+v: %d events, want %d", f, len(g), len(w))
				}
				if a := ds.Actors[r%len(ds.Actors)].ID; got.ActorEventCount(a) != want.ActorEventCount(a) {
					errs <- "ActorEventCount(" + a + ")"
				}
				_, _ = got.StartDay(k % got.Len())
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if !got.Indexed() {
		t.Error("not Indexed after filters by actor and date")
	}
}
