package tui

import (
	"strings"

	"dateline/timeline"
)

// View implements tea.Model. Every frame is exactly the terminal's height
// and no line is wider than the terminal.
func (m *Model) View() string {
	if m.lay.w <= 0 || m.lay.h <= 0 {
		return "" // no size yet: Bubble Tea sends one before the first frame
	}
	if m.lay.tooSmall {
		return tooSmallView(m.lay.w, m.lay.h)
	}
	var body string
	switch m.state {
	case stateLoading:
		return m.loading.View(m.lay.w, m.lay.h)
	case stateFailed, stateEmpty:
		body = m.noticeView()
	case stateReady:
		body = m.panesView()
	}
	parts := []string{body, m.statusView(), m.helpView()}
	return clampScreen(strings.Join(parts, "\n"), m.lay.h)
}

// panesView draws the density strip and the two framed panes, or what
// stands in for them: the full help when it does not fit under them, the
// actor picker, the source reader.
func (m *Model) panesView() string {
	if m.help.full && m.lay.helpModal {
		return m.helpModalView()
	}
	switch m.over {
	case overReader:
		return m.frame(true, m.reader.Title(), m.reader.Footer(), m.reader.View(), true, m.lay.main)
	case overPicker:
		return m.frame(true, m.picker.Title(), "", m.picker.View(), true, m.lay.main)
	case overProblems:
		return m.frame(true, m.problems.Title(), m.problems.Footer(), m.problems.View(), true, m.lay.main)
	}
	tl := m.frame(m.timeline.Focused(), timelineTitle(m.tl), "",
		m.stripView()+m.timeline.View(), true, m.lay.timeline)
	dt := m.frame(m.detail.Focused(), "Detail", m.detail.footer(),
		m.detail.View(), true, m.lay.detail)
	if !m.lay.side {
		return tl + "\n" + dt
	}
	return joinColumns(tl, dt)
}

// stripView is the density strip and its line break, the first line in
// the timeline frame, or nothing when the pane has no room for it.
func (m *Model) stripView() string {
	if m.lay.strip == 0 {
		return ""
	}
	var sel timeline.Day
	has := false
	if i, ok := m.timeline.Selected(); ok {
		sel, has = m.tl.StartDay(i)
	}
	return m.strip.View(m.st, sel, has) + "\n"
}

// noticeView draws the load-failure or empty-dataset screen.
func (m *Model) noticeView() string {
	if m.help.full && m.lay.helpModal {
		return m.helpModalView()
	}
	return m.frame(true, m.notice.title, "", m.notice.View(), true, m.lay.main)
}

// helpModalView draws the full help framed in the panes' area.
func (m *Model) helpModalView() string {
	return m.frame(true, "Help (? or esc to close)", m.help.Footer(), m.help.View(), false, m.lay.main)
}

// frame draws content in a focused or blurred frame filling r; exact says
// the content's lines are already as wide as the frame's inside.
func (m *Model) frame(focused bool, title, footer, content string, exact bool, r rect) string {
	fs := &m.st.blurred
	if focused {
		fs = &m.st.focused
	}
	return drawFrame(paints(m.st), fs, title, footer, strings.Split(content, "\n"), exact, r.w, r.h)
}

// timelineTitle is the timeline frame's title: the dataset's, when it has one.
func timelineTitle(tl *timeline.Timeline) string {
	if t := tl.Title(); t != "" {
		return "Timeline · " + clean(t)
	}
	return "Timeline"
}

// statusView is the status bar line for the current state.
func (m *Model) statusView() string {
	switch m.state {
	case stateFailed:
		n := m.loaded.Count(timeline.SeverityError)
		return paints(m.st).render(&m.st.status, fit("cannot load"+statusSep+timeline.Plural(n, "error"), m.lay.w))
	case stateEmpty:
		return statusLine(m.st, 0, 0, 0, m.notes, m.lay.w)
	}
	return statusLine(m.st, m.timeline.Cursor(), m.timeline.Len(), m.tl.Len(), m.filterNotes(), m.lay.w)
}

// helpView is the short help line, or the full help when it fits under
// the panes.
func (m *Model) helpView() string {
	switch {
	case m.over == overSearch || m.over == overDates || m.over == overExport:
		return m.promptView()
	case m.help.full && !m.lay.helpModal:
		return fitBlock(strings.Split(m.help.Full(m.lay.w), "\n"), m.lay.w, m.lay.helpLines)
	}
	return m.help.Short(m.shortHelp(), m.lay.w)
}
