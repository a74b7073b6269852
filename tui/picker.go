package tui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// pickItem is one actor of the picker.
type pickItem struct {
	id, name, kind string
	aliases        string // joined, for display
	names          []string
	count          int
}

// pickerChoice is what the picker chose when it closed: the actor IDs,
// and whether events must list all of them (else any).
type pickerChoice struct {
	actors []string
	all    bool
}

// actorPicker lists every actor with its kind and event count; typing
// narrows it by name or alias, tab toggles, ctrl+t switches any/all, enter
// applies, esc cancels. Narrowing scans the actors (O(actors · names) per
// keystroke, about a millisecond for ten thousand actors); drawing costs
// the rows on screen.
type actorPicker struct {
	st      *styles
	keys    *keyMap
	input   lineInput
	items   []pickItem // most events first
	shown   []int      // indexes into items that match the query
	cursor  int        // position in shown
	toggled []string   // actor IDs in the order they were toggled
	all     bool
	width   int
	height  int

	open bool // the picker has the keyboard
	// chose is set by the Update whose enter applied choice; esc closes
	// the picker without one.
	chose  bool
	choice pickerChoice
}

func newActorPicker(tl *timeline.Timeline, st *styles, keys *keyMap) actorPicker {
	items := make([]pickItem, 0, len(tl.Actors()))
	for _, a := range tl.Actors() {
		items = append(items, pickItem{
			id: a.ID, name: clean(cmp.Or(a.Name, a.ID)), kind: a.Kind.String(),
			aliases: clean(strings.Join(a.Aliases, ", ")),
			names:   append([]string{a.Name, a.ID}, a.Aliases...),
			count:   tl.ActorEventCount(a.ID),
		})
	}
	slices.SortStableFunc(items, func(a, b pickItem) int { return b.count - a.count })
	return actorPicker{st: st, keys: keys, input: newLineInput(st, "filter: "), items: items}
}

// Open resets the picker: empty query, nothing toggled, any/all as the
// current filter has it, the cursor on the filter's first actor.
func (p *actorPicker) Open(f timeline.Filter) {
	p.open = true
	p.input.SetValue("")
	p.input.Focus()
	p.toggled, p.all, p.cursor = nil, f.AllActors, 0
	p.narrow()
	if len(f.Actors) > 0 {
		for pos, i := range p.shown {
			if p.items[i].id == f.Actors[0] {
				p.cursor = pos
			}
		}
	}
}

// SetSize sets the inner size.
func (p *actorPicker) SetSize(w, h int) {
	p.width, p.height = max(0, w), max(0, h)
}

// narrow keeps the actors whose name, ID or an alias contains the query.
func (p *actorPicker) narrow() {
	q := strings.TrimSpace(p.input.Value())
	p.shown = make([]int, 0, len(p.shown)) // a new slice: older model copies keep theirs
	for i, it := range p.items {
		if q == "" || slices.ContainsFunc(it.names, func(n string) bool { return timeline.ContainsFold(n, q) }) {
			p.shown = append(p.shown, i)
		}
	}
	p.cursor = max(0, min(p.cursor, len(p.shown)-1))
}

// isToggled reports whether actor id is toggled.
func (p *actorPicker) isToggled(id string) bool { return slices.Contains(p.toggled, id) }

// Focused reports whether the picker has the keyboard.
func (p actorPicker) Focused() bool { return p.open }

// Chosen is what the last Update applied, if it applied a choice.
func (p actorPicker) Chosen() (pickerChoice, bool) { return p.choice, p.chose }

// close gives the keyboard back.
func (p *actorPicker) close() {
	p.open = false
	p.input.Blur()
}

// Update handles one key; every key the picker does not bind is typed
// into its filter, bursts and spaces included. Esc closes it; enter
// closes it with the toggled actors, or the highlighted one.
func (p actorPicker) Update(msg tea.Msg) (actorPicker, tea.Cmd) {
	p.chose = false
	k, ok := msg.(tea.KeyMsg)
	if !ok || !p.open {
		return p, nil
	}
	switch {
	case key.Matches(k, p.keys.Back):
		p.close()
	case key.Matches(k, p.keys.Apply):
		switch {
		case len(p.toggled) > 0:
			p.close()
			p.chose, p.choice = true, pickerChoice{actors: slices.Clone(p.toggled), all: p.all}
		case len(p.shown) > 0:
			p.close()
			p.chose, p.choice = true, pickerChoice{actors: []string{p.items[p.shown[p.cursor]].id}, all: p.all}
		}
	case key.Matches(k, p.keys.PickDown):
		p.cursor = min(len(p.shown)-1, p.cursor+1)
	case key.Matches(k, p.keys.PickUp):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(k, p.keys.Toggle):
		if len(p.shown) > 0 {
			id := p.items[p.shown[p.cursor]].id
			if i := slices.Index(p.toggled, id); i >= 0 {
				p.toggled = slices.Concat(p.toggled[:i], p.toggled[i+1:])
			} else {
				p.toggled = slices.Concat(p.toggled, []string{id})
			}
		}
	case key.Matches(k, p.keys.AnyAll):
		p.all = !p.all
	default:
		before := p.input.Value()
		p.input = p.input.Update(k)
		if p.input.Value() != before {
			p.cursor = 0
			p.narrow()
		}
	}
	return p, nil
}

// Title names the picker and its mode for the frame.
func (p actorPicker) Title() string {
	mode := "any"
	if p.all {
		mode = "all"
	}
	return "Actors · " + strconv.Itoa(len(p.shown)) + " of " + strconv.Itoa(len(p.items)) +
		" · " + strconv.Itoa(len(p.toggled)) + " toggled · match " + mode
}

// View draws the filter input, a hint line and the rows on screen, in
// exactly width×height cells.
func (p actorPicker) View() string {
	w, h := p.width, p.height
	out := []string{fit(p.input.View(w), w)}
	out = append(out, p.st.muted.Render(fit("tab toggle · ctrl+t any/all · enter apply · esc cancel", w)))
	rows := max(0, h-len(out))
	top := max(0, min(p.cursor-rows/2, len(p.shown)-rows))
	if len(p.shown) == 0 {
		out = append(out, p.st.muted.Render(fit("  no actor matches", w)))
	}
	const countW, kindW = 6, 13
	nameW := max(1, w-2-4-kindW-countW)
	for pos := top; pos < len(p.shown) && len(out) < h; pos++ {
		it := p.items[p.shown[pos]]
		box := "[ ] "
		if p.isToggled(it.id) {
			box = "[x] "
		}
		name := it.name
		if it.aliases != "" {
			name += " · " + it.aliases
		}
		count := strconv.Itoa(it.count)
		row := box + fit(name, nameW) + fit(" "+it.kind, kindW) + strings.Repeat(" ", max(0, countW-len(count))) + count
		if pos == p.cursor {
			out = append(out, p.st.sel.Render(fit("▸ "+row, w)))
			continue
		}
		out = append(out, fit("  "+row, w))
	}
	return stackExact(out, w, h)
}
