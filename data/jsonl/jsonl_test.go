package jsonl

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dateline/data/internal/schema"
	"dateline/timeline"
	"dateline/timeline/synth"
)

// writeTemp writes b to a file named name in a fresh folder.
func writeTemp(tb testing.TB, name string, b []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestJSONLEquivalence loads one dataset written as JSON and as JSON Lines,
// through every entry point, and wants equal Datasets and Timelines.
func TestJSONLEquivalence(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 3000, Seed: 7})
	// Exercise what the generator does not write: escapes, nulls written
	// as absent, prefixes and suffixes, roles, empty tag lists.
	ds.Events[0].Summary = "Quotes \"inside\", a tab\there, a line\nbreak, a backslash \\ and é ü 金 🚗."
	ds.Events[1].DateNote = "Dated from the ledger."
	ds.Events[2].Tags = []string{}
	jsonBytes, err := schema.MarshalJSON(ds)
	if err != nil {
		t.Fatal(err)
	}
	linesBytes, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	want := schema.LoadTree("d.json", jsonBytes, schema.NewDiskFiles(""))
	if want.Timeline == nil {
		t.Fatalf("JSON did not load: %v", want.Err())
	}
	for _, tc := range []struct {
		name string
		load func() *schema.Loaded
	}{
		{"keeping the events", func() *schema.Loaded {
			r := bytes.NewReader(linesBytes)
			return loadJSONL("d.jsonl", r, r, int64(len(linesBytes)), schema.DiskFiles{Dir: "."}, nil, false)
		}},
		{"LoadBytes", func() *schema.Loaded { return LoadBytes("d.jsonl", linesBytes, schema.NewDiskFiles("")) }},
		{"LoadJSONL", func() *schema.Loaded { return Load(writeTemp(t, "d.jsonl", linesBytes), nil) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.load()
			if got.Timeline == nil {
				t.Fatalf("JSON Lines did not load: %v", got.Err())
			}
			if len(got.Problems) != len(want.Problems) {
				t.Errorf("%d problems, want %d: %v", len(got.Problems), len(want.Problems), got.Problems)
			}
			g, w := got.Dataset, want.Dataset
			if g.Title != w.Title || !reflect.DeepEqual(g.Sources, w.Sources) || !reflect.DeepEqual(g.Actors, w.Actors) {
				t.Errorf("headers differ")
			}
			if tc.name == "keeping the events" {
				if !reflect.DeepEqual(g.Events, w.Events) {
					t.Errorf("events differ")
				}
			} else if g.Events != nil {
				t.Errorf("Dataset.Events kept beside the Timeline")
			}
			if got.Timeline.Len() != want.Timeline.Len() {
				t.Fatalf("timeline has %d events, want %d", got.Timeline.Len(), want.Timeline.Len())
			}
			for i := range want.Timeline.Len() {
				if !reflect.DeepEqual(got.Timeline.Event(i), want.Timeline.Event(i)) {
					t.Fatalf("event %d differs:\n got %+v\nwant %+v", i, got.Timeline.Event(i), want.Timeline.Event(i))
				}
			}
		})
	}
}

