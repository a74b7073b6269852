package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// newHelpModel returns a help.Model drawn in the theme's help styles.
func newHelpModel(st *styles) help.Model {
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = st.helpKey, st.helpKey
	h.Styles.ShortDesc, h.Styles.FullDesc = st.helpDesc, st.helpDesc
	h.Styles.ShortSeparator, h.Styles.FullSeparator = st.helpSep, st.helpSep
	h.Styles.Ellipsis = st.helpSep
	return h
}

// shortHelp is the one-line help for the current mode.
func (m *Model) shortHelp() []key.Binding {
	k := m.keys
	switch m.over {
	case overPicker:
		return []key.Binding{k.PickDown, k.PickUp, k.Toggle, k.AnyAll, k.Apply, k.Back}
	case overProblems:
		return []key.Binding{k.ProblemGo, k.Back, k.Down, k.PageDown, k.Help}
	case overReader:
		return []key.Binding{k.NextCite, k.PrevCite, k.NextPassage, k.PrevPassage, k.Citing,
			k.Back, k.Help, k.Down, k.PageDown}
	}
	return k.ShortHelp()
}

// helpPanel is the help: the short help line for the mode, or the full
// help (?), under the panes or, when it does not fit there, in their
// place, scrolled with the navigation keys. It draws the root's binding
// table, so a binding the mode disables is left out.
type helpPanel struct {
	st    *styles
	keys  *keyMap
	model help.Model
	full  bool // the full help is shown
	top   int  // the full help's scroll when it replaces the panes
	w, h  int  // the panes' inner size, when it replaces them
}

func newHelpPanel(st *styles, keys *keyMap) helpPanel {
	return helpPanel{st: st, keys: keys, model: newHelpModel(st)}
}

// Toggle shows or hides the full help, from its top.
func (p *helpPanel) Toggle() {
	p.full = !p.full
	p.top = 0
}

// SetWidth sets the terminal's width, which the short help fills.
func (p *helpPanel) SetWidth(w int) { p.model.Width = w }

// SetSize sets the inner size of the panes' area, where the full help is
// drawn when it does not fit under them.
func (p *helpPanel) SetSize(w, h int) { p.w, p.h = w, h }

// Update scrolls the full help on navigation keys, when it stands in for
// the panes and is taller than they are.
func (p helpPanel) Update(msg tea.Msg) (helpPanel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	total := len(strings.Split(p.Full(p.w), "\n"))
	switch {
	case key.Matches(k, p.keys.Down):
		p.top++
	case key.Matches(k, p.keys.Up):
		p.top--
	case key.Matches(k, p.keys.PageDown, p.keys.HalfDown):
		p.top += max(1, p.h/2)
	case key.Matches(k, p.keys.PageUp, p.keys.HalfUp):
		p.top -= max(1, p.h/2)
	case key.Matches(k, p.keys.Top):
		p.top = 0
	case key.Matches(k, p.keys.Bottom):
		p.top = total
	}
	p.top = max(0, min(p.top, total-p.h))
	return p, nil
}

// View is the full help as it stands in for the panes: its rows from the
// scroll position on, for a frame of the panes' inner size.
func (p helpPanel) View() string {
	lines := strings.Split(p.Full(p.w), "\n")
	if len(lines) > p.h {
		lines = lines[min(p.top, len(lines)):]
	}
	return strings.Join(lines, "\n")
}

// Footer labels the frame of View when the help is taller than it.
func (p helpPanel) Footer() string {
	n := len(strings.Split(p.Full(p.w), "\n"))
	switch {
	case n <= p.h:
		return ""
	case p.top+p.h < n:
		return "more ↓"
	}
	return "end"
}

// Short is the short help of bindings bs fitted to the width w. It is drawn
// again only when the bindings, their state or the width change: the help
// model renders every key and description through lipgloss, a sixth of a
// frame, for a line that stays the same from key to key.
func (p helpPanel) Short(bs []key.Binding, w int) string {
	var k strings.Builder
	k.WriteString(strconv.Itoa(w) + "/" + strconv.Itoa(p.model.Width))
	for _, b := range bs {
		h := b.Help()
		k.WriteByte(0)
		if b.Enabled() {
			k.WriteByte(1)
		}
		k.WriteString(h.Key + "\x00" + h.Desc)
	}
	pc := paints(p.st)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.helpKey != k.String() || pc.helpKey == "" {
		pc.helpKey, pc.helpLine = k.String(), fit(p.model.ShortHelpView(bs), w)
	}
	return pc.helpLine
}

// Full lays the full help's columns out in rows no wider than w, so that
// a narrow terminal gets every binding rather than a cut-off table.
func (p helpPanel) Full(w int) string {
	h := p.model
	h.Width = 0 // measure whole columns; rows are cut to w below
	var rows []string
	var cur [][]key.Binding
	for _, g := range p.keys.FullHelp() {
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
	rows = append(rows, p.legend(w)...)
	return strings.Join(rows, "\n")
}

// rowMarks are the glyphs of timeline rows, with what each means, for the
// legend under the full help. They are glyphs, not colours, so that they
// read the same under NO_COLOR.
var rowMarks = [][2]string{
	{"~", "approximate date"}, {"?", "uncertain date"},
	{"!", "alleged"}, {"»", "expected"},
	{citeFailed, "a quote not found in its source, or an invalid event"}, {citeDrifted, "a quote re-anchored after its source changed"},
	{"•", "search match"},
}

// legend lays rowMarks out after "Marks:" in lines no wider than w.
func (p helpPanel) legend(w int) []string {
	sepW := textWidth(helpSepText)
	var lines []string
	line, lineW := p.st.helpKey.Render("Marks:"), textWidth("Marks:")
	for k, mk := range rowMarks {
		sep, sw := p.st.helpSep.Render(helpSepText), sepW
		if k == 0 {
			sep, sw = " ", 1
		}
		iw := textWidth(mk[0] + " " + mk[1])
		if lineW+sw+iw > w && k > 0 {
			lines = append(lines, fit(line, w))
			line, lineW, sep = "", 0, "" // a continuation line starts with its item
			sw = 0
		}
		line += sep + p.st.helpKey.Render(mk[0]) + " " + p.st.helpDesc.Render(mk[1])
		lineW += sw + iw
	}
	return append(lines, fit(line, w))
}

// helpSepText separates the items of the legend: spaces, since "•" is
// one of the marks.
const helpSepText = "   "
