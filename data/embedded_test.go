package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// seedBodySHA256 pins the embedded source text: the SHA-256 of the seed
// article (../shared/seed/000_b648ea855ce7c19a.txt) without its 17-byte
// " date 2024-02-20 " metadata prefix. The shared seed is not in the clone,
// so the committed .txt is checked against this pin instead; changing the
// text (and so every offset) must be a deliberate act.
const seedBodySHA256 = "a79e23d1f6449805c921ce470a8e2e300f3503902485ff87f7bb790b36b042a6"

// embeddedTextFile is the committed copy of the article, relative to data/.
const embeddedTextFile = "embedded/kim-car-gift.txt"

// loadEmbedded returns the embedded dataset or stops the test when it does
// not load at all; TestEmbeddedHasNoProblems reports the problems themselves.
func loadEmbedded(t *testing.T) *schema.Loaded {
	t.Helper()
	l := Embedded()
	if l.Dataset == nil || l.Timeline == nil {
		t.Fatalf("embedded dataset did not load: %v", l.Err())
	}
	return l
}

// findEvent returns the event with the given id from the timeline, so that
// it carries its resolved citations.
func findEvent(tl *timeline.Timeline, id string) *timeline.Event {
	for i := 0; i < tl.Len(); i++ {
		if e := tl.Event(i); e.ID == id {
			return e
		}
	}
	return nil
}

func TestEmbeddedHasNoProblems(t *testing.T) {
	l := Embedded()
	for _, p := range l.Problems {
		t.Errorf("%s", p) // not even warnings: the default dataset is the example
	}
	if l.Timeline == nil {
		t.Fatalf("no timeline: %v", l.Err())
	}
}

func TestEmbeddedSourceText(t *testing.T) {
	l := loadEmbedded(t)
	raw, err := os.ReadFile(embeddedTextFile)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != seedBodySHA256 {
		t.Errorf("sha256(%s) = %s, want the seed body's %s", embeddedTextFile, got, seedBodySHA256)
	}
	if n := len(l.Dataset.Sources); n != 1 {
		t.Fatalf("%d sources, want 1", n)
	}
	src := l.Dataset.Sources[0]
	checks := []struct {
		name string
		ok   bool
	}{
		{"id is article", src.ID == "article"},
		{"text equals the committed .txt", src.Text == string(raw)},
		{"recorded sha256 is the seed body's", src.SHA256 == seedBodySHA256},
		{"text starts with the article", strings.HasPrefix(src.Text, "Kim Jong-un was “gifted")},
		{"text has no date metadata", !strings.Contains(src.Text, "date 2024-02-20")},
		{"text ends as the seed does, no newline added", strings.HasSuffix(src.Text, "in his Maybach limousine.")},
		{"published is the metadata date", src.Published.String() == "2024-02-20"},
		{"publisher unknown", src.Publisher == ""},
		{"no URL", src.URL == ""},
		{"has a title", src.Title != ""},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("source: %s: failed", c.name)
		}
	}
}

// TestEmbeddedCitationsResolve checks the resolver's view: every citation
// found exactly (not by the typographic-tolerant match) where the recorded
// offsets say.
func TestEmbeddedCitationsResolve(t *testing.T) {
	l := loadEmbedded(t)
	tl := l.Timeline
	for i := 0; i < tl.Len(); i++ {
		e := tl.Event(i)
		for j, c := range e.Citations {
			sp := c.Span
			if !sp.Resolved || sp.Tolerant {
				t.Errorf("%s citation %d %q: resolved=%v tolerant=%v", e.ID, j, c.Quote, sp.Resolved, sp.Tolerant)
				continue
			}
			if c.Start != sp.Start || c.End != sp.End {
				t.Errorf("%s citation %d: recorded [%d,%d), resolved [%d,%d)", e.ID, j, c.Start, c.End, sp.Start, sp.End)
			}
			st, ok := tl.SourceText(c.Source)
			if !ok {
				t.Errorf("%s citation %d: no source %q", e.ID, j, c.Source)
				continue
			}
			if got := st.Slice(sp.Start, sp.End); got != c.Quote {
				t.Errorf("%s citation %d: text at span is %q, want %q", e.ID, j, got, c.Quote)
			}
		}
	}
}

