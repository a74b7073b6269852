package timelinejs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

func loadSheet(t *testing.T, name string) *schema.Loaded {
	t.Helper()
	path := filepath.Join("testdata", name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !IsSheetsCSV(b) {
		t.Errorf("%s: not detected as a TimelineJS sheet", name)
	}
	return LoadSheetsCSV(path, b)
}

// TestSheetsTemplate reads the template's header in its own order, with
// title and era rows, every Time form and a second title row.
func TestSheetsTemplate(t *testing.T) {
	l := loadSheet(t, "template.csv")
	if l.Timeline == nil {
		t.Fatalf("did not load: %v", l.Problems)
	}
	ds := l.Dataset
	if ds.Title != "Harbour works" {
		t.Errorf("title %q", ds.Title)
	}
	tests := []struct{ title, edtf, note, tag string }{
		{"The board meets", "2023-03", "", ""},
		{"Morning statement", "2023-05-02T10:30:00", "", ""},
		{"Statement without separators", "2023-05-02T10:30:00", "", ""},
		{"Statement with dots", "2023-05-02T10:30:00", "", ""},
		{"Midnight", "2023-05-02T00:00:00", "", ""},
		{"Quarter past noon", "2023-05-02T12:15:00", "", ""},
		{"Works", "2023-06/2024-12", "", ""},
		{"A second title", "2024", "", ""},
		{"Opening", "2025", "display date: some time in 2025", ""},
		{"Construction", "2023-06-01/2025-05-31", "", "era"},
	}
	if len(ds.Events) != len(tests) {
		t.Fatalf("%d events, want %d", len(ds.Events), len(tests))
	}
	for i, tt := range tests {
		e := ds.Events[i]
		tag := strings.Join(e.Tags, ",")
		if e.Title != tt.title || e.Date.String() != tt.edtf || e.DateNote != tt.note || tag != tt.tag {
			t.Errorf("event %d: %q %q note %q tags %q, want %q %q note %q tags %q", i, e.Title, e.Date, e.DateNote, tag, tt.title, tt.edtf, tt.note, tt.tag)
		}
	}
	if len(ds.Sources) != 1 || ds.Sources[0].ID != "title-slide" || ds.Sources[0].URL != "https://example.org/cover.jpg" ||
		ds.Sources[0].Text != "The quay from plan to opening.\n\nGazette" {
		t.Errorf("title slide source: %+v", ds.Sources)
	}
	warns := strings.Join(errorsOf(l, timeline.SeverityWarning), "\n")
	if !strings.Contains(warns, "template.csv:11:1: warning: a second title row is read as an event") {
		t.Errorf("no warning for the second title row:\n%s", warns)
	}
}

// TestSheetsShuffled reads a sheet with its columns in another order, the
// old "Tag" header for Group and a column the template does not have.
func TestSheetsShuffled(t *testing.T) {
	l := loadSheet(t, "shuffled.csv")
	if l.Timeline == nil {
		t.Fatalf("did not load: %v", l.Problems)
	}
	ds := l.Dataset
	want := map[string]string{
		"The board meets":   "2023-03",
		"Morning statement": "2023-05-02T10:30:00",
		"Evening statement": "2023-05-02T19:05:09",
		"Works":             "2023-06/2024-12",
		"Opening":           "2025",
		"Ancient harbour":   "-0199",
		"Construction era":  "2023-06-01/2025-05-31",
	}
	got := eventsByTitle(ds)
	if len(got) != len(want) {
		t.Errorf("%d events, want %d (a blank row is skipped)", len(got), len(want))
	}
	for title, edtf := range want {
		if e, ok := got[title]; !ok || e.Date.String() != edtf {
			t.Errorf("%q: %v, want %q", title, e, edtf)
		}
	}
	board := got["The board meets"]
	if board.Summary != "The board approves the new quay." || len(board.Actors) != 1 || board.Actors[0].Actor != "board" {
		t.Errorf("board event: %+v", board)
	}
	if len(ds.Actors) != 2 || ds.Actors[0].Name != "Board" || ds.Actors[1].Name != "Mayor" {
		t.Errorf("Tag column not read as Group: %+v", ds.Actors)
	}
	media := ds.Sources[1]
	if media.ID != "the-board-meets-media" || media.URL != "https://example.org/memo.pdf" || media.Publisher != "Harbour Gazette" || media.Title != "The memo" {
		t.Errorf("media source %+v", media)
	}
}

// TestSheetsErrors checks that problems name the line and the character
// column where the CSV field starts.
func TestSheetsErrors(t *testing.T) {
	l := loadSheet(t, "errors.csv")
	if l.Timeline != nil {
		t.Fatal("loaded despite errors")
	}
	want := []string{
		`errors.csv:2:6: error: Month must be a whole number, got "May"`,
		`errors.csv:3:10: error: hour 25 does not exist`,
		`errors.csv:4:1: error: row has no Year`,
		`errors.csv:5:8: error: day 30 does not exist in 2023-02`,
		`errors.csv:6:1: error: Year must be a whole number, got "Kim"`,
		`errors.csv:6:7: error: Month must be a whole number, got "한국"`,
		`errors.csv:6:12: error: Day must be a whole number, got "x"`,
		`errors.csv:7:6: error: month 0 does not exist`,
		`errors.csv:8:8: error: day 0 does not exist`,
	}
	got := errorsOf(l, timeline.SeverityError)
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("error %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// TestSheetsSyntax checks CSV syntax errors and headers that are not the
// template's.
func TestSheetsSyntax(t *testing.T) {
	tests := []struct{ name, csv, want string }{
		{"bare quote", "Year,Headline\n2023,\"é\"x\n", `s.csv:2:8: error: CSV syntax error: extraneous or missing " in quoted-field`},
		{"no Headline", "Year,Title\n2023,x\n", `s.csv:1:1: error: not a TimelineJS sheet: the header row needs Year and Headline columns (it has Year, Title)`},
		{"end parts without End Year", "Year,Headline,End Month\n2023,x,5\n", `s.csv:2:1: warning: End Year is empty, so End Month, End Day and End Time are ignored`},
		{"duplicate column", "Year,Headline,year\n2023,x,1999\n", `s.csv:1:15: warning: column "year" appears twice; the first is used`},
		{"era without end", "Year,Headline,Type\n2023,x,era\n", `s.csv:2:1: error: era row has no End Year`},
	}
	for _, tt := range tests {
		l := LoadSheetsCSV("s.csv", []byte(tt.csv))
		all := ""
		for _, p := range l.Problems {
			all += p.String() + "\n"
		}
		if !strings.Contains(all, tt.want) {
			t.Errorf("%s: problems\n%swant %q", tt.name, all, tt.want)
		}
	}
}

func TestIsSheetsCSV(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Year,Month,Day,Headline\n", true},
		{"\ufeffheadline,YEAR\n2017,x\n", true},
		{"End Year,Headline\n", false},
		{"Year,Text\n", false},
		{`{"events": []}`, false},
		{"dateline: 1\n", false},
		{"\"Year,Headline\n", false},
	}
	for _, tt := range tests {
		if got := IsSheetsCSV([]byte(tt.in)); got != tt.want {
			t.Errorf("IsSheetsCSV(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseSheetTime(t *testing.T) {
	tests := []struct {
		in      string
		h, m, s int
		bad     bool
	}{
		{"10:30", 10, 30, 0, false},
		{"10:30:15", 10, 30, 15, false},
		{"10:30:15.250", 10, 30, 15, false},
		{"9", 9, 0, 0, false},
		{"930", 9, 30, 0, false},
		{"2359", 23, 59, 0, false},
		{"10.30", 10, 30, 0, false},
		{"10:30 PM", 22, 30, 0, false},
		{"10:30pm", 22, 30, 0, false},
		{"12:05 a.m.", 0, 5, 0, false},
		{"12 PM", 12, 0, 0, false},
		{" 7:05:09 P.M. ", 19, 5, 9, false},
		{"13:00 PM", 0, 0, 0, true},
		{"noon", 0, 0, 0, true},
		{"10:30:15:99", 0, 0, 0, true},
		{"10::30", 0, 0, 0, true},
	}
	for _, tt := range tests {
		h, m, s, why := parseSheetTime(tt.in)
		if (why != "") != tt.bad || (!tt.bad && (h != tt.h || m != tt.m || s != tt.s)) {
			t.Errorf("parseSheetTime(%q) = %d:%d:%d %q, want %d:%d:%d bad=%v", tt.in, h, m, s, why, tt.h, tt.m, tt.s, tt.bad)
		}
	}
}

// FuzzSheetsCSV checks that no input makes the sheet reader panic.
func FuzzSheetsCSV(f *testing.F) {
	for _, name := range []string{"template.csv", "shuffled.csv", "errors.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l := LoadSheetsCSV("f.csv", b)
		for _, p := range l.Problems {
			if p.Line < 1 || p.Col < 1 {
				t.Fatalf("problem without a position: %v", p)
			}
		}
	})
}
