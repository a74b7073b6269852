package tui

import (
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
)

// loadedMsg carries the outcome of a load (see startLoad) back to the
// program: the first one, or a reload (r, --watch) when reload is set.
type loadedMsg struct {
	loaded *data.Loaded
	seq    int
	reload bool
	stamp  fileStamp // Config.File as it was just before the load read it
}

// loadState is where the loads stand: the running load's progress feed,
// whether it is a reload (r, --watch) and what the status bar says of it
// before its progress, and the files as they were at the last load, which
// --watch compares with.
type loadState struct {
	feed      *progressFeed
	reloading bool
	note      string
	watch     fileStamp
	texts     []string // the text files the last load named, which watch covers
}

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
// keeps only the latest value in a one-slot channel, and wait,
// a command re-issued after each message, reads it.
type progressFeed struct {
	seq  int
	ch   chan progressMsg
	mu   sync.Mutex // guards last and shut; the callback and close race
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

// close ends the feed once the load has returned; wait's command then
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
			if reload && l.Timeline != nil {
				// A reload keeps the filters, which its first frame applies:
				// a big file's actors and dates are indexed here, not there.
				l.Timeline.Index()
			}
		}
		return loadedMsg{loaded: l, seq: seq, reload: reload, stamp: stamp}
	}
	return load, feed.wait()
}

// maxPendingKeys bounds the keys kept while loading: a held-down key
// should not queue minutes of scrolling.
const maxPendingKeys = 256

// replayPending applies the keys typed while the dataset loaded, in order.
func (m *Model) replayPending() tea.Cmd {
	keys := m.pending
	m.pending = nil
	cmds := make([]tea.Cmd, 0, len(keys))
	for _, k := range keys {
		_, c := m.Update(k)
		cmds = append(cmds, c)
	}
	return tea.Batch(cmds...)
}
