package jsonl

import (
	"errors"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"dateline/timeline"
	"dateline/timeline/synth"
)

// TestScanAsLoad scans files with and without problems and wants Load's
// problems, verdict and count, and, selecting every event, the Timeline's
// events in its order from Each.
func TestScanAsLoad(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 20000, Seed: 3})
	ds.Events[7].Citations = nil
	ds.Events[9].Citations[0].Quote = "not in the source"
	b, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{writeTemp(t, "big.jsonl", b)}
	for _, dir := range []string{"testdata", filepath.Join("..", "testdata", "hostile")} {
		more, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
		files = append(files, more...)
	}
	loaded := 0
	for _, f := range files {
		l := Load(f, nil)
		s := Scan(f, func(*timeline.Timeline) func(*timeline.Event) bool {
			return func(*timeline.Event) bool { return true }
		})
		if !reflect.DeepEqual(s.Problems, l.Problems) {
			t.Errorf("%s: Scan finds\n%v\nLoad finds\n%v", f, s.Problems, l.Problems)
		}
		if s.OK != (l.Timeline != nil) {
			t.Errorf("%s: Scan says OK %v, Load built a Timeline: %v", f, s.OK, l.Timeline != nil)
		}
		if l.Timeline == nil {
			continue
		}
		loaded++
		tl := l.Timeline
		if s.Events != tl.Len() || len(s.Matches) != tl.Len() {
			t.Fatalf("%s: Scan counts %d events and keeps %d, the Timeline has %d", f, s.Events, len(s.Matches), tl.Len())
		}
		for k, a := range tl.Actors() {
			if s.ActorEvents[k] != tl.ActorEventCount(a.ID) {
				t.Errorf("%s: actor %s: Scan counts %d events, the Timeline %d", f, a.ID, s.ActorEvents[k], tl.ActorEventCount(a.ID))
			}
		}
		ms := slices.Clone(s.Matches)
		slices.SortFunc(ms, Match.Compare)
		if s.Sorted != slices.Equal(ms, s.Matches) {
			t.Errorf("%s: Sorted is %v", f, s.Sorted)
		}
		j := 0
		err := s.Each(ms, func(e *timeline.Event) error {
			if want := tl.Event(j); !reflect.DeepEqual(*e, *want) {
				t.Fatalf("%s: event %d is\n%+v\nin the Timeline\n%+v", f, j, *e, *want)
			}
			j++
			return nil
		})
		if err != nil || j != tl.Len() {
			t.Errorf("%s: Each gave %d events and %v", f, j, err)
		}
	}
	if loaded < 3 {
		t.Fatalf("only %d files loaded", loaded)
	}
}

// TestScanEachChanged: a file rewritten between the scan and the reading
// of its events gives ErrChanged, not other events.
func TestScanEachChanged(t *testing.T) {
	b, err := Marshal(synth.Dataset(synth.Options{N: 100, Seed: 3}))
	if err != nil {
		t.Fatal(err)
	}
	f := writeTemp(t, "d.jsonl", b)
	s := Scan(f, func(*timeline.Timeline) func(*timeline.Event) bool {
		return func(*timeline.Event) bool { return true }
	})
	if !s.OK || len(s.Matches) != 100 {
		t.Fatalf("scan: ok %v, %d matches", s.OK, len(s.Matches))
	}
	if err := os.WriteFile(f, []byte(strings.Replace(string(b), `"e0000001"`, `"e0000001x"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, time.Time{}, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	err = s.Each(s.Matches, func(*timeline.Event) error { return nil })
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("Each after a change: %v, want ErrChanged", err)
	}
}

// TestScanDuplicateIDsOnce: an id shared by many events is one problem,
// at its second use, with the count and the first uses, as Load gives it;
// the scan completes that message only once every id is in.
func TestScanDuplicateIDsOnce(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 5000, Seed: 5})
	for i := 10; i < 5000; i += 10 {
		ds.Events[i].ID = ds.Events[3].ID
	}
	b, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	f := writeTemp(t, "dups.jsonl", b)
	s := Scan(f, nil)
	var dups []string
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "duplicate event id") {
			dups = append(dups, p.String())
		}
	}
	want := `duplicate event id "` + ds.Events[3].ID + `": used by 500 events (first at events[3].id, events[10].id, events[20].id, …)`
	if len(dups) != 1 || !strings.Contains(dups[0], want) {
		t.Errorf("scan reports the duplicates as\n%s\nwant one problem with %q", strings.Join(dups, "\n"), want)
	}
	if l := Load(f, nil); !reflect.DeepEqual(s.Problems, l.Problems) {
		t.Errorf("Scan finds\n%v\nLoad finds\n%v", s.Problems, l.Problems)
	}
}

// TestScanDuplicateIDsAcrossBlocks: repeated ids found in blocks whose
// buffers are reused afterwards (more blocks than the pipeline has) keep
// their text in the problems, as Load gives them.
func TestScanDuplicateIDsAcrossBlocks(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 40000, Seed: 7})
	for i := 5; i < len(ds.Events); i += 97 {
		ds.Events[i].ID = ds.Events[i-1].ID
	}
	ds.Events[len(ds.Events)-1].ID = ds.Events[0].ID
	b, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 8*blockSize {
		t.Fatalf("the file has %d bytes, too few blocks", len(b))
	}
	f := writeTemp(t, "dups.jsonl", b)
	s, l := Scan(f, nil), Load(f, nil)
	if !reflect.DeepEqual(s.Problems, l.Problems) {
		t.Errorf("Scan finds\n%v\nLoad finds\n%v", s.Problems, l.Problems)
	}
	if want := len(ds.Events)/97 + 1; len(s.Problems) < want {
		t.Errorf("%d problems, want at least %d", len(s.Problems), want)
	}
}

// TestMatchCompare: Match.Compare is timeline.CompareOrder of the
// matches' keys and indexes, ties and extremes included.
func TestMatchCompare(t *testing.T) {
	days := []timeline.Day{math.MinInt64, -5, 0, 3, 4, math.MaxInt64}
	var ms []Match
	for _, f := range days {
		for _, s := range days {
			for _, i := range []int{0, 1, 7} {
				ms = append(ms, Match{First: f, Second: s, Index: i})
			}
		}
	}
	for _, a := range ms {
		for _, b := range ms {
			if got, want := a.Compare(b), timeline.CompareOrder(a.First, a.Second, a.Index, b.First, b.Second, b.Index); got != want {
				t.Fatalf("%+v.Compare(%+v) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// TestSortMatches: SortMatches, in halves on two goroutines for a long
// list, gives slices.SortFunc's order, with many ties on the keys.
func TestSortMatches(t *testing.T) {
	for _, n := range []int{0, 1, 100, 1<<14 + 1, 100003} {
		r := rand.New(rand.NewSource(int64(n)))
		ms := make([]Match, n)
		for i := range ms {
			f := timeline.Day(r.Intn(50))
			ms[i] = Match{Index: i, First: f, Second: f + timeline.Day(r.Intn(3)), Offset: int64(i)}
		}
		r.Shuffle(n, func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		want := slices.Clone(ms)
		slices.SortFunc(want, Match.Compare)
		SortMatches(ms)
		if !slices.Equal(ms, want) {
			t.Fatalf("%d matches: SortMatches is not SortFunc's order", n)
		}
	}
}
