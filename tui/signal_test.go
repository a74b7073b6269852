package tui

import (
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// idleModel does nothing until the program quits.
type idleModel struct{}

func (idleModel) Init() tea.Cmd                       { return nil }
func (idleModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return idleModel{}, nil }
func (idleModel) View() string                        { return "" }

// TestQuitOnSignals sends this process SIGHUP, which Bubble Tea v1 does not
// handle: the program quits through its event loop and the signal is
// reported, for an exit code of 129.
func TestQuitOnSignals(t *testing.T) {
	p := tea.NewProgram(idleModel{}, tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignalHandler())
	stop, caught := quitOnSignals(p)
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		p.Kill()
		t.Fatal("SIGHUP did not quit the program")
	}
	stop()
	if s := caught(); s != syscall.SIGHUP {
		t.Fatalf("caught %v, want SIGHUP", s)
	}
	for sig, code := range map[syscall.Signal]int{syscall.SIGHUP: 129, syscall.SIGINT: 130, syscall.SIGTERM: 143} {
		if got := (&SignalError{Signal: sig}).ExitCode(); got != code {
			t.Errorf("%v: exit code %d, want %d", sig, got, code)
		}
	}
}
