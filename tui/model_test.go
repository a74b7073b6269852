package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// quits reports whether cmd (possibly a batch) asks the program to quit.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

func TestLoadingThenReady(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	m := New(Config{Load: func() *data.Loaded { return l }})
	m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	// A load that ends within a spinner frame never shows the loading
	// screen: the spinner's first tick comes at once, the second a frame
	// later.
	m = update(t, m, spinner.TickMsg{})
	if v := m.View(); strings.TrimSpace(v) != "" {
		t.Fatalf("a screen before the spinner's second tick:\n%s", v)
	}
	checkFrame(t, m.View(), 80, 24)
	m = update(t, m, spinner.TickMsg{})
	if !strings.Contains(m.View(), "Loading events") {
		t.Fatalf("no loading screen at the spinner's second tick:\n%s", m.View())
	}
	checkFrame(t, m.View(), 80, 24)
	// Init's batch holds the load command; run it as Bubble Tea would.
	batch, ok := m.Init()().(tea.BatchMsg)
	if !ok {
		t.Fatal("Init does not batch the spinner and the load")
	}
	for _, c := range batch {
		if msg, ok := c().(loadedMsg); ok {
			m = update(t, m, msg)
		}
	}
	if m.state != stateReady {
		t.Fatalf("state %d after load", m.state)
	}
	if got := statusOf(t, m); got != "#1 · 8 of 8 events · 1 citation error · 2 warnings" {
		t.Fatalf("status %q", got)
	}
}

func TestQuitKeys(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	tests := []struct {
		name string
		w, h int
		msg  tea.KeyMsg
		quit bool
	}{
		{"q", 80, 24, runes("q"), true},
		{"ctrl+c", 80, 24, keyOf(tea.KeyCtrlC), true},
		{"q in a burst", 80, 24, runes("jq"), true},
		{"esc at top level", 80, 24, keyOf(tea.KeyEsc), false},
		{"j", 80, 24, runes("j"), false},
		{"q when too small", 30, 5, runes("q"), true},
		{"ctrl+c when too small", 30, 5, keyOf(tea.KeyCtrlC), true},
		{"j when too small", 30, 5, runes("j"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := readyModel(t, l, tt.w, tt.h)
			_, cmd := m.Update(tt.msg)
			if quits(cmd) != tt.quit {
				t.Fatalf("quit = %v, want %v", !tt.quit, tt.quit)
			}
		})
	}
	// q and ctrl+c work while loading, too.
	m := update(t, New(Config{Load: func() *data.Loaded { return l }}), tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range []tea.KeyMsg{runes("q"), keyOf(tea.KeyCtrlC)} {
		if _, cmd := m.Update(k); !quits(cmd) {
			t.Errorf("%s does not quit while loading", k)
		}
	}
}

func TestKeyBursts(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	tests := []struct {
		name string
		msgs []tea.Msg
		want int
	}{
		{"jj moves two", []tea.Msg{runes("jj")}, 2},
		{"jjj moves three", []tea.Msg{runes("jjj")}, 3},
		{"jjk nets one", []tea.Msg{runes("jjk")}, 1},
		{"Gk", []tea.Msg{runes("Gk")}, 6},
		{"pasted jj is not keys", []tea.Msg{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj"), Paste: true}}, 0},
		{"separate j j", []tea.Msg{runes("j"), runes("j")}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := update(t, readyModel(t, l, 100, 30), tt.msgs...)
			if m.timeline.Cursor() != tt.want {
				t.Fatalf("cursor %d, want %d", m.timeline.Cursor(), tt.want)
			}
			if want := "#" + itoa(tt.want+1) + " · 8 of 8 events"; !strings.HasPrefix(statusOf(t, m), want) {
				t.Fatalf("status %q, want prefix %q", statusOf(t, m), want)
			}
			sel, _ := m.timeline.Selected()
			if !m.detail.has || m.detail.event != sel {
				t.Fatalf("detail shows %d, selection is %d", m.detail.event, sel)
			}
		})
	}
}

func TestFocusMovesKeys(t *testing.T) {
	m := readyModel(t, loadedFor(t, sampleDataset()), 80, 24)
	m = update(t, m, runes("jjjj")) // car-gift: a long detail
	if !m.timeline.Focused() || m.detail.Focused() {
		t.Fatal("timeline not focused at start")
	}
	m = update(t, m, keyOf(tea.KeyTab), runes("jj"))
	if !m.detail.Focused() || m.timeline.Focused() {
		t.Fatal("tab did not focus the detail pane")
	}
	if m.timeline.Cursor() != 4 || m.detail.vp.YOffset != 2 {
		t.Fatalf("after tab, jj: cursor %d (want 4), detail offset %d (want 2)", m.timeline.Cursor(), m.detail.vp.YOffset)
	}
	if !strings.Contains(m.View(), "┏━ Detail") || !strings.Contains(m.View(), "╭─ Timeline") {
		t.Fatalf("focus not shown by the frames:\n%s", m.View())
	}
	m = update(t, m, keyOf(tea.KeyShiftTab), runes("j"))
	if !m.timeline.Focused() || m.timeline.Cursor() != 5 {
		t.Fatalf("shift+tab: timeline focused %v, cursor %d", m.timeline.Focused(), m.timeline.Cursor())
	}
	if m.detail.vp.YOffset != 0 {
		t.Fatal("a new selection kept the old detail scroll")
	}
	m = update(t, m, keyOf(tea.KeyTab), keyOf(tea.KeyTab))
	if !m.timeline.Focused() {
		t.Fatal("tab does not cycle")
	}
}

func TestHelpToggle(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 12}, {200, 60}} {
		for _, mode := range []string{"timeline", "searching", "source"} {
			w, h := size[0], size[1]
			m := readyDriven(t, loadedFor(t, sampleDataset()), w, h)
			switch mode {
			case "searching":
				m = drive(t, m, runes("/kim"), keyOf(tea.KeyEnter))
			case "source":
				m = drive(t, m, runes("jjjj"), keyOf(tea.KeyEnter))
			}
			full := "½ page down"
			if strings.Contains(m.View(), full) {
				t.Fatalf("%d×%d %s: full help shown at start", w, h, mode)
			}
			steps := []struct {
				msg  tea.KeyMsg
				open bool
			}{
				{runes("?"), true}, {keyOf(tea.KeyEsc), false}, {runes("?"), true}, {runes("?"), false},
				{runes("?"), true}, {runes("q"), false},
			}
			for _, s := range steps {
				var cmd tea.Cmd
				var next tea.Model
				next, cmd = m.Update(s.msg)
				m = next.(*Model)
				if quits(cmd) {
					t.Fatalf("%d×%d %s: %s quit with the help open", w, h, mode, s.msg)
				}
				if m.help.full != s.open || strings.Contains(m.View(), full) != s.open {
					t.Fatalf("%d×%d %s: after %s help open=%v, want %v:\n%s", w, h, mode, s.msg, m.help.full, s.open, m.View())
				}
				if mode == "source" && m.over != overReader {
					t.Fatalf("%d×%d: %s left the source view", w, h, s.msg)
				}
				checkFrame(t, m.View(), w, h)
				if s.open {
					checkFullHelp(t, m, w, h)
				}
			}
		}
	}
}

