package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"dateline/data"
)

// TestProgramFlow runs the model in a real Bubble Tea program: the load
// runs as a command, keys arrive through the input loop, q ends it.
func TestProgramFlow(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	tm := teatest.NewTestModel(t, New(Config{Load: func() *data.Loaded { return l }}),
		teatest.WithInitialTermSize(100, 30))
	waitFor := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("8 of 8 events")
	tm.Type("jj")
	waitFor("#3 · 8 of 8 events")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Type("G")
	tm.Send(tea.WindowSizeMsg{Width: 40, Height: 10})
	waitFor("terminal too small: 40×10")
	tm.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	waitFor("#3 · 8 of 8 events")
	tm.Type("q")
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*Model)
	if !ok {
		t.Fatal("final model is not a Model")
	}
	if fm.timeline.Cursor() != 2 || !fm.detail.Focused() || !fm.detail.vp.AtBottom() {
		t.Fatalf("final state: cursor %d, detail focused %v, at bottom %v",
			fm.timeline.Cursor(), fm.detail.Focused(), fm.detail.vp.AtBottom())
	}
	checkFrame(t, fm.View(), 100, 30)
}
