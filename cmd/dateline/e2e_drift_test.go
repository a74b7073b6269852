package main_test

// End-to-end test of citation drift in a real terminal: the tui package's
// fixture in tui/testdata/drift was anchored against original.txt, and its
// source has since changed into minutes.txt. The expected words come from
// the domain API (the spans and scores the validator gives), not from the
// screen. The harness is in e2e_harness_test.go.

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"dateline/data"
	"dateline/timeline"
)

// driftFixture is the tui package's drift fixture, which its unit tests
// share.
var driftFixture = filepath.Join("..", "..", "tui", "testdata", "drift", "drift.yaml")

func TestE2EDrift(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	for _, tc := range []struct {
		name    string
		env     []string
		noColor bool
	}{
		{"colour", nil, false},
		{"NO_COLOR", []string{"NO_COLOR=1"}, true}, // the words and glyphs alone must tell
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			driftFlow(t, tc.env, tc.noColor)
		})
	}
}

// driftFlow visits the re-anchored and the orphaned citation of the drift
// fixture in the detail pane and in the reader.
func driftFlow(t *testing.T, env []string, noColor bool) {
	file, err := filepath.Abs(driftFixture)
	if err != nil {
		t.Fatal(err)
	}
	l := data.LoadFile(file)
	if l.Timeline == nil {
		t.Fatalf("%s does not load: %v", file, l.Err())
	}
	tl := l.Timeline
	bi, hi := eventIndex(t, tl, "budget"), eventIndex(t, tl, "harbour")
	budget, harbour := tl.Event(bi).Citations[0], tl.Event(hi).Citations[0]
	if !budget.Span.Reanchored || !budget.Span.Resolved {
		t.Fatalf("the fixture's budget citation should be re-anchored: %+v", budget.Span)
	}
	if !harbour.Span.Orphaned || harbour.Span.Resolved {
		t.Fatalf("the fixture's harbour citation should be orphaned: %+v", harbour.Span)
	}
	st, _ := tl.SourceText("minutes")
	now := st.Slice(budget.Span.Start, budget.Span.End)
	pct := func(score float64) string { return fmt.Sprintf("%d%%", driftPct(score)) }

	n := tl.Len()
	bar := func(p int) string { return fmt.Sprintf("#%d · %d of %d events", p, n, n) }
	s := startE2E(t, e2eOptions{args: []string{file}, env: env})
	s.waitFor(bar(1), e2eWait)

	// The re-anchored citation in the detail pane.
	for range bi {
		s.keys("j")
	}
	s.waitFor(bar(bi+1), e2eWait)
	scr := s.waitFor("re-anchored", e2eWait)
	detail := citationText(s.mustPane(scr, "Detail"), "┃ ")
	for _, want := range []string{"≈ re-anchored · match " + pct(budget.Span.Score),
		"the source changed since this was cited", "“" + now, "was: “"} {
		if !strings.Contains(detail, squash(want)) {
			t.Errorf("the detail pane lacks %q:\n%s", want, scr)
		}
	}

	// Enter: the current text highlighted as the passage, with a notice.
	s.keys("Enter")
	s.waitFor("citation 1/1", e2eWait)
	s.waitFor("≈ re-anchored at "+pct(budget.Span.Score), e2eWait)
	checkDriftPassage(t, s, "▌ ", now, noColor, sgrReverse)
	s.keys("q")
	s.waitFor(bar(bi+1), e2eWait)

	// The orphaned citation in the detail pane.
	for range hi - bi {
		s.keys("j")
	}
	s.waitFor(bar(hi+1), e2eWait)
	scr = s.waitFor("orphaned", e2eWait)
	detail = citationText(s.mustPane(scr, "Detail"), "┆ ")
	wants := []string{"“" + harbour.Quote + "”", "orphaned · the source changed", needsText()}
	if harbour.Span.Score > 0 {
		wants = append(wants, "best match "+pct(harbour.Span.Score))
	}
	for _, want := range wants {
		if !strings.Contains(detail, squash(want)) {
			t.Errorf("the detail pane lacks %q:\n%s", want, scr)
		}
	}

	// Enter: never shown as resolved; the closest passage marked ?.
	s.keys("Enter")
	s.waitFor("citation 1/1", e2eWait)
	scr = s.waitFor("! orphaned", e2eWait)
	if strings.Contains(scr, "▌") {
		t.Errorf("an orphaned citation shown with the passage mark ▌:\n%s", scr)
	}
	if harbour.Span.Score > 0 {
		s.waitFor("closest passage "+pct(harbour.Span.Score), e2eWait)
		checkDriftPassage(t, s, "? ", st.Slice(harbour.Span.Start, harbour.Span.End), noColor, sgrUnderline)
	}
	s.keys("q")
	s.waitFor(bar(hi+1), e2eWait)

	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
	s.checkRestored()
}