// checkFullHelp fails unless every enabled binding of the full help can be
// read, scrolling (j) when the help stands in for the panes and is taller.
func checkFullHelp(t *testing.T, m *Model, w, h int) {
	t.Helper()
	seen := m.View()
	for range 20 {
		m = update(t, m, runes("j"))
		seen += m.View()
	}
	if !m.help.full {
		t.Fatal("j closed the help")
	}
	for _, col := range m.keys.FullHelp() {
		for _, b := range col {
			if b.Enabled() && !strings.Contains(seen, b.Help().Key+" ") {
				t.Fatalf("%d×%d: full help lacks %q:\n%s", w, h, b.Help().Key, seen)
			}
		}
	}
}

func TestEmptyDataset(t *testing.T) {
	ds := &timeline.Dataset{Title: "nothing"}
	l := &data.Loaded{File: "empty.yaml", Dataset: ds, Timeline: mustTimeline(t, ds)}
	m := readyModel(t, l, 80, 24)
	v := m.View()
	checkFrame(t, v, 80, 24)
	for _, want := range []string{"This dataset has no events.", "empty.yaml", "0 of 0 events"} {
		if !strings.Contains(v, want) {
			t.Errorf("empty view lacks %q:\n%s", want, v)
		}
	}
	m = update(t, m, runes("jjG"), keyOf(tea.KeyTab)) // nothing to move; must not panic
	checkFrame(t, m.View(), 80, 24)
}

