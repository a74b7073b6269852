package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"dateline/data/internal/schema"
	"dateline/timeline"
	"dateline/timeline/synth"
)

// lazyDataset is a valid dataset with what Open must get right beyond
// the generator's usual lines: escapes (\u00e9, \", \n, a surrogate pair
// the fast decoder leaves to the tree decoder, an escaped actor id), fields
// in another order, undated events, open and unknown ends, repeated dates.
func lazyDataset(tb testing.TB, n int, seed uint64) []byte {
	tb.Helper()
	ds := synth.Dataset(synth.Options{N: n, Seed: seed})
	ds.Events[0].Summary = "Quotes \"inside\", a tab\there, a line\nbreak, a backslash \\ and é ü 金 🚗."
	ds.Events[1].DateNote = "Dated from the ledger."
	ds.Events[2].Tags = []string{}
	for i := 3; i < n; i += 97 {
		ds.Events[i].Date = timeline.Date{} // undated
	}
	for i, s := range []string{"1999/..", "../1850", "1700/", "/1701", "2001-05", "2001-05", "2001-05", "1999/.."} {
		ds.Events[5+7*i].Date = timeline.MustParseDate(s)
	}
	ds.Events[4].Title = "Café Zürich Øystein naïve 🚗 meeting"
	// Words that a search finds only by decoding the line, or by folding:
	// an escaped ASCII letter, the long s and the Kelvin sign.
	ds.Events[6].Title = "Zanzibar wharf"
	ds.Events[8].Summary = "The ſtone of the \u212aeep, and a \u212aelvin scale."
	b, err := Marshal(ds)
	if err != nil {
		tb.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte("é"), []byte(`\u00e9`))
	b = bytes.ReplaceAll(b, []byte("🚗"), []byte(`\ud83d\ude97`))
	b = bytes.ReplaceAll(b, []byte(`"a1"`), []byte(`"\u00611"`))
	b = bytes.ReplaceAll(b, []byte("Zanzibar"), []byte(`\u005aanzibar`))
	// Every 50th event with its fields in alphabetical order: citations
	// and summary before title.
	lines := bytes.Split(b, []byte("\n"))
	for k := 1; k < len(lines); k += 50 {
		var m map[string]any
		if json.Unmarshal(lines[k], &m) != nil {
			continue
		}
		if lines[k], err = json.Marshal(m); err != nil {
			tb.Fatal(err)
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

// TestOpenAsLoad opens valid files and wants Load's Timeline: the same
// events in the same order, the same filters, searches and lookups.
func TestOpenAsLoad(t *testing.T) {
	n := 6000
	if testing.Short() {
		n = 1500
	}
	path := writeTemp(t, "d.jsonl", lazyDataset(t, n, 11))
	want := Load(path, nil)
	if want.Timeline == nil {
		t.Fatalf("Load: %v", want.Err())
	}
	got := Open(path, nil)
	if got.Timeline == nil {
		t.Fatalf("Open: %v", got.Err())
	}
	if !got.Timeline.Lazy() || got.Dataset == nil || got.Dataset.Events != nil {
		t.Fatalf("Open: want a lazy Timeline and a header-only Dataset")
	}
	if !reflect.DeepEqual(got.Problems, want.Problems) || !reflect.DeepEqual(got.TextFiles, want.TextFiles) {
		t.Errorf("Open: problems %v and text files %v, Load: %v and %v", got.Problems, got.TextFiles, want.Problems, want.TextFiles)
	}
	compareTimelines(t, got.Timeline, want.Timeline)
}

func compareTimelines(t *testing.T, lz, mem *timeline.Timeline) {
	t.Helper()
	if lz.Len() != mem.Len() {
		t.Fatalf("Len %d, want %d", lz.Len(), mem.Len())
	}
	for i := range mem.Len() {
		g, w := lz.Event(i), mem.Event(i)
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("Event(%d):\n%+v\nwant\n%+v (problem %q)", i, g, w, lz.EventProblem(i))
		}
		if p := lz.EventProblem(i); p != "" {
			t.Fatalf("Event(%d): problem %q", i, p)
		}
		if lz.Undated(i) != mem.Undated(i) {
			t.Fatalf("Undated(%d) differs", i)
		}
	}
	if !sameSpan(lz, mem) {
		t.Errorf("Span differs")
	}
	// Lookups: every id, and ids that are not there.
	for i := 0; i < mem.Len(); i += max(1, mem.Len()/50) {
		id := mem.Event(i).ID
		g, gok := lz.EventIndex(id)
		w, wok := mem.EventIndex(id)
		if g != w || gok != wok {
			t.Errorf("EventIndex(%q) = %d %v, want %d %v", id, g, gok, w, wok)
		}
	}
	for _, id := range []string{"", "nope", "e99999999"} {
		if _, ok := lz.EventIndex(id); ok {
			t.Errorf("EventIndex(%q) found", id)
		}
	}
	actors := mem.Actors()
	filters := []timeline.Filter{
		{},
		{Actors: []string{actors[0].ID}},
		{Actors: []string{actors[1].ID, actors[5].ID}},
		{Actors: []string{actors[0].ID, actors[1].ID}, AllActors: true},
		{Actors: []string{"nobody"}},
		{Dates: timeline.MustParseDate("1200/1300")},
		{Dates: timeline.MustParseDate("2001-05")},
		{Dates: timeline.MustParseDate("1990/..")},
		{Statuses: []timeline.Status{timeline.StatusAlleged}},
		{Statuses: []timeline.Status{timeline.StatusOccurred, timeline.StatusExpected}, Dates: timeline.MustParseDate("../1500")},
		{Text: "merchant"},
		{Text: "café"},
		{Text: "ZÜRICH"},
		{Text: actors[3].Name},
		{Text: "harbour", Actors: []string{actors[0].ID}},
		{Text: "no such text anywhere"},
		{Text: "zanzibar wharf"},
		{Text: "stone"},
		{Text: "KEEP"},
	}
	for _, f := range filters {
		if g, w := lz.Apply(f, nil), mem.Apply(f, nil); !slices.Equal(g, w) {
			t.Errorf("Apply(%+v): %d events, want %d", f, len(g), len(w))
		}
	}
	for _, q := range searchQueries(mem) {
		if g, w := lz.Search(q, nil), mem.Search(q, nil); !slices.Equal(g, w) {
			t.Errorf("Search(%q): %d events, want %d", q, len(g), len(w))
		}
	}
	if err := lz.SourceErr(); err != nil {
		t.Errorf("SourceErr: %v", err)
	}
}

func sameSpan(a, b *timeline.Timeline) bool {
	af, al, aok := a.Span()
	bf, bl, bok := b.Span()
	return af == bf && al == bl && aok == bok
}

// searchQueries are prefixes of 1 to 4 letters of words of a sample of
// events, actors' names and aliases, several words, non-ASCII words and
// words that match nothing, in an order where some narrow the one before.
func searchQueries(tl *timeline.Timeline) []string {
	var qs []string
	seen := map[string]bool{}
	add := func(q string) {
		if !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	for i := 0; i < tl.Len(); i += max(1, tl.Len()/12) {
		e := tl.Event(i)
		for _, w := range strings.FieldsFunc(e.Title+" "+e.Summary, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			r := []rune(w)
			for n := 1; n <= min(4, len(r)); n++ {
				add(string(r[:n]))
			}
		}
		if len(e.Citations) > 0 {
			add(strings.Fields(e.Citations[0].Quote)[0])
		}
	}
	for _, a := range tl.Actors()[:8] {
		add(a.Name)
		for _, al := range a.Aliases {
			add(al)
		}
	}
	for _, q := range []string{"the mer", "the merchant", "harb", "harbour tax", "café", "zür", "øys", "naïve", "金", "🚗", "zzzz", "qqq xyz", "e0000", "zanz", "zanzibar wharf", "ston", "kelv", "keep"} {
		add(q)
	}
	return qs
}

// TestOpenChangedFile: a file truncated or rewritten after Open gives
// placeholders for the events it can no longer read, and searches that
// say so, without a panic.
func TestOpenChangedFile(t *testing.T) {
	b := lazyDataset(t, 3000, 5)
	for _, tc := range []struct {
		name   string
		change func(path string) error
	}{
		{"truncated", func(p string) error { return os.Truncate(p, int64(len(b)/2)) }},
		{"emptied", func(p string) error { return os.Truncate(p, 0) }},
		{"rewritten", func(p string) error { return os.WriteFile(p, bytes.ToUpper(b), 0o644) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeTemp(t, "d.jsonl", b)
			l := Open(path, nil)
			tl := l.Timeline
			if tl == nil {
				t.Fatal(l.Err())
			}
			if err := tc.change(path); err != nil {
				t.Fatal(err)
			}
			for i := range tl.Len() {
				if e := tl.Event(i); e == nil {
					t.Fatalf("Event(%d) is nil", i)
				}
				if p := tl.EventProblem(i); !strings.Contains(p, ErrChanged.Error()) {
					t.Fatalf("EventProblem(%d) = %q, want the file changed", i, p)
				}
			}
			tl.Search("merchant", nil)
			if err := tl.SourceErr(); !errors.Is(err, ErrChanged) {
				t.Errorf("SourceErr after Search = %v, want ErrChanged", err)
			}
			tl.Apply(timeline.Filter{Text: "harbour"}, nil)
			if _, ok := tl.EventIndex("e0000010"); ok {
				t.Errorf("EventIndex found an event in a changed file")
			}
		})
	}
}

// TestOpenBadLines: lines Load would refuse are events of an opened file,
// marked with why.
func TestOpenBadLines(t *testing.T) {
	b := lazyDataset(t, 400, 9)
	lines := bytes.Split(b, []byte("\n"))
	lines[10] = []byte(`this is not JSON {`)
	lines[20] = bytes.Replace(lines[20], []byte(`"actors":[`), []byte(`"actors":["nobody",`), 1)
	lines[30] = []byte(`[1, 2, 3]`)
	lines[40] = []byte(`{"id": "x", "title": "t", "date": "not a date"}`)
	lines[75] = []byte(`{"id": "y", "title": 7}`)
	lines = slices.Insert(lines, 50, []byte("   "), []byte("")) // blank lines are no events
	path := writeTemp(t, "bad.jsonl", bytes.Join(lines, []byte("\n")))
	l := Open(path, nil)
	tl := l.Timeline
	if tl == nil {
		t.Fatal(l.Err())
	}
	if len(l.Problems) != 0 {
		t.Errorf("Open reports %v; want the header's problems only", l.Problems)
	}
	if tl.Len() != 400 {
		t.Fatalf("Len %d, want 400", tl.Len())
	}
	problem := func(k int) string {
		i, ok := tl.Position(k)
		if !ok {
			t.Fatalf("no position for event %d", k)
		}
		tl.Event(i)
		return tl.EventProblem(i)
	}
	for _, tc := range []struct {
		k    int
		want string
	}{
		{9, "line 11: JSON syntax error"},
		{19, timeline.ErrInvalid.Error() + ": line 21: "},
		{29, "line 31: "},
		{39, "line 41: "},
		{60, ""},          // after the blank lines: still found
		{74, "line 78: "}, // and numbered after them
	} {
		p := problem(tc.k)
		if tc.want == "" && p != "" || !strings.HasPrefix(p, tc.want) {
			t.Errorf("event %d: problem %q, want %q…", tc.k, p, tc.want)
		}
	}
	if p := problem(19); !strings.Contains(p, "nobody") {
		t.Errorf("the unknown actor's problem does not name it: %q", p)
	}
}

// TestCheckAsLoad: Check reports Load's problems, in Load's order, on the
// error fixtures and on a generated file with problems.
func TestCheckAsLoad(t *testing.T) {
	ds := synth.Dataset(synth.Options{N: 5000, Seed: 3})
	ds.Events[7].Citations = nil
	ds.Events[9].Citations[0].Quote = "not in the source"
	ds.Events[11].ID = ds.Events[12].ID
	b, err := Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{writeTemp(t, "big.jsonl", b)}
	for _, dir := range []string{"testdata", filepath.Join("..", "testdata", "hostile"), filepath.Join("..", "testdata", "bad")} {
		more, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
		files = append(files, more...)
	}
	if len(files) < 5 {
		t.Fatalf("fixtures not found: %v", files)
	}
	for _, f := range files {
		want := Load(f, nil).Problems
		last := 0
		got := Check(f, func(done, total int64, problems int) {
			if done > total && total > 0 {
				t.Errorf("%s: progress %d of %d", f, done, total)
			}
			if problems < last {
				t.Errorf("%s: problems went from %d to %d", f, last, problems)
			}
			last = problems
		})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Check finds\n%v\nLoad finds\n%v", f, got, want)
		}
	}
}

// TestOpenHeaderProblems: Open reports Load's problems about the header
// (line 1), and builds no Timeline when one is an error.
func TestOpenHeaderProblems(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.jsonl"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "hostile", "*.jsonl"))
	for _, f := range append(files, more...) {
		l := Load(f, nil)
		o := Open(f, nil)
		var want []schema.Problem
		for _, p := range l.Problems {
			if p.Line <= 1 {
				want = append(want, p)
			}
		}
		if !reflect.DeepEqual(o.Problems, want) {
			t.Errorf("%s: Open reports\n%v\nLoad reports about the header\n%v", f, o.Problems, want)
		}
		if failed := slices.ContainsFunc(want, func(p schema.Problem) bool { return p.Severity == timeline.SeverityError }); failed != (o.Timeline == nil) {
			t.Errorf("%s: the header fails: %v, Open built a Timeline: %v", f, failed, o.Timeline != nil)
		}
	}
}

// TestOpenSmall: a header alone, and one event without a line break.
func TestOpenSmall(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
	}{
		{`{"dateline": 1}`, 0},
		{"{\"dateline\": 1}\n", 0},
		{"{\"dateline\": 1}\n\n  \n", 0},
		{"{\"dateline\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"Ann\", \"kind\": \"person\"}]}\r\n{\"id\": \"x\", \"title\": \"Café\", \"date\": \"2024\", \"actors\": [\"a\"]}", 1},
	} {
		l := Open(writeTemp(t, "s.jsonl", []byte(tc.text)), nil)
		if l.Timeline == nil || l.Timeline.Len() != tc.n {
			t.Errorf("%q: %v", tc.text, l.Err())
			continue
		}
		if tc.n == 1 {
			e := l.Timeline.Event(0)
			if e.Title != "Café" || len(e.Actors) != 1 || l.Timeline.EventProblem(0) != "" || l.Timeline.ActorEventCount("a") != 1 {
				t.Errorf("%q: %+v %q", tc.text, e, l.Timeline.EventProblem(0))
			}
			if hits := l.Timeline.Search("caf", nil); len(hits) != 1 {
				t.Errorf("Search: %v", hits)
			}
			if hits := l.Timeline.Search("ann", nil); len(hits) != 1 {
				t.Errorf("Search of an actor: %v", hits)
			}
		}
	}
}

// A file over 4 GB has offsets past 32 bits: the index keeps their high
// bits where they change, and gives every offset back whole; lengths are
// kept where the next line does not follow right after (blank lines, a
// line too long to read, the last), and given back all the same.
func TestLineIndexOffsets(t *testing.T) {
	type line struct {
		off int64
		n   int32
	}
	want := []line{{0, 254}, {255, 10}, {270, 5}, {1<<32 - 300, 298}, {1<<32 - 1, 0}, {1 << 32, 6}, {1<<32 + 7, -1},
		{3<<32 + 1, 0}, {3<<32 + 2, 9}, {5 << 32, 3}}
	var x lineIndex
	for _, l := range want {
		x.add(l.off, l.n)
	}
	if x.len() != len(want) {
		t.Fatalf("len %d, want %d", x.len(), len(want))
	}
	for i, l := range want {
		if off, n := x.off(i), x.n(i); off != l.off || n != l.n {
			t.Errorf("line %d: offset %d, length %d; want %d, %d", i, off, n, l.off, l.n)
		}
	}
	if len(x.highs) != 3 {
		t.Errorf("%d changes of the high bits recorded, want 3: %v", len(x.highs), x.highs)
	}
	// Lines 1 (a blank line after it), 2, 6 (too long), 8 and 9 (the last) do not
	// follow.
	if len(x.lens) != 5 {
		t.Errorf("%d lengths kept, want 5: %v", len(x.lens), x.lens)
	}
}
