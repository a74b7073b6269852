// Command minimal is the floor dateline's first frame is compared with: a
// Bubble Tea program that draws one bordered lipgloss frame the size of the
// terminal, with a status line the bench waits for, and quits on q. The
// bench builds it and times it alternately with dateline:
//
//	go run ./cmd/dateline-bench -first-frame-only
package main

import (
	"fmt"
	"os"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

type model struct{ w, h int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyMsg:
		// Only q: a terminal's reply to a query can arrive as a key.
		if msg.String() == "q" || msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m model) View() string {
	if m.w < 4 || m.h < 4 {
		return ""
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).
		BorderForeground(lipgloss.AdaptiveColor{Light: "4", Dark: "12"}).
		Width(m.w - 2).Height(m.h - 3)
	return box.Render(strings.Repeat("hello world ", 300)) + "\n13 of 13 events"
}

func main() {
	if _, err := tea.NewProgram(model{}, tea.WithAltScreen()).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
