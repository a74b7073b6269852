package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// openInput gives the keyboard to the search or the date-range input, with
// the text it had when it was last left. The help closes: while an input
// has the keyboard every key is typed, `?` and `esc` included.
func (m *Model) openInput(which overlay) {
	if m.showHelp {
		m.toggleHelp()
	}
	m.over = which
	switch which {
	case overSearch:
		m.search.origin = m.timeline.Cursor()
		m.searchIn.Focus()
	case overDates:
		m.datesIn.Focus()
		m.validateDates()
	}
	m.relayout()
}

// closeInput takes the keyboard back from the inputs; their text stays.
func (m *Model) closeInput() {
	m.searchIn.Blur()
	m.datesIn.Blur()
	m.over = overNone
	m.datesErr = ""
	m.relayout()
}

// inputKey handles a key while an input has the keyboard: enter and esc
// leave it, everything else (bursts and pastes whole) is typed.
func (m *Model) inputKey(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, m.keys.Back):
		m.closeInput() // keeps the text; a search stays as typed
	case key.Matches(msg, m.keys.Accept):
		if m.over == overDates {
			return m.acceptDates()
		}
		m.closeInput()
	case m.over == overSearch:
		before := m.searchIn.Value()
		m.searchIn = m.searchIn.Update(msg)
		if v := m.searchIn.Value(); v != before {
			cmd = m.startSearch(v, true)
		}
	default:
		m.datesIn = m.datesIn.Update(msg)
		m.validateDates()
	}
	return cmd
}

// validateDates explains, as the user types, why the text is not a date.
func (m *Model) validateDates() {
	m.datesErr = ""
	v := strings.TrimSpace(m.datesIn.Value())
	if v == "" {
		return
	}
	if _, err := timeline.ParseDate(v); err != nil {
		var de *timeline.DateError
		if errors.As(err, &de) {
			m.datesErr = de.Reason
		} else {
			m.datesErr = err.Error()
		}
	}
}

// acceptDates applies the date range typed (an empty one clears it) and
// leaves the input; an invalid one keeps the input open with its reason.
func (m *Model) acceptDates() tea.Cmd {
	v := strings.TrimSpace(m.datesIn.Value())
	var d timeline.Date
	if v != "" {
		var err error
		if d, err = timeline.ParseDate(v); err != nil {
			m.validateDates()
			return nil
		}
	}
	m.closeInput()
	m.filter.Dates = d
	return m.applyFilter()
}

// dateReason is how the date input explains an invalid expression.
func dateReason(why string) string { return "  ✗ " + clean(why) }

// inputView is the input line that replaces the short help while an input
// has the keyboard: the prompt, the text, then a hint or, for a date that
// does not parse, why, in place.
func (m *Model) inputView() string {
	if m.over == overSearch {
		return fit(m.searchIn.View(m.width)+m.st.muted.Render("   enter keep · esc leave"), m.width)
	}
	if m.datesErr != "" {
		// The text keeps at least a third of the line; the reason the rest.
		reason := dateReason(m.datesErr)
		line := m.datesIn.View(max(m.width/3, m.width-textWidth(reason)))
		return fit(line+m.st.inputErr.Render(reason), m.width)
	}
	line := m.datesIn.View(m.width)
	return fit(line+m.st.muted.Render("   e.g. 2023-09, 2023/2024, ../2021 · enter apply · empty clears · esc leave"), m.width)
}
