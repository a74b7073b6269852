package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// detailPane shows everything about the selected event in a scrollable
// viewport. Its content is rebuilt only when the event or the width
// changes, never in View.
type detailPane struct {
	tl      *timeline.Timeline
	st      *styles
	keys    *keyMap
	vp      viewport.Model // scroll position over lines
	lines   []string       // the content, each line exactly width cells
	event   int
	has     bool
	width   int
	height  int
	focused bool
	marks   marks // search and actor-filter highlights
}

func newDetailPane(tl *timeline.Timeline, st *styles, keys *keyMap) detailPane {
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

// SetMarks sets the search query and the IDs of the filtered actors to
// highlight; the content is rebuilt only when they change.
func (m *detailPane) SetMarks(query string, actors []string) {
	if query == m.marks.query && sameSet(actors, m.marks.actors) {
		return
	}
	m.marks = marks{query: query, actors: make(map[string]bool, len(actors))}
	for _, id := range actors {
		m.marks.actors[id] = true
	}
	m.render()
}

// sameSet reports whether ids are the members of set.
func sameSet(ids []string, set map[string]bool) bool {
	n := 0
	for _, id := range ids {
		if !set[id] {
			return false
		}
		n++
	}
	return n == len(set)
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
	if k, ok := msg.(tea.KeyMsg); ok && m.focused {
		scrollByKey(&m.vp, m.keys, k)
	}
	return m, nil
}

// scrollByKey scrolls a pane's viewport on the navigation keys, as a pager
// does: the detail pane and the notice pane scroll alike.
func scrollByKey(vp *viewport.Model, keys *keyMap, k tea.KeyMsg) {
	switch {
	case key.Matches(k, keys.Down):
		vp.ScrollDown(1)
	case key.Matches(k, keys.Up):
		vp.ScrollUp(1)
	case key.Matches(k, keys.HalfDown):
		vp.HalfPageDown()
	case key.Matches(k, keys.HalfUp):
		vp.HalfPageUp()
	case key.Matches(k, keys.PageDown):
		vp.PageDown()
	case key.Matches(k, keys.PageUp):
		vp.PageUp()
	case key.Matches(k, keys.Top):
		vp.GotoTop()
	case key.Matches(k, keys.Bottom):
		vp.GotoBottom()
	}
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

// padMarked lays the event out like padLines, putting a • in the left
// margin of each line that holds a search match, so that matches show
// without colour too.
func (m *detailPane) padMarked() []string {
	pad := 0
	if m.width >= 20 {
		pad = 1
	}
	lines, hits := eventLines(m.tl, m.tl.Event(m.event), m.st, m.width-2*pad, m.marks)
	if p := m.tl.EventProblem(m.event); p != "" {
		// An event of a big file is checked only when shown: say why it is marked.
		note := wrap(citeFailed+" "+clean(p), m.width-2*pad)
		for k := range note {
			note[k] = m.st.unresolved.Render(note[k])
		}
		lines = append(note, lines...)
		hits = append(make([]bool, len(note)), hits...)
	}
	for i, l := range lines {
		margin := strings.Repeat(" ", pad)
		if pad == 1 && hits[i] {
			margin = m.st.match.Render("•")
		}
		lines[i] = fit(margin+fit(l, m.width-2*pad), m.width)
	}
	return lines
}

// labelW is the width of the label column ("Status  ").
const labelW = 8

// render rebuilds the viewport content for the current event and width.
func (m *detailPane) render() {
	m.lines = nil
	if m.has && m.width > 0 {
		m.lines = m.padMarked()
	}
	// The viewport only keeps the scroll position; it needs the line count.
	m.vp.SetContent(strings.Repeat("\n", max(0, len(m.lines)-1)))
}
