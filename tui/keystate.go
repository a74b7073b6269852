package tui

import (
	"github.com/charmbracelet/bubbles/key"
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
	set(browse, &k.NextPane, &k.PrevPane, &k.Open, &k.Actors, &k.Search, &k.Dates, &k.Export, &k.Edit)
	set(browse || reader, &k.Copy)
	set(m.over == overNone && (ready || m.state == stateFailed || m.state == stateEmpty), &k.Reload)
	set(browse && m.search.active(), &k.NextMatch, &k.PrevMatch)
	set(reader, &k.NextCite, &k.PrevCite, &k.NextPassage, &k.PrevPassage)
	set(reader && !m.reader.list.open, &k.NextSentence, &k.PrevSentence, &k.CiteSentence)
	set(reader && m.reader.pcur >= 0 || reader && m.reader.list.open, &k.Citing)
	set(picker, &k.PickUp, &k.PickDown, &k.Toggle, &k.AnyAll, &k.Apply)
	set(m.over == overSearch || m.over == overDates || m.over == overExport, &k.Accept)
	set(browse, &k.Problems)
	set(ready && m.over == overProblems, &k.ProblemGo)
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
