package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"dateline/timeline"
)

// View implements tea.Model. Every frame is exactly the terminal's height
// and no line is wider than the terminal.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return "" // no size yet: Bubble Tea sends one before the first frame
	}
	if m.lay.tooSmall {
		return tooSmallView(m.width, m.height)
	}
	var body string
	switch m.state {
	case stateLoading:
		return m.loading.View(m.width, m.height)
	case stateFailed, stateEmpty:
		body = m.noticeView()
	case stateReady:
		body = m.panesView()
	}
	parts := []string{body, m.statusView(), m.helpView()}
	return clampScreen(strings.Join(parts, "\n"), m.height)
}

// panesView draws the density strip and the two framed panes, or what
// stands in for them: the full help when it does not fit under them, the
// actor picker, the source reader.
func (m *Model) panesView() string {
	if m.showHelp && m.lay.helpModal {
		return m.helpModalView()
	}
	switch m.over {
	case overReader:
		return m.frame(true, m.reader.Title(), m.reader.Footer(), m.reader.View(), true, m.lay.main)
	case overPicker:
		return m.frame(true, m.picker.Title(), "", m.picker.View(), true, m.lay.main)
	}
	tl := m.frame(m.timeline.Focused(), m.timelineTitle(), "",
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
		sel, has = startDay(m.tl.Event(i).Date)
	}
	return m.strip.View(m.st, sel, has) + "\n"
}

// noticeView draws the load-failure or empty-dataset screen.
func (m *Model) noticeView() string {
	if m.showHelp && m.lay.helpModal {
		return m.helpModalView()
	}
	return m.frame(true, m.notice.title, "", m.notice.View(), true, m.lay.main)
}

// helpModalView draws the full help framed in the panes' area, scrolled
// (j/k) when it is taller.
func (m *Model) helpModalView() string {
	w, h := inner(m.lay.main)
	lines := strings.Split(m.fullHelp(w), "\n")
	footer := ""
	if len(lines) > h {
		if m.helpTop+h < len(lines) {
			footer = "more ↓"
		} else {
			footer = "end"
		}
		lines = lines[min(m.helpTop, len(lines)):]
	}
	return m.frame(true, "Help (? or esc to close)", footer, strings.Join(lines, "\n"), false, m.lay.main)
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

func (m *Model) timelineTitle() string {
	if t := m.tl.Title(); t != "" {
		return "Timeline · " + clean(t)
	}
	return "Timeline"
}

// statusView is the status bar line for the current state.
func (m *Model) statusView() string {
	switch m.state {
	case stateFailed:
		n := m.loaded.Count(timeline.SeverityError)
		return paints(m.st).render(&m.st.status, fit("cannot load"+statusSep+plural(n, "error"), m.width))
	case stateEmpty:
		return statusLine(m.st, 0, 0, 0, m.notes, m.width)
	}
	return statusLine(m.st, m.timeline.Cursor(), m.timeline.Len(), m.tl.Len(), m.filterNotes(), m.width)
}

// helpView is the short help line, or the full help when it fits under
// the panes.
func (m *Model) helpView() string {
	switch {
	case m.over == overSearch || m.over == overDates || m.over == overExport:
		return m.promptView()
	case m.showHelp && !m.lay.helpModal:
		return fitBlock(strings.Split(m.fullHelp(m.width), "\n"), m.width, m.lay.helpLines)
	}
	return m.shortHelpLine()
}

// shortHelpLine is the short help fitted to the width. It is drawn again
// only when the bindings it shows, their state or the width change: the
// help model renders every key and description through lipgloss, a sixth
// of a frame, for a line that stays the same from key to key.
func (m *Model) shortHelpLine() string {
	bs := m.shortHelp()
	var k strings.Builder
	k.WriteString(strconv.Itoa(m.width) + "/" + strconv.Itoa(m.help.Width))
	for _, b := range bs {
		h := b.Help()
		k.WriteByte(0)
		if b.Enabled() {
			k.WriteByte(1)
		}
		k.WriteString(h.Key + "\x00" + h.Desc)
	}
	pc := paints(m.st)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.helpKey != k.String() || pc.helpKey == "" {
		pc.helpKey, pc.helpLine = k.String(), fit(m.help.ShortHelpView(bs), m.width)
	}
	return pc.helpLine
}

// fullHelp lays the full help's columns out in rows no wider than w, so
// that a narrow terminal gets every binding rather than a cut-off table.
func (m *Model) fullHelp(w int) string {
	h := m.help
	h.Width = 0 // measure whole columns; rows are cut to w below
	var rows []string
	var cur [][]key.Binding
	for _, g := range m.keys.FullHelp() {
		try := append(slices.Clone(cur), g)
		if len(cur) > 0 && lipgloss.Width(h.FullHelpView(try)) > w {
			rows = append(rows, h.FullHelpView(cur))
			try = [][]key.Binding{g}
		}
		cur = try
	}
	if v := h.FullHelpView(cur); v != "" {
		rows = append(rows, v)
	}
	return strings.Join(rows, "\n")
}
