package tui

import (
	"sort"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// openReader opens the selected event's first citation in the reader.
func (m *Model) openReader() {
	ev, ok := m.timeline.Selected()
	if !ok {
		return
	}
	if len(m.tl.Event(ev).Citations) == 0 {
		m.flash = "this event cites no source"
		return
	}
	if m.help.full {
		m.toggleHelp()
	}
	m.over = overReader
	m.relayout()
	m.reader.Open(ev, 0)
}

// readerKey handles a key in the reader: the help as elsewhere; esc and q
// close the help, then the list of citing events, then the reader (the
// timeline keeps its selection); the rest is the reader's.
func (m *Model) readerKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Help):
		m.toggleHelp()
	case key.Matches(msg, m.keys.Copy):
		return m.copyQuote()
	case key.Matches(msg, m.keys.CiteSentence):
		return m.copySentenceCitation()
	case key.Matches(msg, m.keys.Back, m.keys.Quit):
		switch {
		case m.help.full:
			m.toggleHelp()
		case m.reader.CloseList():
		default:
			m.over = overNone
			m.relayout()
		}
	default:
		if m.help.full && m.lay.helpModal {
			m.help, _ = m.help.Update(msg)
			return nil
		}
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return cmd
	}
	return nil
}

// onEventChosen returns from the reader to the timeline with event ev
// selected. When the filters hide it they are cleared (the search stays:
// it hides nothing), and the status bar says so.
func (m *Model) onEventChosen(ev int) tea.Cmd {
	if m.state != stateReady {
		return nil
	}
	m.over = overNone
	m.relayout()
	var cmd tea.Cmd
	idx := m.timeline.idx
	if p := sort.SearchInts(idx, ev); p == len(idx) || idx[p] != ev {
		m.filter = timeline.Filter{}
		cmd = m.applyFilter()
		m.flash = "filters cleared to show the event"
		idx = m.timeline.idx
	}
	m.timeline.Select(sort.SearchInts(idx, ev))
	m.setFocus(focusTimeline)
	m.syncDetail()
	return cmd
}

// onCiteIndex installs the citation index built after load.
func (m *Model) onCiteIndex(msg citeIndexMsg) {
	if msg.tl != m.tl {
		return // built for a dataset no longer shown
	}
	m.reader.SetCites(msg.idx)
}
