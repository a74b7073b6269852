package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"dateline/data"
	"dateline/timeline"
)

// reportFixture is a small timeline covering the cases the encoders treat
// specially: empty optional strings, an open interval, an undated event, an
// unresolved citation and a wide-character alias.
func reportFixture(t *testing.T) *data.Loaded {
	t.Helper()
	ds := &timeline.Dataset{
		Title: "Fixture",
		Sources: []timeline.Source{{
			ID: "s", Title: "A source", Published: timeline.MustParseDate("2024-02-20"),
			Text: "First paragraph about the gift.\n\nSecond paragraph: the car was a gift.",
		}},
		Actors: []timeline.Actor{
			{ID: "kim", Name: "Kim Jong-un", Kind: timeline.KindPerson, Aliases: []string{"김정은", "Mr. Kim"}},
			{ID: "un", Name: "United Nations", Kind: timeline.KindOrganisation},
		},
		Events: []timeline.Event{
			{ID: "gift", Title: "The car gift", Date: timeline.MustParseDate("../2024-02-20"),
				DateNote: "Before the report of it, which is dated 20 Feb 2024 by the article; the text gives no earlier bound so the start stays open.",
				Actors:   []timeline.ActorRef{{Actor: "kim", Role: "recipient"}, {Actor: "un"}},
				Citations: []timeline.Citation{
					{Source: "s", Quote: "the car was a gift", Start: -1, End: -1},
					{Source: "s", Quote: "not in the text", Start: -1, End: -1},
				}},
			{ID: "undated", Title: "Something undated", Summary: "No date at all.", Status: timeline.StatusAlleged,
				Citations: []timeline.Citation{{Source: "s", Quote: "First paragraph", Start: -1, End: -1}}},
		},
	}
	tl, diags := timeline.New(ds)
	if tl == nil {
		t.Fatalf("timeline.New: %v", diags)
	}
	return &data.Loaded{File: "fixture.yaml", Dataset: ds, Timeline: tl}
}

