package draft

import (
	"os"
	"strings"
	"testing"
	"time"

	"dateline/timeline"
)

func readArticle(t *testing.T, name string) string {
	t.Helper()
	s, err := readFixture(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readFixture(name string) (string, error) {
	b, err := os.ReadFile("testdata/" + name)
	return string(b), err
}

// build checks that a draft is a valid dataset.
func build(t testing.TB, text string, pub time.Time, r *Result) *timeline.Timeline {
	t.Helper()
	ds := &timeline.Dataset{Title: "draft", Sources: []timeline.Source{{ID: "article", Title: "article", Text: text}},
		Actors: r.Actors, Events: r.Events}
	tl, diags := timeline.New(ds)
	for _, d := range diags {
		if d.Severity == timeline.SeverityError {
			t.Errorf("draft does not validate: %s", d)
		}
	}
	if tl == nil {
		t.Fatal("no timeline")
	}
	return tl
}

func TestSeedArticle(t *testing.T) {
	text := readArticle(t, "seed_kim_car.txt")
	pub := time.Date(2024, 2, 20, 0, 0, 0, 0, time.UTC)
	r := Draft([]Article{{SourceID: "article", Text: text, Published: pub}})
	build(t, text, pub, r)
	runes := []rune(text)
	// Each required event: its date, and a passage of the embedded
	// dataset's citation that the drafted citation must overlap.
	for _, want := range []struct{ date, passage string }{
		{"2017", "sanctions imposed on Pyongyang by the United Nations in 2017"},
		{"2021", "A 2021 United Nations report documented an attempt"},
		{"2023-09", "Mr. Kim and Mr. Putin’s September summit in the Russian Far East"},
		{"2024-02-01/2024-02-19", "A group of Russian tourists arrived earlier this month for a four-day trip"},
		{"../2024-02-20", "gifted a Russian-made car for his personal use by the President of the Russian Federation, Vladimir Vladimirovich Putin"},
	} {
		i := strings.Index(text, want.passage)
		if i < 0 {
			t.Fatalf("passage %q not in the seed", want.passage)
		}
		ps := len([]rune(text[:i]))
		pe := ps + len([]rune(want.passage))
		found := false
		for _, e := range r.Events {
			if e.Date.String() != want.date {
				continue
			}
			for _, c := range e.Citations {
				if c.Start < pe && c.End > ps && string(runes[c.Start:c.End]) == c.Quote {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no event dated %s citing %q", want.date, want.passage)
		}
	}
	warned := false
	for _, w := range r.Warnings {
		if strings.Contains(w.Message, "Tuesday (Jan 20)") {
			warned = true
		}
	}
	if !warned {
		t.Error("no warning about 'Tuesday (Jan 20)'")
	}
	// Actors: one per entity, with the names the article uses.
	byName := map[string]timeline.Actor{}
	for _, a := range r.Actors {
		byName[a.Name] = a
	}
	if a, ok := byName["North Korea"]; !ok || a.Kind != timeline.KindState || !contains(a.Aliases, "Pyongyang") {
		t.Errorf("North Korea: %+v", a)
	}
	if a, ok := byName["Russia"]; !ok || !contains(a.Aliases, "Moscow") {
		t.Errorf("Russia: %+v", a)
	}
	if a, ok := byName["Vladimir Putin"]; !ok || a.Kind != timeline.KindPerson || !contains(a.Aliases, "Putin") {
		t.Errorf("Putin: %+v", a)
	}
	if a := byName["Kim Jong-un"]; !contains(a.Aliases, "the North Korean leader") {
		t.Errorf("Kim Jong-un: %+v", a)
	}
	for _, a := range r.Actors {
		if contains(a.Aliases, "Kim") || contains(a.Aliases, "Mr. Kim") {
			t.Errorf("%s takes the ambiguous alias Kim: %v", a.Name, a.Aliases)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestUndatedStatements(t *testing.T) {
	text := "Talks\n\nPresident Anna Berg signed the treaty. President Anna Berg is expected to visit Oslo."
	pub := time.Date(2024, 2, 20, 0, 0, 0, 0, time.UTC)
	r := Draft([]Article{{SourceID: "article", Text: text, Published: pub}})
	build(t, text, pub, r)
	got := map[string]string{}
	for _, e := range r.Events {
		got[e.Date.String()] = e.Status.String()
	}
	if got["../2024-02-20"] != "occurred" || got["2024-02-20/.."] != "expected" {
		t.Errorf("undated events: %v", got)
	}
}

// TestTwoDatesKeepTheirActors: a sentence with two dates gives two events,
// each naming the sentence's actors. They once shared one list, whose ids
// were then filled in twice, so the second event named the first actor
// of the dataset three times instead.
func TestTwoDatesKeepTheirActors(t *testing.T) {
	text := "Talks\n\nPresident Anna Berg met Canada's envoy on 3 March 2024. " +
		"Canada's prime minister is due to visit Santiago in May, officials in Ottawa said, and Vial is expected to travel to Toronto next week."
	pub := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	r := Draft([]Article{{SourceID: "article", Text: text, Published: pub}})
	build(t, text, pub, r)
	names := map[string]string{}
	for _, a := range r.Actors {
		names[a.ID] = a.Name
	}
	twoDates := 0
	for _, e := range r.Events {
		if !strings.Contains(e.Summary, "Santiago") {
			continue
		}
		twoDates++
		var got []string
		for _, a := range e.Actors {
			got = append(got, names[a.Actor])
		}
		if strings.Join(got, ", ") != "Canada, Chile" { // Santiago and Ottawa are their capitals
			t.Errorf("event %s (%s) names %v", e.ID, e.Date, got)
		}
	}
	if twoDates != 2 {
		t.Errorf("the sentence with two dates gave %d events, want 2", twoDates)
	}
}
