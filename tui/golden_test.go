package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"dateline/data"
)

// TestGolden pins the main screen at a stacked and a side-by-side size,
// with the car-gift event selected (citations, an unresolved one, wide
// text). Refresh with: go test ./tui/ -run TestGolden -update
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
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := New(Config{Load: func() *data.Loaded { return l }, EventID: "car-gift"})
			m = update(t, m, tea.WindowSizeMsg{Width: tt.w, Height: tt.h}, loadedMsg{l})
			m = update(t, m, tt.msgs...)
			v := m.View()
			checkFrame(t, v, tt.w, tt.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}
