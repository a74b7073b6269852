package tui

import (
	"strconv"
	"strings"
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

// loadingView is the whole screen while the dataset loads: a spinner, or a
// progress bar of bytes read when the loader reports them. Until the
// spinner's second tick (its first comes at once, the next a frame, 100
// ms, later) it is blank: a dataset that loads sooner, such as the
// embedded one or a small JSON Lines file (which reports progress too),
// shows its timeline as the first frame, without a loading screen flashing
// before it.
func (m *Model) loadingView() string {
	if m.loadTicks < 2 {
		return strings.Repeat("\n", m.height-1)
	}
	name := "events"
	if m.cfg.File != "" {
		name = clean(m.cfg.File)
	}
	head := "  " + m.spin.View() + " " + m.st.muted.Render("Loading "+name+"… (q to quit)")
	lines := []string{"", head}
	if ld := m.loading; ld.total > 0 {
		frac := float64(ld.done) / float64(ld.total)
		note := megabytes(ld.done) + " of " + megabytes(ld.total)
		if ld.done >= ld.total {
			note = megabytes(ld.total) + " read · building the timeline…"
		}
		lines = append(lines, "", "  "+progressBar(m.st, frac, max(0, min(m.width-4, 80))),
			"  "+m.st.muted.Render(note))
	}
	return fitBlock(lines, m.width, m.height)
}

// megabytes formats a byte count as "12.3 MB".
func megabytes(n int64) string {
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
}
