package tui

import (
	"strconv"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
)

// progressEvery is the shortest time between two progress messages: the
// loader may report thousands of times a second, the screen needs a few.
const progressEvery = 50 * time.Millisecond

// progressMsg is how far the load has got: bytes decoded of total (0 when
// the size is unknown). seq names the load it belongs to.
type progressMsg struct {
	seq         int
	done, total int64
}

// progressFeed carries progress from the loading goroutine to the event
// loop without the goroutine touching the model: the loader's callback
// keeps only the latest value in a one-slot channel, and waitForProgress,
// a command re-issued after each message, reads it.
type progressFeed struct {
	seq  int
	ch   chan progressMsg
	mu   sync.Mutex // guards last and closed; the callback and close race
	last time.Time
	shut bool
}

func newProgressFeed(seq int) *progressFeed {
	return &progressFeed{seq: seq, ch: make(chan progressMsg, 1)}
}

// report is the loader's progress callback. It never blocks: a value not
// yet read is replaced by the newer one, and calls closer together than
// progressEvery are dropped (except the last, done == total).
func (f *progressFeed) report(done, total int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	if f.shut || (now.Sub(f.last) < progressEvery && (total == 0 || done < total)) {
		return
	}
	f.last = now
	select {
	case <-f.ch: // drop the stale value
	default:
	}
	f.ch <- progressMsg{seq: f.seq, done: done, total: total}
}

// close ends the feed once the load has returned; waitForProgress then
// returns nil and is not issued again.
func (f *progressFeed) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.shut {
		f.shut = true
		close(f.ch)
	}
}

// wait is the command that delivers the next progress message.
func (f *progressFeed) wait() tea.Cmd {
	return func() tea.Msg {
		p, ok := <-f.ch
		if !ok {
			return nil
		}
		return p
	}
}

// startLoad returns the command that loads the dataset (with progress when
// the configuration can report it, through feed, read by wait) off the
// event loop:
// parsing can be slow, and a panic there is recovered by Bubble Tea. The
// feed's seq tells this load's messages from an earlier one's.
func startLoad(cfg Config, feed *progressFeed, reload bool) (load, wait tea.Cmd) {
	seq := feed.seq
	load = func() tea.Msg {
		defer feed.close()
		stamp := statFile(cfg.File)
		var l *data.Loaded
		if cfg.LoadProgress != nil {
			l = cfg.LoadProgress(feed.report)
		} else {
			l = cfg.Load()
		}
		if l != nil {
			// The text files are known only now; a write to one during
			// the load is seen at the next change.
			stamp = stamp.and(statFiles(l.TextFiles))
		}
		return loadedMsg{loaded: l, seq: seq, reload: reload, stamp: stamp}
	}
	return load, feed.wait()
}

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
