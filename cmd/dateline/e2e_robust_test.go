package main_test

// End-to-end robustness tests: every terminal size from 1×1 to
// 400×120 and a storm of resizes, wide and width-ambiguous characters,
// TERM=dumb, signals and a panic, each leaving the terminal restored.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TestE2ESizes resizes from 1×1 to 400×120, then storms 50 resizes with no
// pause and checks the final frame: the layout holds and the status bar is
// right.
func TestE2ESizes(t *testing.T) {
	t.Parallel()
	bar, n := embeddedStatus(t)
	s := startE2E(t, e2eOptions{})
	s.waitFor(bar(1), e2eWait)
	s.keys("j")
	s.waitFor(bar(2), e2eWait)
	for _, sz := range [][2]int{{1, 1}, {2, 2}, {20, 5}, {59, 11}} {
		w, h := sz[0], sz[1]
		s.resize(w, h)
		want := ansi.Truncate(tooSmallText(w, h), w, "")
		s.poll(s.screenCells, e2eWait, func(scr string) error {
			rows := strings.Split(strings.TrimSuffix(scr, "\n"), "\n")
			if len(rows) != h {
				return fmt.Errorf("%d rows, want %d", len(rows), h)
			}
			if rows[0] != want+strings.Repeat(" ", w-ansi.StringWidth(want)) {
				return fmt.Errorf("first row %q, want %q", rows[0], want)
			}
			return nil
		})
	}
	s.resize(400, 120)
	s.poll(s.screenCells, e2eWait, func(scr string) error { return layoutProblem(scr, 400, 120) })
	if _, _, _, ok := status(s.screen()); !ok {
		t.Errorf("no status bar at 400×120")
	}

	// The storm: sizes from a fixed sequence, including too-small ones,
	// sent as fast as tmux takes them.
	x := 7
	for range 50 {
		x = (x*1103515245 + 12345) & 0x7fffffff
		w, h := 1+x%250, 1+(x>>8)%90
		s.mustTmux("resize-window", "-t", e2eTarget, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h))
	}
	s.resize(120, 40)
	scr := s.poll(s.screenCells, e2eWait, func(scr string) error {
		if err := layoutProblem(scr, 120, 40); err != nil {
			return err
		}
		if !strings.Contains(scr, bar(2)) {
			return fmt.Errorf("status bar is not %q", bar(2))
		}
		return nil
	})
	if _, shown, total, _ := status(scr); shown != n || total != n {
		t.Errorf("after the storm: %d of %d events, want %d of %d", shown, total, n, n)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// ambiguousDataset has Korean, Chinese and the emoji terminals measure
// differently: VS16 (❤️, ✔️), ZWJ sequences (👩‍💻), skin tones (👍🏽),
// flags (🇰🇷) and a keycap (#️⃣), in titles, actors and sources.
const ambiguousDataset = `dateline: 1
title: 한국어 中文 ❤️ widths
sources:
  - id: s
    title: 서울 신문 ❤️ 北京日报 👩‍💻
    text: |
      윤석열 대통령은 ❤️ 워싱턴을 방문했다. 中国代表团 👍🏽 访问了平壤。 Flags 🇰🇷🇨🇳 and #️⃣ ✔️ done.
actors:
  - id: yoon
    name: 윤석열 ❤️
    kind: person
  - id: prc
    name: 中华人民共和国 🇨🇳
    kind: state
events:
  - id: e1
    date: 2023-04-24
    title: 윤석열 대통령 ❤️ 워싱턴 방문 👩‍💻 및 정상회담 개최 👍🏽 한미동맹 칠십주년 기념 행사 참석 ✔️✔️✔️✔️✔️✔️✔️✔️✔️✔️✔️✔️
    actors: [yoon]
    citations:
      - source: s
        quote: 윤석열 대통령은 ❤️ 워싱턴을 방문했다.
  - id: e2
    date: 2023-07-27
    title: 中国代表团访问平壤 🇰🇷🇨🇳 ❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️
    actors: [prc, yoon]
    citations:
      - source: s
        quote: 中国代表团 👍🏽 访问了平壤。
  - id: e3
    date: 2024-02-20
    title: "Keycap #️⃣ and 👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻"
    actors: [prc]
    citations:
      - source: s
        quote: "Flags 🇰🇷🇨🇳 and #️⃣ ✔️ done."
`

// TestE2EAmbiguousWidths checks the layout invariant as tmux draws text
// with width-ambiguous emoji, in the panes and in the source reader: the
// TUI drops VS16, ZWJ and skin-tone modifiers when it draws (see the tui
// package's widthAmbiguous), so tmux and lipgloss agree on every row's width.
func TestE2EAmbiguousWidths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "amb.yaml"), []byte(ambiguousDataset), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startE2E(t, e2eOptions{args: []string{"amb.yaml"}, dir: dir, width: 80, height: 24})
	s.waitFor("#1 · 3 of 3 events", e2eWait)
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {61, 13}, {97, 31}} {
		s.resize(sz[0], sz[1])
		for _, k := range []string{"g", "j", "j"} {
			s.keys(k)
			s.poll(s.screenCells, e2eWait, func(scr string) error { return layoutProblem(scr, sz[0], sz[1]) })
		}
	}
	scr := s.screen()
	if strings.ContainsRune(scr, 0xFE0F) || strings.ContainsRune(scr, 0x200D) || strings.ContainsRune(scr, 0x1F3FD) {
		t.Errorf("a width-ambiguous code point reached the screen:\n%s", scr)
	}
	if !strings.Contains(scr, "❤") || !strings.Contains(scr, "🇨🇳") {
		t.Errorf("the emoji's base characters and flags should be drawn:\n%s", scr)
	}
	// The reader draws the source text, cited passage highlighted.
	s.keys("Enter")
	// The detail pane quotes the same text: wait for the reader's title.
	s.waitFor("citation 1/1", e2eWait)
	scr = s.waitFor("Flags 🇰🇷🇨🇳 and #⃣ ✔ done.", e2eWait)
	for i, row := range strings.Split(strings.TrimSuffix(s.screenCells(), "\n"), "\n")[:s.h-2] {
		if last := ansi.Cut(row, s.w-1, s.w); !strings.Contains("┓┃┛", last) || last == "" {
			t.Errorf("reader row %d not framed at column %d: %q\n%s", i, s.w-1, row, scr)
		}
	}
	s.keys("q")
	s.waitFor("━ Timeline", e2eWait)
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// TestE2EDumbTerminal: with TERM=dumb dateline prints what `dateline list`
// prints and never enters the alternate screen.
func TestE2EDumbTerminal(t *testing.T) {
	t.Parallel()
	bin := datelineBinary(t)
	list, err := exec.Command(bin, "list").Output()
	if err != nil {
		t.Fatalf("dateline list: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(list)), "\n")
	if len(lines) < 3 {
		t.Fatalf("dateline list printed %d lines", len(lines))
	}
	s := startE2E(t, e2eOptions{env: []string{"TERM=dumb"}})
	if code := s.waitExit(e2eWait); code != 0 {
		t.Errorf("exit code %d", code)
	}
	scr := s.screen()
	for _, l := range lines[len(lines)-3:] { // the start scrolled away
		if !strings.Contains(scr, strings.TrimRight(l, " ")) {
			t.Errorf("TERM=dumb output lacks the list line %q:\n%s", l, scr)
		}
	}
	if strings.Contains(scr, "┏") || strings.Contains(scr, "? help") {
		t.Errorf("TERM=dumb drew the TUI:\n%s", scr)
	}
	s.checkRestored()
}

// panicHookEnv is the test-only hook of the tui package: set to "update",
// it makes the key ! panic inside Update.
const panicHookEnv = "DATELINE_TEST_PANIC"

// datelinePID is the pid of the dateline process in the pane: the child
// of the pane's shell.
func (s *e2eTerm) datelinePID() int {
	s.t.Helper()
	shell := strings.TrimSpace(s.mustTmux("display", "-p", "-t", e2eTarget, "#{pane_pid}"))
	b, err := os.ReadFile("/proc/" + shell + "/task/" + shell + "/children")
	if err != nil {
		s.t.Fatalf("children of the pane's shell: %v", err)
	}
	kids := strings.Fields(string(b))
	if len(kids) != 1 {
		s.t.Fatalf("the pane's shell has children %q, want dateline alone", kids)
	}
	pid, err := strconv.Atoi(kids[0])
	if err != nil {
		s.t.Fatal(err)
	}
	return pid
}

// TestE2ESignalsAndPanic: SIGINT, SIGTERM and SIGHUP sent to dateline,
// and a panic in Update (provoked through the test-only hook), end it with
// the terminal restored; a signal exits with 128+signal, a panic with 1.
func TestE2ESignalsAndPanic(t *testing.T) {
	t.Parallel()
	bar, _ := embeddedStatus(t)
	for _, tc := range []struct {
		name string
		sig  syscall.Signal // 0: the panic hook instead
		code int
	}{
		{"SIGINT", syscall.SIGINT, 130},
		{"SIGTERM", syscall.SIGTERM, 143},
		{"SIGHUP", syscall.SIGHUP, 129},
		{"panic", 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			o := e2eOptions{args: []string{"--mouse"}}
			if tc.sig == 0 {
				o.env = []string{panicHookEnv + "=update"}
			}
			s := startE2E(t, o)
			s.waitFor(bar(1), e2eWait)
			s.keys("?") // the full help, so there is something to clear
			s.waitFor(fullHelpSentinel, e2eWait)
			if st := s.state(); !st.altScreen || !st.mouse {
				t.Fatalf("while running: alternate screen %v, mouse %v; want both on", st.altScreen, st.mouse)
			}
			start := time.Now()
			if tc.sig == 0 {
				s.keys("!")
			} else if err := syscall.Kill(s.datelinePID(), tc.sig); err != nil {
				t.Fatal(err)
			}
			if code := s.waitExit(e2eWait); code != tc.code {
				t.Errorf("exit code %d, want %d", code, tc.code)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v to exit", d)
			}
			s.checkRestored()
		})
	}
}
