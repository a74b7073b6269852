package tui

import (
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// applyFilter shows the events m.filter selects, keeping the selected
// event when it is still shown (else the first shown event after it),
// and re-runs the search over the new index. Apply reads the actor and
// date indexes, so its cost follows the result, not the dataset.
func (m *Model) applyFilter() tea.Cmd {
	if !m.tl.Indexed() && (len(m.filter.Actors) > 0 || !m.filter.Dates.IsZero()) {
		// Said, not waited for: onIndexed applies it.
		m.filterPending = true
		m.flash = "indexing actors and dates: the filter applies in a moment"
		return nil
	}
	m.filterPending = false
	sel, had := m.timeline.Selected()
	idx := m.tl.Apply(m.filter, nil) // a new slice: a running search may hold the old one
	pos := 0
	if had {
		pos = sort.SearchInts(idx, sel)
	}
	m.timeline.SetIndex(idx, min(pos, max(0, len(idx)-1)))
	m.timeline.SetEmpty(emptyMessage(m.tl, m.filter))
	m.recomputeStrip()
	m.syncDetail()
	// The old positions mean nothing in the new index: drop them, keep the
	// query highlighted, and ask again.
	m.search.SetEvents(m.tl, idx)
	m.applySearchMarks()
	return m.search.again()
}

// recomputeStrip lays the density strip out again; it runs on filter and
// size changes only.
func (m *Model) recomputeStrip() {
	if m.state != stateReady || m.lay.strip == 0 {
		return
	}
	w, _ := inner(m.lay.timeline)
	m.strip = computeStrip(m.tl, m.timeline.idx, w, m.filter.Dates)
}

// back steps back one level (esc): close the help, then clear the search,
// then the date range, then the actor filter. The inputs, the picker and
// the reader handle their own esc first. At the top level it does nothing.
func (m *Model) back() tea.Cmd {
	switch {
	case m.help.full:
		m.toggleHelp()
	case m.search.active():
		m.search.Clear()
		m.applySearchMarks()
	case !m.filter.Dates.IsZero():
		m.filter.Dates = timeline.Date{}
		return m.applyFilter()
	case len(m.filter.Actors) > 0:
		m.filter.Actors, m.filter.AllActors = nil, false
		return m.applyFilter()
	}
	return nil
}

// backLabel says what esc would do now, for the help.
func (m *Model) backLabel() string {
	switch {
	case m.help.full:
		return "close help"
	case m.over == overSearch || m.over == overDates:
		return "leave input"
	case m.over == overExport:
		return "cancel export"
	case m.over == overPicker:
		return "cancel"
	case m.over == overProblems:
		return "close problems"
	case m.over == overReader:
		if m.reader.list.open {
			return "back to source"
		}
		return "back to timeline"
	case m.search.active():
		return "clear search"
	case !m.filter.Dates.IsZero():
		return "clear dates"
	case len(m.filter.Actors) > 0:
		return "clear actors"
	}
	return ""
}

// actorNote is the status bar's account of the actor filter of f, names
// from tl: "actor: NAME" or "actors (any|all): NAME, NAME".
func actorNote(tl *timeline.Timeline, f timeline.Filter) string {
	if len(f.Actors) == 0 {
		return ""
	}
	names := make([]string, len(f.Actors))
	for i, id := range f.Actors {
		names[i] = id
		if a, ok := tl.Actor(id); ok && a.Name != "" {
			names[i] = a.Name
		}
	}
	if len(names) == 1 {
		return "actor: " + clean(names[0])
	}
	mode := "any"
	if f.AllActors {
		mode = "all"
	}
	return "actors (" + mode + "): " + clean(strings.Join(names, ", "))
}

// datesNote is the status bar's account of the date range of f.
func datesNote(f timeline.Filter) string {
	if f.Dates.IsZero() {
		return ""
	}
	return "dates: " + clean(f.Dates.String())
}

// filterNotes are the status bar notes for the active filters and search,
// then the one-key notice, then the load problems; an unsaved draft
// says so first.
func (m *Model) filterNotes() []string {
	notes := []string{m.draftNote(), actorNote(m.tl, m.filter), datesNote(m.filter), m.search.Note(m.timeline.Cursor()), m.flash}
	if m.tl != nil && m.tl.SourceErr() != nil {
		notes = append(notes, "the file changed since it was opened: r reloads")
	}
	return append(append(notes, m.checkNote()), m.notes...)
}

// emptyMessage is what the timeline says when the filters f leave
// nothing: it names them and the way out, unlike "this dataset has no
// events".
func emptyMessage(tl *timeline.Timeline, f timeline.Filter) string {
	var parts []string
	for _, n := range []string{actorNote(tl, f), datesNote(f)} {
		if n != "" {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "no events"
	}
	return "No events match " + strings.Join(parts, statusSep) + " — esc clears filters"
}

// openPicker opens the actor picker in place of the panes.
func (m *Model) openPicker() {
	if m.picker.st == nil { // not made yet: its counts need the postings
		if !m.tl.Indexed() {
			m.flash = "indexing actors: the picker opens in a moment"
			m.pickerPending = true
			return
		}
		m.picker = newActorPicker(m.tl, m.st, &m.keys)
		m.picker.SetSize(inner(m.lay.main))
	}
	if m.help.full {
		m.toggleHelp()
	}
	m.picker.Open(m.filter)
	m.over = overPicker
}

// pickerKey gives a key to the picker and applies its choice.
func (m *Model) pickerKey(msg tea.KeyMsg) tea.Cmd {
	m.picker, _ = m.picker.Update(msg)
	if !m.picker.Focused() {
		m.over = overNone
	}
	c, ok := m.picker.Chosen()
	if !ok {
		return nil
	}
	m.filter.Actors, m.filter.AllActors = c.actors, c.all && len(c.actors) > 1
	return m.applyFilter()
}

// indexedMsg says that tl's postings and date lists are built (indexCmd).
type indexedMsg struct{ tl *timeline.Timeline }

// indexCmd builds the indexes a lazy Timeline leaves for after its first
// screen, off the event loop.
func indexCmd(tl *timeline.Timeline) tea.Cmd {
	return func() tea.Msg {
		tl.Index()
		return indexedMsg{tl}
	}
}

// onIndexed makes the actor picker, whose counts needed the postings, and
// does what was asked of the indexes before they were built.
func (m *Model) onIndexed(msg indexedMsg) tea.Cmd {
	if msg.tl != m.tl || m.state != stateReady {
		return nil
	}
	if m.picker.st == nil {
		m.picker = newActorPicker(m.tl, m.st, &m.keys)
		m.picker.SetSize(inner(m.lay.main))
	}
	if m.pickerPending {
		m.pickerPending = false
		m.openPicker()
	}
	if m.filterPending {
		return m.applyFilter()
	}
	return nil
}
