package main

import (
	"bytes"
	"dateline/data"
	"dateline/data/jsonl"
	"dateline/timeline"
	"dateline/timeline/synth"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestJSONLRestoresGC checks that the load of a big JSON Lines file runs
// with the collector off and leaves its settings as it found them.
func TestJSONLRestoresGC(t *testing.T) {
	g := synth.New(synth.Options{N: 70_000, Seed: 4, Sources: 1})
	var buf bytes.Buffer
	jw, err := jsonl.NewWriter(&buf, g.Header())
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Events(func(e *timeline.Event) error { return jw.WriteEvent(e) }); err != nil {
		t.Fatal(err)
	}
	if buf.Len() < 16<<20 {
		t.Fatalf("only %d bytes: too small to pause the collector", buf.Len())
	}
	path := filepath.Join(t.TempDir(), "big.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	oldPercent := debug.SetGCPercent(150)
	oldLimit := debug.SetMemoryLimit(3 << 30)
	defer debug.SetGCPercent(oldPercent)
	defer debug.SetMemoryLimit(oldLimit)
	// The commands that load a file whole (export, report…) pause; the
	// viewer opens a file this big on disk instead (viewerLoad).
	if l := loadPausingGC(path, func() *data.Loaded {
		return jsonl.Load(path, func(done, total int64) {
			if p := debug.SetGCPercent(-1); p != -1 {
				t.Errorf("collector on during the load (GOGC %d)", p)
			}
		})
	}); l.Timeline == nil {
		t.Fatal(l.Err())
	}
	if p := debug.SetGCPercent(150); p != 150 {
		t.Errorf("GOGC %d after the load, want 150", p)
	}
	if l := debug.SetMemoryLimit(-1); l != 3<<30 {
		t.Errorf("memory limit %d after the load, want %d", l, int64(3<<30))
	}
}
