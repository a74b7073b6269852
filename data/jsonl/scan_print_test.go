package jsonl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dateline/timeline"
	"dateline/timeline/synth"
)

// describe is the text the Print tests make of an event: enough of it
// (its spans too) that a wrong or stale event shows.
func describe(b []byte, e *timeline.Event) []byte {
	b = fmt.Appendf(b, "%s|%s|%s|%d", e.ID, e.Date, e.Title, len(e.Actors))
	for _, c := range e.Citations {
		b = fmt.Appendf(b, "|%d-%d", c.Span.Start, c.Span.End)
	}
	return b
}

// smallChunks makes Print cut a list into runs of at most n matches (and
// of few bytes), for the test's duration.
func smallChunks(t *testing.T, n int) {
	chunk, bytes := printChunk, printChunkBytes
	printChunk, printChunkBytes = n, 40*n*100
	t.Cleanup(func() { printChunk, printChunkBytes = chunk, bytes })
}

// TestPrintAsEach: Print, cutting the matches into many runs made on
// several goroutines, writes what Each gives one event after the other,
// in the same order, with the matches' indexes, whether the scan kept
// every match's record or none (over its budget, or without one), for
// files in date order and not, and the matches in file order or date
// order.
func TestPrintAsEach(t *testing.T) {
	smallChunks(t, 7)
	ds := synth.Dataset(synth.Options{N: 6000, Seed: 11})
	shuffled, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	sortedDS := *ds
	sortedDS.Events = slices.Clone(ds.Events)
	slices.SortStableFunc(sortedDS.Events, func(a, b timeline.Event) int {
		af, as := timeline.OrderKey(a.Date)
		bf, bs := timeline.OrderKey(b.Date)
		return timeline.CompareOrder(af, as, 0, bf, bs, 0)
	})
	sorted, err := Marshal(&sortedDS)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"shuffled": writeTemp(t, "shuffled.jsonl", shuffled), "sorted": writeTemp(t, "sorted.jsonl", sorted)}
	for name, f := range files {
		// 50 KB: dropped after the first block, at the rate they come; 200 KB: dropped
		// when over.
		for _, budget := range []int{0, 50 << 10, 200 << 10, 1 << 30} {
			s := ScanSelect(f, func(*timeline.Timeline) Selection {
				return Selection{
					Match:  func(e *timeline.Event) bool { return e.ID[len(e.ID)-1]%3 != 0 },
					Record: func(b []byte, e *timeline.Event) []byte { return describe(b, e) },
					Budget: budget,
				}
			})
			if !s.OK || len(s.Matches) < 3000 {
				t.Fatalf("%s: scan OK %v with %d matches", name, s.OK, len(s.Matches))
			}
			kept := 0
			for _, m := range s.Matches {
				if s.record(m) != nil {
					kept++
				}
			}
			switch {
			case budget == 1<<30 && kept != len(s.Matches), budget != 1<<30 && kept != 0:
				t.Fatalf("%s, budget %d: %d of %d matches have a record", name, budget, kept, len(s.Matches))
			}
			byDate := slices.Clone(s.Matches)
			slices.SortFunc(byDate, Match.Compare)
			for _, ms := range [][]Match{s.Matches, byDate} {
				var want []byte
				k := 0
				err := s.Each(ms, func(e *timeline.Event) error {
					want = describe(fmt.Appendf(want, "%d ", k), e)
					want = append(want, '\n')
					k++
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				var got []byte
				writes := 0
				err = s.Print(ms, func() Text {
					return func(b []byte, k int, rec []byte, e *timeline.Event) ([]byte, error) {
						b = fmt.Appendf(b, "%d ", k)
						if rec != nil {
							b = append(b, rec...)
						} else {
							b = describe(b, e)
						}
						return append(b, '\n'), nil
					}
				}, func(b []byte) error {
					got = append(got, b...)
					writes++
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if writes < len(ms)/7 {
					t.Errorf("%s: %d writes for %d matches: not cut in runs", name, writes, len(ms))
				}
				if !bytes.Equal(got, want) {
					gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
					for i := range min(len(gl), len(wl)) {
						if gl[i] != wl[i] {
							t.Fatalf("%s, budget %d: line %d of Print is\n%s\nEach gives\n%s", name, budget, i, gl[i], wl[i])
						}
					}
					t.Fatalf("%s, budget %d: Print gives %d lines, Each %d", name, budget, len(gl), len(wl))
				}
			}
		}
	}
}

// TestPrintStops: an error from write or from text stops Print, which
// returns it having written nothing after, and leaves no goroutine behind;
// a file changed since the scan gives ErrChanged.
func TestPrintStops(t *testing.T) {
	smallChunks(t, 5)
	b, err := Marshal(synth.Dataset(synth.Options{N: 2000, Seed: 3}))
	if err != nil {
		t.Fatal(err)
	}
	f := writeTemp(t, "d.jsonl", b)
	s := Scan(f, func(*timeline.Timeline) func(*timeline.Event) bool {
		return func(*timeline.Event) bool { return true }
	})
	line := func() Text {
		return func(b []byte, k int, _ []byte, e *timeline.Event) ([]byte, error) {
			return fmt.Appendf(b, "%d %s\n", k, e.ID), nil
		}
	}
	before := runtime.NumGoroutine()
	broken := errors.New("broken pipe")
	writes := 0
	err = s.Print(s.Matches, line, func([]byte) error {
		writes++
		if writes == 3 {
			return broken
		}
		return nil
	})
	if !errors.Is(err, broken) || writes != 3 {
		t.Errorf("write failing at its 3rd call: Print returns %v after %d writes", err, writes)
	}
	bad := errors.New("cannot encode")
	var got []byte
	err = s.Print(s.Matches, func() Text {
		return func(b []byte, k int, _ []byte, e *timeline.Event) ([]byte, error) {
			if k == 777 {
				return b, bad
			}
			return fmt.Appendf(b, "%d\n", k), nil
		}
	}, func(b []byte) error { got = append(got, b...); return nil })
	if !errors.Is(err, bad) || !strings.HasSuffix(string(got), "\n774\n") {
		t.Errorf("text failing at match 777: Print returns %v after writing …%s", err, got[max(0, len(got)-20):])
	}
	for range 100 {
		if runtime.NumGoroutine() <= before {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Print stopped, %d before", n, before)
	}

	if err := os.WriteFile(f, []byte(strings.Replace(string(b), `"e0000001"`, `"e0000001x"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, time.Time{}, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	err = s.Print(s.Matches, line, func([]byte) error { return nil })
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("Print after a change: %v, want ErrChanged", err)
	}
}

// TestScanDropsRecordsEarly: records that come at a rate that would take
// them over twice the budget are dropped then, not once they are over it,
// and the workers stop making them.
func TestScanDropsRecordsEarly(t *testing.T) {
	b, err := Marshal(synth.Dataset(synth.Options{N: 80000, Seed: 5}))
	if err != nil {
		t.Fatal(err)
	}
	f := writeTemp(t, "d.jsonl", b)
	var made atomic.Int64
	s := ScanSelect(f, func(*timeline.Timeline) Selection {
		return Selection{
			Match: func(*timeline.Event) bool { return true },
			Record: func(b []byte, e *timeline.Event) []byte {
				made.Add(1)
				return append(b, make([]byte, 100)...)
			},
			Budget: 3 << 20, // of 8 MB of records, 400 KB a block
		}
	})
	if !s.OK || len(s.Matches) != 80000 {
		t.Fatalf("scan: OK %v, %d matches", s.OK, len(s.Matches))
	}
	for _, m := range s.Matches {
		if s.record(m) != nil {
			t.Fatal("a record kept over the budget")
		}
	}
	// Dropped after the first block, the records are made for it and the
	// blocks in flight (4 of the file's 20); over the budget, for 8.
	if n := made.Load(); n > 40000 {
		t.Errorf("%d records made for 80,000 matches: not dropped at their rate", n)
	}
}