// foldTypography maps curly quotes and dashes to ASCII and collapses
// whitespace runs, approximating what a tolerant match would not tell apart.
func foldTypography(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '“', '”', '„':
			r = '"'
		case '‘', '’':
			r = '\''
		case '–', '—', '‐', '‑':
			r = '-'
		}
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// TestEmbeddedQuotesVerbatim checks the dataset as authored, independently of
// the resolver: each quote is in the text, a repeated one carries a prefix or
// suffix that makes it unique, and the recorded offsets point at it.
func TestEmbeddedQuotesVerbatim(t *testing.T) {
	l := loadEmbedded(t)
	text := l.Dataset.Sources[0].Text
	runes := []rune(text)
	folded := foldTypography(text)
	for _, e := range l.Dataset.Events {
		for j, c := range e.Citations {
			name := fmt.Sprintf("%s citation %d", e.ID, j)
			if c.Source != "article" {
				t.Errorf("%s: source %q, want article", name, c.Source)
			}
			n := strings.Count(text, c.Quote)
			if n < 1 {
				t.Errorf("%s: quote %q not in the text", name, c.Quote)
				continue
			}
			repeated := n > 1 || strings.Count(folded, foldTypography(c.Quote)) > 1
			if repeated && c.Prefix == "" && c.Suffix == "" {
				t.Errorf("%s: quote %q repeats in the text but has no prefix or suffix", name, c.Quote)
			}
			if k := strings.Count(text, c.Prefix+c.Quote+c.Suffix); k != 1 {
				t.Errorf("%s: prefix+quote+suffix occurs %d times, want 1", name, k)
			}
			q, p, s := len([]rune(c.Quote)), len([]rune(c.Prefix)), len([]rune(c.Suffix))
			if c.Start < p || c.End != c.Start+q || c.End+s > len(runes) {
				t.Errorf("%s: recorded [%d,%d) does not fit quote, prefix and suffix", name, c.Start, c.End)
				continue
			}
			if got := string(runes[c.Start-p : c.End+s]); got != c.Prefix+c.Quote+c.Suffix {
				t.Errorf("%s: text at recorded offsets is %q", name, got)
			}
		}
	}
}

func TestEmbeddedRequiredEvents(t *testing.T) {
	l := loadEmbedded(t)
	tests := []struct {
		id       string
		date     string
		earliest string // "" for an open or unknown start
		latest   string // "" for an open or unknown end
		status   timeline.Status
		note     string            // the date note must mention this
		roles    map[string]string // actor id -> role
	}{
		{"un-sanctions-2017", "2017", "2017-01-01", "2017-12-31", timeline.StatusOccurred, "2017",
			map[string]string{"united-nations": "imposed by", "north-korea": "target", "russia": "signatory"}},
		{"luxury-car-shipment", "../2021", "", "2021-12-31", timeline.StatusReported, "2021 UN report",
			map[string]string{"uae": "origin", "ningbo": "transit port", "china": "transit country", "north-korea": "destination"}},
		{"un-report-2021", "2021", "2021-01-01", "2021-12-31", timeline.StatusOccurred, "2021",
			map[string]string{"united-nations": "author"}},
		{"kim-visits-russia", "2023-09", "2023-09-01", "2023-09-30", timeline.StatusOccurred, "Last year",
			map[string]string{"kim-jong-un": "visitor", "russia": "host"}},
		{"kim-putin-summit", "2023-09", "2023-09-01", "2023-09-30", timeline.StatusOccurred, "September summit",
			map[string]string{"kim-jong-un": "visitor", "putin": "host"}},
		{"limousine-ride", "2023-09", "2023-09-01", "2023-09-30", timeline.StatusOccurred, "last year",
			map[string]string{"putin": "host", "kim-jong-un": "guest"}},
		{"rapprochement", "2023-09/2024-02-20", "2023-09-01", "2024-02-20", timeline.StatusOccurred, "has drawn closer",
			map[string]string{"north-korea": "party", "russia": "party"}},
		{"weapons-claims", "2023-09/2024-02-20", "2023-09-01", "2024-02-20", timeline.StatusAlleged, "after",
			map[string]string{"united-states": "claimant", "south-korea": "claimant", "north-korea": "accused", "russia": "alleged recipient"}},
		{"russian-tourists", "2024-02-01/2024-02-19", "2024-02-01", "2024-02-19", timeline.StatusOccurred, "Earlier this month",
			map[string]string{"russian-tourists": "visitors", "north-korea": "host"}},
		{"kim-luxury-cars", "../2024-02-20", "", "2024-02-20", timeline.StatusOccurred, "Has been seen",
			map[string]string{"kim-jong-un": "user"}},
		{"car-gift", "../2024-02-20", "", "2024-02-20", timeline.StatusReported, "on or before",
			map[string]string{"putin": "giver", "kim-jong-un": "recipient", "kcna": "reported by"}},
		{"kcna-report", "2024-02-20", "2024-02-20", "2024-02-20", timeline.StatusOccurred, "Jan 20",
			map[string]string{"kcna": "reporter", "kim-yo-jong": "quoted"}},
		{"putin-visit-expected", "2024-02-20/..", "2024-02-20", "", timeline.StatusExpected, "publication date",
			map[string]string{"putin": "visitor", "north-korea": "host"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e := findEvent(l.Timeline, tt.id)
			if e == nil {
				t.Fatalf("no event %q", tt.id)
			}
			if got := e.Date.String(); got != tt.date {
				t.Errorf("date = %q, want %q", got, tt.date)
			}
			if got := dayOrEmpty(e.Date.Earliest()); got != tt.earliest {
				t.Errorf("earliest = %q, want %q", got, tt.earliest)
			}
			if got := dayOrEmpty(e.Date.Latest()); got != tt.latest {
				t.Errorf("latest = %q, want %q", got, tt.latest)
			}
			if e.Status != tt.status {
				t.Errorf("status = %s, want %s", e.Status, tt.status)
			}
			if !strings.Contains(e.DateNote, tt.note) {
				t.Errorf("date note does not mention %q: %q", tt.note, e.DateNote)
			}
			for id, role := range tt.roles {
				if got, ok := roleOf(e, id); !ok || got != role {
					t.Errorf("actor %s: role %q (listed %v), want %q", id, got, ok, role)
				}
			}
		})
	}
}

