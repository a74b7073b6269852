package data

import (
	"dateline/data/jsonl"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestLoadFileDetectsTimelineJS checks that LoadFile opens a TimelineJS
// file as it is. It passes once timelinejs.Is and timelinejs.Load are wired
// into the format detection of LoadFile.
func TestLoadFileDetectsTimelineJS(t *testing.T) {
	l := LoadFile(filepath.Join("timelinejs", "testdata", "mapping.json"))
	if l.Timeline == nil {
		t.Fatalf("LoadFile does not detect TimelineJS yet (IsTimelineJS/LoadTimelineJS not wired into load): %v", l.Err())
	}
	if l.Dataset.Title != "Harbour & quay" || len(l.Dataset.Events) != 5 {
		t.Errorf("title %q, %d events", l.Dataset.Title, len(l.Dataset.Events))
	}
}

// TestLoadFileJSONL checks that LoadFile reads JSON Lines by the name's
// extension and, under another name, by content, as jsonl.Load does.
func TestLoadFileJSONL(t *testing.T) {
	ds := Embedded().Dataset
	b, err := jsonl.Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	want := jsonl.Load(writeFile(t, filepath.Join(dir, "want.jsonl"), b), nil)
	if want.Timeline == nil {
		t.Fatalf("jsonl.Load: %v", want.Err())
	}
	for _, name := range []string{"d.jsonl", "d.json"} {
		got := LoadFile(writeFile(t, filepath.Join(dir, name), b))
		if got.Timeline == nil {
			t.Fatalf("LoadFile(%s): %v", name, got.Err())
		}
		if !reflect.DeepEqual(got.Problems, want.Problems) || got.Dataset.Title != want.Dataset.Title ||
			!reflect.DeepEqual(got.Dataset.Sources, want.Dataset.Sources) || !reflect.DeepEqual(got.Dataset.Actors, want.Dataset.Actors) ||
			got.Timeline.Len() != want.Timeline.Len() {
			t.Fatalf("LoadFile(%s) differs from jsonl.Load", name)
		}
		for i := range want.Timeline.Len() {
			if !reflect.DeepEqual(got.Timeline.Event(i), want.Timeline.Event(i)) {
				t.Errorf("LoadFile(%s): event %d differs from jsonl.Load's", name, i)
			}
		}
	}
}

// writeFile writes b to path and returns path.
func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
