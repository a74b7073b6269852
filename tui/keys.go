package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// keyMap is the one binding table of the program: Update dispatches on it
// with key.Matches, help.Model renders it (ShortHelp, FullHelp) and
// KeymapMarkdown turns it into the README table, so they cannot drift apart.
// Bindings that do not apply in the current mode are disabled by
// Model.updateKeys, which also hides them from the help. The root owns the
// table and the panes match keys on it through a pointer: the root only
// gives a pane the keys of the mode it is in, so a binding the mode
// disables is one the pane would not be given anyway.
type keyMap struct {
	Up, Down           key.Binding
	HalfDown, HalfUp   key.Binding
	PageDown, PageUp   key.Binding
	Top, Bottom        key.Binding
	NextPane, PrevPane key.Binding

	// Exploring the timeline.
	Open                 key.Binding // the selected event's first cited passage
	Actors               key.Binding // the actor picker
	Search               key.Binding
	NextMatch, PrevMatch key.Binding
	Dates                key.Binding
	Copy                 key.Binding // the quote in front, with its citation (OSC 52)
	Reload               key.Binding
	Export               key.Binding // the shown events, to a file
	Edit                 key.Binding // the dataset in $VISUAL/$EDITOR, at the selected event
	Problems             key.Binding // the list of the load's problems
	ProblemGo            key.Binding // in that list: the problem's event

	// The source reader.
	NextCite, PrevCite       key.Binding
	NextPassage, PrevPassage key.Binding
	Citing                   key.Binding // events citing the passage under the cursor
	// The sentence cursor, and a citation of its sentence to paste.
	NextSentence, PrevSentence key.Binding
	CiteSentence               key.Binding

	// The actor picker (its other keys are typed into its filter).
	PickUp, PickDown key.Binding
	Toggle, AnyAll   key.Binding
	Apply            key.Binding

	// Text inputs (search, date range).
	Accept key.Binding

	Help, Back      key.Binding
	Quit, ForceQuit key.Binding
}

// keyRow pairs a binding with the longer action text the README uses.
type keyRow struct {
	binding key.Binding
	action  string
}

func defaultKeyMap() keyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return keyMap{
		Up:       b([]string{"k", "up"}, "↑/k", "up"),
		Down:     b([]string{"j", "down"}, "↓/j", "down"),
		HalfDown: b([]string{"ctrl+d"}, "ctrl+d", "½ page down"),
		HalfUp:   b([]string{"ctrl+u"}, "ctrl+u", "½ page up"),
		PageDown: b([]string{"pgdown", " "}, "pgdn/space", "page down"),
		PageUp:   b([]string{"pgup", "b"}, "pgup/b", "page up"),
		Top:      b([]string{"g", "home"}, "g/home", "first"),
		Bottom:   b([]string{"G", "end"}, "G/end", "last"),
		NextPane: b([]string{"tab"}, "tab", "next pane"),
		PrevPane: b([]string{"shift+tab"}, "shift+tab", "prev pane"),

		Open:      b([]string{"enter"}, "enter", "source"),
		Actors:    b([]string{"a"}, "a", "actors"),
		Search:    b([]string{"/"}, "/", "search"),
		NextMatch: b([]string{"n"}, "n", "next match"),
		PrevMatch: b([]string{"N"}, "N", "prev match"),
		Dates:     b([]string{"t"}, "t", "dates"),
		Copy:      b([]string{"y"}, "y", "copy quote"),
		Reload:    b([]string{"r"}, "r", "reload"),
		Export:    b([]string{"e"}, "e", "export"),
		Edit:      b([]string{"E"}, "E", "edit"),
		Problems:  b([]string{"p"}, "p", "problems"),
		ProblemGo: b([]string{"enter"}, "enter", "go to event"),

		NextCite:    b([]string{"]"}, "]", "next citation"),
		PrevCite:    b([]string{"["}, "[", "prev citation"),
		NextPassage: b([]string{"}"}, "}", "next passage"),
		PrevPassage: b([]string{"{"}, "{", "prev passage"),
		Citing:      b([]string{"enter"}, "enter", "citing events"),
		// ( and ) as vim's sentence motions; c for "cite".
		NextSentence: b([]string{")"}, ")", "next sentence"),
		PrevSentence: b([]string{"("}, "(", "prev sentence"),
		CiteSentence: b([]string{"c"}, "c", "copy citation"),

		PickUp:   b([]string{"up"}, "↑", "up"),
		PickDown: b([]string{"down"}, "↓", "down"),
		Toggle:   b([]string{"tab"}, "tab", "toggle"),
		AnyAll:   b([]string{"ctrl+t"}, "ctrl+t", "any/all"),
		Apply:    b([]string{"enter"}, "enter", "apply"),

		Accept: b([]string{"enter"}, "enter", "apply"),

		Help:      b([]string{"?"}, "?", "help"),
		Back:      b([]string{"esc"}, "esc", "back"),
		Quit:      b([]string{"q"}, "q", "quit"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit anywhere"),
	}
}

