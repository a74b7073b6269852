package timelinejs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// loadTJS loads a TimelineJS fixture from testdata/timelinejs.
func loadTJS(t *testing.T, name string) *schema.Loaded {
	t.Helper()
	path := filepath.Join("testdata", name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Load(path, b)
}

// eventsByTitle indexes a dataset's events by title.
func eventsByTitle(ds *timeline.Dataset) map[string]*timeline.Event {
	m := map[string]*timeline.Event{}
	for i := range ds.Events {
		m[ds.Events[i].Title] = &ds.Events[i]
	}
	return m
}

// errorsOf returns the problems of severity sev, as strings.
func errorsOf(l *schema.Loaded, sev timeline.Severity) []string {
	var out []string
	for _, p := range l.Problems {
		if p.Severity == sev {
			out = append(out, p.String())
		}
	}
	return out
}

// TestTimelineJSDates checks that every shape of TimelineJS date comes in
// at the precision it was written with.
func TestTimelineJSDates(t *testing.T) {
	l := loadTJS(t, "dates.json")
	if l.Timeline == nil {
		t.Fatalf("did not load: %v", l.Problems)
	}
	tests := []struct {
		headline string
		edtf     string
		note     string
	}{
		{"Year only, as a string", "2017", ""},
		{"Year only, as a number", "2017", ""},
		{"Year and month, zero-padded", "2023-09", ""},
		{"Year and month, numbers", "2023-09", ""},
		{"A day, not padded", "2024-02-20", ""},
		{"A day, zero-padded", "2024-02-05", ""},
		{"A time without seconds", "2024-02-20T10:30:00", ""},
		{"A time with seconds", "2024-02-20T09:05:07", ""},
		{"An hour alone", "2024-02-20T10:00:00", ""},
		{"An end equal to the start", "2024-02-01", ""},
		{"An interval of days", "2024-02-01/2024-02-19", ""},
		{"An interval of mixed precision", "2023-09/2024-02-20", ""},
		{"Times on one day", "2024-02-20", "times: 10:00:00 – 12:00:00"},
		{"Times on two days", "2024-02-20/2024-02-21", "times: 22:00:00 – 06:30:00"},
		{"The Ides of March, 44 BCE", "-0043-03-15", ""},
		{"44 BCE as a string", "-0043", ""},
		{"1 BCE", "0000", ""},
		{"A five-digit year with a comma", "Y12000", ""},
		{"A display date", "2017", "display date: Sometime in 2017"},
		{"A display date dateline recognises", "2017~", ""},
		{"An open end dateline recognises", "../2021", ""},
		{"A date object's display date", "2023", "start display date: the year of the flood"},
		{"An end without a year", "2022", ""},
	}
	events := eventsByTitle(l.Dataset)
	if len(events) != len(tests) {
		t.Errorf("%d events, want %d", len(events), len(tests))
	}
	for _, tt := range tests {
		e, ok := events[tt.headline]
		if !ok {
			t.Errorf("no event %q", tt.headline)
			continue
		}
		if e.Date.String() != tt.edtf || e.DateNote != tt.note {
			t.Errorf("%q: date %q note %q, want %q note %q", tt.headline, e.Date, e.DateNote, tt.edtf, tt.note)
		}
	}
	// A year-only date keeps its precision: its bounds are the whole year.
	e := events["Year only, as a number"]
	if lo, _ := e.Date.Earliest(); lo.String() != "2017-01-01" {
		t.Errorf("2017 starts %s", lo)
	}
	if hi, _ := e.Date.Latest(); hi.String() != "2017-12-31" {
		t.Errorf("2017 ends %s", hi)
	}
	wantWarn := []string{"end_date has no year", "every event has no citation"}
	warns := strings.Join(errorsOf(l, timeline.SeverityWarning), "\n")
	if !strings.Contains(warns, wantWarn[0]) {
		t.Errorf("warnings lack %q:\n%s", wantWarn[0], warns)
	}
	if n := strings.Count(warns, "has no citation"); n != len(tests) {
		t.Errorf("%d uncited warnings, want one per event (%d)", n, len(tests))
	}
}

// TestTimelineJSCosmological checks scale: cosmological: years only, BCE
// as TimelineJS shows it, thousands commas in strings.
func TestTimelineJSCosmological(t *testing.T) {
	l := loadTJS(t, "cosmological.json")
	if l.Timeline == nil {
		t.Fatalf("did not load: %v", l.Problems)
	}
	want := map[string]string{
		"The Big Bang":           "Y-13799999999",
		"The Solar System forms": "Y-4567999999",
		"The Moon landing":       "1969",
	}
	for title, e := range eventsByTitle(l.Dataset) {
		if e.Date.String() != want[title] {
			t.Errorf("%q: %q, want %q", title, e.Date, want[title])
		}
	}
	if h := eventsByTitle(l.Dataset)["The Big Bang"].Date.Human(); h != "13,800,000,000 BCE" {
		t.Errorf("Big Bang shows as %q", h)
	}
	if w := errorsOf(l, timeline.SeverityWarning); len(w) != 3 {
		t.Errorf("want only the 3 uncited warnings (no dropped-precision warning on the cosmological scale), got %v", w)
	}
}

// TestTimelineJSMapping checks the title, groups, ids, media, eras, HTML and
// unknown keys.
func TestTimelineJSMapping(t *testing.T) {
	l := loadTJS(t, "mapping.json")
	if l.Timeline == nil {
		t.Fatalf("did not load: %v", l.Problems)
	}
	ds := l.Dataset
	if ds.Title != "Harbour & quay" {
		t.Errorf("title %q", ds.Title)
	}
	var ids []string
	for _, e := range ds.Events {
		ids = append(ids, e.ID)
	}
	// unique_id when present and unique; a repeat and no unique_id get a
	// slug of the headline, with a counter when taken; an era gets "era-".
	if got, want := strings.Join(ids, " "), "board-meets the-mayor-speaks the-board-meets no-headline-here era-works"; got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
	first := ds.Events[0]
	if first.Title != "The board meets" {
		t.Errorf("headline HTML not stripped: %q", first.Title)
	}
	if want := "First paragraph with a link (https://example.org/a).\n\nSecond\nline."; first.Summary != want {
		t.Errorf("summary %q, want %q", first.Summary, want)
	}
	if ds.Events[3].Title != "No headline here." || ds.Events[3].Summary != "No headline here.\nSecond line." {
		t.Errorf("a slide without headline: title %q summary %q", ds.Events[3].Title, ds.Events[3].Summary)
	}
	era := ds.Events[4]
	if era.Date.String() != "2023/2025" || len(era.Tags) != 1 || era.Tags[0] != "era" || era.Status != timeline.StatusOccurred {
		t.Errorf("era: %+v", era)
	}
	// Groups become actors of kind group, one per name, in order of first use.
	if len(ds.Actors) != 2 || ds.Actors[0].ID != "board" || ds.Actors[0].Kind != timeline.KindGroup || ds.Actors[1].Name != "Mayor" {
		t.Errorf("actors %+v", ds.Actors)
	}
	if len(first.Actors) != 1 || first.Actors[0].Actor != "board" || ds.Events[2].Actors[0].Actor != "board" {
		t.Errorf("group refs: %+v %+v", first.Actors, ds.Events[2].Actors)
	}
	// Media is a source named after its event, with no citations.
	if len(ds.Sources) != 1 {
		t.Fatalf("sources %+v", ds.Sources)
	}
	s := ds.Sources[0]
	if s.ID != "board-meets-media" || s.URL != "https://example.org/photo.jpg" || s.Title != "The board" ||
		s.Publisher != "Photo: Gazette" || s.Text != "The board\n\nPhoto: Gazette" {
		t.Errorf("media source %+v", s)
	}
	if len(first.Citations) != 0 {
		t.Errorf("imported events must have no citations")
	}
	warns := strings.Join(errorsOf(l, timeline.SeverityWarning), "\n")
	if !strings.Contains(warns, "mapping.json:19:20: warning: unique_id \"board-meets\" is used by 2 slides (at 10:20, 19:20); the slides after the first get ids made from their headlines") {
		t.Errorf("no warning for the repeated unique_id at its position:\n%s", warns)
	}
}

// TestTimelineJSErrors checks that wrong values are errors at their
// position, and that the file still reports every problem.
func TestTimelineJSErrors(t *testing.T) {
	tests := []struct {
		name, json string
		want       []string // "LINE:COL: severity: message part"
	}{
		{"year not a number", `{"events": [{"start_date": {"year": "MMXVII"}}]}`,
			[]string{`1:37: error: start_date year must be a whole number, got "MMXVII"`}},
		{"year a boolean", `{"events": [{"start_date": {"year": true}}]}`,
			[]string{`1:37: error: start_date year must be a whole number, got "true"`}},
		{"year a float", `{"events": [{"start_date": {"year": 2017.5}}]}`,
			[]string{`1:37: error: start_date year must be a whole number`}},
		{"no year", `{"events": [{"start_date": {"month": 3}}]}`,
			[]string{`1:28: error: start_date has no year`}},
		{"no start_date", "{\"events\": [\n  {\"text\": {\"headline\": \"x\"}},\n  {\"start_date\": {\"year\": 1}}]}",
			[]string{`2:3: error: event slide has no start_date`}},
		{"month 13", "{\"events\": [{\"start_date\": {\"year\": 2017,\n \"month\": 13}}]}",
			[]string{`2:11: error: month 13 does not exist`}},
		{"month 0", `{"events": [{"start_date": {"year": 2017, "month": "0"}}]}`,
			[]string{`1:52: error: month 0 does not exist`}},
		{"day 0", `{"events": [{"start_date": {"year": 2017, "month": 3, "day": 0}}]}`,
			[]string{`1:62: error: day 0 does not exist`}},
		{"day 30 of February", `{"events": [{"start_date": {"year": 2023, "month": 2, "day": "30"}}]}`,
			[]string{`1:62: error: day 30 does not exist in 2023-02`}},
		{"hour 24", `{"events": [{"start_date": {"year": 2023, "month": 2, "day": 1, "hour": 24}}]}`,
			[]string{`error: hour 24 does not exist`}},
		{"end before start", `{"events": [{"start_date": {"year": 2023}, "end_date": {"year": 2020}}]}`,
			[]string{`1:56: error: invalid EDTF date "2023/2020": the interval ends`}},
		{"text not an object", `{"events": [{"start_date": {"year": 2023}, "text": "hello"}]}`,
			[]string{`1:52: error: text must be an object`}},
		{"headline a list", `{"events": [{"start_date": {"year": 2023}, "text": {"headline": []}}]}`,
			[]string{`1:65: error: headline must be a string, got a list`}},
		{"events not a list", `{"events": {"start_date": {}}}`,
			[]string{`1:12: error: events must be a list of slides`}},
		{"slide not an object", `{"events": [3, {"start_date": {"year": 1}}]}`,
			[]string{`1:13: error: event slide must be an object, got an integer`}},
		{"era without end", `{"events": [], "eras": [{"start_date": {"year": 1}}]}`,
			[]string{`1:25: error: era has no end_date`}},
		{"syntax error", "{\"events\": [\n  {\"start_date\": {\"year\": 1},}]}",
			[]string{`2:30: error: JSON syntax error`}},
		{"two problems", `{"events": [{"start_date": {"year": "x"}}, {"start_date": {"year": 1, "month": "May"}}]}`,
			[]string{`1:37: error: start_date year`, `1:80: error: start_date month must be a whole number, got "May"`}},
		{"unknown scale", `{"scale": "geological", "events": [{"start_date": {"year": 1}}]}`,
			[]string{`1:11: warning: unknown scale "geological"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Load("f.json", []byte(tt.json))
			var got []string
			for _, p := range l.Problems {
				if !strings.Contains(p.Message, "has no citation") {
					got = append(got, p.String())
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("problems:\n%s\nwant %d: %q", strings.Join(got, "\n"), len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) || !strings.HasPrefix(got[i], "f.json:") {
					t.Errorf("problem %d: %q, want it to contain %q", i, got[i], w)
				}
			}
			hasError := strings.Contains(strings.Join(tt.want, ""), "error:")
			if hasError != (l.Timeline == nil) {
				t.Errorf("Timeline nil = %v with errors = %v", l.Timeline == nil, hasError)
			}
		})
	}
}

// TestIsTimelineJS checks detection by structure.
func TestIsTimelineJS(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"minimal", `{"events": [{"start_date": {"year": 2017}}]}`, true},
		{"with BOM and title", "\ufeff" + `{"title": {"text": {}}, "events": [{"text": {}}, {"start_date": {"year": "1"}}]}`, true},
		{"ours", `{"dateline": 1, "events": [{"start_date": {"year": 2017}}]}`, false},
		{"start_date not an object", `{"events": [{"start_date": "2017"}]}`, false},
		{"no events", `{"title": {"start_date": {"year": 1}}}`, false},
		{"not JSON", "events:\n  - start_date: {year: 1}\n", false},
		{"broken JSON", `{"events": [{"start_date": {"year": 2017}}`, false},
		{"a list", `[{"start_date": {"year": 2017}}]`, false},
	}
	for _, tt := range tests {
		if got := Is([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: IsTimelineJS = %v, want %v", tt.name, got, tt.want)
		}
	}
	for _, f := range []string{"dates.json", "mapping.json", "cosmological.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil || !Is(b) {
			t.Errorf("%s: not detected (%v)", f, err)
		}
	}
}

// FuzzTimelineJS checks that no input makes the importer panic, and that
// every problem has a position.
func FuzzTimelineJS(f *testing.F) {
	for _, name := range []string{"dates.json", "mapping.json", "cosmological.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"events": [{"start_date": {"year": "-0", "month": "-1", "day": "99999999999"}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		l := Load("f.json", b)
		for _, p := range l.Problems {
			if p.Line < 1 || p.Col < 1 {
				t.Fatalf("problem without a position: %v", p)
			}
		}
		if l.Timeline != nil && l.Dataset == nil {
			t.Fatal("a Timeline without a Dataset")
		}
	})
}
