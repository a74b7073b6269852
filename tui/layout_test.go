package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dateline/data"
	"dateline/timeline"
)

// sizes spans 60×12 to 300×100 in steps, with odd sizes and the layout's
// thresholds included.
func sizes() [][2]int {
	ws := []int{60, 61, 79, 80, 99, 100, 101, 133, 299, 300}
	for w := 67; w < 300; w += 23 {
		ws = append(ws, w)
	}
	hs := []int{12, 13, 21, 24, 99, 100}
	for h := 15; h < 100; h += 13 {
		hs = append(hs, h)
	}
	var out [][2]int
	for _, w := range ws {
		for _, h := range hs {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

func TestLayoutInvariant(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	states := []struct {
		name string
		msgs []tea.Msg
	}{
		{"start", nil},
		{"last event", []tea.Msg{runes("G")}},
		{"wide row selected", []tea.Msg{runes("jjjjj")}},
		{"detail scrolled", []tea.Msg{runes("jjjj"), keyOf(tea.KeyTab), runes("G")}},
		{"full help", []tea.Msg{runes("jj?")}},
		{"picker open", []tea.Msg{runes("a"), runes("kim 윤석열 🚗 习近平 a long query that overflows the input line easily")}},
		{"picker narrowed", []tea.Msg{runes("a"), runes("u"), keyOf(tea.KeyTab), keyOf(tea.KeyDown)}},
		{"actor filter", []tea.Msg{runes("a"), runes("putin"), keyOf(tea.KeyEnter), runes("G")}},
		{"search input", []tea.Msg{runes("/"), runes("윤석열 kim 🚗 car gift sanctions and a long tail of words to overflow")}},
		{"search kept", []tea.Msg{runes("/kim"), keyOf(tea.KeyEnter), runes("n")}},
		{"search no match", []tea.Msg{runes("/zzz"), keyOf(tea.KeyEnter)}},
		{"dates input invalid", []tea.Msg{runes("t"), runes("2024-13-45/윤석열")}},
		{"dates applied", []tea.Msg{runes("t"), runes("2023/2024"), keyOf(tea.KeyEnter)}},
		{"empty filter result", []tea.Msg{runes("a"), runes("xi"), keyOf(tea.KeyEnter), runes("t"), runes("1984"), keyOf(tea.KeyEnter)}},
		{"source view", []tea.Msg{runes("jjjj"), keyOf(tea.KeyEnter)}},
		{"source view unresolved", []tea.Msg{runes("jjjj"), keyOf(tea.KeyEnter), runes("]")}},
		{"source view wide passage", []tea.Msg{runes("jjjjj"), keyOf(tea.KeyEnter), runes("}}{")}},
		{"citing events", []tea.Msg{runes("jjjjj"), keyOf(tea.KeyEnter), keyOf(tea.KeyEnter)}},
		{"source view help", []tea.Msg{runes("jjjj"), keyOf(tea.KeyEnter), runes("?")}},
	}
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			m := drive(t, readyDriven(t, l, 80, 24), st.msgs...)
			for _, sz := range sizes() {
				m = update(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				v := m.View()
				checkFrame(t, v, sz[0], sz[1])
				if !strings.Contains(v, " events") {
					t.Fatalf("%d×%d: no status bar:\n%s", sz[0], sz[1], v)
				}
			}
		})
	}
	// A model laid out first at each size (no resize history).
	for _, sz := range [][2]int{{60, 12}, {99, 30}, {100, 12}, {300, 100}} {
		checkFrame(t, readyModel(t, l, sz[0], sz[1]).View(), sz[0], sz[1])
	}
}

func TestLayoutInvariantBigTimeline(t *testing.T) {
	l := loadedFor(t, bigDataset(2000))
	m := readyModel(t, l, 80, 24)
	for i, sz := range sizes() {
		m = update(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}, runes("jjjjjjj"))
		if i%7 == 0 {
			m = update(t, m, keyOf(tea.KeyPgDown))
		}
		checkFrame(t, m.View(), sz[0], sz[1])
	}
}

