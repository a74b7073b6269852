package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"

	"dateline/data"
	"dateline/timeline"
)

// The drift fixture's passages: what the edited source says now where the
// "budget" citation re-anchors, and the closest (rejected) passage to the
// "harbour" citation's quote.
const (
	driftNow     = "the council approved the budget for the coming year by nine votes to three, with the new library as its largest item"
	driftClosest = "The harbour master reported that any repairs had been put off until the spring"
)

// driftFixture is the drift fixture's path.
const driftFixture = "testdata/drift/drift.yaml"

// driftLoaded loads the drift fixture and gives its drifted citations the
// spans the validator's drift detection gives, by hand, so these tests
// know the scores and do not depend on the fuzzy matcher: "budget"
// re-anchored at 0.87, "harbour" orphaned with its closest passage at 0.52.
func driftLoaded(tb testing.TB) *data.Loaded {
	tb.Helper()
	l := data.LoadFile(driftFixture)
	if l.Timeline == nil {
		tb.Fatalf("%s does not load: %v", driftFixture, l.Err())
	}
	tl := l.Timeline
	st, ok := tl.SourceText("minutes")
	if !ok {
		tb.Fatal("the drift fixture has no source minutes")
	}
	at := func(s string) (int, int) {
		i := strings.Index(st.Text(), s)
		if i < 0 {
			tb.Fatalf("minutes.txt does not contain %q", s)
		}
		start := utf8.RuneCountInString(st.Text()[:i])
		return start, start + utf8.RuneCountInString(s)
	}
	s, e := at(driftNow)
	tl.Event(eventIndex(tb, tl, "budget")).Citations[0].Span = timeline.Span{
		Resolved: true, Reanchored: true, Start: s, End: e, Paragraph: st.Paragraph(s), Score: 0.87}
	s, e = at(driftClosest)
	tl.Event(eventIndex(tb, tl, "harbour")).Citations[0].Span = timeline.Span{
		Orphaned: true, Start: s, End: e, Score: 0.52}
	return l
}

// squash drops all whitespace, so that text compares across line breaks
// wherever wrapping put them (even inside "re-anchored").
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// needsText is "(needs N%)" for the threshold, computed independently of
// the code under test.
func needsText() string {
	return fmt.Sprintf("(needs %d%%)", int(math.Ceil(timeline.DriftThreshold*100-1e-9)))
}

func TestDriftPercentages(t *testing.T) {
	for _, c := range []struct {
		score float64
		want  int
	}{{0, 0}, {-0.5, 0}, {0.29, 29}, {0.52, 52}, {0.749, 74}, {0.75, 75}, {0.87, 87}, {0.999, 99}, {1, 100}, {1.5, 100}} {
		if got := driftPct(c.score); got != c.want {
			t.Errorf("driftPct(%v) = %d, want %d", c.score, got, c.want)
		}
	}
	// Just below the threshold must never read as reaching it.
	if below := driftPct(math.Nextafter(timeline.DriftThreshold, 0)); below >= thresholdPct() {
		t.Errorf("a score just below the threshold shows %d%%, the threshold %d%%", below, thresholdPct())
	}
	if got := strconv.Itoa(thresholdPct()) + "%"; !strings.Contains(needsText(), got) {
		t.Errorf("threshold shown as %s, want %s", got, needsText())
	}
}

// citationBody strips the bar from citation lines, checking every line has
// it and fits w cells.
func citationBody(t *testing.T, lines []string, bar string, w int) []string {
	t.Helper()
	var body []string
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Fatalf("w=%d: line %d is %d cells: %q", w, i, lw, l)
		}
		if !strings.HasPrefix(l, bar) {
			t.Fatalf("w=%d: line %d lacks the bar %q: %q", w, i, bar, l)
		}
		body = append(body, strings.TrimPrefix(l, bar))
	}
	return body
}

func TestDriftCitationLines(t *testing.T) {
	l := driftLoaded(t)
	tl := l.Timeline
	st := newStyles("dark")
	budget := tl.Event(eventIndex(t, tl, "budget")).Citations[0]
	harbour := tl.Event(eventIndex(t, tl, "harbour")).Citations[0]
	hopeless := harbour
	hopeless.Span = timeline.Span{Orphaned: true}
	plain := harbour
	plain.Span = timeline.Span{} // unresolved without drift: as before
	para := "¶" + strconv.Itoa(budget.Span.Paragraph)

	for w := 20; w <= 120; w++ {
		lines, hits := citationLines(tl, budget, st, w, "")
		if len(lines) != len(hits) {
			t.Fatalf("w=%d: %d lines, %d hit flags", w, len(lines), len(hits))
		}
		body := citationBody(t, lines, "┃ ", w)
		all := squash(strings.Join(body, " "))
		for _, want := range []string{"“" + driftNow + "”", para, "≈ re-anchored", "match 87%",
			"the source changed since this was cited", "was: “the council approved"} {
			if !strings.Contains(all, squash(want)) {
				t.Fatalf("w=%d: re-anchored citation lacks %q:\n%s", w, want, strings.Join(lines, "\n"))
			}
		}
		was := -1
		for i, b := range body {
			if strings.HasPrefix(b, "was: ") {
				was = i
				break
			}
		}
		if was < 0 || len(body)-was > wasLines {
			t.Fatalf("w=%d: the old quote should take 1 to %d lines at the end:\n%s", w, wasLines, strings.Join(lines, "\n"))
		}
		old := squash(strings.Join(body[was:], " "))
		if w >= 100 && !strings.Contains(old, squash("“"+budget.Quote+"”")) {
			t.Fatalf("w=%d: the old quote is not all there: %q", w, old)
		}
		if strings.Contains(squash(strings.Join(body[:was], " ")), squash("nine votes to two")) {
			t.Fatalf("w=%d: the dataset's quote shown as the current text:\n%s", w, strings.Join(lines, "\n"))
		}

		lines, _ = citationLines(tl, harbour, st, w, "")
		all = squash(strings.Join(citationBody(t, lines, "┆ ", w), " "))
		for _, want := range []string{"“" + harbour.Quote + "”", "orphaned", "the source changed", "best match 52%", needsText()} {
			if !strings.Contains(all, squash(want)) {
				t.Fatalf("w=%d: orphaned citation lacks %q:\n%s", w, want, strings.Join(lines, "\n"))
			}
		}
		if strings.Contains(all, "¶") || strings.Contains(all, squash("harbour master")) {
			t.Fatalf("w=%d: an orphaned citation shown as if resolved:\n%s", w, strings.Join(lines, "\n"))
		}

		lines, _ = citationLines(tl, hopeless, st, w, "")
		all = squash(strings.Join(citationBody(t, lines, "┆ ", w), " "))
		if !strings.Contains(all, "orphaned") || !strings.Contains(all, squash("nothing in it resembles the quote")) ||
			strings.Contains(all, "bestmatch") {
			t.Fatalf("w=%d: orphaned citation without a match:\n%s", w, strings.Join(lines, "\n"))
		}

		lines, _ = citationLines(tl, plain, st, w, "")
		all = squash(strings.Join(citationBody(t, lines, "┆ ", w), " "))
		if !strings.Contains(all, squash("unresolved: the quote was not found")) || strings.Contains(all, "orphaned") {
			t.Fatalf("w=%d: plain unresolved citation:\n%s", w, strings.Join(lines, "\n"))
		}
	}
}

