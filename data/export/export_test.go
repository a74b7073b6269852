package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dateline/data/internal/schema"
	"dateline/data/jsonl"
	"dateline/data/timelinejs"
	"dateline/timeline"
)

// exportFixture loads a dataset of testdata/export.
func exportFixture(t *testing.T, name string) *schema.Loaded {
	t.Helper()
	l := loadFile(t, filepath.Join("testdata", name))
	if l.Timeline == nil {
		t.Fatalf("%s did not load: %v", name, l.Problems)
	}
	return l
}

func everything(l *schema.Loaded) []int { return l.Timeline.Apply(timeline.Filter{}, nil) }

func export(t *testing.T, l *schema.Loaded, idx []int, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, l, idx, format); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return buf.Bytes()
}

// TestExportJSONRoundTrip checks that our JSON loses nothing: the dataset
// loaded back is equal, source texts and citations included, and every
// citation resolves to the same place.
func TestExportJSONRoundTrip(t *testing.T) {
	for name, l := range map[string]*schema.Loaded{"embedded": loadEmbedded(t), "dates.yaml": exportFixture(t, "dates.yaml")} {
		out := export(t, l, everything(l), JSON)
		back := loadBytes("back.json", out, t.TempDir())
		if back.Timeline == nil {
			t.Fatalf("%s: the JSON export does not load: %v", name, back.Problems)
		}
		if !reflect.DeepEqual(l.Dataset, back.Dataset) {
			t.Errorf("%s: the dataset changed through JSON:\n%+v\n%+v", name, l.Dataset, back.Dataset)
		}
		for i := range l.Timeline.Len() {
			a, b := l.Timeline.Event(i), back.Timeline.Event(i)
			for k := range a.Citations {
				if a.Citations[k].Span != b.Citations[k].Span {
					t.Errorf("%s: %s citation %d: span %+v, was %+v", name, a.ID, k, b.Citations[k].Span, a.Citations[k].Span)
				}
			}
		}
		if name == "embedded" && len(back.Dataset.Sources[0].Text) < 1000 {
			t.Errorf("the source text was not written inline")
		}
	}
}

