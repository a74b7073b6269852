package tui

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// problemsList is the list of a load's problems (p), one a line as
// `dateline validate` prints them: FILE:LINE:COL: SEVERITY: message. It
// holds the load's slice, never a copy, and draws only the rows on
// screen, so ten thousand problems cost what ten do. A row is cut to the
// width, so under the rows an area shows the selected problem whole,
// wrapped: a quote's message ends with what the source says instead.
type problemsList struct {
	st     *styles
	keys   *keyMap
	probs  []data.Problem
	head   string // what the list is of
	cursor int
	top    int
	w, h   int // inner size: the heading, the rows, the selected one whole
}

func newProblemsList(st *styles, keys *keyMap) problemsList {
	return problemsList{st: st, keys: keys}
}

// Show opens the list on probs, from the first, under the heading head.
func (l *problemsList) Show(probs []data.Problem, head string) {
	l.probs, l.head, l.cursor, l.top = probs, head, 0, 0
}

// SetSize sets the inner size of the frame the list is drawn in.
func (l *problemsList) SetSize(w, h int) {
	l.w, l.h = max(0, w), max(0, h)
	l.scroll()
}

// detailLines is how many lines the selected problem's whole text gets
// under the rows (after a rule): a few, a third of the height at most,
// none when the frame is too low to spare them.
func (l problemsList) detailLines() int {
	if l.h < 8 {
		return 0
	}
	return min(6, (l.h-2)/3)
}

// rows is how many problems fit under the heading and above the selected
// one's whole text (and its rule).
func (l problemsList) rows() int {
	d := l.detailLines()
	if d > 0 {
		d++ // the rule
	}
	return max(1, l.h-1-d)
}

// scroll keeps the cursor on screen.
func (l *problemsList) scroll() {
	l.cursor = max(0, min(l.cursor, len(l.probs)-1))
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+l.rows() {
		l.top = l.cursor - l.rows() + 1
	}
	l.top = max(0, min(l.top, len(l.probs)-l.rows()))
}

// Update moves the cursor; on enter it returns the chosen problem.
func (l problemsList) Update(k tea.KeyMsg) (problemsList, data.Problem, bool) {
	page := l.rows()
	switch {
	case key.Matches(k, l.keys.ProblemGo):
		if len(l.probs) > 0 {
			return l, l.probs[l.cursor], true
		}
	default:
		l.cursor, _ = moveByKey(l.keys, k, l.cursor, page, len(l.probs))
	}
	l.scroll()
	return l, data.Problem{}, false
}

// Title is the frame's title.
func (l problemsList) Title() string {
	return "Problems (" + strconv.Itoa(len(l.probs)) + ")"
}

// Footer is the cursor's place in the list, for the frame's bottom edge.
func (l problemsList) Footer() string {
	if len(l.probs) == 0 {
		return ""
	}
	return strconv.Itoa(l.cursor+1) + " of " + strconv.Itoa(len(l.probs))
}

// View draws exactly h lines of exactly w cells: the heading, then the
// problems from top that fit, the selected one marked ▸ (which shows
// without colour too), then the selected one whole, wrapped.
func (l problemsList) View() string {
	out := []string{l.st.label.Render(fit(l.head+statusSep+"enter goes to its event"+statusSep+"esc back", l.w))}
	for i := l.top; i < len(l.probs) && len(out) < 1+l.rows(); i++ {
		line := clean(l.probs[i].String())
		if i == l.cursor {
			out = append(out, l.st.sel.Render(fit("▸ "+line, l.w)))
			continue
		}
		style := l.st.text
		switch l.probs[i].Severity {
		case timeline.SeverityError, timeline.SeverityCitation:
			style = l.st.unresolved
		case timeline.SeverityWarning:
			style = l.st.drift
		}
		out = append(out, style.Render(fit("  "+line, l.w)))
	}
	if d := l.detailLines(); d > 0 && len(l.probs) > 0 {
		for len(out) < 1+l.rows() {
			out = append(out, spaces(l.w))
		}
		out = append(out, l.st.yearSep.Render(rule("─ the selected problem whole ", "─", l.w)))
		out = append(out, l.detail(d)...)
	}
	return stackExact(out, l.w, l.h)
}