// rows lists every binding in README order with its longer description.
func (k keyMap) rows() []keyRow {
	return []keyRow{
		{k.Down, "Move down (detail pane, source, help: scroll down)"},
		{k.Up, "Move up (detail pane, source, help: scroll up)"},
		{k.HalfDown, "Half a page down"},
		{k.HalfUp, "Half a page up"},
		{k.PageDown, "A page down"},
		{k.PageUp, "A page up"},
		{k.Top, "First event (detail pane, source: top)"},
		{k.Bottom, "Last event (detail pane, source: bottom)"},
		{k.NextPane, "Focus the next pane (the focused pane scrolls)"},
		{k.PrevPane, "Focus the previous pane"},
		{k.Open, "Open the selected event's first cited passage in its source"},
		{k.Actors, "Filter by actor: pick one or several"},
		{k.Search, "Search titles, summaries, quotes and actor names; jumps as you type"},
		{k.NextMatch, "Next search match (wraps)"},
		{k.PrevMatch, "Previous search match (wraps)"},
		{k.Dates, "Restrict to a date or interval (EDTF, e.g. 2023-09, 2023/2024, ../2021); reopens on the last one, selected: typing replaces it, `←`/`→` keep it to edit"},
		{k.Copy, "Copy the quote with its citation (source, date, paragraph) to the clipboard (OSC 52): the selected event's first, or the one open in the source"},
		{k.Reload, "Reload the file, keeping the selected event (--watch does it when the file or a source text file changes)"},
		{k.Export, "Export the shown events: type a path and a format (timelinejs, sheets-csv, markdown or json; .md, .csv and .json imply theirs); end with `!` to replace an existing file; reopens on the last line, selected, like `t`. On a draft opened from an article, `yaml` (or a .yaml path) saves the draft as a dataset, its article text beside it, and the viewer moves onto the file"},
		{k.Edit, "Edit the YAML or JSON dataset in `$VISUAL`, else `$EDITOR`, else `vi`, at the selected event; it reloads when the editor exits, keeping the event"},
		{k.Problems, "List the dataset's problems (FILE:LINE:COL, severity, message), or the failed reload's; rows with ✗ or ≈ have citation problems"},
		{k.ProblemGo, "Problems list: go to the problem's event (filters are cleared when they hide it)"},
		{k.NextCite, "Source: the event's next citation"},
		{k.PrevCite, "Source: the event's previous citation"},
		{k.NextPassage, "Source: move the passage cursor to the next cited passage"},
		{k.PrevPassage, "Source: move the passage cursor to the previous cited passage"},
		{k.Citing, "Source: list the events citing the passage under the cursor"},
		{k.NextSentence, "Source: move the sentence cursor to the next sentence (as in vim; it starts at the passage in view), marked `›`"},
		{k.PrevSentence, "Source: move the sentence cursor to the previous sentence"},
		{k.CiteSentence, "Source: copy a citation of the sentence under the cursor (before any `)` or `(`, the one `)` would start on, where the cursor then stays), YAML to paste under an event's `citations:` (the source's id, the quote, a prefix or suffix where it repeats, its position), through OSC 52 as `y`"},
		{k.PickDown, "Actor picker: next actor (typing narrows the list)"},
		{k.PickUp, "Actor picker: previous actor"},
		{k.Toggle, "Actor picker: toggle the highlighted actor"},
		{k.AnyAll, "Actor picker: match any or all of the toggled actors"},
		{k.Apply, "Actor picker: apply the toggled actors, or the highlighted one"},
		{k.Accept, "Search or date input: keep it and leave the input"},
		{k.Help, "Show or hide the full help"},
		{k.Back, "Step back: close help, leave an input, clear the search, the dates, the actors; leave the source"},
		{k.Quit, "Quit at the top level (closes the help or the source first)"},
		{k.ForceQuit, "Quit from anywhere"},
	}
}