// TestExportJSONFiltered checks that a filtered view keeps its events in
// chronological order with only the actors and sources they use.
func TestExportJSONFiltered(t *testing.T) {
	l := loadEmbedded(t)
	idx := l.Timeline.Apply(timeline.Filter{Actors: []string{"putin"}}, nil)
	back := loadBytes("back.json", export(t, l, idx, JSON), "")
	if back.Timeline == nil {
		t.Fatalf("does not load: %v", back.Problems)
	}
	var want, got []string
	for _, i := range idx {
		want = append(want, l.Timeline.Event(i).ID)
	}
	used := map[string]bool{}
	for _, e := range back.Dataset.Events {
		got = append(got, e.ID)
		for _, r := range e.Actors {
			used[r.Actor] = true
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("events %v, want %v", got, want)
	}
	if len(back.Dataset.Actors) != len(used) || len(back.Dataset.Actors) >= len(l.Dataset.Actors) {
		t.Errorf("%d actors for %d used (of %d)", len(back.Dataset.Actors), len(used), len(l.Dataset.Actors))
	}
}

// roundTripWant is what a date of testdata/export/dates.yaml comes back
// as through TimelineJS when it is not the same EDTF: TimelineJS has no
// "X" digits, seasons or UTC offsets, so those come back as their bounds
// (or local time), with dateline's human date as the display date.
var roundTripWant = map[string]struct{ edtf, note string }{
	"offset-time": {"2024-02-20T10:30:00", "display date: 20 Feb 2024, 10:30 UTC+05:30"},
	"decade":      {"2010/2019", "display date: 2010s"},
	"season":      {"2024-03/2024-05", "display date: Spring 2024"},
}

// checkRoundTrip compares events that went out to TimelineJS and came back,
// matched by title.
func checkRoundTrip(t *testing.T, l, back *schema.Loaded) {
	t.Helper()
	if back.Timeline == nil {
		t.Fatalf("does not load back: %v", back.Problems)
	}
	got := exportedByTitle(back.Dataset)
	n := 0
	for _, e := range l.Dataset.Events {
		b, ok := got[e.Title]
		if e.Date.IsZero() {
			if ok {
				t.Errorf("undated %q was exported", e.ID)
			}
			continue
		}
		n++
		if !ok {
			t.Errorf("%q did not come back", e.Title)
			continue
		}
		want, odd := roundTripWant[e.ID]
		if !odd {
			want.edtf = e.Date.String()
		}
		if b.Date.String() != want.edtf || (odd && b.DateNote != want.note) {
			t.Errorf("%s: %q (note %q) came back as %q (note %q), want %q", e.ID, e.Date, e.DateNote, b.Date, b.DateNote, want.edtf)
		}
		if first := timelinejs.SplitParagraphs(e.Summary); len(first) > 0 && !strings.Contains(b.Summary, first[0]) {
			t.Errorf("%s: summary %q lost %q", e.ID, b.Summary, first[0])
		}
	}
	if n != len(got) {
		t.Errorf("%d events came back, want %d", len(got), n)
	}
}

// TestTimelineJSRoundTrip exports to TimelineJS and imports the result:
// every date keeps its precision, qualifiers and open ends.
func TestTimelineJSRoundTrip(t *testing.T) {
	for _, l := range []*schema.Loaded{loadEmbedded(t), exportFixture(t, "dates.yaml")} {
		out := export(t, l, everything(l), TimelineJS)
		if !timelinejs.Is(out) {
			t.Fatalf("the export is not detected as TimelineJS:\n%s", out)
		}
		back := timelinejs.Load("back.json", out)
		checkRoundTrip(t, l, back)
		// unique_id carries the ids (eras have none in TimelineJS).
		for _, e := range back.Dataset.Events {
			if _, found := datasetEvent(l.Dataset, e.ID); !found && !slices.Contains(e.Tags, timelinejs.EraTag) {
				t.Errorf("id %q did not survive", e.ID)
			}
		}
	}
}

func datasetEvent(ds *timeline.Dataset, id string) (*timeline.Event, bool) {
	for i := range ds.Events {
		if ds.Events[i].ID == id {
			return &ds.Events[i], true
		}
	}
	return nil, false
}

// TestSheetsCSVRoundTrip exports to the Sheets CSV and imports the result.
func TestSheetsCSVRoundTrip(t *testing.T) {
	l := exportFixture(t, "dates.yaml")
	out := export(t, l, everything(l), SheetsCSV)
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], sheetHeader) || rows[1][15] != "title" {
		t.Errorf("header %q, first row type %q", rows[0], rows[1][15])
	}
	if !timelinejs.IsSheetsCSV(out) {
		t.Fatal("the export is not detected as a sheet")
	}
	checkRoundTrip(t, l, timelinejs.LoadSheetsCSV("back.csv", out))
}

