package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"testing"
	"testing/fstest"
	"unsafe"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// snapshotFile is the generated snapshot, relative to data/.
const snapshotFile = "embedded_snapshot.go"

// snapshotUpdate is the command that regenerates snapshotFile.
// updateSnapshot regenerates embedded_snapshot.go.
var updateSnapshot = flag.Bool("update", false, "rewrite embedded_snapshot.go")

const snapshotUpdate = "go test ./data -run TestEmbeddedSnapshot -update"

// TestEmbeddedSnapshot regenerates the snapshot from the YAML and fails when
// it differs from the committed file, so the fast path of Embedded can never
// serve a dataset the YAML no longer describes.
func TestEmbeddedSnapshot(t *testing.T) {
	got, err := snapshotSource(embeddedFS)
	if err != nil {
		t.Fatal(err)
	}
	if *updateSnapshot {
		if err := os.WriteFile(snapshotFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(snapshotFile)
	if err != nil {
		t.Fatalf("%v (run %s)", err, snapshotUpdate)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: it differs from a fresh decode of embedded/%s from line %d; run %s",
			snapshotFile, embeddedName, firstDiffLine(got, want), snapshotUpdate)
	}
}

// TestSnapshotDetectsDrift proves TestEmbeddedSnapshot can fail: a
// one-character edit of the YAML or of the source text changes the
// generated file, and also turns snapshotLoad's checksum guard off.
func TestSnapshotDetectsDrift(t *testing.T) {
	committed, err := os.ReadFile(snapshotFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, old, new string }{
		{embeddedName, "title: Putin gives Kim Jong-un a car", "title: Putin gives Kim Jong-un a bus"},
		{"kim-car-gift.txt", "Kim Jong-un was", "Kim Jong-un is"},
	} {
		fsys := embeddedCopy(t)
		f := fsys[tc.file]
		if !bytes.Contains(f.Data, []byte(tc.old)) {
			t.Fatalf("%s lacks %q; update this test", tc.file, tc.old)
		}
		f.Data = bytes.Replace(f.Data, []byte(tc.old), []byte(tc.new), 1)
		if tc.file != embeddedName { // keep the recorded checksum true, so decoding succeeds
			old, now := sha256.Sum256(embeddedCopy(t)[tc.file].Data), sha256.Sum256(f.Data)
			y := fsys[embeddedName]
			y.Data = bytes.Replace(y.Data, []byte(hex.EncodeToString(old[:])), []byte(hex.EncodeToString(now[:])), 1)
		}
		got, err := snapshotSource(fsys)
		if err != nil {
			t.Fatalf("editing %s: %v", tc.file, err)
		}
		if bytes.Equal(got, committed) {
			t.Errorf("editing %s left the generated snapshot unchanged", tc.file)
		}
		if l := snapshotLoad(fsys); l != nil {
			t.Errorf("editing %s: snapshotLoad used the stale snapshot", tc.file)
		}
	}
	if l := snapshotLoad(embeddedCopy(t)); l == nil {
		t.Error("snapshotLoad refused an unchanged copy of the embedded files")
	}
}

// TestSnapshotMatchesYAML checks that the fast path gives exactly
// what parsing the YAML gives, and that the YAML has no problem at all,
// which is what the fast path assumes.
func TestSnapshotMatchesYAML(t *testing.T) {
	want := embeddedYAML()
	if len(want.Problems) != 0 || want.Timeline == nil {
		t.Fatalf("the YAML path has problems %v, timeline %v: the snapshot path assumes none", want.Problems, want.Timeline != nil)
	}
	got := snapshotLoad(embeddedFS)
	if got == nil {
		t.Fatalf("snapshotLoad refused the embedded files; run %s", snapshotUpdate)
	}
	for _, d := range loadedDiffs(got, want) {
		t.Error(d)
	}
	// Embedded must take the fast path, or the gain is lost silently: its
	// text is then the snapshot's literal, where the YAML path reads a copy.
	if l := Embedded(); unsafe.StringData(l.Dataset.Sources[0].Text) != unsafe.StringData(embeddedSnapshot().Sources[0].Text) {
		t.Error("Embedded did not use the snapshot")
	}
}

// TestSnapshotComparisonFails proves loadedDiffs can fail: a
// changed file name, problem list, text file list, dataset field or
// timeline event is reported.
func TestSnapshotComparisonFails(t *testing.T) {
	want := embeddedYAML()
	for name, mutate := range map[string]func(l *schema.Loaded){
		"alias":     func(l *schema.Loaded) { l.Dataset.Actors[0].Aliases[0] += "!" },
		"file":      func(l *schema.Loaded) { l.File = "embedded:other.yaml" },
		"problems":  func(l *schema.Loaded) { l.Problems = []schema.Problem{{File: l.File, Message: "x"}} },
		"textfiles": func(l *schema.Loaded) { l.TextFiles = []string{"x"} },
		"event": func(l *schema.Loaded) {
			ds := embeddedSnapshot()
			ds.Events[0].Title += "!"
			l.Timeline, _ = timeline.New(ds)
		},
	} {
		got := snapshotLoad(embeddedFS)
		if got == nil {
			t.Fatalf("snapshotLoad refused the embedded files; run %s", snapshotUpdate)
		}
		mutate(got)
		if len(loadedDiffs(got, want)) == 0 {
			t.Errorf("changing the %s went unnoticed", name)
		}
	}
}

// TestSnapshotFresh checks that each call returns its own values,
// since callers may change what Embedded returns.
func TestSnapshotFresh(t *testing.T) {
	a := embeddedSnapshot()
	a.Title = "changed"
	a.Actors[0].Aliases[0] = "changed"
	a.Events[0].Actors[0].Role = "changed"
	a.Events[0].Citations[0].Quote = "changed"
	a.Events = a.Events[:1]
	b := embeddedSnapshot()
	if b.Title == "changed" || b.Actors[0].Aliases[0] == "changed" || b.Events[0].Actors[0].Role == "changed" ||
		b.Events[0].Citations[0].Quote == "changed" || len(b.Events) == 1 {
		t.Error("changing one snapshot changed the next")
	}
}

// loadedDiffs lists how got differs from want: File, Problems, TextFiles,
// Dataset, and the Timeline's title, actors, sources and events in order.
func loadedDiffs(got, want *schema.Loaded) []string {
	var out []string
	check := func(what string, g, w any) {
		if !reflect.DeepEqual(g, w) {
			out = append(out, fmt.Sprintf("%s differs:\n got %+v\nwant %+v", what, g, w))
		}
	}
	check("File", got.File, want.File)
	check("Problems", got.Problems, want.Problems)
	check("TextFiles", got.TextFiles, want.TextFiles)
	if !reflect.DeepEqual(got.Dataset, want.Dataset) {
		out = append(out, "Dataset differs at "+firstDiff(got.Dataset, want.Dataset))
	}
	if got.Timeline == nil || want.Timeline == nil {
		check("Timeline presence", got.Timeline != nil, want.Timeline != nil)
		return out
	}
	g, w := got.Timeline, want.Timeline
	check("Timeline title", g.Title(), w.Title())
	check("Timeline actors", g.Actors(), w.Actors())
	check("Timeline sources", g.Sources(), w.Sources())
	check("Timeline length", g.Len(), w.Len())
	for i := 0; i < min(g.Len(), w.Len()); i++ {
		check(fmt.Sprintf("Timeline event %d", i), *g.Event(i), *w.Event(i))
		check(fmt.Sprintf("Timeline undated %d", i), g.Undated(i), w.Undated(i))
	}
	return out
}

// embeddedCopy returns a writable copy of embeddedFS.
func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(embeddedFS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(embeddedFS, p)
		m[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// firstDiffLine returns the 1-based line where a and b first differ.
func firstDiffLine(a, b []byte) int {
	i := 0
	for i < min(len(a), len(b)) && a[i] == b[i] {
		i++
	}
	return 1 + bytes.Count(a[:i], []byte("\n"))
}

func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if l := Embedded(); l.Timeline == nil {
			b.Fatal(l.Err())
		}
	}
}

func BenchmarkEmbeddedYAML(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if l := embeddedYAML(); l.Timeline == nil {
			b.Fatal(l.Err())
		}
	}
}
