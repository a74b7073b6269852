package tui

import tea "github.com/charmbracelet/bubbletea"

// The root's side of the three prompts (search, dates, export): which one
// has the keyboard, and what their answers do to the filter and the files.
// The prompts own their text and state; they take the line of the short
// help while they have the keyboard.

// openPrompt gives the keyboard to the search, date-range or export
// input. The help closes: while an input has the keyboard every key is
// typed, `?` and `esc` included.
func (m *Model) openPrompt(which overlay) {
	if m.help.full {
		m.toggleHelp()
	}
	m.over = which
	switch which {
	case overSearch:
		m.search.Focus(m.timeline.Cursor())
	case overDates:
		m.dates.Focus()
	case overExport:
		m.export.draft = m.cfg.Draft != nil
		m.export.Focus()
	}
	m.relayout()
}

// closePrompt gives the keyboard back to the panes once a prompt has left.
func (m *Model) closePrompt() {
	m.over = overNone
	m.relayout()
}

// promptKey gives a key to the prompt that has the keyboard and acts on
// its answer: a search marks its hits as typed, a date range filters, an
// export writes the shown events.
func (m *Model) promptKey(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	switch m.over {
	case overSearch:
		m.search, cmd = m.search.Update(msg)
		m.applySearchMarks() // a blank query clears them at once
		if !m.search.Focused() {
			m.closePrompt()
		}
	case overDates:
		m.dates, cmd = m.dates.Update(msg)
		if !m.dates.Focused() {
			m.closePrompt()
		}
		if d, ok := m.dates.Applied(); ok {
			m.filter.Dates = d
			return m.applyFilter()
		}
	case overExport:
		m.export, cmd = m.export.Update(msg)
		if !m.export.Focused() {
			m.closePrompt()
		}
		if r, ok := m.export.Submitted(); ok {
			if r.format == formatYAML {
				return saveDraftCmd(m.cfg.Draft, m.tl.Len(), r)
			}
			return exportCmd(m.loaded, m.timeline.idx, r)
		}
	}
	return cmd
}

// promptView is the line of the prompt that has the keyboard, in place of
// the short help; "" when none has it.
func (m *Model) promptView() string {
	switch m.over {
	case overSearch:
		return m.search.View(m.lay.w)
	case overDates:
		return m.dates.View(m.lay.w)
	case overExport:
		return m.export.View(m.lay.w)
	}
	return ""
}
