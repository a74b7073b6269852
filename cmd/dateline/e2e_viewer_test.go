package main_test

// End-to-end tests of the viewer's layout and feedback in a real
// terminal: scrolling across resizes, keys typed while loading, the cited
// span without colour, copying inside tmux, and the problems list.

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// TestE2EKeysWhileLoading: keys typed while the big file's progress bar
// shows are applied once it is loaded: G lands on the last event. The
// file may open before the loading screen is drawn (a tenth of a second;
// a key sent before the program reads the terminal is lost), so the key
// goes in at the first screen of either kind.
func TestE2EKeysWhileLoading(t *testing.T) {
	file := bigFile(t)
	s := startE2E(t, e2eOptions{args: []string{file}})
	s.waitUntil("the progress bar or the timeline", e2eWait, func(scr string) bool {
		return strings.Contains(scr, " MB of ") || strings.Contains(scr, " of "+fmt.Sprint(bigEvents)+" events")
	})
	s.keys("G")
	bar := func(p int) string { return fmt.Sprintf("#%d · %d of %d events", p, bigEvents, bigEvents) }
	scr := s.waitUntil("the timeline", 60*time.Second, func(scr string) bool { return strings.Contains(scr, " of "+fmt.Sprint(bigEvents)+" events") })
	if !strings.Contains(scr, bar(bigEvents)) {
		// The key may be applied a frame after the timeline shows.
		s.waitFor(bar(bigEvents), e2eWait)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// TestE2ECopyInTmux runs dateline knowing it is inside tmux: with tmux's
// default set-clipboard external, y says the quote was not copied (and
// tmux has no buffer); after set-clipboard on, the next y says it was,
// and tmux's buffer holds the quote, even with TERM=screen, for which
// termenv would wrap the sequence in a DCS that tmux drops.
func TestE2ECopyInTmux(t *testing.T) {
	t.Parallel()
	bar, _ := embeddedStatus(t)
	s := startE2E(t, e2eOptions{inTmux: true, env: []string{"TERM=screen-256color"}})
	s.waitFor(bar(1), e2eWait)
	if v := strings.TrimSpace(s.mustTmux("show-options", "-gv", "set-clipboard")); v != "external" {
		t.Fatalf("the private tmux server's set-clipboard is %q; the test expects tmux's default, external", v)
	}
	s.keys("y")
	s.waitFor("quote not copied: tmux set-clipboard is external; run: tmux set -g set-clipboard on", e2eWait)
	if buf, err := s.tmuxRun("show-buffer"); err == nil {
		t.Errorf("with set-clipboard external tmux has a buffer: %q", buf)
	}
	s.mustTmux("set-option", "-s", "set-clipboard", "on")
	s.keys("j", "y")
	s.waitFor("quote copied to tmux's buffer and sent to the terminal's clipboard (", e2eWait)
	s.poll(func() string { buf, _ := s.tmuxRun("show-buffer"); return buf }, e2eWait, func(b string) error {
		if !strings.HasPrefix(b, "“") || !strings.Contains(b, "\n— ") {
			return fmt.Errorf("tmux's buffer holds %q, want the quote", b)
		}
		return nil
	})
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// TestE2EProblemsList opens the drift fixture, marks its drifted and
// orphaned events in their rows, lists its problems with p and goes to the
// orphaned citation's event with enter.
func TestE2EProblemsList(t *testing.T) {
	t.Parallel()
	file, err := filepath.Abs(driftFixture)
	if err != nil {
		t.Fatal(err)
	}
	s := startE2E(t, e2eOptions{args: []string{file}})
	scr := s.waitFor("#1 · 3 of 3 events", e2eWait)
	rows := strings.Join(s.mustPane(scr, "Timeline").rows, "\n")
	if !strings.Contains(rows, "≈ The budget passes") || !strings.Contains(rows, "✗ The harbour wall") {
		t.Errorf("the drifted and orphaned rows are not marked ≈ and ✗:\n%s", scr)
	}
	s.keys("p")
	scr = s.waitFor("Problems (3)", e2eWait)
	if !strings.Contains(scr, "drift.yaml:49:16: citation error: orphaned citation") {
		t.Errorf("the list lacks the orphaned citation at its line and column:\n%s", scr)
	}
	s.keys("G", "Enter")
	s.waitFor("#3 · 3 of 3 events", e2eWait)
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}