// TestTimelineJSExport checks the keys and the content of the slides.
func TestTimelineJSExport(t *testing.T) {
	l := exportFixture(t, "dates.yaml")
	out := export(t, l, everything(l), TimelineJS)
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	only := func(what string, v any, keys ...string) {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s is not an object: %v", what, v)
		}
		for k := range m {
			if !slices.Contains(keys, k) {
				t.Errorf("%s has undocumented key %q", what, k)
			}
		}
	}
	only("the file", doc, "title", "scale", "eras", "events")
	if doc["scale"] != "human" {
		t.Errorf("scale %v", doc["scale"])
	}
	events, _ := doc["events"].([]any)
	eras, _ := doc["eras"].([]any)
	if len(events) != 19 || len(eras) != 1 {
		t.Errorf("%d events and %d eras, want 19 and 1 (the undated event left out)", len(events), len(eras))
	}
	slides := slices.Concat(events, eras, []any{doc["title"]})
	for _, s := range slides {
		only("a slide", s, "start_date", "end_date", "display_date", "text", "group", "unique_id", "media")
		m := s.(map[string]any)
		for _, k := range []string{"start_date", "end_date"} {
			if d, ok := m[k]; ok {
				only(k, d, "year", "month", "day", "hour", "minute", "second")
			}
		}
		only("text", m["text"], "headline", "text")
		if media, ok := m["media"]; ok {
			only("media", media, "url", "caption", "credit")
		}
	}
	var day map[string]any
	for _, s := range events {
		if s.(map[string]any)["unique_id"] == "day" {
			day = s.(map[string]any)
		}
	}
	text := day["text"].(map[string]any)["text"].(string)
	for _, want := range []string{
		"<p><strong>Status:</strong> alleged</p><p>Two paragraphs &lt;b&gt;not&lt;/b&gt; HTML &amp; such.</p><p>The second one.</p>",
		"<p><strong>Who:</strong> Mayor Kim (speaker), Dockers' union</p>",
		`<blockquote><p>start in the summer</p><p>— <cite><a href="https://example.org/memo?a=1&amp;b=2">Memo on the harbour works</a></cite>, Harbour Gazette, 2 May 2023, paragraph 2</p></blockquote>`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("slide text lacks %q:\n%s", want, text)
		}
	}
	if day["group"] != "Dockers' union" {
		t.Errorf("group %v", day["group"])
	}
	media := day["media"].(map[string]any)
	if media["url"] != "https://example.org/memo?a=1&b=2" || media["caption"] != "Memo on the harbour works" || media["credit"] != "Harbour Gazette, 2 May 2023" {
		t.Errorf("media %v", media)
	}
	title := doc["title"].(map[string]any)["text"].(map[string]any)
	if title["headline"] != "Harbour &lt;works&gt; &amp; more" || !strings.Contains(title["text"].(string), "Memo on the harbour works") {
		t.Errorf("title slide %v", title)
	}
}

// TestTimelineJSExportDates checks the date objects and display dates.
func TestTimelineJSExportDates(t *testing.T) {
	tests := []struct {
		edtf       string
		start, end string // JSON of the date objects; "" for none
		display    string
	}{
		{"2017", `{"year":2017}`, "", ""},
		{"2023-09", `{"year":2023,"month":9}`, "", ""},
		{"2024-02-20T10:30:05", `{"year":2024,"month":2,"day":20,"hour":10,"minute":30,"second":5}`, "", ""},
		{"2024-02-20T00:00:00Z", `{"year":2024,"month":2,"day":20,"hour":0,"minute":0,"second":0}`, "", "20 Feb 2024, 00:00 UTC"},
		{"2017~", `{"year":2017}`, "", "c. 2017"},
		{"2017-05?", `{"year":2017,"month":5}`, "", "May 2017?"},
		{"201X", `{"year":2010}`, `{"year":2019}`, "2010s"},
		{"2024-24", `{"year":2024,"month":12}`, `{"year":2025,"month":2}`, "Winter 2024–25"},
		{"1985-04-XX", `{"year":1985,"month":4,"day":1}`, `{"year":1985,"month":4,"day":30}`, "Apr 1985"},
		{"-0043-03-15", `{"year":-44,"month":3,"day":15}`, "", ""},
		{"0000", `{"year":-1}`, "", ""},
		{"Y170000002", `{"year":170000002}`, "", ""},
		{"2024-02-01/2024-02-19", `{"year":2024,"month":2,"day":1}`, `{"year":2024,"month":2,"day":19}`, ""},
		{"../2021", `{"year":2021}`, "", "until 2021"},
		{"2024-02-20/..", `{"year":2024,"month":2,"day":20}`, "", "after 20 Feb 2024"},
		{"/2024", `{"year":2024}`, "", "? – 2024"},
		{"2004-06~/2006", `{"year":2004,"month":6}`, `{"year":2006}`, "c. Jun 2004 – 2006"},
	}
	js := func(d *outDate) string {
		if d == nil {
			return ""
		}
		b, _ := json.Marshal(d)
		return string(b)
	}
	for _, tt := range tests {
		start, end, human, lossy := tjsDates(timeline.MustParseDate(tt.edtf))
		display := ""
		if lossy {
			display = human
		}
		if js(start) != tt.start || js(end) != tt.end || display != tt.display {
			t.Errorf("%s: %s %s %q, want %s %s %q", tt.edtf, js(start), js(end), display, tt.start, tt.end, tt.display)
		}
	}
}

