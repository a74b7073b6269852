// Package tui is dateline's terminal program: a Bubble Tea model with a
// virtualized timeline pane, a detail pane that quotes each event's sources,
// a status bar and generated help. Run starts it; New builds the model for
// tests and embedding.
package tui

import (
	"os"
	"strconv"
	"time"

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

// overlay is what has the keyboard besides the panes.
type overlay uint8

const (
	overNone     overlay = iota // browsing the panes
	overPicker                  // the actor picker
	overSearch                  // the search input
	overDates                   // the date-range input
	overReader                  // the source reader
	overExport                  // the export input
	overProblems                // the list of the load's problems
)

// Model is the root model. It owns the children and the layout and only
// dispatches: behaviour lives in the panes and in named handlers.
type Model struct {
	cfg   Config
	st    *styles
	keys  keyMap
	help  helpPanel
	lay   layout // for the terminal's size, lay.w×lay.h
	state appState
	// wroteYAML says the viewer saved cfg.File as YAML itself (a draft),
	// so E edits it whatever its name ends with.
	wroteYAML bool

	loaded   *data.Loaded
	tl       *timeline.Timeline
	filter   timeline.Filter
	timeline timelinePane
	detail   detailPane
	notice   noticePane
	notes    []string // status bar notes about load problems

	over   overlay
	picker actorPicker
	search searchPrompt
	dates  datesPrompt
	export exportPrompt
	reader sourceView
	strip  densityStrip
	flash  string // a one-key notice for the status bar
	// pickerPending and filterPending are an actor picker asked for (and
	// no key since) and a filter set before a lazy Timeline's actors and
	// dates were indexed (onIndexed).
	pickerPending, filterPending bool

	problems problemsList
	failed   *data.Loaded // the last reload, when it failed (the dataset shown is older)

	loading loadingScreen
	load    loadState
	check   checkState   // the check of a big file, behind the first screen
	pending []tea.KeyMsg // keys typed while loading, replayed once loaded

	testPanic bool // see panicHookEnv
}

// panicHookEnv is a test-only hook: when it is "update", the key `!` makes
// Update panic, so that the end-to-end tests can prove a panic leaves the
// terminal restored. It has no other use and is not documented to users.
const panicHookEnv = "DATELINE_TEST_PANIC"

var _ tea.Model = (*Model)(nil)

// New builds the root model. It does no I/O: the dataset is loaded by the
// command Init returns.
func New(cfg Config) *Model {
	st := newStyles(cfg.Theme)
	m := &Model{
		cfg:     cfg,
		st:      st,
		keys:    defaultKeyMap(),
		loading: newLoadingScreen(st, cfg.File),
		load:    loadState{feed: newProgressFeed(0)},

		testPanic: os.Getenv(panicHookEnv) == "update",
	}
	m.help = newHelpPanel(st, &m.keys)
	m.search = newSearchPrompt(st, &m.keys)
	m.dates = newDatesPrompt(st, &m.keys)
	m.export = newExportPrompt(st, &m.keys)
	m.problems = newProblemsList(st, &m.keys)
	return m
}

// Init starts loading the dataset, the spinner and, with Config.Watch, the
// watch on the file.
func (m *Model) Init() tea.Cmd {
	load, wait := startLoad(m.cfg, m.load.feed, false)
	return tea.Batch(m.loading.Init(), load, wait, m.watchCmd())
}

// Update implements tea.Model. It only dispatches, then enables the
// bindings that apply in the new state.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.lay.w, m.lay.h = msg.Width, msg.Height
		m.relayout()
	case editorDoneMsg:
		return m, m.onEditorDone(msg)
	case loadedMsg:
		cmd = m.onLoadedMsg(msg)
		if m.state != stateLoading && len(m.pending) > 0 {
			cmd = tea.Batch(cmd, m.replayPending())
		}
	case progressMsg:
		if m.load.feed != nil && msg.seq == m.load.feed.seq {
			m.loading, _ = m.loading.Update(msg)
			if m.load.reloading {
				m.flash = reloadNote(m.load.note, m.loading.progress)
			}
			cmd = m.load.feed.wait()
		}
	case watchMsg:
		cmd = m.onWatch(msg)
	case exportedMsg:
		cmd = m.onExported(msg)
	case copiedMsg:
		m.flash = msg.note
	case spinner.TickMsg:
		if m.state == stateLoading {
			m.loading, cmd = m.loading.Update(msg)
		}
	case tea.KeyMsg:
		if m.testPanic && msg.String() == "!" {
			panic("test panic (" + panicHookEnv + "=update)")
		}
		cmd = m.handleKey(msg)
	case tea.MouseMsg:
		if m.cfg.Mouse {
			m.handleMouse(tea.MouseEvent(msg))
		}
	case searchResultMsg:
		cmd = m.onSearchResult(msg)
	case buildIndexesMsg:
		cmd = m.onBuildIndexes(msg)
	case citeIndexMsg:
		m.onCiteIndex(msg)
	case checkedMsg:
		m.onChecked(msg)
	case indexedMsg:
		cmd = m.onIndexed(msg)
	case checkTickMsg:
		cmd = m.onCheckTick(msg)
	case eventChosenMsg:
		cmd = m.onEventChosen(msg.event)
	case problemJumpMsg:
		m.flash = msg.note
	}
	m.updateKeys()
	return m, cmd
}

