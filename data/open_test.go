package data

import (
	"path/filepath"
	"reflect"
	"testing"
)

// TestOpenJSONLines: the facade opens a JSON Lines file lazily, with
// LoadFile's events, and checks it with LoadFile's problems.
func TestOpenJSONLines(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "hostile", "l-*.jsonl"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		want := LoadFile(f)
		if got := CheckJSONLines(f, nil); !reflect.DeepEqual(got, want.Problems) {
			t.Errorf("%s: CheckJSONLines\n%v\nLoadFile\n%v", f, got, want.Problems)
		}
		if want.Timeline == nil {
			continue
		}
		l := OpenJSONLines(f, nil)
		if l.Timeline == nil || !l.Timeline.Lazy() || l.Timeline.Len() != want.Timeline.Len() {
			t.Fatalf("%s: OpenJSONLines: %v", f, l.Err())
		}
		for i := range want.Timeline.Len() {
			if !reflect.DeepEqual(l.Timeline.Event(i), want.Timeline.Event(i)) {
				t.Errorf("%s: event %d differs", f, i)
			}
		}
	}
}
