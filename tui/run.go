package tui

import (
	"errors"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"dateline/data"
)

// Config is everything the program needs from the command line.
type Config struct {
	// Load reads the dataset. It runs in a tea.Cmd at start (and later on
	// reload) and must never be nil nor return nil.
	Load func() *data.Loaded
	// Mouse turns on mouse reporting (--mouse): the wheel scrolls the pane
	// under the pointer and a click selects a row. Off by default so that
	// the terminal's own text selection keeps working.
	Mouse bool
	// Theme is "" (ask the terminal), "light" or "dark".
	Theme string
	// Color is "auto" (or ""), "always" or "never".
	Color string
	// EventID, when set, selects that event at start.
	EventID string
}

// ErrLoad is wrapped by the error Run returns when the user quit from the
// screen that lists the dataset's load problems.
var ErrLoad = errors.New("dataset not loaded")

// Run configures the terminal styling and runs the program in the
// alternate screen until the user quits. Bubble Tea restores the terminal
// on quit, on error and on a panic in Update, View or a command.
func Run(cfg Config) error {
	if cfg.Load == nil {
		return errors.New("tui: Config.Load is nil")
	}
	if err := configureStyling(cfg); err != nil {
		return err
	}
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if cfg.Mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	final, err := tea.NewProgram(New(cfg), opts...).Run()
	if err != nil {
		return fmt.Errorf("tui: %w", err)
	}
	if m, ok := final.(Model); ok && m.state == stateFailed {
		return fmt.Errorf("%w: %w", ErrLoad, m.loaded.Err())
	}
	return nil
}

// configureStyling sets lipgloss's colour profile and background before
// the program owns the terminal: a background query after that can hang.
func configureStyling(cfg Config) error {
	// Count ambiguous-width runes (─, ·, ▸) as one cell, as lipgloss does,
	// whatever the locale, so bubbles components measure like we do.
	// A fresh Condition drops any lookup table built for a CJK locale.
	runewidth.EastAsianWidth = false
	runewidth.DefaultCondition = runewidth.NewCondition()
	switch cfg.Color {
	case "", "auto":
		// lipgloss's default: the terminal's profile, Ascii under NO_COLOR.
	case "never":
		lipgloss.SetColorProfile(termenv.Ascii)
	case "always":
		p := termenv.NewOutput(os.Stdout, termenv.WithTTY(true)).ColorProfile()
		if p == termenv.Ascii {
			p = termenv.ANSI
		}
		lipgloss.SetColorProfile(p)
	default:
		return fmt.Errorf("tui: --color must be auto, always or never, not %q", cfg.Color)
	}
	switch cfg.Theme {
	case "":
		lipgloss.HasDarkBackground() // queried now and cached
	case "light":
		lipgloss.SetHasDarkBackground(false)
	case "dark":
		lipgloss.SetHasDarkBackground(true)
	default:
		return fmt.Errorf("tui: --theme must be light or dark, not %q", cfg.Theme)
	}
	return nil
}
