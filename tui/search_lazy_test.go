package tui

import (
	"slices"
	"strings"
	"testing"

	"dateline/data"
)

// TestLazySearchFirstMatches: on a Timeline opened from disk, a search
// first brings the matches in the events after the cursor, which the
// cursor jumps to and the status bar counts as a floor, then all of them;
// a search with no match near the cursor brings them all at once. The
// hits are those of the same dataset in memory.
func TestLazySearchFirstMatches(t *testing.T) {
	ds := bigDataset(10_000)
	path := jsonlFile(t, ds)
	l := data.OpenJSONLines(path, nil)
	if l.Timeline == nil || !l.Timeline.Lazy() {
		t.Fatalf("not opened lazily: %v", l.Err())
	}
	mem := loadedFor(t, ds).Timeline

	m := readyModel(t, l, 120, 40)
	m = update(t, m, runes("/"))
	next, cmd := m.Update(runes("event"))
	m = next.(*Model)
	first, ok := cmd().(searchResultMsg)
	if !ok || first.next == nil {
		t.Fatalf("the first result of a search matching every event is %+v, want a first window with more to come", first)
	}
	if len(first.hits) != firstWindow {
		t.Errorf("first window: %d hits, want %d", len(first.hits), firstWindow)
	}
	next, cmd = m.Update(first)
	m = next.(*Model)
	if st := statusOf(t, m); !strings.Contains(st, `search: "event" (1/2048+, searching…)`) {
		t.Errorf("status with the first matches: %q", st)
	}
	if cmd == nil {
		t.Fatal("no command for the rest of the matches")
	}
	all := cmd().(searchResultMsg)
	m = update(t, m, all)
	if want := mem.Search("event", nil); len(all.hits) != len(want) {
		t.Errorf("all matches: %d, want %d", len(all.hits), len(want))
	}
	if st := statusOf(t, m); !strings.Contains(st, `search: "event" (1/10000)`) {
		t.Errorf("status with every match: %q", st)
	}

	// One match, far from the cursor: one result, with the jump.
	m.search.Clear()
	m.search.Focus(m.timeline.Cursor())
	next, cmd = m.Update(runes("9999"))
	m = next.(*Model)
	one := cmd().(searchResultMsg)
	if one.next != nil || !slices.Equal(one.hits, positionsIn(m.search.idx, mem.Search("9999", nil))) || len(one.hits) != 1 {
		t.Fatalf("search for one event far away: %+v", one)
	}
	m = update(t, m, one)
	if got := m.timeline.Cursor(); got != one.hits[0] {
		t.Errorf("cursor at %d, want the match at %d", got, one.hits[0])
	}
}

// positionsIn maps events to positions in the shown events, by merge, by
// binary search, or, for every event shown, as they are.
func TestPositionsIn(t *testing.T) {
	all := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	some := []int{1, 3, 4, 8}
	for _, tc := range []struct {
		idx, found, want []int
	}{
		{all, []int{2, 5, 9}, []int{2, 5, 9}},
		{all, []int{2, 5, 9, 12}, []int{2, 5, 9}}, // not shown: dropped
		{all, nil, nil},
		{some, []int{3, 8}, []int{1, 3}},
		{some, []int{0, 2, 9}, nil},
		{[]int{2, 3}, []int{2}, []int{0}}, // 2…3 is not 0…1
	} {
		if got := positionsIn(tc.idx, tc.found); !slices.Equal(got, tc.want) {
			t.Errorf("positionsIn(%v, %v) = %v, want %v", tc.idx, tc.found, got, tc.want)
		}
	}
}