// handleKey dispatches one key: ctrl+c first, then an input or the picker
// (which take every other key, bursts whole), then bursts, then the
// reader or the root's own bindings, then the focused child.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return tea.Quit
	}
	burst := msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste
	if m.state == stateLoading {
		// q still quits; other keys wait for the dataset, so that what
		// was typed at a slow start is not lost.
		if !burst && key.Matches(msg, m.keys.Quit) {
			return tea.Quit
		}
		if len(m.pending) < maxPendingKeys {
			m.pending = append(m.pending, msg)
		}
		return nil
	}
	if m.lay.tooSmall {
		switch {
		case burst:
			return m.replayRunes(msg)
		case key.Matches(msg, m.keys.Quit):
			return tea.Quit
		}
		return nil
	}
	switch m.over {
	case overPicker:
		return m.pickerKey(msg)
	case overSearch, overDates, overExport:
		return m.promptKey(msg)
	}
	// Bubble Tea v1 delivers letters read together ("jj") as one message;
	// outside text inputs each letter is a key of its own.
	if burst {
		return m.replayRunes(msg)
	}
	if msg.Paste {
		return nil // only inputs take pasted text
	}
	m.flash = ""
	m.pickerPending = false // a key since: it is not for the picker
	if m.over == overReader {
		return m.readerKey(msg)
	}
	if m.over == overProblems {
		return m.problemsKey(msg)
	}
	return m.browseKey(msg)
}

// browseKey handles a key while the panes have the keyboard.
func (m *Model) browseKey(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, m.keys.Quit):
		if m.help.full {
			m.toggleHelp()
			return nil
		}
		return tea.Quit
	case key.Matches(msg, m.keys.Help):
		m.toggleHelp()
	case key.Matches(msg, m.keys.Back):
		cmd = m.back()
	case key.Matches(msg, m.keys.NextPane):
		m.setFocus((m.focused() + 1) % paneCount)
	case key.Matches(msg, m.keys.PrevPane):
		m.setFocus((m.focused() + paneCount - 1) % paneCount)
	case key.Matches(msg, m.keys.Open):
		m.openReader()
	case key.Matches(msg, m.keys.Actors):
		m.openPicker()
	case key.Matches(msg, m.keys.Search):
		m.openPrompt(overSearch)
	case key.Matches(msg, m.keys.Dates):
		m.openPrompt(overDates)
	case key.Matches(msg, m.keys.NextMatch):
		m.jumpMatch(1)
	case key.Matches(msg, m.keys.PrevMatch):
		m.jumpMatch(-1)
	case key.Matches(msg, m.keys.Copy):
		cmd = m.copyQuote()
	case key.Matches(msg, m.keys.Reload):
		cmd = m.reload("reloading…")
	case key.Matches(msg, m.keys.Export):
		m.openPrompt(overExport)
	case key.Matches(msg, m.keys.Edit):
		cmd = m.editDataset()
	case key.Matches(msg, m.keys.Problems):
		m.openProblems()
	default:
		m.routeToChild(msg)
	}
	return cmd
}

// replayRunes feeds the letters of a burst to Update one at a time. When
// one of them opens an input, the rest is typed into it in one piece.
func (m *Model) replayRunes(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for i, r := range msg.Runes {
		_, c := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, c)
		if m.inputFocused() && i+1 < len(msg.Runes) {
			_, c = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i+1:], Alt: msg.Alt})
			cmds = append(cmds, c)
			break
		}
	}
	return tea.Batch(cmds...)
}

// inputFocused reports whether a text input has the keyboard.
func (m *Model) inputFocused() bool {
	return m.over == overPicker || m.over == overSearch || m.over == overDates || m.over == overExport
}

// routeToChild gives a navigation key to whatever is in front.
func (m *Model) routeToChild(msg tea.KeyMsg) {
	if m.help.full && m.lay.helpModal {
		m.help, _ = m.help.Update(msg) // the panes are hidden behind the help
		return
	}
	switch m.state {
	case stateFailed, stateEmpty:
		m.notice, _ = m.notice.Update(msg)
	case stateReady:
		if m.focused() == focusTimeline {
			m.timeline, _ = m.timeline.Update(msg)
			m.syncDetail()
		} else {
			m.detail, _ = m.detail.Update(msg)
		}
	}
}

func (m *Model) toggleHelp() {
	m.help.Toggle()
	m.relayout()
}

// focused is the pane that has the keyboard: the panes know it.
func (m *Model) focused() paneID {
	if m.detail.Focused() {
		return focusDetail
	}
	return focusTimeline
}

