package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data"
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
	m := &Model{cfg: Config{Watch: true, File: ds, Load: func() *data.Loaded { return data.LoadFile(ds) }}, loaded: l, state: stateReady, feed: newProgressFeed(0)}
	m.watch = statFile(ds).and(statFiles(l.TextFiles))
	// Each tick waits watchEvery.
	if msg, ok := m.watchCmd()().(watchMsg); !ok || msg.stamp != m.watch {
		t.Fatalf("with nothing changed the watch sees %+v, want %+v", msg.stamp, m.watch)
	}

	write(src, "The council met on Monday, and again on Tuesday.\n")
	msg, ok := m.watchCmd()().(watchMsg)
	if !ok {
		t.Fatal("watchCmd did not produce a watchMsg")
	}
	if msg.stamp == m.watch {
		t.Fatal("the stamp did not change when the source text file did")
	}
	if cmd := m.onWatch(msg); cmd == nil || !strings.Contains(m.flash, "reloading") {
		t.Errorf("onWatch after a text file change: cmd %v, flash %q; want a reload", cmd != nil, m.flash)
	}
}
