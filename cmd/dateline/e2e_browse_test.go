package main_test

// End-to-end tests: the built dateline binary in a real terminal (tmux),
// driven by keys and mouse reports, checked on the captured screen and on
// the terminal modes it leaves behind. Run them alone with
// `go test -run E2E ./cmd/dateline/`; they skip under -short and, outside
// CI, when tmux is missing. The harness is in e2e_harness_test.go.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dateline/data"
)

// detailAtTop is the detail pane's footer when it overflows and shows its top.
const detailAtTop = "top ↓"

// embeddedStatus returns a function giving the status bar for position p
// of the embedded dataset, unfiltered.
func embeddedStatus(t *testing.T) (bar func(p int) string, n int) {
	t.Helper()
	l := data.Embedded()
	if l.Timeline == nil || l.Timeline.Len() < 3 {
		t.Fatalf("the embedded dataset needs at least 3 events for this test: %v", l.Err())
	}
	n = l.Timeline.Len()
	return func(p int) string { return fmt.Sprintf("#%d · %d of %d events", p, n, n) }, n
}

// fullHelpSentinel is text that only the full help shows: the help of the
// force-quit binding (ctrl+c), which is not in the short help.
const fullHelpSentinel = "quit anywhere"

// The smallest terminal dateline draws its main screen in; below it, it
// says the terminal is too small.
const (
	minWidth  = 60
	minHeight = 12
)

// tooSmallText is the message of the too-small screen for w×h.
func tooSmallText(w, h int) string {
	return fmt.Sprintf("terminal too small: %d×%d (need %d×%d)", w, h, minWidth, minHeight)
}

// TestE2EKeyboardFlow reads the embedded dataset by keyboard: moving,
// focus, scrolling the detail, help, resizing below the minimum and back,
// and quitting to a restored terminal.
func TestE2EKeyboardFlow(t *testing.T) {
	t.Parallel()
	bar, n := embeddedStatus(t)
	s := startE2E(t, e2eOptions{})
	scr := s.waitFor(bar(1), e2eWait)
	if st := s.state(); !st.altScreen || st.mouse {
		t.Errorf("while running: alternate screen %v (want on), mouse %v (want off by default)",
			st.altScreen, st.mouse)
	}
	if !s.mustPane(scr, "Timeline").focused || s.mustPane(scr, "Detail").focused {
		t.Errorf("at start the timeline should have focus:\n%s", scr)
	}
	// The terminal gets truecolor styling, the selection a background.
	if a := s.screenANSI(); !strings.Contains(a, "\x1b[38;2;") || !strings.Contains(a, "\x1b[48;2;") {
		t.Errorf("no truecolor foreground and background in the capture:\n%q", a)
	}

	s.keys("j")
	s.waitFor(bar(2), e2eWait)
	s.keys("G")
	s.waitFor(bar(n), e2eWait)
	s.keys("g")
	scr = s.waitFor(bar(1), e2eWait)

	// Walk to the first event whose detail is longer than its pane.
	p := 1
	for !strings.Contains(s.mustPane(scr, "Detail").bottom, detailAtTop) {
		if p == n {
			t.Fatalf("no event's detail overflows its pane at %d×%d; the test needs one", s.w, s.h)
		}
		p++
		s.keys("j")
		scr = s.waitFor(bar(p), e2eWait)
	}

	s.keys("Tab")
	scr = s.waitUntil("the detail pane to take focus", e2eWait, func(scr string) bool {
		d, ok := findPane(scr, "Detail")
		return ok && d.focused
	})
	if s.mustPane(scr, "Timeline").focused {
		t.Errorf("after tab both panes look focused:\n%s", scr)
	}
	top := s.mustPane(scr, "Detail")

	// j scrolls the focused detail one line, k one line back; the
	// selection stays where it was.
	s.keys("j")
	scr = s.waitUntil("the detail to scroll", e2eWait, func(scr string) bool {
		d, ok := findPane(scr, "Detail")
		return ok && !strings.Contains(d.bottom, detailAtTop)
	})
	checkScrolled(t, top.rows, s.mustPane(scr, "Detail").rows, 1)
	if !strings.Contains(scr, bar(p)) {
		t.Errorf("scrolling the detail moved the selection; want %q:\n%s", bar(p), scr)
	}
	down := s.mustPane(scr, "Detail")
	s.keys("k")
	scr = s.waitUntil("the detail to scroll back", e2eWait, func(scr string) bool {
		d, ok := findPane(scr, "Detail")
		return ok && strings.Contains(d.bottom, detailAtTop)
	})
	checkScrolled(t, s.mustPane(scr, "Detail").rows, down.rows, 1)

	s.keys("C-d")
	scr = s.waitUntil("ctrl+d to scroll the detail", e2eWait, func(scr string) bool {
		d, ok := findPane(scr, "Detail")
		return ok && !strings.Contains(d.bottom, detailAtTop)
	})
	if d := s.mustPane(scr, "Detail"); len(d.rows) != len(top.rows) || d.rows[0] == top.rows[0] {
		t.Errorf("ctrl+d did not move the detail's content:\n%s", scr)
	}

	s.keys("BTab")
	s.waitUntil("the timeline to take focus back", e2eWait, func(scr string) bool {
		tl, ok := findPane(scr, "Timeline")
		return ok && tl.focused
	})
	next := p + 1
	if p == n {
		next = p - 1
		s.keys("k")
	} else {
		s.keys("j")
	}
	s.waitFor(bar(next), e2eWait)

	help := fullHelpSentinel
	s.keys("?")
	s.waitFor(help, e2eWait)
	s.keys("Escape")
	s.waitGone(help, e2eWait)

	s.resize(50, 10)
	s.waitFor(tooSmallText(50, 10), e2eWait)
	s.resize(120, 40)
	s.waitFor(bar(next), e2eWait)

	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
	s.checkRestored()
}

