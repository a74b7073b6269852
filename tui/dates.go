package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// datesPrompt is the date-range input (t): an EDTF date or interval,
// explained in place while it does not parse. Enter applies it (an empty
// one clears the range) and esc leaves it; both keep the text.
type datesPrompt struct {
	st   *styles
	keys *keyMap
	in   lineInput
	err  string // why the text is not a date

	// applied is set by the Update whose enter applied a range: the root
	// then filters by it.
	applied bool
	chosen  timeline.Date
}

func newDatesPrompt(st *styles, keys *keyMap) datesPrompt {
	return datesPrompt{st: st, keys: keys, in: newLineInput(st, "dates: ")}
}

// Focus gives the input the keyboard with its last text selected, and
// explains that text at once.
func (p *datesPrompt) Focus() {
	p.in.Focus()
	p.in.SelectAll()
	p.validate()
}

// Focused reports whether the input has the keyboard.
func (p datesPrompt) Focused() bool { return p.in.focused }

// Applied is the range the last Update applied, if it applied one.
func (p datesPrompt) Applied() (timeline.Date, bool) { return p.chosen, p.applied }

// Update types a key into the input and explains the text as it changes;
// enter applies a valid range and leaves, but keeps an invalid one open
// with its reason.
func (p datesPrompt) Update(msg tea.Msg) (datesPrompt, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	p.applied = false
	if !ok || !p.Focused() {
		return p, nil
	}
	switch {
	case key.Matches(k, p.keys.Back):
		p.leave()
	case key.Matches(k, p.keys.Accept):
		p.in.Deselect() // a range refused is fixed, not replaced
		v := strings.TrimSpace(p.in.Value())
		var d timeline.Date
		if v != "" {
			var err error
			if d, err = timeline.ParseDate(v); err != nil {
				p.validate()
				return p, nil
			}
		}
		p.leave()
		p.applied, p.chosen = true, d
	default:
		p.in = p.in.Update(k)
		p.validate()
	}
	return p, nil
}

func (p *datesPrompt) leave() {
	p.in.Blur()
	p.err = ""
}

// validate explains, as the user types, why the text is not a date.
func (p *datesPrompt) validate() {
	p.err = ""
	v := strings.TrimSpace(p.in.Value())
	if v == "" {
		return
	}
	if _, err := timeline.ParseDate(v); err != nil {
		var de *timeline.DateError
		if errors.As(err, &de) {
			p.err = de.Reason
		} else {
			p.err = err.Error()
		}
	}
}

// selectedHint is what a prompt reopened on its last text says of it,
// words that tell the selection even without colour.
const selectedHint = "typing replaces · ←/→ edit"

// dateReason is how an input explains why its text cannot be used.
func dateReason(why string) string { return "  ✗ " + clean(why) }

// View is the input line, w cells wide, in place of the short help: the
// prompt, the text, then a hint or, for a date that does not parse, why.
func (p datesPrompt) View(w int) string {
	if p.err != "" {
		// The text keeps at least a third of the line; the reason the rest.
		reason := dateReason(p.err)
		line := p.in.View(max(w/3, w-textWidth(reason)))
		return fit(line+p.st.inputErr.Render(reason), w)
	}
	line := p.in.View(w)
	hint := "   e.g. 2023-09, 2023/2024, ../2021 · enter apply · empty clears · esc leave"
	if p.in.Selected() {
		hint = "   " + selectedHint + " · enter apply · esc leave"
	}
	return fit(line+p.st.muted.Render(hint), w)
}