func dayOrEmpty(d timeline.Day, ok bool) string {
	if !ok {
		return ""
	}
	return d.String()
}

func roleOf(e *timeline.Event, id string) (string, bool) {
	for _, a := range e.Actors {
		if a.Actor == id {
			return a.Role, true
		}
	}
	return "", false
}

// TestEmbeddedEventsComplete holds every event, not only the required ones,
// to the authoring rules: a title, a summary, a date note for a date, at
// least one citation, and a role for every actor.
func TestEmbeddedEventsComplete(t *testing.T) {
	l := loadEmbedded(t)
	for _, e := range l.Dataset.Events {
		if e.Title == "" || e.Summary == "" {
			t.Errorf("%s: title %q, summary %q: both required", e.ID, e.Title, e.Summary)
		}
		if !e.Date.IsZero() && e.DateNote == "" {
			t.Errorf("%s: dated %s without a date note", e.ID, e.Date)
		}
		if len(e.Citations) == 0 {
			t.Errorf("%s: no citations", e.ID)
		}
		for _, a := range e.Actors {
			if a.Role == "" {
				t.Errorf("%s: actor %s has no role", e.ID, a.Actor)
			}
		}
	}
}

func TestEmbeddedActors(t *testing.T) {
	l := loadEmbedded(t)
	owner := map[string]string{} // lower-cased id, name or alias -> actor id
	for _, a := range l.Dataset.Actors {
		for _, n := range append([]string{a.ID, a.Name}, a.Aliases...) {
			k := strings.ToLower(n)
			if o, ok := owner[k]; ok && o != a.ID {
				t.Errorf("%q names both %s and %s", n, o, a.ID)
			}
			owner[k] = a.ID
		}
		if l.Timeline.ActorEventCount(a.ID) == 0 {
			t.Errorf("actor %s is in no event", a.ID)
		}
	}
	if id, ok := owner["kim"]; ok {
		t.Errorf("%q has the alias Kim, which would name both Kims", id)
	}

	lookups := []struct {
		name, id string
		kind     timeline.ActorKind
	}{
		{"Mr. Kim", "kim-jong-un", timeline.KindPerson},
		{"the North Korean leader", "kim-jong-un", timeline.KindPerson},
		{"putin", "putin", timeline.KindPerson},
		{"President of the Russian Federation", "putin", timeline.KindPerson},
		{"Mr. Kim's powerful sister", "kim-yo-jong", timeline.KindPerson},
		{"Pyongyang", "north-korea", timeline.KindState},
		{"Moscow", "russia", timeline.KindState},
		{"state news agency KCNA", "kcna", timeline.KindOrganisation},
		{"UN", "united-nations", timeline.KindOrganisation},
		{"UAE", "uae", timeline.KindState},
		{"Ningbo", "ningbo", timeline.KindPlace},
		{"group of Russian tourists", "russian-tourists", timeline.KindGroup},
	}
	for _, tt := range lookups {
		a, err := l.Timeline.LookupActor(tt.name)
		if err != nil {
			t.Errorf("LookupActor(%q): %v", tt.name, err)
			continue
		}
		if a.ID != tt.id || a.Kind != tt.kind {
			t.Errorf("LookupActor(%q) = %s (%s), want %s (%s)", tt.name, a.ID, a.Kind, tt.id, tt.kind)
		}
	}

	_, err := l.Timeline.LookupActor("Kim")
	var amb *timeline.AmbiguousActorError
	if !errors.As(err, &amb) {
		t.Fatalf("LookupActor(Kim) = %v, want ambiguous", err)
	}
	found := map[string]bool{}
	for _, c := range amb.Candidates {
		found[c.ID] = true
	}
	if !found["kim-jong-un"] || !found["kim-yo-jong"] {
		t.Errorf("LookupActor(Kim) candidates %v, want both Kims", found)
	}
}