// jsonlFixtures pairs each file of testdata/jsonl with every problem it
// must produce, in order, as "LINE:COL: SEVERITY: message substring", and
// whether it must still load.
var jsonlFixtures = []struct {
	file  string
	want  []string
	loads bool
}{
	{file: "bad-header.jsonl", want: []string{
		`1:26: error: title must be a string, got an integer`,
		`1:29: error: unknown field "sorces" in header (did you mean sources?)`,
		`2:1: warning: event "a" has no citation`,
	}},
	{file: "multiline.jsonl", want: []string{
		`1:2: error: JSON syntax error: unexpected end of file, want a string key (in JSON Lines the header is one object on line 1`,
	}},
	{file: "events-in-header.jsonl", want: []string{
		`1:17: error: events do not belong in the header of a JSON Lines file`,
		`2:1: warning: event "a" has no citation`,
	}},
	{file: "no-version.jsonl", want: []string{
		`1:1: error: missing "dateline: 1"`,
		`2:1: warning: event "a" has no citation`,
	}},
	{file: "empty.jsonl", want: []string{`1:1: error: empty file: no dataset`}},
	{file: "unknown-field.jsonl", want: []string{
		`3:1: error: event is missing required field "title"`,
		`3:18: error: unknown field "titel" in event (did you mean title?)`,
		`3:104: error: unknown field "page" in citation`,
	}},
	{file: "duplicate-key.jsonl", want: []string{
		`2:33: error: duplicate key "id" (first at line 2, column 2)`,
	}},
	{file: "truncated.jsonl", want: []string{
		`3:25: error: JSON syntax error: unexpected end of the line (each record is one line) in the string that starts at line 3, column 25`,
	}},
	{file: "wrong-type.jsonl", want: []string{
		`2:24: error: date must be a string, got an integer`,
		`2:55: error: tags must be a list of strings, got a string`,
		`2:141: error: start must be an integer, got a string`,
		`3:1: error: event must be a mapping, got a list`,
	}},
	{file: "domain.jsonl", want: []string{
		`2:53: error: unknown actor "clerk"`,
		`3:8: error: duplicate event id "vote": used by 2 events (at events[0].id, events[1].id)`,
		`3:60: error: unknown source "agenda"`,
		`3:116: citation error: source "minutes": quote "The mayor spoke first." is ambiguous`,
		`4:1: warning: event "quiet" has no citation`,
		`4:25: error: invalid EDTF date "2024-13"`,
	}},
	{file: "missing-text.jsonl", want: []string{
		`1:71: error: text_file testdata/nope.txt not found`,
	}},
	{file: "crlf-blank.jsonl", loads: true, want: []string{
		`6:3: warning: event "speech" has no citation`,
	}},
}

var firstID = regexp.MustCompile(`^\s*\{"id": "([^"]*)"`)

func TestJSONLProblems(t *testing.T) {
	for _, tc := range jsonlFixtures {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			l := Load(path, nil)
			if (l.Timeline != nil) != tc.loads {
				t.Errorf("loaded = %v, want %v", l.Timeline != nil, tc.loads)
			}
			var got []string
			for _, p := range l.Problems {
				if p.File != path {
					t.Errorf("problem names file %q, want %q", p.File, path)
				}
				got = append(got, p.String()[len(path)+1:])
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("problem %d:\n got %s\nwant %s…", i, got[i], tc.want[i])
				}
			}
			// A failed load keeps the events, in file order.
			if !tc.loads && l.Dataset != nil && l.Dataset.Events != nil {
				b, _ := os.ReadFile(path)
				var ids []string
				for _, line := range bytes.Split(b, []byte("\n"))[1:] {
					// The first "id" of the line is the one the decoder keeps.
					if m := firstID.FindSubmatch(line); m != nil {
						ids = append(ids, string(m[1]))
					}
				}
				for i, id := range ids {
					// A line that is not an object stands as an empty event.
					if i < len(l.Dataset.Events) && l.Dataset.Events[i].ID != "" && l.Dataset.Events[i].ID != id {
						t.Errorf("events[%d] is %q, want %q (file order)", i, l.Dataset.Events[i].ID, id)
					}
				}
			}
		})
	}
}

// treeEvent decodes an event line with the tree decoder.
func treeEvent(line []byte) (timeline.Event, []schema.Problem, bool) {
	root, serr := schema.ParseJSON(line)
	if serr != nil {
		return timeline.Event{}, nil, false
	}
	d := &schema.Decoder{}
	e := d.Event(root, schema.RecPath{List: "events"})
	return e, d.Probs, true
}

// TestJSONLFastPath checks that the fast decoder takes every line the
// generator writes and decodes it as the tree decoder does.
func TestJSONLFastPath(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 2000, Seed: 3})
	b, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))[1:]
	d := &eventDecoder{}
	for i, line := range lines {
		var got timeline.Event
		if !d.event(line, &got) {
			t.Fatalf("line %d refused by the fast path: %s", i+2, line)
		}
		want, probs, _ := treeEvent(line)
		if len(probs) > 0 || !reflect.DeepEqual(got, want) {
			t.Fatalf("line %d: fast %+v, tree %+v %v", i+2, got, want, probs)
		}
	}
}

func BenchmarkJSONLEventLine(b *testing.B) {
	ds := synth.Dataset(synth.Options{N: 1000, Seed: 3})
	all, err := Marshal(ds)
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(all), []byte("\n"))[1:]
	d := &eventDecoder{intern: newInterner(nil)}
	var e timeline.Event
	size := 0
	for _, l := range lines {
		size += len(l) + 1
	}
	b.SetBytes(int64(size / len(lines)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d.event(lines[i%len(lines)], &e)
		i++
	}
}

