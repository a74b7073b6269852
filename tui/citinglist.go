package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// citingList lists the events that cite one passage, in the reader; enter
// chooses one and the root returns to the timeline with it selected.
type citingList struct {
	keys   *keyMap
	open   bool
	events []int // chronological indexes
	cursor int
	top    int
}

// Show opens the list over events, with the cursor on from when it is
// among them (the event the reader was opened for).
func (l *citingList) Show(events []int, from int) {
	l.open, l.events, l.cursor, l.top = true, events, 0, 0
	for i, e := range events {
		if e == from {
			l.cursor = i
		}
	}
}

// Close hides the list.
func (l *citingList) Close() { l.open = false }

// Update moves the cursor; on enter it reports the chosen event.
func (l citingList) Update(k tea.KeyMsg) (citingList, int, bool) {
	switch {
	case key.Matches(k, l.keys.Down):
		l.cursor = min(len(l.events)-1, l.cursor+1)
	case key.Matches(k, l.keys.Up):
		l.cursor = max(0, l.cursor-1)
	case key.Matches(k, l.keys.Top):
		l.cursor = 0
	case key.Matches(k, l.keys.Bottom):
		l.cursor = len(l.events) - 1
	case key.Matches(k, l.keys.Citing):
		if len(l.events) > 0 {
			return l, l.events[l.cursor], true
		}
	}
	return l, 0, false
}

// View draws the list in w×h cells: a heading, then one row per event.
func (l citingList) View(tl *timeline.Timeline, st *styles, w, h int) string {
	head := "Events citing this passage (" + strconv.Itoa(len(l.events)) + ") · enter opens · esc back"
	out := []string{st.label.Render(fit(head, w))}
	rows := max(0, h-1)
	top := max(0, min(l.cursor-rows+1, len(l.events)-rows))
	top = min(top, l.cursor)
	for i := top; i < len(l.events) && len(out) < h; i++ {
		ev := tl.Event(l.events[i])
		date := "undated"
		if !ev.Date.IsZero() {
			date = clean(ev.Date.Human())
		}
		line := "  " + date + "  " + clean(ev.Title)
		if i == l.cursor {
			out = append(out, st.sel.Render(fit("▸ "+date+"  "+clean(ev.Title), w)))
			continue
		}
		out = append(out, fit(line, w))
	}
	return stackExact(out, w, h)
}
