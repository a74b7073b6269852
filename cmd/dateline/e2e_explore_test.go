package main_test

// End-to-end flows of exploring in a real terminal: the actor filter, the
// search, the date range, the source reader with its highlighted passage,
// stepping through citations and the events citing a passage, in colour
// and again under NO_COLOR, where the gutter glyphs and, for the passage,
// reverse video (an attribute, not a colour) show the marks.
// The harness is in e2e_harness_test.go.

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dateline/data"
	"dateline/timeline"
)

func TestE2EExplore(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		env     []string
		noColor bool
	}{
		{"colour", nil, false},
		{"NO_COLOR", []string{"NO_COLOR=1"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			exploreFlow(t, tc.env, tc.noColor)
		})
	}
}

// exploreFlow runs the whole flow on the embedded dataset; the expected
// counts come from the domain API, not from the screen.
func exploreFlow(t *testing.T, env []string, noColor bool) {
	l := data.Embedded()
	tl := l.Timeline
	if tl == nil {
		t.Fatalf("embedded dataset: %v", l.Err())
	}
	n := tl.Len()
	bar := func(p, k int) string { return fmt.Sprintf("#%d · %d of %d events", p, k, n) }
	s := startE2E(t, e2eOptions{env: env})
	s.waitFor(bar(1, n), e2eWait)

	// Actor filter: Putin's events, then back.
	putin := tl.ActorEventCount("putin")
	if putin == 0 || putin == n {
		t.Fatalf("the embedded dataset needs some events with Putin, not %d of %d", putin, n)
	}
	s.keys("a")
	s.waitFor("tab toggle · ctrl+t any/all", e2eWait)
	s.text("vladimir putin")
	s.waitFor("▸ [ ] Vladimir Putin", e2eWait)
	s.keys("Enter")
	first := int(tl.ActorEvents("putin")[0]) // the selection moves to it
	s.waitFor(bar(1, putin)+" · actor: Vladimir Putin", e2eWait)
	s.keys("Escape")
	s.waitFor(bar(first+1, n), e2eWait) // and stays on it
	s.waitGone("actor:", e2eWait)
	s.keys("g")
	s.waitFor(bar(1, n), e2eWait)

	// Search: jumps as typed, hides nothing, n moves to the next match.
	hits := tl.Search("kim", nil)
	if len(hits) < 2 {
		t.Fatalf("the embedded dataset needs two events matching kim, has %d", len(hits))
	}
	s.keys("/")
	s.text("kim")
	s.waitFor(fmt.Sprintf(`%s · search: "kim" (1/%d)`, bar(hits[0]+1, n), len(hits)), e2eWait)
	s.keys("Enter")
	s.waitGone("enter keep · esc leave", e2eWait)
	s.keys("n")
	scr := s.waitFor(fmt.Sprintf(`%s · search: "kim" (2/%d)`, bar(hits[1]+1, n), len(hits)), e2eWait)
	if !strings.Contains(scr, "• ") {
		t.Errorf("no • marks the matching rows:\n%s", scr)
	}
	if !noColor && !markedKim.MatchString(s.screenANSI()) {
		t.Errorf("no match drawn on a highlight background:\n%q", s.screenANSI())
	}
	s.keys("Escape")
	s.waitGone("search:", e2eWait)

	// Date range: an invalid one explained in place, then a valid one.
	s.keys("t")
	s.text("2024-13")
	_, err := timeline.ParseDate("2024-13")
	s.waitFor(err.(*timeline.DateError).Reason, e2eWait)
	s.keys("C-u")
	s.text("2023/2024")
	s.keys("Enter")
	in2023 := len(tl.Apply(timeline.Filter{Dates: timeline.MustParseDate("2023/2024")}, nil))
	s.waitFor(fmt.Sprintf("%d of %d events · dates: 2023/2024", in2023, n), e2eWait)
	s.keys("Escape")
	s.waitGone("dates:", e2eWait)
	s.waitUntil("all events shown", e2eWait, func(scr string) bool {
		_, k, total, ok := status(scr)
		return ok && k == n && total == n
	})

	// The last event's first passage, highlighted on screen.
	s.keys("G")
	s.waitFor(bar(n, n), e2eWait)
	last := tl.Event(n - 1)
	s.keys("Enter")
	s.waitFor(fmt.Sprintf("citation 1/%d", len(last.Citations)), e2eWait)
	checkPassage(t, s, last.Citations[0], noColor)
	s.keys("q")
	s.waitFor(bar(n, n), e2eWait)

	// Step through the citations of the last event that has several.
	ev := n - 1
	for ev >= 0 && len(tl.Event(ev).Citations) < 2 {
		ev--
	}
	if ev < 0 {
		t.Fatal("the embedded dataset has no event with two citations")
	}
	for range n - 1 - ev {
		s.keys("k")
	}
	s.waitFor(bar(ev+1, n), e2eWait)
	cites := tl.Event(ev).Citations
	s.keys("Enter")
	s.waitFor(fmt.Sprintf("citation 1/%d", len(cites)), e2eWait)
	s.keys("]")
	s.waitFor(fmt.Sprintf("citation 2/%d", len(cites)), e2eWait)
	checkPassage(t, s, cites[1], noColor)
	s.keys("[")
	s.waitFor(fmt.Sprintf("citation 1/%d", len(cites)), e2eWait)

	// The passage cursor to the next cited passage, and the events citing it.
	sp := citedPassages(tl, cites[0].Source)
	at := slices.IndexFunc(sp, func(p citedPassage) bool {
		return p.start == cites[0].Span.Start && p.end == cites[0].Span.End
	})
	next := min(at+1, len(sp)-1)
	s.text("}")
	scr = s.waitFor(fmt.Sprintf("passage %d/%d", next+1, len(sp)), e2eWait)
	if !strings.Contains(scr, "▸ ") || !strings.Contains(scr, "┆ ") {
		t.Errorf("no ▸ cursor or ┆ marks in the gutter:\n%s", scr)
	}
	citing := sp[next].events
	s.keys("Enter")
	s.waitFor(fmt.Sprintf("Events citing this passage (%d)", len(citing)), e2eWait)
	want := citing[0]
	if slices.Contains(citing, ev) {
		want = ev // the list opens on the event the reader was opened for
	}
	s.keys("Enter")
	scr = s.waitFor(bar(want+1, n), e2eWait)
	if !strings.Contains(scr, "Timeline") {
		t.Errorf("choosing an event did not return to the timeline:\n%s", scr)
	}

	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
	s.checkRestored()
}

