package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"dateline/data"
)

// TestGolden pins the main screen at a stacked and a side-by-side size,
// with the car-gift event selected (citations, an unresolved one, wide
// text), and the exploring screens: the source reader (a resolved and an
// unresolved citation, the passage cursor on another passage, the list of
// citing events), the actor picker, a search and an empty filter result.
// Refresh with: go test ./tui/ -run TestGolden -update
func TestGolden(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	for _, tt := range []struct {
		name string
		w, h int
		msgs []tea.Msg
	}{
		{"80x24", 80, 24, nil},
		{"120x40", 120, 40, nil},
		{"120x40_detail_focused_help", 120, 40, []tea.Msg{keyOf(tea.KeyTab), runes("jj?")}},
		{"100x30_source", 100, 30, []tea.Msg{keyOf(tea.KeyEnter)}},
		{"80x24_source_unresolved", 80, 24, []tea.Msg{keyOf(tea.KeyEnter), runes("]")}},
		{"80x24_source_passage_cursor", 80, 24, []tea.Msg{keyOf(tea.KeyEnter), runes("}}")}},
		{"80x24_citing_events", 80, 24, []tea.Msg{keyOf(tea.KeyEnter), runes("}}"), keyOf(tea.KeyEnter)}},
		{"80x24_picker", 80, 24, []tea.Msg{runes("a")}},
		{"80x24_picker_narrowed", 80, 24, []tea.Msg{runes("a"), runes("kim"), keyOf(tea.KeyTab), keyOf(tea.KeyCtrlT)}},
		{"120x40_actor_and_search", 120, 40, []tea.Msg{runes("a"), runes("putin"), keyOf(tea.KeyEnter), runes("/kim")}},
		{"80x24_empty_filter", 80, 24, []tea.Msg{runes("a"), runes("xi"), keyOf(tea.KeyEnter), runes("t"), runes("2017"), keyOf(tea.KeyEnter)}},
		{"80x24_dates_invalid", 80, 24, []tea.Msg{runes("t"), runes("2024-02-30")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := New(Config{Load: func() *data.Loaded { return l }, EventID: "car-gift"})
			m = drive(t, m, tea.WindowSizeMsg{Width: tt.w, Height: tt.h}, loadedMsg{loaded: l})
			m = drive(t, m, tt.msgs...)
			v := m.View()
			checkFrame(t, v, tt.w, tt.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}
