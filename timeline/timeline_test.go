package timeline

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

const testText = "Alpha met Beta in Paris.\n\nBeta said \"no\" to Alpha.\n\nAlpha met Beta again."

func testDataset() *Dataset {
	return &Dataset{
		Title:   "test",
		Sources: []Source{{ID: "s", Title: "Source", Text: testText}},
		Actors: []Actor{
			{ID: "alpha", Name: "Alpha Person", Aliases: []string{"Mr. Alpha"}},
			{ID: "beta", Name: "Beta Agency", Kind: KindOrganisation, Aliases: []string{"the Agency"}},
			{ID: "gamma", Name: "Gamma State", Kind: KindState},
		},
	}
}

func ev(id, date string, actors ...string) Event {
	e := Event{ID: id, Title: "Event " + id}
	if date != "" {
		e.Date = MustParseDate(date)
	}
	for _, a := range actors {
		e.Actors = append(e.Actors, ActorRef{Actor: a})
	}
	e.Citations = []Citation{{Source: "s", Quote: "Paris", Start: -1, End: -1}}
	return e
}

func mustNew(t testing.TB, ds *Dataset) *Timeline {
	t.Helper()
	tl, diags := New(ds)
	if tl == nil {
		t.Fatalf("New failed: %v", diags)
	}
	return tl
}

func ids(tl *Timeline, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = tl.Event(i).ID
	}
	return out
}

func TestOrder(t *testing.T) {
	ds := testDataset()
	ds.Events = []Event{
		ev("undated", ""),
		ev("open-end", "2024-02-20/.."),
		ev("gift", "../2024-02-20"),
		ev("report", "2024-02-20"),
		ev("claims", "2023-09/2024-02-20"),
		ev("tourists", "2024-02-01/2024-02-19"),
		ev("summit", "2023-09"),
		ev("attempt", "../2021"),
		ev("un-report", "2021"),
		ev("sanctions", "2017"),
		ev("bce", "-0043"),
	}
	tl := mustNew(t, ds)
	all := make([]int, tl.Len())
	for i := range all {
		all[i] = i
	}
	got := ids(tl, all)
	want := []string{"bce", "sanctions", "un-report", "attempt", "summit", "claims", "tourists", "gift", "report", "open-end", "undated"}
	if !slices.Equal(got, want) {
		t.Fatalf("order:\n got %v\nwant %v", got, want)
	}
	if !tl.Undated(tl.Len()-1) || tl.Undated(tl.Len()-2) {
		t.Errorf("Undated: only the last event is undated")
	}
	// The dataset's own slice is left as it was.
	if ds.Events[0].ID != "undated" {
		t.Errorf("New reordered the caller's dataset")
	}
}

func TestOrderTiesKeepDatasetOrder(t *testing.T) {
	ds := testDataset()
	for i := range 20 {
		ds.Events = append(ds.Events, ev(fmt.Sprintf("e%02d", i), "2024"))
	}
	tl := mustNew(t, ds)
	for i := range 20 {
		if want := fmt.Sprintf("e%02d", i); tl.Event(i).ID != want {
			t.Fatalf("event %d is %s, want %s", i, tl.Event(i).ID, want)
		}
	}
}

func TestLookupActor(t *testing.T) {
	ds := testDataset()
	ds.Actors = append(ds.Actors, Actor{ID: "alpine", Name: "Alpine Club", Kind: KindGroup})
	tl := mustNew(t, ds)
	tests := []struct {
		name, want string
		ambiguous  []string
	}{
		{name: "alpha", want: "alpha"},      // id
		{name: "BETA AGENCY", want: "beta"}, // name, case-insensitive
		{name: "mr.  alpha", want: "alpha"}, // alias, spaces collapsed
		{name: "agency", want: "beta"},      // word prefix of the name
		{name: "gam", want: "gamma"},        // prefix
		{name: "alp", ambiguous: []string{"alpha", "alpine"}},
		{name: "the", want: "beta"}, // "the Agency"
	}
	for _, tt := range tests {
		a, err := tl.LookupActor(tt.name)
		if tt.ambiguous != nil {
			var ae *AmbiguousActorError
			if !errors.As(err, &ae) {
				t.Errorf("%q: want ambiguous, got %v, %v", tt.name, a, err)
				continue
			}
			var got []string
			for _, c := range ae.Candidates {
				got = append(got, c.ID)
			}
			if !slices.Equal(got, tt.ambiguous) {
				t.Errorf("%q: candidates %v, want %v", tt.name, got, tt.ambiguous)
			}
			if !strings.Contains(err.Error(), "Alpine Club") {
				t.Errorf("%q: message %q does not list candidates", tt.name, err)
			}
			continue
		}
		if err != nil || a.ID != tt.want {
			t.Errorf("%q: got %v, %v; want %s", tt.name, a, err, tt.want)
		}
	}
	// "pha" is inside a word, not a word prefix.
	for _, name := range []string{"pha", "zeta", "  "} {
		if _, err := tl.LookupActor(name); !errors.Is(err, ErrNoActor) {
			t.Errorf("%q: want ErrNoActor, got %v", name, err)
		}
	}
}