// citationText is the detail pane's citation block without its bar, with
// all whitespace dropped (see squash): the rows that start with bar.
func citationText(p paneBox, bar string) string {
	var b strings.Builder
	for _, r := range p.rows {
		if r = strings.TrimSpace(r); strings.HasPrefix(r, bar) {
			b.WriteString(squash(strings.TrimPrefix(r, bar)))
		}
	}
	return b.String()
}

// checkDriftPassage fails unless the reader rows marked with gutter read
// text and are styled, in colour; under NO_COLOR they carry no colour,
// and text alone is in the attribute that marks the span without colour
// (attr: reverse video for the passage, underline for an orphan's
// closest one), so it can be told from the rest of its lines.
func checkDriftPassage(t *testing.T, s *e2eTerm, gutter, text string, noColor bool, attr sgrAttr) {
	t.Helper()
	s.poll(s.screenANSI, e2eWait, func(scr string) error {
		var got, marked []string
		for _, row := range strings.Split(scr, "\n") {
			plain := ansi.Strip(row)
			i := strings.Index(plain, "┃"+gutter)
			if i < 0 {
				continue
			}
			if !noColor && !sgrRE.MatchString(row) {
				return fmt.Errorf("marked row not styled: %q", row)
			}
			if noColor {
				if err := noColourSGR(row); err != nil {
					return err
				}
				marked = append(marked, attrText(row, attr))
			}
			got = append(got, strings.TrimSuffix(strings.TrimRight(plain[i+len("┃"+gutter):], " "), "┃"))
		}
		if !strings.Contains(squash(strings.Join(got, " ")), squash(text)) {
			return errors.New("the " + strings.TrimSpace(gutter) + " rows read " + fmt.Sprintf("%q", strings.Join(got, "|")) +
				", not " + fmt.Sprintf("%q", text))
		}
		if m := squash(strings.Join(marked, " ")); noColor && m != squash(text) {
			return fmt.Errorf("under NO_COLOR the span marked by SGR %d reads %q, want exactly %q", attr, m, text)
		}
		return nil
	})
}

// sgrAttr is an SGR attribute that marks a span without colour.
type sgrAttr int

const (
	sgrUnderline sgrAttr = 4
	sgrReverse   sgrAttr = 7
)

// noColourSGR fails for a row with any colour (foreground, background or
// underline colour) in its SGR sequences: NO_COLOR allows attributes only.
// The params are read one by one, so a 38;5;N colour is caught by its 38.
func noColourSGR(row string) error {
	for _, seq := range sgrRE.FindAllString(row, -1) {
		for _, p := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b["), "m"), ";") {
			n, _ := strconv.Atoi(p)
			// 39 and 49 are the default colours: tmux writes them as resets.
			if (n >= 30 && n <= 48 && n != 39) || (n >= 90 && n <= 107) || n == 58 {
				return fmt.Errorf("colour under NO_COLOR: %q in %q", seq, row)
			}
		}
	}
	return nil
}

// attrText is the text of row drawn with attribute a on, tracking the
// SGR sequences as tmux writes them back (one attribute per sequence, or
// a reset).
func attrText(row string, a sgrAttr) string {
	var b strings.Builder
	on := false
	for row != "" {
		if loc := sgrRE.FindStringIndex(row); loc != nil && loc[0] == 0 {
			for _, p := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(row[:loc[1]], "\x1b["), "m"), ";") {
				switch n, _ := strconv.Atoi(p); n {
				case 0:
					on = false
				case int(a):
					on = true
				case int(a) + 20:
					on = false
				}
			}
			row = row[loc[1]:]
			continue
		}
		r, size := utf8.DecodeRuneInString(row)
		if on {
			b.WriteRune(r)
		}
		row = row[size:]
	}
	return b.String()
}

// eventIndex returns the chronological index of the event with id.
func eventIndex(tb testing.TB, tl *timeline.Timeline, id string) int {
	tb.Helper()
	for i := range tl.Len() {
		if tl.Event(i).ID == id {
			return i
		}
	}
	tb.Fatalf("no event %q", id)
	return -1
}

// thresholdPct is timeline.DriftThreshold as the least whole percentage a
// re-anchored citation shows, computed here rather than taken from the
// code under test.
func thresholdPct() int { return int(math.Ceil(timeline.DriftThreshold*100 - 1e-9)) }

// driftPct is a match score as the viewer prints it: a whole percentage
// rounded down, and below the threshold's for a score below the threshold.
func driftPct(score float64) int {
	p := int(math.Floor(max(0, min(1, score))*100 + 1e-9))
	if score < timeline.DriftThreshold {
		p = min(p, thresholdPct()-1)
	}
	return p
}

// needsText is "(needs N%)" for the threshold.
func needsText() string { return fmt.Sprintf("(needs %d%%)", thresholdPct()) }

// squash drops all whitespace, so that text compares across line breaks
// wherever wrapping put them (even inside "re-anchored").
func squash(s string) string { return strings.Join(strings.Fields(s), "") }