func TestTooSmall(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {59, 12}, {60, 11}, {30, 5}, {5, 30}, {59, 100}, {300, 11}, {20, 1}} {
		w, h := sz[0], sz[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := update(t, readyModel(t, l, 80, 24), tea.WindowSizeMsg{Width: w, Height: h})
			v := m.View()
			checkFrame(t, v, w, h)
			if h == 0 || w == 0 {
				return
			}
			msg := fmt.Sprintf("terminal too small: %d×%d (need 60×12)", w, h)
			if first := strings.Split(v, "\n")[0]; first != ansi.Truncate(msg, w, "") {
				t.Fatalf("first line %q, want %q cut to %d", first, msg, w)
			}
			// Back to a usable size, the state is intact.
			m = update(t, m, runes("j"), tea.WindowSizeMsg{Width: 80, Height: 24})
			if m.timeline.Cursor() != 0 || !strings.Contains(m.View(), "#1 · 8 of 8 events") {
				t.Fatalf("after too small:\n%s", m.View())
			}
		})
	}
}

func TestComputeLayout(t *testing.T) {
	tests := []struct {
		w, h, help         int
		side, modal, strip bool
	}{
		{60, 12, 1, false, false, false},
		{60, 14, 1, false, false, false},
		{60, 16, 1, false, false, true},
		{99, 40, 1, false, false, true},
		{100, 40, 1, true, false, true},
		{100, 12, 1, true, false, true},
		{60, 12, 4, false, true, false},
		{80, 24, 4, false, false, true},
		{80, 14, 4, false, true, false},
		{300, 100, 4, true, false, true},
	}
	for _, tt := range tests {
		l := computeLayout(tt.w, tt.h, tt.help)
		if l.side != tt.side || l.helpModal != tt.modal || (l.strip == 1) != tt.strip {
			t.Errorf("%d×%d help %d: side %v modal %v strip %v, want %v %v %v", tt.w, tt.h, tt.help,
				l.side, l.helpModal, l.strip == 1, tt.side, tt.modal, tt.strip)
		}
		if got := l.main.h + 1 + l.helpLines; got != tt.h {
			t.Errorf("%d×%d: rows add up to %d", tt.w, tt.h, got)
		}
		if _, ih := inner(l.timeline); l.strip == 1 && ih-l.strip < minStripPane {
			t.Errorf("%d×%d: the strip leaves the timeline %d lines", tt.w, tt.h, ih-1)
		}
		if l.side && (l.timeline.w+l.detail.w != tt.w || l.timeline.h != l.main.h || l.detail.x != l.timeline.w) {
			t.Errorf("%d×%d: side by side %+v %+v", tt.w, tt.h, l.timeline, l.detail)
		}
		if !l.side && (l.timeline.h+l.detail.h != l.main.h || l.detail.y != l.timeline.h || l.timeline.h < 5 || l.detail.h < 5) {
			t.Errorf("%d×%d: stacked %+v %+v", tt.w, tt.h, l.timeline, l.detail)
		}
	}
}

func TestLayoutInvariantOtherScreens(t *testing.T) {
	empty := &timeline.Dataset{}
	failed := &data.Loaded{File: "bad 윤석열.yaml", Problems: []data.Problem{
		{File: "bad 윤석열.yaml", Line: 1, Col: 2, Severity: timeline.SeverityError, Message: strings.Repeat("习近平 🚗 problem ", 20)},
	}}
	screens := []struct {
		name  string
		model func() *Model
	}{
		{"loading", func() *Model { return New(Config{Load: func() *data.Loaded { return failed }}) }},
		{"failed", func() *Model { return readyModel(t, failed, 80, 24) }},
		{"failed with help", func() *Model { return update(t, readyModel(t, failed, 80, 24), runes("?")) }},
		{"empty", func() *Model { return readyModel(t, loadedFor(t, empty), 80, 24) }},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			m := sc.model()
			for _, sz := range sizes() {
				m = update(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkFrame(t, m.View(), sz[0], sz[1])
			}
		})
	}
}
