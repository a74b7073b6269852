// Package tui is dateline's terminal program: a Bubble Tea model with a
// virtualized timeline pane, a detail pane that quotes each event's sources,
// a status bar and generated help. Run starts it; New builds the model for
// tests and embedding.
package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"dateline/data"
	"dateline/timeline"
)

// appState is what the program is showing.
type appState uint8

const (
	stateLoading appState = iota // Config.Load is running
	stateFailed                  // the dataset could not be used
	stateEmpty                   // the dataset has no events
	stateReady                   // browsing
)

// paneID names the panes that can take focus.
type paneID uint8

const (
	focusTimeline paneID = iota
	focusDetail
	paneCount
)

// Model is the root model. It owns the children and the layout and only
// dispatches: behaviour lives in the panes and in named handlers.
type Model struct {
	cfg    Config
	st     *styles
	keys   keyMap
	help   help.Model
	spin   spinner.Model
	width  int
	height int
	lay    layout
	state  appState

	loaded   *data.Loaded
	tl       *timeline.Timeline
	filter   timeline.Filter
	timeline timelinePane
	detail   detailPane
	notice   noticePane
	focus    paneID
	showHelp bool
	notes    []string // status bar notes about load problems
}

var _ tea.Model = Model{}

// New builds the root model. It does no I/O: the dataset is loaded by the
// command Init returns.
func New(cfg Config) Model {
	st := newStyles(cfg.Theme)
	return Model{
		cfg:  cfg,
		st:   st,
		keys: defaultKeyMap(),
		help: newHelp(st),
		spin: spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(st.spinner)),
	}
}

// Init starts loading the dataset and the spinner.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.spin.Tick, loadCmd(m.cfg.Load))
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.relayout()
	case loadedMsg:
		m.onLoaded(msg.loaded)
	case spinner.TickMsg:
		if m.state == stateLoading {
			m.spin, cmd = m.spin.Update(msg)
		}
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		if m.cfg.Mouse {
			m.handleMouse(tea.MouseEvent(msg))
		}
	}
	return m, cmd
}

// handleKey dispatches one key: quit keys first, then bursts, then the
// root's own bindings, then the focused child.
func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m, tea.Quit
	}
	// Bubble Tea v1 delivers letters read together ("jj") as one message;
	// outside text inputs each letter is a key of its own.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		return m.replayRunes(msg)
	}
	if msg.Paste {
		return m, nil // nothing takes text yet
	}
	if m.lay.tooSmall || m.state == stateLoading {
		if key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		if m.showHelp {
			m.toggleHelp()
			return m, nil
		}
		return m, tea.Quit
	case key.Matches(msg, m.keys.Help):
		m.toggleHelp()
	case key.Matches(msg, m.keys.Back):
		m.back()
	case key.Matches(msg, m.keys.NextPane):
		m.setFocus((m.focus + 1) % paneCount)
	case key.Matches(msg, m.keys.PrevPane):
		m.setFocus((m.focus + paneCount - 1) % paneCount)
	default:
		m.routeToChild(msg)
	}
	return m, nil
}

// replayRunes feeds the letters of a burst to Update one at a time.
func (m Model) replayRunes(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var next tea.Model = m
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		var c tea.Cmd
		next, c = next.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, c)
	}
	return next, tea.Batch(cmds...)
}

// routeToChild gives a navigation key to whatever is in front.
func (m *Model) routeToChild(msg tea.KeyMsg) {
	switch m.state {
	case stateFailed, stateEmpty:
		m.notice, _ = m.notice.Update(msg)
	case stateReady:
		if m.lay.helpModal && m.showHelp {
			return // the panes are hidden behind the help
		}
		if m.focus == focusTimeline {
			m.timeline, _ = m.timeline.Update(msg)
			m.syncDetail()
		} else {
			m.detail, _ = m.detail.Update(msg)
		}
	}
}

// back steps back one level (esc). Later levels: inputs, search, filters.
func (m *Model) back() {
	if m.showHelp {
		m.toggleHelp()
	}
}

func (m *Model) toggleHelp() {
	m.showHelp = !m.showHelp
	m.relayout()
}