// ShortHelp implements help.KeyMap: the one line shown while browsing the
// timeline. Model.shortHelp picks the line for other modes.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Open, k.Actors, k.Search, k.Dates, k.Help, k.Quit,
		k.NextMatch, k.Back, k.NextPane}
}

// FullHelp implements help.KeyMap: columns shown by `?`; disabled bindings
// are left out by help.Model.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.HalfDown, k.HalfUp},
		{k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.NextPane, k.PrevPane, k.Open},
		{k.Actors, k.Search, k.Dates},
		{k.Copy, k.Reload, k.Export, k.Edit, k.Problems},
		{k.NextMatch, k.PrevMatch},
		{k.NextCite, k.PrevCite, k.NextPassage, k.PrevPassage},
		{k.Citing, k.ProblemGo},
		{k.NextSentence, k.PrevSentence, k.CiteSentence},
		{k.Help, k.Back, k.Quit, k.ForceQuit},
	}
}

// keyNames spells terminal key names the way the README shows them.
var keyNames = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→",
	"pgdown": "PgDn", "pgup": "PgUp", "home": "Home", "end": "End",
	"tab": "Tab", "shift+tab": "Shift+Tab", "esc": "Esc", "enter": "Enter",
	"ctrl+c": "Ctrl+C", "ctrl+d": "Ctrl+D", "ctrl+u": "Ctrl+U", "ctrl+t": "Ctrl+T", " ": "Space",
}

// KeymapMarkdown renders the keymap as a Markdown table (| Keys | Action |)
// from the same bindings the program dispatches on. README.md carries its
// output between <!-- keymap:start --> and <!-- keymap:end -->.
func KeymapMarkdown() string {
	var b strings.Builder
	b.WriteString("| Keys | Action |\n|---|---|\n")
	for _, r := range defaultKeyMap().rows() {
		names := make([]string, 0, len(r.binding.Keys()))
		for _, k := range r.binding.Keys() {
			if n, ok := keyNames[k]; ok {
				k = n
			}
			if k == "|" {
				k = `\|`
			}
			names = append(names, "`"+k+"`")
		}
		b.WriteString("| " + strings.Join(names, ", ") + " | " + r.action + " |\n")
	}
	return b.String()
}

// moveByKey is where the navigation keys take a cursor (or a top line) at
// cur in a list of n with page rows on screen, as a pager moves: the
// timeline, the problems list and the source reader move alike. ok is
// false for any other key. The result is not clamped; callers clamp.
func moveByKey(keys *keyMap, k tea.KeyMsg, cur, page, n int) (next int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(k, keys.Down):
		return cur + 1, true
	case key.Matches(k, keys.Up):
		return cur - 1, true
	case key.Matches(k, keys.HalfDown):
		return cur + max(1, page/2), true
	case key.Matches(k, keys.HalfUp):
		return cur - max(1, page/2), true
	case key.Matches(k, keys.PageDown):
		return cur + page, true
	case key.Matches(k, keys.PageUp):
		return cur - page, true
	case key.Matches(k, keys.Top):
		return 0, true
	case key.Matches(k, keys.Bottom):
		return n - 1, true
	}
	return cur, false
}
