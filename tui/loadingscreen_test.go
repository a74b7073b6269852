package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
)

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
			progressMsg{seq: m.load.feed.seq, done: tt.done, total: tt.total})
		v := m.View()
		checkFrame(t, v, 80, 24)
		for _, w := range tt.want {
			if !strings.Contains(v, w) {
				t.Errorf("%d/%d: no %q in\n%s", tt.done, tt.total, w, v)
			}
		}
	}
	// A stale load's progress is ignored.
	m = update(t, m, progressMsg{seq: m.load.feed.seq + 1, done: 1, total: 2})
	if m.loading.progress.done != 100e6 {
		t.Errorf("stale progress applied: %+v", m.loading.progress)
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

// TestProgressAloneShowsNoLoadingScreen: a small JSON Lines file reports
// its progress, up to done == total, within the spinner's first frame; that
// alone must not flash the loading screen before its timeline.
func TestProgressAloneShowsNoLoadingScreen(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	m := New(Config{File: "small.jsonl", LoadProgress: func(p func(done, total int64)) *data.Loaded { return l }})
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, spinner.TickMsg{},
		progressMsg{seq: m.load.feed.seq, done: 1e6, total: 1e6})
	if v := m.View(); strings.TrimSpace(v) != "" {
		t.Errorf("a loading screen before the spinner's second tick:\n%s", v)
	}
	m = update(t, m, spinner.TickMsg{})
	if v := m.View(); !strings.Contains(v, "Loading small.jsonl") || !strings.Contains(v, "100%") {
		t.Errorf("no loading screen with its bar at the spinner's second tick:\n%s", v)
	}
}
