package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// TestLazyIndexBehind: a big file's actors and dates are indexed after its
// first screen, by a command. Asked for before, the picker and a date
// filter say so instead of waiting on the event loop, and come once the
// index is built; a key in between cancels the picker.
func TestLazyIndexBehind(t *testing.T) {
	ds := bigDataset(2_000)
	path := jsonlFile(t, ds)
	open := func() (*Model, *timeline.Timeline) {
		l := data.OpenJSONLines(path, nil)
		if l.Timeline == nil || !l.Timeline.Lazy() {
			t.Fatalf("not opened lazily: %v", l.Err())
		}
		m := readyModel(t, l, 120, 40)
		if l.Timeline.Indexed() {
			t.Fatal("the first screen built the actor and date index")
		}
		return m, l.Timeline
	}

	m, tl := open()
	m = update(t, m, runes("a"))
	if m.over == overPicker || !strings.Contains(statusOf(t, m), "indexing actors") {
		t.Fatalf("picker before the index: open %v, status %q", m.over == overPicker, statusOf(t, m))
	}
	if tl.Indexed() {
		t.Fatal("the picker key indexed on the event loop")
	}
	m = update(t, m, indexCmd(tl)())
	if m.over != overPicker || !strings.Contains(m.View(), "Alpha") {
		t.Fatalf("the picker did not open once indexed:\n%s", m.View())
	}

	// A key between the ask and the index: no picker.
	m, tl = open()
	m = update(t, m, runes("a"), runes("j"))
	m = update(t, m, indexCmd(tl)())
	if m.over == overPicker {
		t.Error("the picker opened after a key that was not for it")
	}

	// Indexed by another command (a search) before its message comes: the
	// picker is made when asked for.
	m, tl = open()
	tl.Index()
	m = update(t, m, runes("a"))
	if m.over != overPicker || !strings.Contains(m.View(), "Alpha") {
		t.Fatalf("the picker did not open on a Timeline indexed by another command:\n%s", m.View())
	}

	// A date filter: said, then applied.
	m, tl = open()
	m = update(t, m, runes("t"), runes("1001"), keyOf(tea.KeyEnter))
	if n := m.timeline.Len(); n != tl.Len() || !strings.Contains(statusOf(t, m), "the filter applies in a moment") {
		t.Fatalf("date filter before the index: %d events shown, status %q", n, statusOf(t, m))
	}
	m = update(t, m, indexCmd(tl)())
	want := tl.Apply(timeline.Filter{Dates: timeline.MustParseDate("1001")}, nil)
	if got := m.timeline.Len(); got != len(want) || got == 0 || got == tl.Len() {
		t.Errorf("date filter once indexed: %d events shown, want %d", got, len(want))
	}
}