// setFocus moves keyboard focus to pane p.
func (m *Model) setFocus(p paneID) {
	if m.state != stateReady {
		return
	}
	m.timeline.Blur()
	m.detail.Blur()
	if p == focusTimeline {
		m.timeline.Focus()
	} else {
		m.detail.Focus()
	}
}

// handleMouse scrolls the pane under the pointer on the wheel and selects
// the clicked timeline row. It only runs with Config.Mouse.
func (m *Model) handleMouse(ev tea.MouseEvent) {
	if m.state != stateReady || m.lay.tooSmall || (m.help.full && m.lay.helpModal) ||
		ev.Action != tea.MouseActionPress || m.over != overNone {
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
			if pos, ok := m.timeline.posAt(ev.Y - m.lay.timeline.y - 1 - m.lay.strip); ok {
				m.timeline.Select(pos)
				m.syncDetail()
			}
		} else if inDetail {
			m.setFocus(focusDetail)
		}
	}
}

// onLoaded switches to the state the loaded dataset calls for and starts
// building the search and citation indexes off the event loop.
func (m *Model) onLoaded(l *data.Loaded) tea.Cmd {
	if l == nil {
		l = &data.Loaded{File: "dataset"}
	}
	first := m.loaded == nil // a reload keeps its selection by itself
	m.loaded = l
	keys := &m.keys // the one table; see keyMap
	switch {
	case l.Timeline == nil:
		m.state = stateFailed
		m.notice = loadFailedNotice(m.st, keys, l)
	case l.Timeline.Len() == 0:
		m.state = stateEmpty
		m.notice = emptyNotice(m.st, keys, l)
	default:
		m.state = stateReady
		m.tl = l.Timeline
		idx := m.tl.Apply(m.filter, nil)
		m.timeline = newTimelinePane(m.tl, idx, m.st, keys)
		m.detail = newDetailPane(m.tl, m.st, keys)
		m.timeline.SetIndex(idx, positionOf(m.tl, idx, m.cfg.EventID))
		m.search.SetEvents(m.tl, idx)
		m.reader = newSourceView(m.tl, m.st, keys)
		if m.tl.Indexed() {
			m.picker = newActorPicker(m.tl, m.st, keys)
		} else {
			// The counts need the postings, built behind (onIndexed).
			m.picker = actorPicker{}
		}
		m.setFocus(focusTimeline)
		m.notes = problemNotes(l.Count(timeline.SeverityCitation), l.Count(timeline.SeverityWarning))
		if m.tl.Lazy() {
			m.awaitCheck(m.tl)
		}
		if id := m.cfg.EventID; first && id != "" && !hasEvent(m.tl, id) {
			// Said at once, not only by the command line after quitting.
			m.flash = "--event " + strconv.Quote(id) + ": no event has that id; showing the first"
		}
	}
	m.relayout()
	m.syncDetail()
	if m.state != stateReady {
		return nil
	}
	tl := m.tl
	return tea.Tick(indexDelay, func(time.Time) tea.Msg { return buildIndexesMsg{tl} })
}

// indexDelay is how long after a dataset is shown its search and citation
// indexes start building: two frames at Bubble Tea's 60 per second, so that
// the first frame is painted before the indexing competes for the CPU. A
// search typed sooner builds the search index itself (Timeline.Search).
const indexDelay = 2 * time.Second / 60

// buildIndexesMsg starts building tl's indexes, when tl is still shown.
type buildIndexesMsg struct{ tl *timeline.Timeline }

// onBuildIndexes starts the index builds of the dataset shown.
func (m *Model) onBuildIndexes(msg buildIndexesMsg) tea.Cmd {
	if msg.tl != m.tl || m.state != stateReady || m.load.reloading {
		return nil // for a dataset no longer shown, or about to be replaced
	}
	if m.tl.Lazy() {
		// A big file has no indexes to build (its search reads the file)
		// and the passages of a source are those of the event open, but
		// its events are still to be checked, and its actors and dates
		// indexed.
		return tea.Batch(indexCmd(m.tl), m.startCheck(m.loaded.File, m.tl))
	}
	return tea.Batch(citeIndexCmd(m.tl), searchIndexCmd(m.tl))
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
	m.help.SetWidth(m.lay.w)
	helpLines := 1
	if m.help.full {
		helpLines = lipgloss.Height(m.help.Full(m.lay.w))
	}
	m.lay = computeLayout(m.lay.w, m.lay.h, helpLines)
	if m.lay.tooSmall {
		return
	}
	m.help.SetSize(inner(m.lay.main))
	switch m.state {
	case stateReady:
		tw, th := inner(m.lay.timeline)
		m.timeline.SetSize(tw, th-m.lay.strip)
		m.detail.SetSize(inner(m.lay.detail))
		m.picker.SetSize(inner(m.lay.main))
		m.reader.SetSize(inner(m.lay.main))
		m.problems.SetSize(inner(m.lay.main))
		m.recomputeStrip()
	case stateFailed, stateEmpty:
		m.notice.SetSize(inner(m.lay.main))
	}
}
