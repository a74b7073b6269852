package tui

import (
	"strconv"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// A big JSON Lines file opens before its events are checked (its Timeline
// is lazy: see timeline.NewLazy): the first screen needs only each line's
// date. The full check, with the problems Load would report, runs behind,
// in a command, and the status bar counts what it has found so far.

// checkProgress is how far the check has got, written by the checking
// goroutine and read by the view.
type checkProgress struct {
	done, total, problems atomic.Int64
}

// checkState is the check of the dataset shown, while it runs.
type checkState struct {
	tl       *timeline.Timeline // the Timeline checked; nil when none runs
	progress *checkProgress
}

// checkTickEvery is how often the status bar's count is refreshed.
const checkTickEvery = 200 * time.Millisecond

// checkedMsg brings the check's problems, in the order Load gives them.
type checkedMsg struct {
	tl       *timeline.Timeline
	problems []data.Problem
}

// checkTickMsg redraws the check's progress.
type checkTickMsg struct{ tl *timeline.Timeline }

// awaitCheck makes the status bar say, from the first screen, that the
// lazy Timeline tl is still to be checked.
func (m *Model) awaitCheck(tl *timeline.Timeline) {
	m.check = checkState{tl: tl, progress: &checkProgress{}}
}

// startCheck starts checking the lazy Timeline of file.
func (m *Model) startCheck(file string, tl *timeline.Timeline) tea.Cmd {
	if m.check.tl != tl {
		m.awaitCheck(tl)
	}
	p := m.check.progress
	run := func() tea.Msg {
		probs := data.CheckJSONLines(file, func(done, total int64, problems int) {
			p.done.Store(done)
			p.total.Store(total)
			p.problems.Store(int64(problems))
		})
		return checkedMsg{tl: tl, problems: probs}
	}
	return tea.Batch(run, checkTick(tl))
}

func checkTick(tl *timeline.Timeline) tea.Cmd {
	return tea.Tick(checkTickEvery, func(time.Time) tea.Msg { return checkTickMsg{tl} })
}

// onCheckTick keeps the ticks going while the check of the Timeline shown
// runs (the view reads the progress).
func (m *Model) onCheckTick(msg checkTickMsg) tea.Cmd {
	if msg.tl == nil || msg.tl != m.check.tl {
		return nil
	}
	return checkTick(msg.tl)
}

// onChecked takes the problems of the Timeline shown: the status bar and
// the problems list (p) now give them all.
func (m *Model) onChecked(msg checkedMsg) {
	if msg.tl != m.check.tl || msg.tl != m.tl || m.loaded == nil {
		return
	}
	m.check = checkState{}
	m.loaded.Problems = msg.problems
	m.notes = problemNotes(m.loaded.Count(timeline.SeverityCitation), m.loaded.Count(timeline.SeverityWarning))
	if n := m.loaded.Count(timeline.SeverityError); n > 0 {
		// A file Load would refuse is shown all the same; its invalid
		// events are marked (✗) where they appear.
		m.notes = append([]string{timeline.Plural(n, "error") + " (p lists them)"}, m.notes...)
	}
}

// checkNote is the status bar's account of a check still running.
func (m *Model) checkNote() string {
	p := m.check.progress
	if m.check.tl == nil || p == nil {
		return ""
	}
	s := "checking"
	if total := p.total.Load(); total > 0 {
		s += " " + strconv.FormatInt(min(100, p.done.Load()*100/total), 10) + "%"
	} else {
		s += "…"
	}
	if n := p.problems.Load(); n > 0 {
		s += ", " + timeline.Plural(int(n), "problem") + " so far"
	}
	return s
}
