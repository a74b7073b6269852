package main_test

// End-to-end tests of the analyst's workflow keys: y copies a
// quote through OSC 52, --event opens on an event, r and --watch reload,
// e exports.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestE2ECopyQuote presses y and reads the clipboard tmux set from the
// OSC 52 sequence dateline wrote.
func TestE2ECopyQuote(t *testing.T) {
	t.Parallel()
	bar, _ := embeddedStatus(t)
	s := startE2E(t, e2eOptions{})
	s.mustTmux("set-option", "-s", "set-clipboard", "on")
	s.waitFor(bar(1), e2eWait)
	s.keys("y")
	// dateline does not know it runs in tmux (the harness hides TMUX), so
	// it says only what it sent.
	s.waitFor("quote sent to the terminal's clipboard (OSC 52, ", e2eWait)
	var buf string
	s.poll(func() string { buf, _ = s.tmuxRun("show-buffer"); return buf }, e2eWait, func(b string) error {
		if !strings.HasPrefix(b, "“") || !strings.Contains(b, "\n— ") || !strings.Contains(b, "paragraph ") {
			return errorf("clipboard holds %q", b)
		}
		return nil
	})
	if !strings.Contains(buf, "sanctions imposed on Pyongyang") {
		t.Errorf("the first event's quote is not in the clipboard: %q", buf)
	}
	// In the source reader, y copies the citation open there.
	s.keys("G", "Enter")
	s.waitFor("back to timeline", e2eWait)
	s.mustTmux("delete-buffer")
	s.keys("y")
	s.poll(func() string { buf, _ = s.tmuxRun("show-buffer"); return buf }, e2eWait, func(b string) error {
		if !strings.HasPrefix(b, "“") || strings.Contains(b, "sanctions imposed on Pyongyang") {
			return errorf("clipboard holds %q", b)
		}
		return nil
	})
	s.keys("q") // leaves the reader
	s.waitFor("━ Timeline", e2eWait)
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// TestE2EEventAtStart opens on the summit at 120×40: the events before it
// stay in view and the pane is not half empty.
func TestE2EEventAtStart(t *testing.T) {
	t.Parallel()
	s := startE2E(t, e2eOptions{args: []string{"--event", "kim-putin-summit"}})
	scr := s.waitFor("event id: kim-putin-summit", e2eWait)
	tl := s.mustPane(scr, "Timeline")
	// The title's start: the date column is as wide as the widest date on
	// screen ("Sep 2023 – 20 Feb 2024"), so at 120×40 titles are cut.
	if !strings.Contains(strings.Join(tl.rows, "\n"), "UN sanctions on North") {
		t.Errorf("the first event is scrolled out of view:\n%s", scr)
	}
	blank := 0
	for _, r := range tl.rows {
		if strings.TrimSpace(r) == "" {
			blank++
		}
	}
	if blank > len(tl.rows)/2 {
		t.Errorf("%d of %d timeline rows are blank:\n%s", blank, len(tl.rows), scr)
	}
	if pos, _, _, ok := status(scr); !ok || pos < 2 {
		t.Errorf("status bar position %d, want the summit's", pos)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// editedDataset is wideDataset with e2's title changed and an event added
// before every other.
func editedDataset() string {
	d := strings.Replace(wideDataset, "title: 中国代表团访问平壤并举行了会谈", "title: EDITED 中国代表团访问平壤并举行了会谈", 1)
	return strings.Replace(d, "events:\n", "events:\n  - id: e0\n    date: 1999\n    title: Added earlier\n    actors: [yoon]\n", 1)
}

// TestE2EReload edits the file, then reloads with r, and with --watch by
// itself: the new text shows and the selection stays on the same event.
func TestE2EReload(t *testing.T) {
	t.Parallel()
	for _, watch := range []bool{false, true} {
		name := "r"
		args := []string{"wide.yaml"}
		if watch {
			name, args = "watch", append(args, "--watch")
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			file := filepath.Join(dir, "wide.yaml")
			if err := os.WriteFile(file, []byte(wideDataset), 0o600); err != nil {
				t.Fatal(err)
			}
			s := startE2E(t, e2eOptions{args: args, dir: dir})
			s.waitFor("#1 · 3 of 3 events", e2eWait)
			s.keys("j")
			s.waitFor("event id: e2", e2eWait)
			if err := os.WriteFile(file, []byte(editedDataset()), 0o600); err != nil {
				t.Fatal(err)
			}
			if !watch {
				time.Sleep(50 * time.Millisecond)
				s.keys("r")
			}
			scr := s.waitFor("reloaded: 4 events", e2eWait)
			if !strings.Contains(scr, "#3 · 4 of 4 events") || !strings.Contains(scr, "event id: e2") ||
				!strings.Contains(scr, "EDITED") || !strings.Contains(scr, "Added earlier") {
				t.Errorf("after the reload the selection should stay on e2, with the edits shown:\n%s", scr)
			}
			// A broken file keeps the last good version on screen.
			if err := os.WriteFile(file, []byte("dateline: 1\nevents: [\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			if !watch {
				s.keys("r")
			}
			scr = s.waitFor("reload failed", e2eWait)
			if !strings.Contains(scr, "#3 · 4 of 4 events") {
				t.Errorf("a failed reload should keep the dataset:\n%s", scr)
			}
			if code := s.quitAndWait(); code != 0 {
				t.Errorf("exit code %d", code)
			}
			s.checkRestored()
		})
	}
}

// TestE2EExport exports the shown events, refuses to replace the file,
// then replaces it with a trailing "!".
func TestE2EExport(t *testing.T) {
	t.Parallel()
	bar, n := embeddedStatus(t)
	dir := t.TempDir()
	s := startE2E(t, e2eOptions{dir: dir})
	s.waitFor(bar(1), e2eWait)
	s.keys("e")
	s.waitFor("export to:", e2eWait)
	s.text("out.md")
	s.keys("Enter")
	s.waitFor("exported "+strconv.Itoa(n)+" events as markdown to out.md", e2eWait)
	b, err := os.ReadFile(filepath.Join(dir, "out.md"))
	if err != nil || !strings.Contains(string(b), "UN sanctions on North Korea") {
		t.Fatalf("out.md (%v):\n%s", err, b)
	}
	s.keys("e")
	s.waitFor("export to: out.md", e2eWait)
	s.keys("Enter")
	s.waitFor("out.md exists", e2eWait)
	s.text(" json!")
	s.keys("Enter")
	s.waitFor("exported "+strconv.Itoa(n)+" events as json to out.md", e2eWait)
	if b, err := os.ReadFile(filepath.Join(dir, "out.md")); err != nil || !strings.HasPrefix(string(b), "{") {
		t.Errorf("out.md was not replaced with JSON (%v):\n%.200s", err, b)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// errorf is fmt.Errorf for poll checks.
func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
