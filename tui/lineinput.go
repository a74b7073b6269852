package tui

import (
	"slices"
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// lineInput is a one-line text input. It stands in for bubbles/textinput,
// which needs a module this build does not carry (atotto/clipboard) and
// measures with go-runewidth, which disagrees with lipgloss on the width of
// ·, ─ and some emoji; this one measures as the layout does.
type lineInput struct {
	prompt      string
	promptStyle lipgloss.Style
	cursor      lipgloss.Style
	selStyle    lipgloss.Style
	value       []rune
	pos         int // cursor, in runes
	focused     bool

	// selected is set while the whole text is selected (SelectAll): typing
	// replaces it, an arrow or home/end keeps it for editing.
	selected bool
}

func newLineInput(st *styles, prompt string) lineInput {
	return lineInput{prompt: prompt, promptStyle: st.prompt, cursor: lipgloss.NewStyle().Reverse(true), selStyle: st.sel}
}

// SelectAll selects the text, if any, with the cursor at its end: a prompt
// reopened shows its last text this way, so that typing a new one does not
// append to it.
func (in *lineInput) SelectAll() {
	in.selected = len(in.value) > 0
	in.pos = len(in.value)
}

// Deselect ends the selection, leaving the text and the cursor at its end:
// once enter has been pressed on the text, it is the text being edited.
func (in *lineInput) Deselect() { in.selected = false }

// Selected reports whether the whole text is selected.
func (in lineInput) Selected() bool { return in.selected }

// Value returns the text.
func (in lineInput) Value() string { return string(in.value) }

// SetValue replaces the text and puts the cursor at its end.
func (in *lineInput) SetValue(s string) {
	in.value = sanitize([]rune(s))
	in.pos = len(in.value)
	in.selected = false
}

// Focus shows the cursor; Blur hides it.
func (in *lineInput) Focus() { in.focused = true }

// Blur hides the cursor.
func (in *lineInput) Blur() { in.focused = false }

// CursorEnd moves the cursor after the last character.
func (in *lineInput) CursorEnd() { in.pos = len(in.value) }

// sanitize turns line breaks and tabs into spaces and drops other control
// characters, so typed or pasted text stays one line.
func sanitize(rs []rune) []rune {
	out := rs[:0:0]
	for _, r := range rs {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			out = append(out, ' ')
		case isControl(r):
		default:
			out = append(out, r)
		}
	}
	return out
}

// Update edits the text (on a copy: models are values, and an older copy
// must keep its text): letters (bursts and pastes whole) are inserted;
// backspace, delete, ←/→, home/end (ctrl+a/ctrl+e), ctrl+u, ctrl+k and
// ctrl+w (alt+backspace) edit as in a shell. With the text selected, typing
// replaces it and backspace or delete clears it; ←, home and ctrl+a keep it
// with the cursor at its start, →, end and ctrl+e at its end.
func (in lineInput) Update(k tea.KeyMsg) lineInput {
	if in.selected && in.unselect(k) {
		return in
	}
	switch k.Type {
	case tea.KeyRunes, tea.KeySpace:
		if k.Alt {
			return in
		}
		rs := sanitize(k.Runes)
		if k.Type == tea.KeySpace {
			rs = []rune{' '}
		}
		in.value = slices.Concat(in.value[:in.pos], rs, in.value[in.pos:])
		in.pos += len(rs)
	case tea.KeyBackspace:
		if k.Alt {
			in.deleteWord()
		} else if in.pos > 0 {
			in.value = slices.Concat(in.value[:in.pos-1], in.value[in.pos:])
			in.pos--
		}
	case tea.KeyDelete:
		if in.pos < len(in.value) {
			in.value = slices.Concat(in.value[:in.pos], in.value[in.pos+1:])
		}
	case tea.KeyLeft:
		in.pos = max(0, in.pos-1)
	case tea.KeyRight:
		in.pos = min(len(in.value), in.pos+1)
	case tea.KeyHome, tea.KeyCtrlA:
		in.pos = 0
	case tea.KeyEnd, tea.KeyCtrlE:
		in.pos = len(in.value)
	case tea.KeyCtrlU:
		in.value, in.pos = append([]rune(nil), in.value[in.pos:]...), 0
	case tea.KeyCtrlK:
		in.value = slices.Clone(in.value[:in.pos])
	case tea.KeyCtrlW:
		in.deleteWord()
	}
	return in
}

// unselect ends the selection for key k and reports whether k is done
// with: typing first drops the text, backspace and delete drop it and are
// done, ← and → leave the text with the cursor at its start or end.
func (in *lineInput) unselect(k tea.KeyMsg) (done bool) {
	in.selected = false
	switch k.Type {
	case tea.KeyRunes, tea.KeySpace:
		if k.Alt {
			in.selected = true // not text: the selection stands
			return true
		}
		in.value, in.pos = nil, 0
	case tea.KeyBackspace, tea.KeyDelete:
		in.value, in.pos = nil, 0
		return true
	case tea.KeyLeft:
		in.pos = 0
		return true
	case tea.KeyRight:
		return true // the cursor is at the end already
	}
	return false
}

// deleteWord deletes the word before the cursor and the spaces after it.
func (in *lineInput) deleteWord() {
	i := in.pos
	for i > 0 && unicode.IsSpace(in.value[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(in.value[i-1]) {
		i--
	}
	in.value = slices.Concat(in.value[:i], in.value[in.pos:])
	in.pos = i
}

// View draws the prompt and as much of the text as w cells hold, scrolled
// so the cursor is visible; it is never wider than w and not padded. It
// reads only the runes near the cursor, so a long paste costs each frame
// what the line shows, not the length of the text.
func (in lineInput) View(w int) string {
	prompt := in.promptStyle.Render(in.prompt)
	room := w - textWidth(in.prompt) - 1 // one cell for the cursor at the end
	if room <= 0 {
		return ansi.Truncate(prompt, max(0, w), "")
	}
	var b strings.Builder
	b.WriteString(prompt)
	before := tailWithin(in.value[:in.pos], room)
	if in.selected && in.focused {
		before = inverse(in.selStyle, before)
	}
	b.WriteString(before)
	under, after := " ", ""
	if in.pos < len(in.value) {
		// A cell holds at least one rune but may hold several (combining
		// marks); 4 per cell is room enough before the cut to w.
		end := min(len(in.value), in.pos+1+4*w)
		under, after = string(in.value[in.pos]), string(in.value[in.pos+1:end])
	}
	if in.focused {
		b.WriteString(in.cursor.Render(under))
	} else if in.pos < len(in.value) {
		b.WriteString(under)
	}
	b.WriteString(after)
	return ansi.Truncate(b.String(), w, "")
}

// tailWithin is the end of rs that fits in room cells. It measures a window
// of the last runes that doubles until it is wider than room (or all of
// rs), then cuts the window's front: linear in what it shows.
func tailWithin(rs []rune, room int) string {
	for n := min(len(rs), room); ; n = min(len(rs), 2*n) {
		tail := string(rs[len(rs)-n:])
		if tw := ansi.StringWidth(tail); tw > room {
			return ansi.TruncateLeft(tail, tw-room, "")
		}
		if n == len(rs) {
			return tail
		}
	}
}
