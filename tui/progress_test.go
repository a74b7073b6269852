package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
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

// TestLoadingProgressView: with LoadProgress the loading screen shows a bar
// of bytes read, then the building phase, within the frame.
func TestLoadingProgressView(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	m := New(Config{File: "big.jsonl", LoadProgress: func(p func(done, total int64)) *data.Loaded {
		p(1, 1)
		return l
	}})
	for _, tt := range []struct {
		done, total int64
		want        []string
	}{
		{0, 0, []string{"Loading big.jsonl… (q to quit)"}},
		{25e6, 100e6, []string{"Loading big.jsonl", "25%", "25.0 MB of 100.0 MB", "█"}},
		{100e6, 100e6, []string{"100%", "100.0 MB read · building the timeline…"}},
	} {
		m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, progressMsg{seq: m.feed.seq, done: tt.done, total: tt.total})
		v := m.View()
		checkFrame(t, v, 80, 24)
		for _, w := range tt.want {
			if !strings.Contains(v, w) {
				t.Errorf("%d/%d: no %q in\n%s", tt.done, tt.total, w, v)
			}
		}
	}
	// A stale load's progress is ignored.
	m = update(t, m, progressMsg{seq: m.feed.seq + 1, done: 1, total: 2})
	if m.loading.done != 100e6 {
		t.Errorf("stale progress applied: %+v", m.loading)
	}
	// q quits while loading.
	if _, cmd := m.Update(runes("q")); cmd == nil || cmd() != tea.Quit() {
		t.Errorf("q does not quit while loading")
	}
	// The load itself goes through LoadProgress.
	m = drive(t, m, m.Init()().(tea.BatchMsg)[1]())
	if m.state != stateReady {
		t.Errorf("state %d after the load", m.state)
	}
}

// TestReloadFromFailed: r on the load-failure screen loads again and, once
// the file is fixed, shows it.
func TestReloadFromFailed(t *testing.T) {
	bad := &data.Loaded{File: "x.yaml", Problems: []data.Problem{{File: "x.yaml", Severity: timeline.SeverityError, Message: "broken"}}}
	good := loadedFor(t, sampleDataset())
	cur := bad
	m := New(Config{Load: func() *data.Loaded { return cur }, EventID: "summit"})
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, loadedMsg{loaded: bad})
	if m.state != stateFailed {
		t.Fatalf("state %d", m.state)
	}
	cur = good
	m = drive(t, m, runes("r"))
	if m.state != stateReady || m.timeline.Cursor() != 2 {
		t.Fatalf("after r: state %d, cursor %d (want summit, 2)", m.state, m.timeline.Cursor())
	}
}