func TestLookupExactBeatsPrefix(t *testing.T) {
	ds := testDataset()
	ds.Actors = []Actor{{ID: "kim", Name: "Kim Jong-un"}, {ID: "kimyj", Name: "Kim Yo Jong"}}
	tl := mustNew(t, ds)
	// "kim" is a word prefix of both names, but the exact id wins.
	if a, err := tl.LookupActor("kim"); err != nil || a.ID != "kim" {
		t.Fatalf("exact id should win: %v %v", a, err)
	}
	if a, err := tl.LookupActor("kim y"); err != nil || a.ID != "kimyj" {
		t.Fatalf("unique prefix: %v %v", a, err)
	}
	var ae *AmbiguousActorError
	if _, err := tl.LookupActor("jong"); !errors.As(err, &ae) || len(ae.Candidates) != 2 {
		t.Fatalf("want ambiguous between Kim Jong-un and Kim Yo Jong, got %v", err)
	}
	// Two actors sharing a name exactly are ambiguous too.
	ds.Actors = append(ds.Actors, Actor{ID: "k2", Name: "Kim Jong-un"})
	tl = mustNew(t, ds)
	if _, err := tl.LookupActor("kim jong-un"); !errors.As(err, &ae) {
		t.Fatalf("shared exact name: want ambiguous, got %v", err)
	}
}

func severities(diags []Diagnostic) map[string]Severity {
	m := map[string]Severity{}
	for _, d := range diags {
		m[string(d.Path)] = d.Severity
	}
	return m
}

func TestValidationSeverities(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(ds *Dataset)
		path   string
		sev    Severity
		msg    string
		usable bool
	}{
		{"duplicate event id", func(ds *Dataset) { ds.Events[1].ID = ds.Events[0].ID }, "events[1].id", SeverityError, "duplicate event id", false},
		{"duplicate actor id", func(ds *Dataset) { ds.Actors[1].ID = "alpha" }, "actors[1].id", SeverityError, "duplicate actor id", false},
		{"duplicate source id", func(ds *Dataset) { ds.Sources = append(ds.Sources, Source{ID: "s", Title: "again"}) }, "sources[1].id", SeverityError, "duplicate source id", false},
		{"unknown actor", func(ds *Dataset) { ds.Events[0].Actors = []ActorRef{{Actor: "nobody"}} }, "events[0].actors[0].actor", SeverityError, `unknown actor "nobody"`, false},
		{"unknown source", func(ds *Dataset) { ds.Events[0].Citations[0].Source = "x" }, "events[0].citations[0].source", SeverityError, `unknown source "x"`, false},
		{"empty quote", func(ds *Dataset) { ds.Events[0].Citations[0].Quote = "  " }, "events[0].citations[0].quote", SeverityError, "empty quote", false},
		{"empty title", func(ds *Dataset) { ds.Events[0].Title = "" }, "events[0].title", SeverityError, "empty title", false},
		{"start without end", func(ds *Dataset) { ds.Events[0].Citations[0].Start = 3 }, "events[0].citations[0]", SeverityError, "together", false},
		{"absent quote", func(ds *Dataset) { ds.Events[0].Citations[0].Quote = "London" }, "events[0].citations[0].quote", SeverityCitation, "", true},
		{"ambiguous quote", func(ds *Dataset) { ds.Events[0].Citations[0].Quote = "Alpha met Beta" }, "events[0].citations[0].quote", SeverityCitation, "", true},
		{"uncited", func(ds *Dataset) { ds.Events[0].Citations = nil }, "events[0]", SeverityWarning, "no citation", true},
		{"stale position", func(ds *Dataset) { c := &ds.Events[0].Citations[0]; c.Start, c.End = 0, 5 }, "events[0].citations[0].start", SeverityWarning, "no longer matches", true},
		{"tolerant quote", func(ds *Dataset) { ds.Events[0].Citations[0].Quote = "Beta said “no”" }, "events[0].citations[0].quote", SeverityWarning, "normalising", true},
		{"shared alias", func(ds *Dataset) { ds.Actors[2].Aliases = []string{"mr. alpha"} }, "actors[2].aliases[0]", SeverityWarning, "ambiguous", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := testDataset()
			ds.Events = []Event{ev("a", "2017", "alpha"), ev("b", "2018", "beta")}
			tt.mutate(ds)
			tl, diags := New(ds)
			if (tl != nil) != tt.usable {
				t.Fatalf("usable = %v, want %v (%v)", tl != nil, tt.usable, diags)
			}
			var found *Diagnostic
			for k := range diags {
				if string(diags[k].Path) == tt.path {
					found = &diags[k]
				}
			}
			if found == nil {
				t.Fatalf("no diagnostic at %s: %v", tt.path, diags)
			}
			if found.Severity != tt.sev || !strings.Contains(found.Message, tt.msg) {
				t.Fatalf("got %v, want %s containing %q", found, tt.sev, tt.msg)
			}
			if tt.sev == SeverityCitation && tl.Event(0).Citations[0].Span.Resolved {
				t.Errorf("a citation error must leave the citation unresolved")
			}
		})
	}
}

