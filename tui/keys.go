package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// keyMap is the one binding table of the program: Update dispatches on it
// with key.Matches, help.Model renders it (ShortHelp, FullHelp) and
// KeymapMarkdown turns it into the README table, so they cannot drift apart.
type keyMap struct {
	Up, Down           key.Binding
	HalfDown, HalfUp   key.Binding
	PageDown, PageUp   key.Binding
	Top, Bottom        key.Binding
	NextPane, PrevPane key.Binding
	Help, Back         key.Binding
	Quit, ForceQuit    key.Binding
}

// keyRow pairs a binding with the longer action text the README uses.
type keyRow struct {
	binding key.Binding
	action  string
}

func defaultKeyMap() keyMap {
	return keyMap{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev pane")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close help")),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"),
			key.WithHelp("ctrl+c", "quit anywhere")),
	}
}

// rows lists every binding in README order with its longer description.
func (k keyMap) rows() []keyRow {
	return []keyRow{
		{k.Down, "Move down (in the detail pane: scroll down)"},
		{k.Up, "Move up (in the detail pane: scroll up)"},
		{k.HalfDown, "Half a page down"},
		{k.HalfUp, "Half a page up"},
		{k.PageDown, "A page down"},
		{k.PageUp, "A page up"},
		{k.Top, "First event (detail pane: top)"},
		{k.Bottom, "Last event (detail pane: bottom)"},
		{k.NextPane, "Focus the next pane (the focused pane scrolls)"},
		{k.PrevPane, "Focus the previous pane"},
		{k.Help, "Show or hide the full help"},
		{k.Back, "Close the help"},
		{k.Quit, "Quit (closes the help first when it is open)"},
		{k.ForceQuit, "Quit from anywhere"},
	}
}

// ShortHelp implements help.KeyMap: the one line always shown.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.Top, k.Bottom, k.NextPane, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap: columns shown by `?`.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.HalfDown, k.HalfUp},
		{k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.NextPane, k.PrevPane},
		{k.Help, k.Back, k.Quit, k.ForceQuit},
	}
}

// keyNames spells terminal key names the way the README shows them.
var keyNames = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→",
	"pgdown": "PgDn", "pgup": "PgUp", "home": "Home", "end": "End",
	"tab": "Tab", "shift+tab": "Shift+Tab", "esc": "Esc", "enter": "Enter",
	"ctrl+c": "Ctrl+C", "ctrl+d": "Ctrl+D", "ctrl+u": "Ctrl+U", " ": "Space",
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