// detail is the selected problem's whole text wrapped to the width, in at
// most d lines, the last cut with an ellipsis when it needs more.
func (l problemsList) detail(d int) []string {
	lines := wrap(clean(l.probs[l.cursor].String()), l.w)
	if len(lines) > d {
		lines = lines[:d]
		last := lines[d-1]
		if textWidth(last) >= l.w {
			last = fit(last, l.w-1)
		}
		lines[d-1] = strings.TrimRight(last, " ") + "…"
	}
	for i, s := range lines {
		lines[i] = l.st.text.Render(fit(s, l.w))
	}
	return lines
}

// problemEvent is the index in its file's events of the event a problem
// concerns ("events[3].date" is 3), and false for one that concerns no
// event (a syntax error, a source, the whole file).
func problemEvent(p data.Problem) (int, bool) {
	rest, ok := strings.CutPrefix(string(p.Path), "events[")
	if !ok {
		return 0, false
	}
	end := strings.IndexByte(rest, ']')
	if end <= 0 {
		return 0, false
	}
	i, err := strconv.Atoi(rest[:end])
	return i, err == nil && i >= 0
}

// problemJumpMsg says why enter on a problem did not go to an event.
type problemJumpMsg struct{ note string }

// openProblems opens the list of the last load's problems, or of the last
// reload's when it failed (the version on screen is the one before it).
func (m *Model) openProblems() {
	l, head := m.loaded, "problems of "+clean(m.loadedFile())
	if m.failed != nil {
		l, head = m.failed, "the reload failed; the previous version is shown"
	}
	if l == nil || len(l.Problems) == 0 {
		m.flash = "no problems: every quote was found and every field is valid"
		return
	}
	if m.help.full {
		m.toggleHelp()
	}
	m.problems.Show(l.Problems, head)
	m.over = overProblems
	m.relayout()
}

// loadedFile names the dataset shown.
func (m *Model) loadedFile() string {
	if m.loaded != nil && m.loaded.File != "" {
		return m.loaded.File
	}
	return "the dataset"
}

// problemsKey handles a key while the problems list is open: esc and q
// close it (or the help first), enter goes to the problem's event.
func (m *Model) problemsKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Help):
		m.toggleHelp()
	case key.Matches(msg, m.keys.Back, m.keys.Quit):
		if m.help.full {
			m.toggleHelp()
			return nil
		}
		m.over = overNone
		m.relayout()
	default:
		if m.help.full && m.lay.helpModal {
			m.help, _ = m.help.Update(msg)
			return nil
		}
		var p data.Problem
		var ok bool
		if m.problems, p, ok = m.problems.Update(msg); ok {
			return m.jumpToProblem(p)
		}
	}
	return nil
}

// jumpToProblem finds the event a problem concerns, off the event loop:
// its id is read from the loaded dataset (or, for JSON Lines, whose
// loader keeps no events in file order, from the problem's line of the
// file), then looked up among the events shown, which may be a million.
func (m *Model) jumpToProblem(p data.Problem) tea.Cmd {
	i, ok := problemEvent(p)
	if !ok {
		m.flash = "this problem concerns no event"
		return nil
	}
	l := m.loaded
	if m.failed != nil {
		l = m.failed
	}
	tl := m.tl
	if k, ok := tl.Position(i); ok && m.failed == nil {
		// A big file's Timeline keeps where each line's event went.
		return func() tea.Msg { return eventChosenMsg{event: k} }
	}
	var events []timeline.Event
	if l.Dataset != nil {
		events = l.Dataset.Events
	}
	return func() tea.Msg {
		var id string
		if i < len(events) {
			id = events[i].ID
		} else if p.Line > 0 {
			id = jsonlEventID(p.File, p.Line)
		}
		if id == "" {
			return problemJumpMsg{"the event of this problem has no id"}
		}
		if k, ok := tl.EventIndex(id); ok {
			return eventChosenMsg{event: k}
		}
		return problemJumpMsg{"event " + clean(id) + " is not in the version shown"}
	}
}

// jsonlEventID is the id of the event record on line n of a JSON Lines
// file, or "" when the line cannot be read or has none.
func jsonlEventID(file string, n int) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16<<20) // the loader's longest line
	for k := 1; sc.Scan(); k++ {
		if k == n {
			var rec struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) != nil {
				return ""
			}
			return rec.ID
		}
	}
	return ""
}