func TestLoadErrorView(t *testing.T) {
	l := &data.Loaded{File: "bad.yaml", Problems: []data.Problem{
		{File: "bad.yaml", Line: 3, Col: 7, Severity: timeline.SeverityError, Message: "events[0].date: invalid EDTF date \"2024-13\""},
		{File: "bad.yaml", Line: 9, Col: 1, Severity: timeline.SeverityWarning, Message: "event has no citations"},
		{File: "bad.yaml", Line: 12, Col: 5, Severity: timeline.SeverityError, Message: "unknown actor \"putn\"; 윤석열 😀 " + strings.Repeat("long ", 30)},
	}}
	m := readyModel(t, l, 80, 24)
	v := m.View()
	checkFrame(t, v, 80, 24)
	for _, want := range []string{"cannot load bad.yaml", "bad.yaml:3:7: error: events[0].date", "bad.yaml:9:1: warning:",
		"bad.yaml:12:5: error: unknown actor", "cannot load · 2 errors", "2 errors"} {
		if !strings.Contains(v, want) {
			t.Errorf("error view lacks %q:\n%s", want, v)
		}
	}
	for _, size := range [][2]int{{60, 12}, {61, 13}, {150, 50}} {
		m = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]}, runes("jjG"))
		checkFrame(t, m.View(), size[0], size[1])
	}
	if _, cmd := m.Update(runes("q")); !quits(cmd) {
		t.Fatal("q does not quit the error screen")
	}
}

func TestNilLoadIsAnError(t *testing.T) {
	m := readyModel(t, nil, 80, 24)
	if m.state != stateFailed || !strings.Contains(m.View(), "cannot load") {
		t.Fatalf("nil load not reported:\n%s", m.View())
	}
}

func TestEventIDSelectsAtStart(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	for _, tt := range []struct {
		id   string
		want int
	}{{"yoon", 5}, {"", 0}, {"no-such-event", 0}} {
		m := New(Config{Load: func() *data.Loaded { return l }, EventID: tt.id})
		m = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, loadedMsg{loaded: l})
		if m.timeline.Cursor() != tt.want {
			t.Errorf("EventID %q: cursor %d, want %d", tt.id, m.timeline.Cursor(), tt.want)
		}
		unknown := strings.Contains(statusOf(t, m), `no event has that id`)
		if unknown != (tt.id == "no-such-event") {
			t.Errorf("EventID %q: status %q", tt.id, statusOf(t, m))
		}
	}
}

func TestMouse(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	newM := func(mouse bool) *Model {
		m := New(Config{Load: func() *data.Loaded { return l }, Mouse: mouse})
		return update(t, m, tea.WindowSizeMsg{Width: 120, Height: 16}, loadedMsg{loaded: l})
	}
	press := func(x, y int, b tea.MouseButton) tea.MouseMsg {
		return tea.MouseMsg{X: x, Y: y, Button: b, Action: tea.MouseActionPress}
	}
	m := newM(true)
	tlX, dX := m.lay.timeline.x+3, m.lay.detail.x+3
	m = update(t, m, press(tlX, 5, tea.MouseButtonWheelDown), press(tlX, 5, tea.MouseButtonWheelDown))
	if m.timeline.Cursor() != 2 {
		t.Fatalf("wheel over the timeline: cursor %d, want 2", m.timeline.Cursor())
	}
	m = update(t, m, press(tlX, 5, tea.MouseButtonWheelUp))
	if m.timeline.Cursor() != 1 {
		t.Fatalf("wheel up: cursor %d, want 1", m.timeline.Cursor())
	}
	m = update(t, m, runes("jjj")) // car-gift has a long detail
	m = update(t, m, press(dX, 5, tea.MouseButtonWheelDown))
	if m.detail.vp.YOffset != 3 || m.timeline.Cursor() != 4 {
		t.Fatalf("wheel over the detail: offset %d, cursor %d", m.detail.vp.YOffset, m.timeline.Cursor())
	}
	// Click the row of the "yoon" event: find its line in the plan.
	want := eventIndex(t, m.tl, "yoon")
	for y, pl := range m.timeline.plan() {
		if pl.kind == lineEvent && m.timeline.idx[pl.pos] == want {
			m = update(t, m, press(tlX, m.lay.timeline.y+1+m.lay.strip+y, tea.MouseButtonLeft))
		}
	}
	if sel, _ := m.timeline.Selected(); sel != want {
		t.Fatalf("click selected %d, want %d", sel, want)
	}
	m = update(t, m, press(dX, 3, tea.MouseButtonLeft))
	if !m.detail.Focused() {
		t.Fatal("click on the detail pane does not focus it")
	}

	off := update(t, newM(false), press(tlX, 5, tea.MouseButtonWheelDown))
	if off.timeline.Cursor() != 0 {
		t.Fatal("the mouse acts although Config.Mouse is off")
	}
}
