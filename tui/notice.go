package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// noticePane is the screen shown instead of the panes when there is
// nothing to browse: the dataset failed to load (with every problem at its
// file position) or it has no events. It scrolls like the detail pane.
type noticePane struct {
	st     *styles
	keys   *keyMap
	vp     viewport.Model
	title  string
	body   []string // lines before wrapping
	probs  []data.Problem
	lines  []string // wrapped content, each line exactly width cells
	width  int
	height int
}

func newNoticePane(st *styles, keys *keyMap, title string, body []string, probs []data.Problem) noticePane {
	vp := viewport.New(0, 0)
	vp.MouseWheelEnabled = false
	return noticePane{st: st, keys: keys, vp: vp, title: title, body: body, probs: probs}
}

// loadFailedNotice describes a dataset that could not be used.
func loadFailedNotice(st *styles, keys *keyMap, l *data.Loaded) noticePane {
	n := l.Count(timeline.SeverityError)
	body := []string{"The dataset could not be loaded (" + timeline.Plural(n, "error") + ")."}
	if len(l.Problems) == 0 {
		body = append(body, "", l.Err().Error())
	}
	return newNoticePane(st, keys, "cannot load "+clean(l.File), body, l.Problems)
}

// emptyNotice describes a dataset without events.
func emptyNotice(st *styles, keys *keyMap, l *data.Loaded) noticePane {
	return newNoticePane(st, keys, clean(l.File),
		[]string{"This dataset has no events."}, l.Problems)
}

// SetSize sets the inner size and rewraps.
func (m *noticePane) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	m.vp.Width, m.vp.Height = m.width, m.height
	m.lines = padLines(m.width, m.layout)
	m.vp.SetContent(strings.Repeat("\n", max(0, len(m.lines)-1)))
	m.vp.SetYOffset(m.vp.YOffset)
}

// layout wraps the message and the problems to width w.
func (m *noticePane) layout(w int) []string {
	var lines []string
	for _, b := range m.body {
		lines = append(lines, wrapBlock(cleanBlock(b), w)...)
	}
	if len(m.probs) > 0 {
		lines = append(lines, "")
	}
	for _, p := range m.probs {
		style := m.st.errText
		if p.Severity == timeline.SeverityError {
			style = m.st.errTitle
		}
		for i, l := range wrap(clean(p.String()), max(1, w-2)) {
			if i > 0 {
				l = "  " + l // a hanging indent keeps one problem visibly one
			}
			lines = append(lines, style.Render(l))
		}
	}
	return lines
}

// Update scrolls on navigation keys, as the detail pane does.
func (m noticePane) Update(msg tea.Msg) (noticePane, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		scrollByKey(&m.vp, m.keys, k)
	}
	return m, nil
}

// View draws exactly height lines of exactly width cells.
func (m noticePane) View() string {
	return visible(m.lines, m.vp.YOffset, m.width, m.height)
}