// TestTimelineJSCosmologicalExport checks that a year beyond JavaScript
// dates makes the scale cosmological, with years only and the finer dates
// kept for display.
func TestTimelineJSCosmologicalExport(t *testing.T) {
	l := exportFixture(t, "cosmological.yaml")
	out := export(t, l, everything(l), TimelineJS)
	var doc outFile
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scale != "cosmological" {
		t.Fatalf("scale %q", doc.Scale)
	}
	for _, s := range doc.Events {
		if s.StartDate.Month != 0 || s.StartDate.Hour != nil || s.EndDate != nil {
			t.Errorf("%s: not year-only: %+v", s.UniqueID, s.StartDate)
		}
	}
	if doc.Events[0].StartDate.Year != -13800000000 || doc.Events[2].DisplayDate != "20 Jul 1969" {
		t.Errorf("big bang %d, landing display %q", doc.Events[0].StartDate.Year, doc.Events[2].DisplayDate)
	}
	back := timelinejs.Load("back.json", out)
	got := exportedByTitle(back.Dataset)
	if got["The Big Bang"].Date.String() != "Y-13799999999" || got["Far future"].Date.String() != "Y170000002" ||
		got["The Moon landing"].Date.String() != "1969" || got["The Moon landing"].DateNote != "display date: 20 Jul 1969" {
		t.Errorf("back: %+v %+v %+v", got["The Big Bang"].Date, got["Far future"].Date, got["The Moon landing"])
	}
}

func TestExportErrors(t *testing.T) {
	l := exportFixture(t, "dates.yaml")
	var buf bytes.Buffer
	if err := Write(&buf, l, everything(l), "xml"); err == nil || !strings.Contains(err.Error(), "timelinejs, sheets-csv, markdown, json") {
		t.Errorf("unknown format: %v", err)
	}
	if err := Write(&buf, &schema.Loaded{File: "x"}, nil, JSON); err == nil {
		t.Error("no error for a dataset that did not load")
	}
	if n := Undated(l, everything(l)); n != 1 {
		t.Errorf("Undated = %d, want 1", n)
	}
}

// TestExportJSONLToJSON: a JSON Lines file hands its events to the
// Timeline, so exporting all of it must build the dataset from there:
// every event (in chronological order), and every actor and source, even
// one no event names.
func TestExportJSONLToJSON(t *testing.T) {
	ds := loadEmbedded(t).Dataset
	ds.Actors = append(ds.Actors, timeline.Actor{ID: "nobody", Name: "Nobody in particular", Kind: timeline.KindPerson})
	b, err := jsonl.Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	l := jsonl.Load(in, nil)
	if l.Timeline == nil {
		t.Fatalf("%v", l.Problems)
	}
	back := loadBytes("back.json", export(t, l, everything(l), JSON), t.TempDir())
	if back.Timeline == nil {
		t.Fatalf("the JSON export does not load: %v", back.Problems)
	}
	if got, want := len(back.Dataset.Events), len(ds.Events); got != want {
		t.Fatalf("%d events exported, want %d", got, want)
	}
	for i := range l.Timeline.Len() {
		a, b := l.Timeline.Event(i), back.Timeline.Event(i)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("event %d changed through JSON:\n%+v\n%+v", i, a, b)
		}
	}
	if !reflect.DeepEqual(back.Dataset.Actors, ds.Actors) || !reflect.DeepEqual(back.Dataset.Sources, ds.Sources) {
		t.Errorf("actors or sources changed:\n%+v\n%+v", back.Dataset.Actors, back.Dataset.Sources)
	}
}

// exportedByTitle maps the titles of an exported and reloaded dataset's
// events to them.
func exportedByTitle(ds *timeline.Dataset) map[string]*timeline.Event {
	m := map[string]*timeline.Event{}
	for i := range ds.Events {
		m[ds.Events[i].Title] = &ds.Events[i]
	}
	return m
}
