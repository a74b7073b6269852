package tui

import (
	"os"
	"slices"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// watchEvery is how often --watch looks at the file: a stat a second costs
// nothing and needs no file-notification dependency.
const watchEvery = time.Second

// fileStamp is what --watch compares: a change of size or modification
// time means the file was written. For the dataset and its source text
// files together it holds their total size and latest modification time.
type fileStamp struct {
	size  int64
	mtime time.Time
	ok    bool // the files could be stat'ed
}

// watchMsg is one look at the watched file and the text files it named
// when the look was scheduled.
type watchMsg struct {
	file  string
	stamp fileStamp
	texts []string
}

// watchCmd is the next look at Config.File and the source text files it
// named when last loaded, a second from now; nil without --watch or
// without a file (the embedded dataset never changes).
func (m *Model) watchCmd() tea.Cmd {
	if !m.cfg.Watch || m.cfg.File == "" {
		return nil
	}
	file, texts := m.cfg.File, m.textFiles()
	return tea.Tick(watchEvery, func(time.Time) tea.Msg {
		// In the command, off the event loop.
		return watchMsg{file, statFile(file).and(statFiles(texts)), texts}
	})
}

// textFiles are the source text files the last load named, failed or
// not: those its stamp covers.
func (m *Model) textFiles() []string { return m.load.texts }

// statFiles is the combined stamp of files; ok when there are none.
func statFiles(files []string) fileStamp {
	st := fileStamp{ok: true}
	for _, f := range files {
		st = st.and(statFile(f))
	}
	return st
}

// and combines two stamps: a change in either changes the result.
func (st fileStamp) and(o fileStamp) fileStamp {
	if !st.ok || !o.ok {
		return fileStamp{}
	}
	if o.mtime.After(st.mtime) {
		st.mtime = o.mtime
	}
	st.size += o.size
	return st
}

// statFile is the stamp of file; not ok when it cannot be stat'ed or file
// is "" (the embedded dataset).
func statFile(file string) fileStamp {
	if file == "" {
		return fileStamp{}
	}
	fi, err := os.Stat(file)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: fi.Size(), mtime: fi.ModTime(), ok: true}
}

// onWatch reloads when the file changed since it was last loaded (each
// load records the file's stamp just before reading it). A change seen
// while a load runs is kept for the look after it ends. A missing file (an
// editor replacing it) is waited out.
func (m *Model) onWatch(msg watchMsg) tea.Cmd {
	next := m.watchCmd()
	switch {
	case msg.file != m.cfg.File:
		// A look at the file the viewer was on before (an article whose
		// draft was just saved): the next look is at the new one.
		return next
	case !slices.Equal(msg.texts, m.textFiles()):
		// A look scheduled before the load named the text files (the
		// first one, from Init) stamps fewer files than the load did:
		// that is no change. The next look stamps the same files.
		return next
	case !msg.stamp.ok, msg.stamp == m.load.watch:
		return next
	case !m.load.watch.ok:
		m.load.watch = msg.stamp // the first look: nothing to compare with
		return next
	case m.state == stateLoading || m.load.reloading:
		return next
	}
	m.load.watch = msg.stamp
	return tea.Batch(next, m.reload("file changed: reloading…"))
}

// reload loads the file again in a command; the screen keeps the current
// dataset until the new one is in. note is the status bar's notice.
func (m *Model) reload(note string) tea.Cmd {
	if m.load.reloading || m.state == stateLoading {
		m.flash = "already loading"
		return nil
	}
	m.load.reloading = true
	m.flash, m.load.note = note, note
	m.load.feed = newProgressFeed(m.load.feed.seq + 1)
	load, wait := startLoad(m.cfg, m.load.feed, true)
	return tea.Batch(load, wait)
}

// reloadNote is the status bar's notice of a reload with its progress,
// "reloading… 45%", for a big file whose reload takes seconds.
func reloadNote(note string, ld loadingState) string {
	switch {
	case ld.total <= 0:
		return note
	case ld.done >= ld.total:
		return note + " building the timeline"
	}
	return note + " " + strconv.Itoa(int(ld.done*100/ld.total)) + "%"
}

// onLoadedMsg installs a loaded dataset: the first load, or a reload,
// which keeps the selected event (by id), the focus and the filters, and
// says how it went in the status bar. A reload that fails keeps the
// dataset on screen. Results of a superseded load are dropped.
func (m *Model) onLoadedMsg(msg loadedMsg) tea.Cmd {
	if m.load.feed != nil && msg.seq != m.load.feed.seq {
		return nil
	}
	if msg.stamp.ok {
		// What was loaded, even if it failed: --watch waits for the next
		// change rather than retrying a broken file every second.
		m.load.watch = msg.stamp
		if msg.loaded != nil {
			m.load.texts = msg.loaded.TextFiles
		}
	}
	if !msg.reload {
		return m.onLoaded(msg.loaded)
	}
	m.load.reloading = false
	l := msg.loaded
	if l != nil && l.Timeline != nil {
		m.failed = nil
	}
	if m.state == stateReady && (l == nil || l.Timeline == nil) {
		n := 0
		if l != nil {
			n = l.Count(timeline.SeverityError)
		}
		// The first problem comes first, so a narrow status bar still
		// says where to look; p lists the others.
		m.flash = "reload failed (" + timeline.Plural(n, "error") + ")"
		if p, ok := firstError(l); ok {
			m.flash += ": " + clean(p)
		}
		if l != nil && len(l.Problems) > 0 {
			m.failed = l
			m.flash += " · p lists all"
		}
		m.flash += " · still showing the previous version"
		if m.reader.cites == nil {
			// The reload began before the indexes of the version still
			// shown were started (see onBuildIndexes): start them now.
			return m.onBuildIndexes(buildIndexesMsg{m.tl})
		}
		return nil
	}
	return m.installReload(l)
}

// installReload replaces the dataset with l, keeping what the user had.
func (m *Model) installReload(l *data.Loaded) tea.Cmd {
	keepID, focus := m.cfg.EventID, m.focused()
	if m.state == stateReady {
		if i, ok := m.timeline.Selected(); ok {
			keepID = m.tl.Event(i).ID
		}
	}
	if m.over == overReader || m.over == overPicker {
		m.over = overNone // they show the old dataset
	}
	saved := m.cfg.EventID
	m.cfg.EventID = keepID
	cmd := m.onLoaded(l)
	m.cfg.EventID = saved
	if m.state != stateReady {
		return cmd
	}
	m.setFocus(focus)
	cmds := []tea.Cmd{cmd, m.applyFilter()}
	if keepID != "" {
		if i, ok := m.timeline.Selected(); !ok || m.tl.Event(i).ID != keepID {
			m.flash = "reloaded: " + timeline.Plural(m.tl.Len(), "event") + "; event " + clean(keepID) + " is gone"
			return tea.Batch(cmds...)
		}
	}
	m.flash = "reloaded: " + timeline.Plural(m.tl.Len(), "event")
	return tea.Batch(cmds...)
}