// checkScrolled fails unless after is before scrolled down by k rows.
func checkScrolled(t *testing.T, before, after []string, k int) {
	t.Helper()
	if len(before) != len(after) || len(before) <= k {
		t.Fatalf("pane changed height: %d rows, then %d", len(before), len(after))
	}
	for i := 0; i+k < len(before); i++ {
		if after[i] != before[i+k] {
			t.Fatalf("not scrolled by %d: row %d is %q, want %q (row %d before)",
				k, i, after[i], before[i+k], i+k)
		}
	}
}

// TestE2EMouse checks --mouse: the wheel over the timeline moves the
// selection, a click selects a row and focuses the timeline, and quitting
// turns mouse reporting off again.
func TestE2EMouse(t *testing.T) {
	t.Parallel()
	bar, _ := embeddedStatus(t)
	s := startE2E(t, e2eOptions{args: []string{"--mouse"}})
	scr := s.waitFor(bar(1), e2eWait)
	if !s.state().mouse {
		t.Fatal("--mouse did not turn on mouse reporting")
	}
	tl := s.mustPane(scr, "Timeline")
	x, y := tl.x+10, tl.y+3
	s.text(sgrMouse(mouseWheelDown, x, y, true))
	s.waitFor(bar(2), e2eWait)
	s.text(sgrMouse(mouseWheelDown, x, y, true))
	s.waitFor(bar(3), e2eWait)
	s.text(sgrMouse(mouseWheelUp, x, y, true))
	s.waitFor(bar(2), e2eWait)

	// Click the second event row under the selection, from the detail.
	s.keys("Tab")
	scr = s.waitUntil("the detail pane to take focus", e2eWait, func(scr string) bool {
		d, ok := findPane(scr, "Detail")
		return ok && d.focused
	})
	pos, _, _, ok := status(scr)
	if !ok {
		t.Fatalf("no status bar:\n%s", scr)
	}
	tl = s.mustPane(scr, "Timeline")
	row, events := -1, 0
	for i, r := range tl.rows {
		switch kind := timelineRowKind(r); {
		case kind == "selected":
			row = i
		case kind == "event" && row >= 0:
			events++
		}
		if events == 2 {
			s.text(sgrMouse(mouseLeft, tl.x+5, tl.y+1+i, true))
			s.text(sgrMouse(mouseLeft, tl.x+5, tl.y+1+i, false))
			break
		}
	}
	if events != 2 {
		t.Fatalf("fewer than two event rows under the selection:\n%s", scr)
	}
	scr = s.waitFor(bar(pos+2), e2eWait)
	if !s.mustPane(scr, "Timeline").focused {
		t.Errorf("a click on the timeline did not focus it:\n%s", scr)
	}

	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
	s.checkRestored()
}

// brokenDataset has one error: an impossible date.
const brokenDataset = `dateline: 1
title: Broken
sources:
  - id: s
    title: A source
    text: "hello world"
events:
  - id: e1
    date: 2024-13-45
    title: An impossible date
    citations:
      - source: s
        quote: "hello"
`

// TestE2ELoadError opens a dataset with an error: the screen names its
// file, line and column; q exits 1 and leaves the problem on the screen.
func TestE2ELoadError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const name = "broken.yaml"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(brokenDataset), 0o600); err != nil {
		t.Fatal(err)
	}
	line, col := position(t, brokenDataset, "2024-13-45")
	where := fmt.Sprintf("%s:%d:%d: error:", name, line, col)

	s := startE2E(t, e2eOptions{args: []string{name}, dir: dir})
	scr := s.waitFor(where, e2eWait)
	if !strings.Contains(scr, "cannot load") {
		t.Errorf("the load error screen does not say %q:\n%s", "cannot load", scr)
	}
	if !s.state().altScreen {
		t.Error("the load error is not shown in the alternate screen")
	}
	if code := s.quitAndWait(); code != 1 {
		t.Errorf("exit status %d after q on a broken dataset, want 1", code)
	}
	s.checkRestored()
	// Back on the main screen, the problem stays visible.
	if scr := s.screen(); !strings.Contains(scr, where) {
		t.Errorf("after exit the screen does not show %q:\n%s", where, scr)
	}
}

// position is the 1-based line and column (in bytes) of the first
// occurrence of what in text.
func position(t *testing.T, text, what string) (line, col int) {
	t.Helper()
	i := strings.Index(text, what)
	if i < 0 {
		t.Fatalf("%q not in the text", what)
	}
	before := text[:i]
	return strings.Count(before, "\n") + 1, i - strings.LastIndex(before, "\n")
}

