package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
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
		m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, spinner.TickMsg{}, spinner.TickMsg{},
			progressMsg{seq: m.feed.seq, done: tt.done, total: tt.total})
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

// TestProgressAloneShowsNoLoadingScreen: a small JSON Lines file reports
// its progress, up to done == total, within the spinner's first frame; that
// alone must not flash the loading screen before its timeline.
func TestProgressAloneShowsNoLoadingScreen(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	m := New(Config{File: "small.jsonl", LoadProgress: func(p func(done, total int64)) *data.Loaded { return l }})
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, spinner.TickMsg{},
		progressMsg{seq: m.feed.seq, done: 1e6, total: 1e6})
	if v := m.View(); strings.TrimSpace(v) != "" {
		t.Errorf("a loading screen before the spinner's second tick:\n%s", v)
	}
	m = update(t, m, spinner.TickMsg{})
	if v := m.View(); !strings.Contains(v, "Loading small.jsonl") || !strings.Contains(v, "100%") {
		t.Errorf("no loading screen with its bar at the spinner's second tick:\n%s", v)
	}
}

// TestIndexesAfterFailedReload: a reload started before the indexes of the
// version shown skips them (it is about to replace that version); when it
// fails, the version stays, and its indexes are started then.
func TestIndexesAfterFailedReload(t *testing.T) {
	good := loadedFor(t, sampleDataset())
	bad := &data.Loaded{File: "x.yaml", Problems: []data.Problem{{File: "x.yaml", Severity: timeline.SeverityError, Message: "broken"}}}
	m := readyModel(t, good, 100, 30)
	m = update(t, m, runes("r"))
	if !m.reloading {
		t.Fatal("r did not start a reload")
	}
	next, cmd := m.Update(buildIndexesMsg{m.tl})
	if m = next.(*Model); cmd != nil {
		t.Error("indexes started for a version being reloaded")
	}
	next, cmd = m.Update(loadedMsg{loaded: bad, seq: m.feed.seq, reload: true})
	m = next.(*Model)
	if m.tl != good.Timeline || !strings.Contains(m.flash, "reload failed") {
		t.Fatalf("after the failed reload: flash %q", m.flash)
	}
	var cites bool
	for _, msg := range cmdMsgs(cmd) {
		_, ok := msg.(citeIndexMsg)
		cites = cites || ok
	}
	if !cites {
		t.Error("no citation index started after the failed reload")
	}
}

// TestSearchNoteWhileIndexing: a search that waits for the search index
// says so, and says only "(…)" once the index is built.
func TestSearchNoteWhileIndexing(t *testing.T) {
	m := readyModel(t, loadedFor(t, sampleDataset()), 100, 30) // index commands not run
	m = update(t, m, runes("/kim"))
	if got := statusOf(t, m); !strings.Contains(got, `search: "kim" (indexing…)`) {
		t.Errorf("status %q while the index builds", got)
	}
	m.tl.BuildSearchIndex()
	if got := statusOf(t, m); !strings.Contains(got, `search: "kim" (…)`) {
		t.Errorf("status %q once the index is built", got)
	}
}

// TestReloadProgress: a reload of a big file says how far it has got in
// the status bar, as the first load's progress bar does.
func TestReloadProgress(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	m := readyModel(t, l, 100, 30)
	m = update(t, m, runes("r"))
	m = update(t, m, progressMsg{seq: m.feed.seq, done: 45e6, total: 100e6})
	if got := statusOf(t, m); !strings.Contains(got, "reloading… 45%") {
		t.Errorf("status %q, want the reload's progress", got)
	}
	m = update(t, m, progressMsg{seq: m.feed.seq, done: 100e6, total: 100e6})
	if got := statusOf(t, m); !strings.Contains(got, "reloading… building the timeline") {
		t.Errorf("status %q once read", got)
	}
}