func TestValidationReportsEveryProblem(t *testing.T) {
	ds := testDataset()
	ds.Events = []Event{ev("a", "2017", "nobody"), ev("a", "2018", "beta"), ev("c", "2019")}
	ds.Events[2].Citations[0].Quote = ""
	_, diags := New(ds)
	got := severities(diags)
	for _, p := range []string{"events[0].actors[0].actor", "events[1].id", "events[2].citations[0].quote"} {
		if got[p] != SeverityError {
			t.Errorf("missing error at %s in %v", p, diags)
		}
	}
}

func TestNewResolvesCitations(t *testing.T) {
	ds := testDataset()
	e := ev("a", "2017")
	e.Citations = []Citation{{Source: "s", Quote: "Alpha met Beta", Suffix: " again", Start: -1, End: -1}}
	ds.Events = []Event{e}
	tl := mustNew(t, ds)
	sp := tl.Event(0).Citations[0].Span
	st, _ := tl.SourceText("s")
	if !sp.Resolved || sp.Paragraph != 3 || st.Slice(sp.Start, sp.End) != "Alpha met Beta" {
		t.Fatalf("span %+v", sp)
	}
	if ds.Events[0].Citations[0].Span.Resolved {
		t.Errorf("New wrote into the caller's citations")
	}
}

// randomTimeline builds a timeline whose dates mix every shape of bound.
func randomTimeline(t testing.TB, n int, seed uint64) *Timeline {
	r := rand.New(rand.NewPCG(seed, 1))
	shapes := []func(y int) string{
		func(y int) string { return fmt.Sprintf("%04d", y) },
		func(y int) string { return fmt.Sprintf("%04d-%02d", y, 1+r.IntN(12)) },
		func(y int) string { return fmt.Sprintf("%04d-%02d-%02d", y, 1+r.IntN(12), 1+r.IntN(28)) },
		func(y int) string { return fmt.Sprintf("%04d/%04d", y, y+r.IntN(30)) },
		func(y int) string { return fmt.Sprintf("../%04d", y) },
		func(y int) string { return fmt.Sprintf("%04d/..", y) },
		func(y int) string { return fmt.Sprintf("/%04d-%02d", y, 1+r.IntN(12)) },
		func(y int) string { return "" },
		func(y int) string { return fmt.Sprintf("%03dX", y/10) },
	}
	ds := testDataset()
	actors := []string{"alpha", "beta", "gamma"}
	for i := range n {
		y := 1900 + r.IntN(120)
		e := ev(fmt.Sprintf("e%d", i), shapes[r.IntN(len(shapes))](y))
		for _, a := range actors {
			if r.IntN(3) == 0 {
				e.Actors = append(e.Actors, ActorRef{Actor: a})
			}
		}
		e.Status = Status(r.IntN(4))
		if r.IntN(5) == 0 {
			e.Summary = "mentions Kyiv"
		}
		ds.Events = append(ds.Events, e)
	}
	return mustNew(t, ds)
}