// wideDataset has Korean, Chinese and emoji in titles, actors and quotes,
// long enough to be cut at a wide character in every pane.
const wideDataset = `dateline: 1
title: 한국어 中文 🚗 widths
sources:
  - id: s
    title: 서울 신문 · 北京日报 🔎
    text: |
      윤석열 대통령은 워싱턴을 방문했다. 中国代表团访问了平壤并举行了会谈。 The car 🚗 arrived.
actors:
  - id: yoon
    name: 윤석열
    kind: person
  - id: prc
    name: 中华人民共和国
    kind: state
events:
  - id: e1
    date: 2023-04-24
    title: 윤석열 대통령 워싱턴 방문 및 정상회담 개최 한미동맹 칠십주년 기념 행사 참석
    actors: [yoon]
    citations:
      - source: s
        quote: 윤석열 대통령은 워싱턴을 방문했다.
  - id: e2
    date: 2023-07-27
    title: 中国代表团访问平壤并举行了会谈，双方讨论了经济合作与交流的问题以及其他事项
    actors: [prc]
    citations:
      - source: s
        quote: 中国代表团访问了平壤并举行了会谈。
  - id: e3
    date: 2024-02-20
    title: The car 🚗 arrived 🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗
    actors: [yoon, prc]
    citations:
      - source: s
        quote: The car 🚗 arrived.
`

// TestE2ELayout checks the layout invariant as the terminal draws it, on
// the embedded dataset and on one full of wide characters: at each size
// the screen is exactly the pane's height, no row is wider than the pane,
// and every pane row starts and ends with a border glyph in the first and
// last column, so nothing was mis-measured. Below the minimum the
// too-small message shows and q still quits.
func TestE2ELayout(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "wide.yaml"), []byte(wideDataset), 0o600); err != nil {
		t.Fatal(err)
	}
	sizes := [][2]int{{minWidth, minHeight}, {80, 24}, {200, 60}, {101, 33}}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"embedded", nil},
		{"wide", []string{"wide.yaml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := startE2E(t, e2eOptions{args: tc.args, dir: dir, width: sizes[0][0], height: sizes[0][1]})
			for i, sz := range sizes {
				if i > 0 {
					s.resize(sz[0], sz[1])
				}
				s.poll(s.screenCells, e2eWait, func(scr string) error {
					return layoutProblem(scr, sz[0], sz[1])
				})
			}
			w, h := minWidth-1, minHeight
			s.resize(w, h)
			s.waitFor(tooSmallText(w, h), e2eWait)
			if code := s.quitAndWait(); code != 0 {
				t.Errorf("exit status %d after q on the too-small screen, want 0", code)
			}
			s.checkRestored()
		})
	}
}

// layoutProblem describes how a screen captured with its trailing spaces
// breaks the layout of a w×h terminal, or returns nil: h rows, none wider
// than w, the panes' rows framed at columns 0 and w-1, then the status
// bar and the help line.
func layoutProblem(screen string, w, h int) error {
	rows := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
	if len(rows) != h {
		return fmt.Errorf("%d rows, want %d", len(rows), h)
	}
	for i, r := range rows {
		if rw := ansi.StringWidth(r); rw > w {
			return fmt.Errorf("row %d is %d cells wide, more than %d", i, rw, w)
		}
	}
	for i, r := range rows[:h-2] {
		first, last := ansi.Cut(r, 0, 1), ansi.Cut(r, w-1, w)
		if !strings.Contains("┏┃┗╭│╰", first) || first == "" ||
			!strings.Contains("┓┃┛╮│╯", last) || last == "" {
			return fmt.Errorf("row %d is not framed at columns 0 and %d: %q … %q", i, w-1, first, last)
		}
	}
	if !statusRE.MatchString(rows[h-2]) {
		return fmt.Errorf("row %d is not the status bar: %q", h-2, rows[h-2])
	}
	if strings.TrimSpace(rows[h-1]) == "" {
		return fmt.Errorf("the last row has no help")
	}
	return nil
}

// sgrMouse is an SGR (1006) mouse report at 0-based cell x, y; press false
// makes a button release.
func sgrMouse(button, x, y int, press bool) string {
	end := "M"
	if !press {
		end = "m"
	}
	return fmt.Sprintf("\x1b[<%d;%d;%d%s", button, x+1, y+1, end)
}

// SGR mouse button codes.
const (
	mouseLeft      = 0
	mouseWheelUp   = 64
	mouseWheelDown = 65
)

// timelineRowKind classifies an inner row of the timeline pane.
func timelineRowKind(row string) string {
	switch t := strings.TrimRight(row, " "); {
	case t == "":
		return "blank"
	case strings.HasPrefix(t, "▸"):
		return "selected"
	case strings.HasPrefix(t, "─"):
		return "year"
	case strings.HasPrefix(t, "  ┆"):
		return "gap"
	case strings.HasPrefix(t, "  "):
		return "event"
	}
	return "other"
}