// markedKim is "kim" drawn on a truecolor background (tmux re-encodes
// the SGR sequences one attribute at a time).
var markedKim = regexp.MustCompile("\x1b\\[48;2;[0-9;]+m(\x1b\\[[0-9;]*m)*(?i:kim)")

// sgrRE matches one SGR escape sequence.
var sgrRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// checkPassage fails unless citation c's quote is on screen on the rows
// marked ▌, and, in colour, those rows carry a background highlight while
// under NO_COLOR they carry no colour and the quote alone is in reverse
// video.
func checkPassage(t *testing.T, s *e2eTerm, c timeline.Citation, noColor bool) {
	t.Helper()
	if !c.Span.Resolved {
		s.waitFor("unresolved", e2eWait)
		return
	}
	var text, marked []string
	s.poll(s.screenANSI, e2eWait, func(scr string) error {
		text, marked = text[:0], marked[:0]
		for _, row := range strings.Split(scr, "\n") {
			plain := ansi.Strip(row)
			i := strings.Index(plain, "▌ ")
			if i < 0 {
				continue
			}
			if noColor {
				if err := noColourSGR(row); err != nil {
					return err
				}
				marked = append(marked, attrText(row, sgrReverse))
			}
			if !noColor && !strings.Contains(row, "\x1b[48;2;") && !strings.Contains(row, ";48;2;") {
				return fmt.Errorf("passage row without a background highlight: %q", row)
			}
			text = append(text, strings.TrimRight(strings.TrimSuffix(strings.TrimRight(plain[i+len("▌ "):], " "), "┃"), " "))
		}
		got := strings.Join(strings.Fields(strings.Join(text, " ")), " ")
		quote := strings.Join(strings.Fields(c.Quote), " ")
		if !strings.Contains(got, quote) {
			return fmt.Errorf("the ▌ rows read %q, not the quote %q", got, quote)
		}
		// Without colour the passage is in reverse video, and only it.
		if m := strings.Join(strings.Fields(strings.Join(marked, " ")), " "); noColor && m != quote {
			return fmt.Errorf("under NO_COLOR the reverse video reads %q, want the quote %q", m, quote)
		}
		return nil
	})
}

// citedPassage is one span of a source that events cite, with the
// chronological indexes of the events citing it.
type citedPassage struct {
	start, end int
	events     []int
}

// citedPassages lists the distinct resolved spans that events cite in the
// source src, by start then end: the passages the reader steps through.
func citedPassages(tl *timeline.Timeline, src string) []citedPassage {
	var out []citedPassage
	for i := range tl.Len() {
		for _, c := range tl.Event(i).Citations {
			if c.Source != src || !c.Span.Resolved {
				continue
			}
			j := slices.IndexFunc(out, func(p citedPassage) bool { return p.start == c.Span.Start && p.end == c.Span.End })
			if j < 0 {
				out = append(out, citedPassage{start: c.Span.Start, end: c.Span.End})
				j = len(out) - 1
			}
			if evs := out[j].events; len(evs) == 0 || evs[len(evs)-1] != i {
				out[j].events = append(evs, i)
			}
		}
	}
	slices.SortFunc(out, func(a, b citedPassage) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	return out
}