// sameTimeline fails unless got has the events of want, in order.
func sameTimeline(t *testing.T, got, want *schema.Loaded) {
	t.Helper()
	if got.Timeline == nil {
		t.Fatalf("did not load: %v", got.Err())
	}
	if got.Timeline.Len() != want.Timeline.Len() {
		t.Fatalf("%d events, want %d", got.Timeline.Len(), want.Timeline.Len())
	}
	for i := range want.Timeline.Len() {
		if !reflect.DeepEqual(got.Timeline.Event(i), want.Timeline.Event(i)) {
			t.Fatalf("event %d differs:\n got %+v\nwant %+v", i, got.Timeline.Event(i), want.Timeline.Event(i))
		}
	}
}

// hiddenSize reads like a pipe: its size is not known in advance.
type hiddenSize struct{ r io.Reader }

func (h hiddenSize) Read(p []byte) (int, error) { return h.r.Read(p) }

// TestJSONLBlocks loads files of many blocks whose shapes defeat the
// estimate of the event list's size: long lines first (the list fills up),
// blank lines first (it is far too big), lines longer than a block, no
// size at all; and wants what the JSON loader gives.
func TestJSONLBlocks(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 12000, Seed: 11, Sources: 2})
	for i := range 40 {
		ds.Events[i].Summary = strings.Repeat("A long summary. ", 2000) // 32 KB
	}
	ds.Events[100].Summary = strings.Repeat("A line longer than a block. ", 50000) // 1.4 MB
	jsonBytes, err := schema.MarshalJSON(ds)
	if err != nil {
		t.Fatal(err)
	}
	want := schema.LoadTree("d.json", jsonBytes, schema.NewDiskFiles(""))
	if want.Timeline == nil {
		t.Fatal(want.Err())
	}
	lines, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	header, events, _ := bytes.Cut(lines, []byte("\n"))
	header = append(header, '\n')
	blankFirst := append(append(slices.Clone(header), bytes.Repeat([]byte("\n"), 3<<20)...), events...)
	crlf := bytes.ReplaceAll(lines, []byte("\n"), []byte("\r\n\n"))
	noFinalBreak := bytes.TrimSuffix(lines, []byte("\n"))
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"long lines first", lines},
		{"blank lines first", blankFirst},
		{"CRLF and a blank line after each", crlf},
		{"no final line break", noFinalBreak},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Load(writeTemp(t, "d.jsonl", tc.b), nil)
			sameTimeline(t, got, want)
			if len(got.Problems) != len(want.Problems) {
				t.Errorf("%d problems, want %d", len(got.Problems), len(want.Problems))
			}
		})
	}
	t.Run("size unknown", func(t *testing.T) {
		r := bytes.NewReader(lines)
		got := loadJSONL("d.jsonl", hiddenSize{r}, r, 0, schema.DiskFiles{Dir: "."}, nil, true)
		sameTimeline(t, got, want)
	})
}

// TestJSONLProgress checks that progress counts up to the file's size and
// that no goroutine outlives the load.
func TestJSONLProgress(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 9000, Seed: 5, Sources: 1})
	b, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "d.jsonl", b)
	before := runtime.NumGoroutine()
	var calls []int64
	l := Load(path, func(done, total int64) {
		if total != int64(len(b)) {
			t.Errorf("total %d, want %d", total, len(b))
		}
		calls = append(calls, done)
	})
	if l.Timeline == nil {
		t.Fatal(l.Err())
	}
	if len(calls) < 3 || !slices.IsSorted(calls) || calls[len(calls)-1] != int64(len(b)) {
		t.Errorf("progress calls %v: want at least 3, rising to %d", calls, len(b))
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the load, %d before", n, before)
	}
}

