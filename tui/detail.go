package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"dateline/timeline"
)

// detailPane shows everything about the selected event in a scrollable
// viewport. Its content is rebuilt only when the event or the width
// changes, never in View.
type detailPane struct {
	tl      *timeline.Timeline
	st      *styles
	keys    keyMap
	vp      viewport.Model // scroll position over lines
	lines   []string       // the content, each line exactly width cells
	event   int
	has     bool
	width   int
	height  int
	focused bool
}

func newDetailPane(tl *timeline.Timeline, st *styles, keys keyMap) detailPane {
	vp := viewport.New(0, 0)
	vp.MouseWheelEnabled = false // the root routes the wheel by position
	return detailPane{tl: tl, st: st, keys: keys, vp: vp}
}

// SetSize sets the inner size and rewraps the content.
func (m *detailPane) SetSize(w, h int) {
	resized := w != m.width
	m.width, m.height = max(0, w), max(0, h)
	m.vp.Width, m.vp.Height = m.width, m.height
	if resized {
		m.render()
	}
	m.vp.SetYOffset(m.vp.YOffset) // clamp after a height change
}

// SetEvent shows the event with chronological index i from its top.
func (m *detailPane) SetEvent(i int) {
	if m.has && m.event == i {
		return
	}
	m.event, m.has = i, true
	m.render()
	m.vp.GotoTop()
}

// Clear shows no event.
func (m *detailPane) Clear() {
	m.has = false
	m.render()
}

// Focus makes the pane scroll on navigation keys.
func (m *detailPane) Focus() { m.focused = true }

// Blur makes the pane ignore keys.
func (m *detailPane) Blur() { m.focused = false }

// Focused reports whether the pane takes keys.
func (m detailPane) Focused() bool { return m.focused }

// Scroll moves the view n lines down (up when negative), for the wheel.
func (m *detailPane) Scroll(n int) {
	if n > 0 {
		m.vp.ScrollDown(n)
	} else {
		m.vp.ScrollUp(-n)
	}
}

// Update scrolls on navigation keys when the pane is focused.
func (m detailPane) Update(msg tea.Msg) (detailPane, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !m.focused {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Down):
		m.vp.ScrollDown(1)
	case key.Matches(k, m.keys.Up):
		m.vp.ScrollUp(1)
	case key.Matches(k, m.keys.HalfDown):
		m.vp.HalfPageDown()
	case key.Matches(k, m.keys.HalfUp):
		m.vp.HalfPageUp()
	case key.Matches(k, m.keys.PageDown):
		m.vp.PageDown()
	case key.Matches(k, m.keys.PageUp):
		m.vp.PageUp()
	case key.Matches(k, m.keys.Top):
		m.vp.GotoTop()
	case key.Matches(k, m.keys.Bottom):
		m.vp.GotoBottom()
	}
	return m, nil
}

// footer labels the frame with the scroll position when there is more to
// see than fits: "top", "NN%" or "end".
func (m detailPane) footer() string {
	if m.vp.TotalLineCount() <= m.height {
		return ""
	}
	switch {
	case m.vp.AtTop():
		return "top ↓"
	case m.vp.AtBottom():
		return "end"
	}
	return strconv.Itoa(int(m.vp.ScrollPercent()*100)) + "% ↓"
}

// View draws exactly height lines of exactly width cells.
func (m detailPane) View() string {
	return visible(m.lines, m.vp.YOffset, m.width, m.height)
}

// padLines lays out content for width w with a one-cell margin on each
// side (when there is room) and returns lines exactly w cells wide.
func padLines(w int, layout func(w int) []string) []string {
	pad := 0
	if w >= 20 {
		pad = 1
	}
	lines := layout(w - 2*pad)
	for i, l := range lines {
		lines[i] = fit(strings.Repeat(" ", pad)+fit(l, w-2*pad), w)
	}
	return lines
}

// visible is the window of exact-width lines from offset, h lines high.
func visible(lines []string, offset, w, h int) string {
	offset = max(0, min(offset, len(lines)))
	return stackExact(lines[offset:min(len(lines), offset+h)], w, h)
}

// labelW is the width of the label column ("Status  ").
const labelW = 8

// render rebuilds the viewport content for the current event and width.
func (m *detailPane) render() {
	m.lines = nil
	if m.has && m.width > 0 {
		m.lines = padLines(m.width, func(w int) []string {
			return eventLines(m.tl, m.tl.Event(m.event), m.st, w)
		})
	}
	// The viewport only keeps the scroll position; it needs the line count.
	m.vp.SetContent(strings.Repeat("\n", max(0, len(m.lines)-1)))
}

