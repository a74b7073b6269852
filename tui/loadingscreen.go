package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// loadingState is how far the load has got, for the loading screen.
type loadingState struct{ done, total int64 }

// progressBar draws frac (0..1) as a bar of w cells and its percentage,
// "█████░░░░░  42%". bubbles/progress would need the harmonica module,
// which go.mod does not have; a static bar needs none of its animation.
func progressBar(st *styles, frac float64, w int) string {
	frac = min(1, max(0, frac))
	pct := strconv.Itoa(int(frac*100)) + "%"
	pct = strings.Repeat(" ", max(0, 5-len(pct))) + pct
	bw := max(0, w-len(pct))
	full := int(frac * float64(bw))
	return st.bar.Render(strings.Repeat("█", full)) +
		st.muted.Render(strings.Repeat("░", bw-full)) + pct
}

// loadingScreen is the whole screen while the dataset loads: a spinner,
// or a progress bar of bytes read when the loader reports them. A reload
// keeps the dataset on screen, but its progress is counted here too, for
// the status bar.
type loadingScreen struct {
	st       *styles
	spin     spinner.Model
	ticks    int // spinner ticks seen; see View
	file     string
	progress loadingState
}

func newLoadingScreen(st *styles, file string) loadingScreen {
	spin := spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(st.spinner))
	return loadingScreen{st: st, spin: spin, file: file}
}

// Init starts the spinner.
func (s loadingScreen) Init() tea.Cmd { return s.spin.Tick }

// Update turns the spinner on its ticks and records progress.
func (s loadingScreen) Update(msg tea.Msg) (loadingScreen, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case spinner.TickMsg:
		s.ticks++
		s.spin, cmd = s.spin.Update(msg)
	case progressMsg:
		s.progress = loadingState{done: msg.done, total: msg.total}
	}
	return s, cmd
}

// View draws the screen in w×h cells. Until the spinner's second tick (its
// first comes at once, the next a frame, 100 ms, later) it is blank: a
// dataset that loads sooner, such as the embedded one or a small JSON Lines
// file (which reports progress too), shows its timeline as the first
// frame, without a loading screen flashing before it.
func (s loadingScreen) View(w, h int) string {
	if s.ticks < 2 {
		return strings.Repeat("\n", h-1)
	}
	name := "events"
	if s.file != "" {
		name = clean(s.file)
	}
	head := "  " + s.spin.View() + " " + s.st.muted.Render("Loading "+name+"… (q to quit)")
	lines := []string{"", head}
	if ld := s.progress; ld.total > 0 {
		frac := float64(ld.done) / float64(ld.total)
		note := megabytes(ld.done) + " of " + megabytes(ld.total)
		if ld.done >= ld.total {
			note = megabytes(ld.total) + " read · building the timeline…"
		}
		lines = append(lines, "", "  "+progressBar(s.st, frac, max(0, min(w-4, 80))),
			"  "+s.st.muted.Render(note))
	}
	return fitBlock(lines, w, h)
}

// megabytes formats a byte count as "12.3 MB".
func megabytes(n int64) string {
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
}
