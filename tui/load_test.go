package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
)

// TestProgressFeed: the callback never blocks, keeps only the latest
// value, drops calls closer than progressEvery (but never the last), and
// the reader ends when the load closes the feed.
func TestProgressFeed(t *testing.T) {
	f := newProgressFeed(7)
	f.report(10, 100)
	f.report(20, 100) // within progressEvery of the first: dropped
	if got := f.wait()().(progressMsg); got != (progressMsg{seq: 7, done: 10, total: 100}) {
		t.Fatalf("first message %+v", got)
	}
	f.report(30, 100) // dropped: too soon
	time.Sleep(progressEvery + 10*time.Millisecond)
	f.report(40, 100)
	f.report(100, 100) // the last: never dropped, replaces the unread 40
	if got := f.wait()().(progressMsg); got.done != 100 {
		t.Fatalf("latest message %+v, want done 100", got)
	}
	f.close()
	f.report(100, 100) // after close: ignored, no panic
	if msg := f.wait()(); msg != nil {
		t.Fatalf("wait after close returned %v", msg)
	}
}

// TestKeysWhileLoading: keys typed on the loading screen are applied, in
// order, once the dataset is in; q still quits at once.
func TestKeysWhileLoading(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	m := New(Config{Load: func() *data.Loaded { return l }})
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = drive(t, m, runes("jj"), keyOf(tea.KeyDown), runes("/"), runes("Putin"))
	if m.state != stateLoading {
		t.Fatal("not loading")
	}
	m = drive(t, m, loadedMsg{loaded: l})
	if m.over != overSearch || m.search.typed != "Putin" {
		t.Fatalf("after the load: overlay %d, search %q; want the search typed while loading", m.over, m.search.typed)
	}
	m = drive(t, m, keyOf(tea.KeyEnter))
	if c := m.timeline.Cursor(); c < 3 {
		t.Errorf("cursor %d: the moves typed while loading were lost", c)
	}

	m = New(Config{Load: func() *data.Loaded { return l }})
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if _, cmd := m.Update(runes("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q while loading does not quit")
	}
}