// TestJSONLProblemsDeep puts problems in a block far from the first, so
// that their lines, columns and event paths are the file's, not the block's.
func TestJSONLProblemsDeep(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 10000, Seed: 2, Sources: 1})
	ds.Events[9000].Actors = append(ds.Events[9000].Actors, timeline.ActorRef{Actor: "nobody"})
	b, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(b, []byte("\n"))
	// Line 9002 holds events[9000]; break events[9500] (line 9502) with a
	// misspelt field.
	lines[9501] = bytes.Replace(lines[9501], []byte(`"title"`), []byte(`"titel"`), 1)
	col := bytes.Index(lines[9501], []byte(`"titel"`)) + 1
	refCol := bytes.Index(lines[9001], []byte(`"nobody"`)) + 1
	l := Load(writeTemp(t, "d.jsonl", bytes.Join(lines, []byte("\n"))), nil)
	want := []schema.Problem{
		{Line: 9002, Col: refCol, Severity: timeline.SeverityError, Path: timeline.Path("events[9000].actors[" + strconv.Itoa(len(ds.Events[9000].Actors)-1) + "].actor")},
		{Line: 9502, Col: 1, Severity: timeline.SeverityError, Path: "events[9500].title"},
		{Line: 9502, Col: col, Severity: timeline.SeverityError, Path: ""},
	}
	if len(l.Problems) != len(want) {
		t.Fatalf("problems %v, want %d", l.Problems, len(want))
	}
	for i, w := range want {
		p := l.Problems[i]
		if p.Line != w.Line || p.Col != w.Col || p.Severity != w.Severity || p.Path != w.Path {
			t.Errorf("problem %d: %d:%d %s %q, want %d:%d %s %q", i, p.Line, p.Col, p.Severity, p.Path, w.Line, w.Col, w.Severity, w.Path)
		}
	}
}

// FuzzJSONLEvent checks the fast decoder against the tree decoder: when
// the fast one accepts a line, the tree decoder must find no problem in it
// and decode the same event.
func FuzzJSONLEvent(f *testing.F) {
	for _, s := range []string{
		`{"id":"e1","date":"2024-02-20","title":"T","summary":"S","status":"alleged","actors":["a",{"actor":"b","role":"r"}],"tags":["x"],"citations":[{"source":"s","quote":"q","prefix":"p","suffix":"x","start":1,"end":2}]}`,
		`{"id":"e\u00e9\n","title":"\ud83d\ude97 car","date":null,"summary":null,"tags":[],"actors":[],"citations":null}`,
		`{"id":"e","title":"t","citations":[{"source":"s","quote":"q","start":null,"end":-0}]}`,
		`{"id":"e","title":"t","tags":null,"status":null,"date_note":"n"}`,
		` {"id" : "e" , "title" : "t" } `,
		`{"id":"e","title":"t","id":"f"}`,
		`{"id":"e","title":"t","citations":[{"source":"s","quote":"q","start":01}]}`,
		`{"id":"e","title":"t\x01"}`,
		`{"id":"e","title":"\xff"}`,
		`{"id":"e","title":"t"}x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		d := &eventDecoder{intern: newInterner(nil)}
		var fast timeline.Event
		if !d.event(line, &fast) {
			return
		}
		tree, probs, ok := treeEvent(line)
		if !ok || len(probs) > 0 {
			t.Fatalf("fast path accepted %q, which the tree decoder refuses: %v", line, probs)
		}
		if !reflect.DeepEqual(fast, tree) {
			t.Fatalf("%q:\nfast %+v\ntree %+v", line, fast, tree)
		}
	})
}

// BenchmarkLoadJSONL loads 100,000 synthetic events (about 25 MB) from a
// file; the throughput is the file's bytes per second.
func BenchmarkLoadJSONL(b *testing.B) {
	g := synth.New(synth.Options{N: 100_000, Seed: 1})
	var buf bytes.Buffer
	jw, err := NewWriter(&buf, g.Header())
	if err != nil {
		b.Fatal(err)
	}
	if err := g.Events(func(e *timeline.Event) error { return jw.WriteEvent(e) }); err != nil {
		b.Fatal(err)
	}
	path := writeTemp(b, "bench.jsonl", buf.Bytes())
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if l := Load(path, nil); l.Timeline == nil {
			b.Fatal(l.Err())
		}
	}
}

func TestJSONLUnreadable(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		path, want string
	}{
		{filepath.Join(dir, "missing.jsonl"), "cannot read " + filepath.Join(dir, "missing.jsonl") + ": no such file or directory"},
		{dir, "cannot read " + dir + ": is a folder, not a file"},
	} {
		l := Load(tc.path, nil)
		if l.Timeline != nil || len(l.Problems) != 1 || l.Problems[0].Message != tc.want || l.Problems[0].File != tc.path {
			t.Errorf("%s: %+v, want the problem %q", tc.path, l.Problems, tc.want)
		}
	}
}