// reference is the obvious scan that Apply must agree with.
func reference(tl *Timeline, f Filter) []int {
	var out []int
	for i := range tl.Len() {
		e := tl.Event(i)
		if len(f.Actors) > 0 {
			n := 0
			for _, a := range f.Actors {
				if e.HasActor(a) {
					n++
				}
			}
			if n == 0 || f.AllActors && n < len(f.Actors) {
				continue
			}
		}
		if !f.Dates.IsZero() && !e.Date.Overlaps(f.Dates) {
			continue
		}
		if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, e.Status) {
			continue
		}
		if f.Text != "" && !strings.Contains(strings.ToLower(e.Title+"\n"+e.Summary), strings.ToLower(f.Text)) {
			continue
		}
		out = append(out, i)
	}
	return out
}

func TestApplyMatchesReference(t *testing.T) {
	tl := randomTimeline(t, 3000, 7)
	queries := []string{"1950", "1950/1960", "../1901", "2000/..", "1999-12-31", "1930-21", "195X", "1900/2030", "1800"}
	filters := []Filter{{}, {Actors: []string{"alpha"}}, {Actors: []string{"alpha", "beta"}}, {Actors: []string{"alpha", "beta"}, AllActors: true},
		{Statuses: []Status{StatusAlleged, StatusExpected}}, {Text: "KYIV"}, {Text: "event e12"}}
	for _, q := range queries {
		filters = append(filters, Filter{Dates: MustParseDate(q)}, Filter{Dates: MustParseDate(q), Actors: []string{"gamma"}, Text: "kyiv"})
	}
	var buf []int
	for _, f := range filters {
		buf = tl.Apply(f, buf)
		want := reference(tl, f)
		if !slices.Equal(buf, want) {
			t.Errorf("filter %+v: got %d events, want %d", f, len(buf), len(want))
		}
	}
}

func TestApplyReusesBuffer(t *testing.T) {
	tl := randomTimeline(t, 200, 1)
	buf := make([]int, 0, 1000)
	out := tl.Apply(Filter{Actors: []string{"alpha"}}, buf)
	if len(out) == 0 || &out[:1][0] != &buf[:1][0] {
		t.Fatalf("Apply did not write into the given buffer")
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s, q string
		want bool
	}{
		{"Vladimir PUTIN", "putin", true},
		{"Kim Jong-un", "jong-un", true},
		{"the  North\nKorean leader", "north korean", true},
		{"KELVIN", "kelvin", true},
		{"윤석열 대통령", "석열", true},
		{"Putin", "putin x", false},
		{"abc", "abd", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := ContainsFold(tt.s, tt.q); got != tt.want {
			t.Errorf("ContainsFold(%q, %q) = %v", tt.s, tt.q, got)
		}
	}
}

func TestActorIndex(t *testing.T) {
	tl := randomTimeline(t, 500, 3)
	for _, a := range tl.Actors() {
		got := widen(nil, tl.ActorEvents(a.ID))
		want := reference(tl, Filter{Actors: []string{a.ID}})
		if !slices.Equal(got, want) || tl.ActorEventCount(a.ID) != len(want) {
			t.Errorf("%s: postings %d, want %d", a.ID, len(got), len(want))
		}
	}
}

func BenchmarkApplyActor(b *testing.B) {
	tl := randomTimeline(b, 100_000, 5)
	buf := make([]int, 0, tl.Len())
	b.ReportAllocs()
	for b.Loop() {
		buf = tl.Apply(Filter{Actors: []string{"beta"}}, buf)
	}
}

func BenchmarkApplyDates(b *testing.B) {
	tl := randomTimeline(b, 100_000, 5)
	f := Filter{Dates: MustParseDate("1950/1951")}
	var buf []int
	b.ReportAllocs()
	for b.Loop() {
		buf = tl.Apply(f, buf)
	}
}