func TestDriftCitationSearchHits(t *testing.T) {
	l := driftLoaded(t)
	tl := l.Timeline
	budget := tl.Event(eventIndex(t, tl, "budget")).Citations[0]
	// "three" is only in the current text, "two" only in the old quote.
	for _, q := range []string{"three", "two"} {
		lines, hits := citationLines(tl, budget, newStyles("dark"), 60, q)
		n := 0
		for i, h := range hits {
			if h {
				n++
				if !strings.Contains(lines[i], q) {
					t.Errorf("%q: line %q marked as a hit", q, lines[i])
				}
			}
		}
		if n == 0 {
			t.Errorf("%q: no line marked as a hit:\n%s", q, strings.Join(lines, "\n"))
		}
	}
}

func TestDriftCopy(t *testing.T) {
	l := driftLoaded(t)
	tl := l.Timeline
	ev := tl.Event(eventIndex(t, tl, "budget"))
	got := quoteWithCitation(tl, ev, ev.Citations[0])
	first, cite, _ := strings.Cut(got, "\n")
	if first != "“"+driftNow+"”" {
		t.Errorf("re-anchored copy quotes %q, want the source's current text", first)
	}
	for _, want := range []string{"Minutes of the town council", "paragraph " + strconv.Itoa(ev.Citations[0].Span.Paragraph),
		"re-anchored", "match 87%", "Event: The budget passes"} {
		if !strings.Contains(cite, want) {
			t.Errorf("re-anchored copy lacks %q: %q", want, cite)
		}
	}

	ev = tl.Event(eventIndex(t, tl, "harbour"))
	got = quoteWithCitation(tl, ev, ev.Citations[0])
	first, cite, _ = strings.Cut(got, "\n")
	if first != "“"+ev.Citations[0].Quote+"”" {
		t.Errorf("orphaned copy quotes %q, want the dataset's quote", first)
	}
	if !strings.Contains(cite, "orphaned") || !strings.Contains(cite, "best match 52%") || strings.Contains(cite, "paragraph") {
		t.Errorf("orphaned copy's citation: %q", cite)
	}

	c := ev.Citations[0]
	c.Span = timeline.Span{Orphaned: true}
	if cite := quoteWithCitation(tl, ev, c); !strings.Contains(cite, "orphaned") || strings.Contains(cite, "best match") {
		t.Errorf("orphaned copy without a match: %q", cite)
	}
}

// TestDriftRowMarks: the timeline marks an event whose citation was not
// found (orphaned, or plain unresolved) with ✗ and one whose citation was
// re-anchored with ≈, so they can be found without opening each event;
// the marks are glyphs, so they show without colour too.
func TestDriftRowMarks(t *testing.T) {
	l := driftLoaded(t)
	m := readyModel(t, l, 120, 40)
	rows := map[string]string{}
	for _, line := range strings.Split(m.timeline.View(), "\n") {
		for _, id := range []string{"budget", "harbour"} {
			title := clean(l.Timeline.Event(eventIndex(t, l.Timeline, id)).Title)
			if strings.Contains(line, title[:min(len(title), 12)]) {
				rows[id] = line
			}
		}
	}
	for id, mark := range map[string]string{"budget": citeDrifted + " ", "harbour": citeFailed + " "} {
		if !strings.Contains(rows[id], mark) {
			t.Errorf("row of %s is %q, want the mark %q", id, rows[id], mark)
		}
	}
	if got := citeMark(l.Timeline.Event(eventIndex(t, l.Timeline, "budget")).Citations, ""); got != citeDrifted {
		t.Errorf("citeMark(budget) = %q", got)
	}
	unresolved := []timeline.Citation{{Span: timeline.Span{Resolved: true, Reanchored: true}}, {}}
	if got := citeMark(unresolved, ""); got != citeFailed {
		t.Errorf("a failed citation after a re-anchored one: %q, want %q", got, citeFailed)
	}
	if got := citeMark([]timeline.Citation{{Span: timeline.Span{Resolved: true}}}, ""); got != "" {
		t.Errorf("a resolved citation: %q, want none", got)
	}
}