// setFocus moves keyboard focus to pane p.
func (m *Model) setFocus(p paneID) {
	if m.state != stateReady {
		return
	}
	m.focus = p
	m.timeline.Blur()
	m.detail.Blur()
	if p == focusTimeline {
		m.timeline.Focus()
	} else {
		m.detail.Focus()
	}
}

// updateKeys enables the bindings that apply now, which also hides the
// others from the help.
func (m *Model) updateKeys() {
	m.keys.Back.SetEnabled(m.showHelp)
	m.keys.NextPane.SetEnabled(m.state == stateReady)
	m.keys.PrevPane.SetEnabled(m.state == stateReady)
}

// handleMouse scrolls the pane under the pointer on the wheel and selects
// the clicked timeline row. It only runs with Config.Mouse.
func (m *Model) handleMouse(ev tea.MouseEvent) {
	if m.state != stateReady || m.lay.tooSmall || (m.showHelp && m.lay.helpModal) ||
		ev.Action != tea.MouseActionPress {
		return
	}
	inTimeline := m.lay.timeline.contains(ev.X, ev.Y)
	inDetail := m.lay.detail.contains(ev.X, ev.Y)
	const wheelLines = 3 // the detail pane scrolls like a pager
	switch ev.Button {
	case tea.MouseButtonWheelDown, tea.MouseButtonWheelUp:
		step := 1
		if ev.Button == tea.MouseButtonWheelUp {
			step = -1
		}
		if inTimeline {
			m.timeline.Select(m.timeline.Cursor() + step)
			m.syncDetail()
		} else if inDetail {
			m.detail.Scroll(step * wheelLines)
		}
	case tea.MouseButtonLeft:
		if inTimeline {
			m.setFocus(focusTimeline)
			if pos, ok := m.timeline.posAt(ev.Y - m.lay.timeline.y - 1); ok {
				m.timeline.Select(pos)
				m.syncDetail()
			}
		} else if inDetail {
			m.setFocus(focusDetail)
		}
	}
}

// onLoaded switches to the state the loaded dataset calls for.
func (m *Model) onLoaded(l *data.Loaded) {
	if l == nil {
		l = &data.Loaded{File: "dataset"}
	}
	m.loaded = l
	switch {
	case l.Timeline == nil:
		m.state = stateFailed
		m.notice = loadFailedNotice(m.st, m.keys, l)
	case l.Timeline.Len() == 0:
		m.state = stateEmpty
		m.notice = emptyNotice(m.st, m.keys, l)
	default:
		m.state = stateReady
		m.tl = l.Timeline
		idx := m.tl.Apply(m.filter, nil)
		m.timeline = newTimelinePane(m.tl, idx, m.st, m.keys)
		m.detail = newDetailPane(m.tl, m.st, m.keys)
		m.timeline.SetIndex(idx, positionOf(m.tl, idx, m.cfg.EventID))
		m.setFocus(focusTimeline)
		m.notes = problemNotes(l.Count(timeline.SeverityCitation), l.Count(timeline.SeverityWarning))
	}
	m.updateKeys()
	m.relayout()
	m.syncDetail()
}

// positionOf finds the event with the given ID among the shown events; it
// walks the index once, at load, not on a key.
func positionOf(tl *timeline.Timeline, idx []int, id string) int {
	if id == "" {
		return 0
	}
	for p, i := range idx {
		if tl.Event(i).ID == id {
			return p
		}
	}
	return 0
}

// syncDetail shows the selected event in the detail pane.
func (m *Model) syncDetail() {
	if m.state != stateReady {
		return
	}
	if i, ok := m.timeline.Selected(); ok {
		m.detail.SetEvent(i)
	} else {
		m.detail.Clear()
	}
}

// relayout recomputes the layout and resizes the children; it runs on
// every resize and whenever the help changes height.
func (m *Model) relayout() {
	m.updateKeys()
	m.help.Width = m.width
	helpLines := 1
	if m.showHelp {
		helpLines = lipgloss.Height(m.fullHelp(m.width))
	}
	m.lay = computeLayout(m.width, m.height, helpLines)
	if m.lay.tooSmall {
		return
	}
	switch m.state {
	case stateReady:
		m.timeline.SetSize(inner(m.lay.timeline))
		m.detail.SetSize(inner(m.lay.detail))
	case stateFailed, stateEmpty:
		m.notice.SetSize(inner(m.lay.main))
	}
}
