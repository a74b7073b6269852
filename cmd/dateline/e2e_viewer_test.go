package main_test

// End-to-end tests of the viewer's layout and feedback in a real
// terminal: scrolling across resizes, keys typed while loading, the cited
// span without colour, and copying inside tmux.

import (
	"strings"
	"testing"
)

// TestE2EResizeKeepsNoStaleScroll: scrolled to the last event in a small
// terminal, then resized back to 120×40, where every event fits, the
// timeline shows them all from the first year again.
func TestE2EResizeKeepsNoStaleScroll(t *testing.T) {
	t.Parallel()
	bar, n := embeddedStatus(t)
	s := startE2E(t, e2eOptions{})
	s.waitFor(bar(1), e2eWait)
	s.resize(60, 15)
	s.keys("G")
	if scr := s.waitFor(bar(n), e2eWait); strings.Contains(scr, "─ 2017 ") {
		t.Fatalf("60×15 at the last event still shows 2017; the test needs a scrolled pane:\n%s", scr)
	}
	s.resize(120, 40)
	// Fails after e2eWait when the timeline keeps its stale scroll.
	s.waitUntil("the timeline back at 2017, its first year, at 120×40", e2eWait, func(scr string) bool {
		tl, ok := findPane(scr, "Timeline")
		return ok && len(tl.rows) > 20 && strings.Contains(scr, bar(n)) &&
			strings.Contains(strings.Join(tl.rows, "\n"), "─ 2017 ")
	})
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}
