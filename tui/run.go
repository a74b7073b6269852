package tui

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"dateline/data"
)

// Config is everything the program needs from the command line.
type Config struct {
	// Load reads the dataset. It runs in a tea.Cmd at start (and on each
	// reload: r, --watch) and must never return nil. Load or LoadProgress
	// must be set.
	Load func() *data.Loaded
	// LoadProgress, when set, is used instead of Load: it reports the bytes
	// read of the file's size through progress (from the loading
	// goroutine; the program throttles and forwards the values), and the
	// loading screen shows a progress bar rather than a spinner.
	LoadProgress func(progress func(done, total int64)) *data.Loaded
	// File is the dataset's path, shown while loading and watched with
	// Watch; "" for the embedded dataset.
	File string
	// Watch reloads the dataset when File changes (--watch): its size and
	// modification time are polled every second.
	Watch bool
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
	// Draft is set when File is an article that Load drafts (see Draft).
	Draft *Draft
}

// ErrLoad is wrapped by the error Run returns when the user quit from the
// screen that lists the dataset's load problems.
var ErrLoad = errors.New("dataset not loaded")

// Run configures the terminal styling and runs the program in the
// alternate screen until the user quits. Bubble Tea restores the terminal
// on quit, on error and on a panic in Update, View or a command.
func Run(cfg Config) error {
	if cfg.Load == nil && cfg.LoadProgress == nil {
		return errors.New("tui: Config.Load is nil")
	}
	if err := configureStyling(cfg); err != nil {
		return err
	}
	// Our own signal handling replaces Bubble Tea's, which knows only
	// SIGINT and SIGTERM and quits on SIGTERM with no error.
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithoutSignalHandler()}
	if cfg.Mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	p := tea.NewProgram(New(cfg), opts...)
	stop, caught := quitOnSignals(p)
	final, err := p.Run()
	stop()
	if sig := caught(); sig != nil {
		return &SignalError{Signal: sig}
	}
	if err != nil {
		return fmt.Errorf("tui: %w", err)
	}
	if m, ok := final.(*Model); ok && m.state == stateFailed {
		return fmt.Errorf("%w: %w", ErrLoad, m.loaded.Err())
	}
	return nil
}

// SignalError is returned by Run when SIGINT, SIGTERM or SIGHUP ended the
// program. The terminal has been restored; dateline exits with 128 plus
// the signal's number, as a shell reports a process killed by it.
type SignalError struct{ Signal os.Signal }

func (e *SignalError) Error() string { return "stopped by " + e.Signal.String() }

// ExitCode is 128 plus the signal's number (130 for SIGINT, 143 for
// SIGTERM, 129 for SIGHUP).
func (e *SignalError) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// quitOnSignals makes SIGINT, SIGTERM and SIGHUP (a closed terminal or SSH
// session) quit p through its event loop, which restores the terminal; a
// second signal kills it, which restores the terminal too. stop ends the
// watch; caught returns the first signal, or nil. The goroutine only
// talks to the program through its methods and recovers any panic, so it
// can never leave the terminal in raw mode.
func quitOnSignals(p *tea.Program) (stop func(), caught func() os.Signal) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	var first atomic.Value
	go func() {
		defer func() {
			if r := recover(); r != nil {
				p.Kill()
			}
		}()
		for {
			select {
			case s := <-sigs:
				if first.CompareAndSwap(nil, s) {
					p.Quit()
				} else {
					p.Kill()
				}
			case <-done:
				return
			}
		}
	}()
	stop = func() {
		signal.Stop(sigs)
		close(done)
	}
	caught = func() os.Signal {
		s, _ := first.Load().(os.Signal)
		return s
	}
	return stop, caught
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