// eventLines lays out one event for a pane w cells wide. Every line fits w.
func eventLines(tl *timeline.Timeline, ev *timeline.Event, st *styles, w int) []string {
	var out []string
	add := func(s lipgloss.Style, lines ...string) {
		for _, l := range lines {
			out = append(out, s.Render(l))
		}
	}
	labelled := func(label string, s lipgloss.Style, text string) {
		if w < 3*labelW { // too narrow for a label column
			if label != "" {
				text = label + ": " + text
			}
			add(s, wrap(text, w)...)
			return
		}
		lines := wrap(text, w-labelW)
		for i, l := range lines {
			pad := strings.Repeat(" ", labelW)
			if i == 0 && label != "" {
				pad = st.label.Render(fit(label, labelW))
			}
			out = append(out, pad+s.Render(l))
		}
	}
	add(st.heading, wrap(clean(ev.Title), w)...)
	out = append(out, "")

	labelled("Date", st.date, dateText(ev.Date))
	if ev.DateNote != "" {
		labelled("", st.note, clean(ev.DateNote))
	}
	status := ev.Status.String()
	if mk := statusMark(ev.Status); mk != "" {
		status = mk + " " + status
	}
	statusStyle := st.text
	switch ev.Status {
	case timeline.StatusAlleged:
		statusStyle = st.alleged
	case timeline.StatusExpected:
		statusStyle = st.expected
	}
	labelled("Status", statusStyle, status)
	for i, ref := range ev.Actors {
		label := ""
		if i == 0 {
			label = "Actors"
		}
		name := ref.Actor
		if a, ok := tl.Actor(ref.Actor); ok && a.Name != "" {
			name = a.Name
		}
		if ref.Role != "" {
			name += " (" + ref.Role + ")"
		}
		labelled(label, st.text, clean(name))
	}

	if ev.Summary != "" {
		out = append(out, "")
		add(st.text, wrapBlock(cleanBlock(ev.Summary), w)...)
	}

	if len(ev.Citations) > 0 {
		out = append(out, "")
		add(st.label, wrap("Citations ("+strconv.Itoa(len(ev.Citations))+")", w)...)
		for _, c := range ev.Citations {
			out = append(out, "")
			out = append(out, citationLines(tl, c, st, w)...)
		}
	}
	out = append(out, "", st.muted.Render(fit("event id: "+clean(ev.ID), w)))
	return out
}

// dateText is the date with its qualifiers spelled out.
func dateText(d timeline.Date) string {
	if d.IsZero() {
		return "undated"
	}
	s := clean(d.Human())
	switch a, u := d.Approximate(), d.Uncertain(); {
	case a && u:
		s += "  ~? approximate, uncertain"
	case a:
		s += "  ~ approximate"
	case u:
		s += "  ? uncertain"
	}
	return s
}

// citationLines draws a citation as a quoted block: a bar, the quote and a
// line naming the source and paragraph. An unresolved citation gets a
// dashed bar and says so, in words as well as colour.
func citationLines(tl *timeline.Timeline, c timeline.Citation, st *styles, w int) []string {
	bar, barStyle := "┃ ", st.quoteBar
	if !c.Span.Resolved {
		bar, barStyle = "┆ ", st.unresolved
	}
	bw := max(1, w-2)
	var out []string
	for _, l := range wrapBlock("“"+cleanBlock(c.Quote)+"”", bw) {
		out = append(out, barStyle.Render(bar)+st.quote.Render(l))
	}
	title := c.Source
	if s, ok := tl.Source(c.Source); ok && s.Title != "" {
		title = s.Title
	}
	where := "— " + clean(title)
	if c.Span.Resolved {
		where += " · ¶" + strconv.Itoa(c.Span.Paragraph)
	}
	for _, l := range wrap(where, bw) {
		out = append(out, barStyle.Render(bar)+st.source.Render(l))
	}
	if !c.Span.Resolved {
		for _, l := range wrap("unresolved: the quote was not found in the source", bw) {
			out = append(out, barStyle.Render(bar)+st.unresolved.Render(l))
		}
	}
	return out
}

// wrapBlock wraps each paragraph of multi-line text to w cells.
func wrapBlock(s string, w int) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p == "" {
			out = append(out, "")
			continue
		}
		out = append(out, wrap(p, w)...)
	}
	return out
}
