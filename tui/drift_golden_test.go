package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"dateline/data"
)

// TestDriftGolden pins the drift screens on the drift fixture, with the
// hand-set spans of driftLoaded: a re-anchored and an orphaned citation in
// the detail pane and in the source reader, at a roomy and a narrow size.
// Refresh with: go test ./tui/ -run TestDriftGolden -update
func TestDriftGolden(t *testing.T) {
	l := driftLoaded(t)
	// The status bar counts the validator's problems, which change when it
	// learns to detect drift; the screens pinned here are the drift marks.
	l.Problems = nil
	for _, tt := range []struct {
		name, event string
		w, h        int
		msgs        []tea.Msg
	}{
		{"100x30_reanchored", "budget", 100, 30, nil},
		{"100x30_orphaned", "harbour", 100, 30, nil},
		{"100x30_reanchored_source", "budget", 100, 30, []tea.Msg{keyOf(tea.KeyEnter)}},
		{"100x30_orphaned_source", "harbour", 100, 30, []tea.Msg{keyOf(tea.KeyEnter)}},
		{"60x16_orphaned_source", "harbour", 60, 16, []tea.Msg{keyOf(tea.KeyEnter)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := New(Config{Load: func() *data.Loaded { return l }, EventID: tt.event})
			m = drive(t, m, tea.WindowSizeMsg{Width: tt.w, Height: tt.h}, loadedMsg{loaded: l})
			m = drive(t, m, tt.msgs...)
			v := m.View()
			checkFrame(t, v, tt.w, tt.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}