// TestNewEventsJSON checks nulls, dates and citations in the list document.
func TestNewEventsJSON(t *testing.T) {
	l := reportFixture(t)
	doc := NewEventsJSON(l, l.Timeline.Apply(timeline.Filter{}, nil))
	if doc.Dataset.File != "fixture.yaml" || doc.Dataset.Total != 2 || doc.Dataset.Title == nil || *doc.Dataset.Title != "Fixture" {
		t.Errorf("dataset = %+v", doc.Dataset)
	}
	if len(doc.Events) != 2 || doc.Events[0].ID != "gift" || doc.Events[1].ID != "undated" {
		t.Fatalf("events = %+v", doc.Events)
	}
	gift, undated := doc.Events[0], doc.Events[1]

	if gift.Summary != nil || *undated.Summary != "No date at all." {
		t.Errorf("summaries %v, %v: want null and the text", gift.Summary, undated.Summary)
	}
	if d := gift.Date; d.EDTF == nil || *d.EDTF != "../2024-02-20" || d.Earliest != nil || d.Latest == nil ||
		*d.Latest != "2024-02-20" || d.Precision != "interval" || d.Note == nil {
		t.Errorf("gift date = %+v", d)
	}
	if d := undated.Date; d.EDTF != nil || d.Earliest != nil || d.Latest != nil || d.Note != nil || d.Human != "undated" {
		t.Errorf("undated date = %+v", d)
	}
	if a := gift.Actors; len(a) != 2 || a[0].Name != "Kim Jong-un" || a[0].Role == nil || *a[0].Role != "recipient" || a[1].Role != nil {
		t.Errorf("gift actors = %+v", a)
	}
	if undated.Status != "alleged" || gift.Status != "occurred" {
		t.Errorf("statuses %q, %q", gift.Status, undated.Status)
	}

	res, unres := gift.Citations[0], gift.Citations[1]
	text := []rune(l.Dataset.Sources[0].Text)
	if !res.Resolved || res.Start == nil || res.End == nil || res.Paragraph == nil || *res.Paragraph != 2 ||
		string(text[*res.Start:*res.End]) != "the car was a gift" || res.Exact != "the car was a gift" {
		t.Errorf("resolved citation = %+v", res)
	}
	if unres.Resolved || unres.Start != nil || unres.End != nil || unres.Paragraph != nil || unres.Exact != "not in the text" {
		t.Errorf("unresolved citation = %+v", unres)
	}

	// Empty lists encode as [], never null, and no key is omitted.
	var buf bytes.Buffer
	if err := WriteJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"tags": []`, `"summary": null`, `"role": null`, `"earliest": null`, `"start": null`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, buf.String())
		}
	}
	for _, list := range []string{"events", "actors", "citations", "tags"} {
		if strings.Contains(buf.String(), `"`+list+`": null`) {
			t.Errorf("JSON has a null %s list:\n%s", list, buf.String())
		}
	}
}

// TestNewActorsAndSourcesJSON checks the actors and sources documents.
func TestNewActorsAndSourcesJSON(t *testing.T) {
	l := reportFixture(t)
	actors := NewActorsJSON(l.Timeline)
	if len(actors.Actors) != 2 {
		t.Fatalf("actors = %+v", actors)
	}
	if a := actors.Actors[0]; a.ID != "kim" || a.Kind != "person" || a.Events != 1 || len(a.Aliases) != 2 {
		t.Errorf("kim = %+v", a)
	}
	if a := actors.Actors[1]; a.Kind != "organisation" || a.Aliases == nil {
		t.Errorf("un = %+v (aliases must be [], not null)", a)
	}

	src := NewSourcesJSON(l.Timeline).Sources[0]
	sum := sha256.Sum256([]byte(src.Text))
	if src.SHA256 != hex.EncodeToString(sum[:]) || src.Text != l.Dataset.Sources[0].Text {
		t.Errorf("source text or checksum wrong: %+v", src)
	}
	if src.Publisher != nil || src.URL != nil || src.Retrieved != nil || src.ArchiveURL != nil ||
		src.Published == nil || *src.Published != "2024-02-20" {
		t.Errorf("source = %+v", src)
	}
	var m map[string]any
	var buf bytes.Buffer
	if err := WriteJSON(&buf, NewSourcesJSON(l.Timeline)); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	keys := m["sources"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "publisher", "published", "url", "retrieved", "archive_url", "sha256", "text"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("source JSON lacks %q", k)
		}
	}
}

// TestWriteEventsText checks the shape of the list for people: header,
// aligned titles, status markers, the who and when lines, and the width.
func TestWriteEventsText(t *testing.T) {
	l := reportFixture(t)
	var buf bytes.Buffer
	if err := WriteEventsText(&buf, l, l.Timeline.Apply(timeline.Filter{}, nil)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "Fixture: 2 events" || lines[1] != "" {
		t.Errorf("header = %q", lines[:2])
	}
	col := strings.Index(lines[2], "The car gift")
	if col < 0 {
		t.Fatalf("no title on the first event line: %q", lines[2])
	}
	for _, want := range []string{"who:  Kim Jong-un (recipient), United Nations", "when: Before the report", "[alleged] Something undated", "undated"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	for _, line := range lines {
		if displayWidth(line) > TextWidth {
			t.Errorf("line wider than %d: %q", TextWidth, line)
		}
	}
	// Every event's title starts in the same column.
	for _, line := range lines {
		if strings.Contains(line, "Something undated") && strings.Index(line, "[alleged]") != col {
			t.Errorf("titles not aligned: %q vs column %d", line, col)
		}
	}

	buf.Reset()
	if err := WriteEventsText(&buf, l, []int{1}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "Fixture: 1 of 2 events\n") {
		t.Errorf("filtered header: %q", buf.String())
	}
}

// TestWriteActorsText checks that the columns line up, wide aliases and all.
func TestWriteActorsText(t *testing.T) {
	l := reportFixture(t)
	var buf bytes.Buffer
	if err := WriteActorsText(&buf, l.Timeline); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and 2 rows:\n%s", buf.String())
	}
	col := strings.Index(lines[0], "KIND")
	if strings.Index(lines[1], "person") != col || strings.Index(lines[2], "organisation") != col {
		t.Errorf("KIND column misaligned:\n%s", buf.String())
	}
	if !strings.HasSuffix(lines[1], "1  김정은, Mr. Kim") {
		t.Errorf("row = %q", lines[1])
	}
}

// TestWriteSourcesText checks the source summary.
func TestWriteSourcesText(t *testing.T) {
	l := reportFixture(t)
	var buf bytes.Buffer
	if err := WriteSourcesText(&buf, l.Timeline); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"s\n", "  title      A source\n", "  publisher  unknown\n",
		"  published  20 Feb 2024 (2024-02-20)\n", "  text       70 characters, 2 paragraphs\n", "  citations  3\n"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("sources text lacks %q:\n%s", want, buf.String())
		}
	}
	if strings.Contains(buf.String(), "url") {
		t.Errorf("empty url printed:\n%s", buf.String())
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 30, []string{""}},
		{"one two three", 30, []string{"one two three"}},
		{"one  two\n three", 30, []string{"one two three"}},
		{"aaaa bbbb cccc dddd eeee ffff gggg", 20, []string{"aaaa bbbb cccc dddd", "eeee ffff gggg"}},
		{"short " + strings.Repeat("x", 25) + " end", 20, []string{"short", strings.Repeat("x", 25), "end"}},
		{"가나다라 마바사아 자차카타 파하", 20, []string{"가나다라 마바사아", "자차카타 파하"}},
		{"narrow widths are raised to twenty columns", 5, []string{"narrow widths are", "raised to twenty", "columns"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{{"", 0}, {"abc", 3}, {"1–20 Feb 2024", 13}, {"김정은", 6}, {"金正恩", 6}, {"🚗", 2}, {"ｆｕｌｌ", 8}}
	for _, tt := range tests {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{{"", 0}, {"one", 1}, {"one\ntwo", 1}, {"one\n\ntwo", 2}, {"\n\none\n \n\ntwo\n\n", 2}}
	for _, tt := range tests {
		if got := paragraphs(tt.text); got != tt.want {
			t.Errorf("paragraphs(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
