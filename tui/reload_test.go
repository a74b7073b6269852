package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// TestWatchTextFiles checks that --watch sees a change to a source's
// text_file, not only to the dataset file: an analyst fixing the article
// text must see citations re-resolve.
func TestWatchTextFiles(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.txt")
	ds := filepath.Join(dir, "ds.yaml")
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(src, "The council met on Monday.\n")
	write(ds, `dateline: 1
title: t
sources:
  - {id: s, title: minutes, text_file: src.txt}
events:
  - id: e
    date: 2024
    title: met
    citations:
      - {source: s, quote: "The council met on Monday."}
`)
	l := data.LoadFile(ds)
	if l.Timeline == nil {
		t.Fatalf("load: %v", l.Problems)
	}
	if len(l.TextFiles) != 1 || l.TextFiles[0] != src {
		t.Fatalf("TextFiles = %v, want [%s]", l.TextFiles, src)
	}
	m := &Model{cfg: Config{Watch: true, File: ds, Load: func() *data.Loaded { return data.LoadFile(ds) }}, loaded: l, state: stateReady, load: loadState{feed: newProgressFeed(0), texts: l.TextFiles}}
	m.load.watch = statFile(ds).and(statFiles(l.TextFiles))
	// Each tick waits watchEvery.
	if msg, ok := m.watchCmd()().(watchMsg); !ok || msg.stamp != m.load.watch {
		t.Fatalf("with nothing changed the watch sees %+v, want %+v", msg.stamp, m.load.watch)
	}

	write(src, "The council met on Monday, and again on Tuesday.\n")
	msg, ok := m.watchCmd()().(watchMsg)
	if !ok {
		t.Fatal("watchCmd did not produce a watchMsg")
	}
	if msg.stamp == m.load.watch {
		t.Fatal("the stamp did not change when the source text file did")
	}
	if cmd := m.onWatch(msg); cmd == nil || !strings.Contains(m.flash, "reloading") {
		t.Errorf("onWatch after a text file change: cmd %v, flash %q; want a reload", cmd != nil, m.flash)
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

// TestIndexesAfterFailedReload: a reload started before the indexes of the
// version shown skips them (it is about to replace that version); when it
// fails, the version stays, and its indexes are started then.
func TestIndexesAfterFailedReload(t *testing.T) {
	good := loadedFor(t, sampleDataset())
	bad := &data.Loaded{File: "x.yaml", Problems: []data.Problem{{File: "x.yaml", Severity: timeline.SeverityError, Message: "broken"}}}
	m := readyModel(t, good, 100, 30)
	m = update(t, m, runes("r"))
	if !m.load.reloading {
		t.Fatal("r did not start a reload")
	}
	next, cmd := m.Update(buildIndexesMsg{m.tl})
	if m = next.(*Model); cmd != nil {
		t.Error("indexes started for a version being reloaded")
	}
	next, cmd = m.Update(loadedMsg{loaded: bad, seq: m.load.feed.seq, reload: true})
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

// TestReloadProgress: a reload of a big file says how far it has got in
// the status bar, as the first load's progress bar does.
func TestReloadProgress(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	m := readyModel(t, l, 100, 30)
	m = update(t, m, runes("r"))
	m = update(t, m, progressMsg{seq: m.load.feed.seq, done: 45e6, total: 100e6})
	if got := statusOf(t, m); !strings.Contains(got, "reloading… 45%") {
		t.Errorf("status %q, want the reload's progress", got)
	}
	m = update(t, m, progressMsg{seq: m.load.feed.seq, done: 100e6, total: 100e6})
	if got := statusOf(t, m); !strings.Contains(got, "reloading… building the timeline") {
		t.Errorf("status %q once read", got)
	}
}

// TestWatchNoReloadAtStart: the first look of --watch is taken before the
// dataset has loaded, so it cannot see the source text files; that must
// not read as a change once the load (which stamps them too) is in.
func TestWatchNoReloadAtStart(t *testing.T) {
	dir := t.TempDir()
	ds := filepath.Join(dir, "ds.yaml")
	if err := os.WriteFile(filepath.Join(dir, "src.txt"), []byte("The council met on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ds, []byte(`dateline: 1
sources:
  - {id: s, title: minutes, text_file: src.txt}
events:
  - {id: e, date: 2024, title: met, citations: [{source: s, quote: "The council met on Monday."}]}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	m := New(Config{Watch: true, File: ds, Load: func() *data.Loaded { return data.LoadFile(ds) }})
	first := m.watchCmd() // as Init issues it, before the load
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	load, _ := startLoad(m.cfg, m.load.feed, false)
	m = drive(t, m, load())
	if m.state != stateReady {
		t.Fatalf("state %d", m.state)
	}
	for look := range 2 {
		msg, ok := first().(watchMsg)
		if !ok {
			t.Fatal("watchCmd did not produce a watchMsg")
		}
		first = m.onWatch(msg)
		if m.load.reloading {
			t.Fatalf("look %d with nothing changed started a reload (flash %q)", look+1, m.flash)
		}
	}
}

// TestWatchIgnoresTheFileLeft: a look at the file the viewer was on before
// it moved (a saved draft) is no change of the file it is on now.
func TestWatchIgnoresTheFileLeft(t *testing.T) {
	dir := t.TempDir()
	ds := filepath.Join(dir, "ds.yaml")
	if err := os.WriteFile(ds, []byte("dateline: 1\nevents:\n  - {id: e, date: 2024, title: met}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := New(Config{Watch: true, File: ds, Load: func() *data.Loaded { return data.LoadFile(ds) }})
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	load, _ := startLoad(m.cfg, m.load.feed, false)
	m = drive(t, m, load())
	m.load.watch = statFile(ds)
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte("An article."), 0o644); err != nil {
		t.Fatal(err)
	}
	m.onWatch(watchMsg{file: article, stamp: statFile(article), texts: m.textFiles()})
	if m.load.reloading {
		t.Fatalf("a look at another file started a reload (flash %q)", m.flash)
	}
	m.onWatch(watchMsg{file: ds, stamp: fileStamp{size: 1, ok: true}, texts: m.textFiles()})
	if !m.load.reloading {
		t.Fatal("a changed look at the file itself should reload")
	}
}
