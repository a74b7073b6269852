package draftscore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/timeline"

	"gopkg.in/yaml.v3"
)

const article = "Talks began last year, after a bid failed in 2023. The deal was signed on Thursday. " +
	"Officials were pleased. Shipments start next month."

// chronology builds a timeline of events over one source holding text;
// each event is "date|quote".
func chronology(t *testing.T, sourceID, text string, events ...string) *timeline.Timeline {
	t.Helper()
	ds := &timeline.Dataset{Sources: []timeline.Source{{ID: sourceID, Title: "Article", Text: text}}}
	for i, e := range events {
		date, quote, _ := strings.Cut(e, "|")
		d, err := timeline.ParseDate(date)
		if err != nil {
			t.Fatal(err)
		}
		ds.Events = append(ds.Events, timeline.Event{
			ID: "e" + string(rune('a'+i)), Title: quote, Date: d,
			Citations: []timeline.Citation{{Source: sourceID, Quote: quote, Start: -1, End: -1}},
		})
	}
	tl, diags := timeline.New(ds)
	for _, d := range diags {
		if d.Severity <= timeline.SeverityCitation {
			t.Fatalf("building the chronology: %s", d)
		}
	}
	return tl
}

func ids(es []*timeline.Event) string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID+" "+e.Date.String())
	}
	return strings.Join(out, ", ")
}

func TestCompare(t *testing.T) {
	gold := chronology(t, "article", article,
		"2024|Talks began last year, after a bid failed in 2023.",
		"2023|Talks began last year, after a bid failed in 2023.",
		"2025-03-13|The deal was signed on Thursday.",
		"2025-04|Shipments start next month.",
	)
	// Other ids, the same text. Three events cite parts of the first
	// sentence: two with the gold's dates and a decoy that sorts first, so
	// that pairing in order would get both dates wrong. One cites a
	// sentence the gold leaves out, and the signing is missed.
	draft := chronology(t, "src", article,
		"2022|Talks began",
		"2023|a bid failed in 2023",
		"2024|Talks began last year",
		"../2025-03-14|Officials were pleased.",
		"2025-05|Shipments start next month.",
	)
	r := Compare(gold, draft)
	if r.Gold != 4 || r.Drafted != 5 || len(r.Pairs) != 3 {
		t.Fatalf("Compare = %s", r)
	}
	exact := 0
	for _, p := range r.Pairs {
		if p.DateExact() {
			exact++
		}
	}
	if exact != 2 {
		t.Errorf("%d exact dates, want 2 (the first sentence's events paired by date): %v", exact, r.Pairs)
	}
	if got := ids(r.Missed); got != "ec 2025-03-13" {
		t.Errorf("Missed = %s", got)
	}
	if got := ids(r.Extra); got != "ea 2022, ed ../2025-03-14" {
		t.Errorf("Extra = %s", got)
	}
	want := "recall 3/4 (75%), precision 3/5 (60%), dates exact 2/3 (67%)"
	if r.String() != want {
		t.Errorf("String() = %q, want %q", r.String(), want)
	}
}

func TestCompareOtherText(t *testing.T) {
	gold := chronology(t, "article", article, "2025-04|Shipments start next month.")
	draft := chronology(t, "article", article+" Corrected.", "2025-04|Shipments start next month.")
	if r := Compare(gold, draft); len(r.Pairs) != 0 || r.Recall() != 0 || r.Precision() != 0 {
		t.Errorf("a draft of another text matched: %s", r)
	}
}

func TestCompareEmpty(t *testing.T) {
	gold := chronology(t, "article", article)
	r := Compare(gold, gold)
	if r.Recall() != 0 || r.Precision() != 0 || r.DateAccuracy() != 0 {
		t.Errorf("empty chronologies: %s", r)
	}
}

func TestAddPools(t *testing.T) {
	a := Compare(chronology(t, "a", article, "2025-04|Shipments start next month."),
		chronology(t, "a", article, "2025-04|Shipments start next month."))
	b := Compare(chronology(t, "a", article, "2024|Talks began last year, after a bid failed in 2023."),
		chronology(t, "a", article))
	a.Add(b)
	if a.String() != "recall 1/2 (50%), precision 1/1 (100%), dates exact 1/1 (100%)" {
		t.Errorf("pooled: %s", a)
	}
}

// goldFile is the part of a gold chronology these tests read: the loader
// of data/ checks the rest (`dateline validate`).
type goldFile struct {
	Sources []struct {
		TextFile string `yaml:"text_file"`
	}
	Events []struct {
		ID, Date  string
		Citations []struct{ Quote string }
	}
}

// The article fixtures of timeline/draft are what their gold files cite:
// each gold event's sentence is in its article, once, and a gold file
// compared with itself scores 100%.
func TestGoldFixtures(t *testing.T) {
	files, err := filepath.Glob("../draft/testdata/*.gold.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("gold files: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := yaml.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(g.Sources) != 1 {
			t.Fatalf("%s: %d sources, want 1", f, len(g.Sources))
		}
		text, err := os.ReadFile(filepath.Join(filepath.Dir(f), g.Sources[0].TextFile))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(g.Events); n < 8 {
			t.Errorf("%s: %d events, want 8 or more", f, n)
		}
		var events []string
		for _, e := range g.Events {
			if len(e.Citations) != 1 {
				t.Fatalf("%s: event %s has %d citations, want 1", f, e.ID, len(e.Citations))
			}
			q := e.Citations[0].Quote
			if n := strings.Count(string(text), q); n != 1 {
				t.Errorf("%s: quote %q occurs %d times in its article", f, q, n)
			}
			events = append(events, e.Date+"|"+q)
		}
		gold := chronology(t, "gold", string(text), events...)
		if r := Compare(gold, chronology(t, "draft", string(text), events...)); r.Recall() != 1 || r.Precision() != 1 || r.DateAccuracy() != 1 {
			t.Errorf("%s against itself: %s", f, r)
		}
	}
}
