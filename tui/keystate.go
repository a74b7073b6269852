package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// updateKeys enables the bindings that apply in the current mode, which
// also hides the others from the help, and names what esc would do. It
// runs after every message, so a key is matched in the mode it was
// pressed in.
func (m *Model) updateKeys() {
	ready := m.state == stateReady
	browse := ready && m.over == overNone
	reader := ready && m.over == overReader
	picker := m.over == overPicker
	typing := picker || m.over == overSearch || m.over == overDates || m.over == overExport
	k := &m.keys
	set := func(on bool, bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(on)
		}
	}
	set(!typing, &k.Up, &k.Down, &k.HalfDown, &k.HalfUp, &k.PageDown, &k.PageUp,
		&k.Top, &k.Bottom, &k.Help, &k.Quit)
	set(browse, &k.NextPane, &k.PrevPane, &k.Open, &k.Actors, &k.Search, &k.Dates, &k.Export)
	set(browse || reader, &k.Copy)
	set(m.over == overNone && (ready || m.state == stateFailed || m.state == stateEmpty), &k.Reload)
	set(browse && m.search.active(), &k.NextMatch, &k.PrevMatch)
	set(reader, &k.NextCite, &k.PrevCite, &k.NextPassage, &k.PrevPassage)
	set(reader && m.reader.pcur >= 0 || reader && m.reader.list.open, &k.Citing)
	set(picker, &k.PickUp, &k.PickDown, &k.Toggle, &k.AnyAll, &k.Apply)
	set(m.over == overSearch || m.over == overDates || m.over == overExport, &k.Accept)
	if reader && m.reader.list.open {
		k.Citing.SetHelp("enter", "go to event")
	} else {
		k.Citing.SetHelp("enter", "citing events")
	}
	label := m.backLabel()
	k.Back.SetEnabled(label != "")
	k.Back.SetHelp("esc", label)
	if reader {
		k.Quit.SetHelp("q", "back to timeline")
	} else {
		k.Quit.SetHelp("q", "quit")
	}
}

// shortHelp is the one-line help for the current mode.
func (m *Model) shortHelp() []key.Binding {
	k := m.keys
	switch m.over {
	case overPicker:
		return []key.Binding{k.PickDown, k.PickUp, k.Toggle, k.AnyAll, k.Apply, k.Back}
	case overReader:
		return []key.Binding{k.NextCite, k.PrevCite, k.NextPassage, k.PrevPassage, k.Citing,
			k.Back, k.Help, k.Down, k.PageDown}
	}
	return k.ShortHelp()
}

// scrollHelp scrolls the full help when it stands in for the panes and is
// taller than they are.
func (m *Model) scrollHelp(msg tea.KeyMsg) {
	k := m.keys
	_, h := inner(m.lay.main)
	total := len(strings.Split(m.fullHelp(m.lay.main.w-2), "\n"))
	switch {
	case key.Matches(msg, k.Down):
		m.helpTop++
	case key.Matches(msg, k.Up):
		m.helpTop--
	case key.Matches(msg, k.PageDown, k.HalfDown):
		m.helpTop += max(1, h/2)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		m.helpTop -= max(1, h/2)
	case key.Matches(msg, k.Top):
		m.helpTop = 0
	case key.Matches(msg, k.Bottom):
		m.helpTop = total
	}
	m.helpTop = max(0, min(m.helpTop, total-h))
}
