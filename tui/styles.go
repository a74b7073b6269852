package tui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// theme names colours by their role, never by hue, so panes ask for "muted"
// or "approximate" and a light or dark terminal gets a fitting shade.
type theme struct {
	Text, Muted, Faint      lipgloss.TerminalColor
	Accent                  lipgloss.TerminalColor // focused frame, titles
	SelFg, SelBg, SelBlurBg lipgloss.TerminalColor // the selected row
	Date, Approx            lipgloss.TerminalColor // dates; approximate/uncertain marks
	Alleged, Expected       lipgloss.TerminalColor // status marks
	Error, Warn             lipgloss.TerminalColor
	Quote, Border           lipgloss.TerminalColor
	Mark, MarkFg            lipgloss.TerminalColor // marker-pen highlight: passages, search matches
}

func adaptive(light, dark string) lipgloss.AdaptiveColor {
	return lipgloss.AdaptiveColor{Light: light, Dark: dark}
}

func defaultTheme() theme {
	return theme{
		Text:      adaptive("#1F1F1F", "#E4E4E4"),
		Muted:     adaptive("#6B6B6B", "#9A9A9A"),
		Faint:     adaptive("#A0A0A0", "#5F5F5F"),
		Accent:    adaptive("#5A3FD0", "#A58BFF"),
		SelFg:     adaptive("#000000", "#FFFFFF"),
		SelBg:     adaptive("#D9D0FF", "#4B3C8F"),
		SelBlurBg: adaptive("#E8E8E8", "#343434"),
		Date:      adaptive("#1D5FA8", "#7FB6F0"),
		Approx:    adaptive("#9A6200", "#E6B450"),
		Alleged:   adaptive("#B0306A", "#F07AAE"),
		Expected:  adaptive("#1E7F4C", "#6CD39A"),
		Error:     adaptive("#C0262D", "#FF6B6B"),
		Warn:      adaptive("#9A6200", "#E6B450"),
		Quote:     adaptive("#5A3FD0", "#A58BFF"),
		Border:    adaptive("#B8B8B8", "#505050"),
		Mark:      adaptive("#FFE58A", "#7A5C00"),
		MarkFg:    adaptive("#000000", "#FFFFFF"),
	}
}

// fixed replaces every adaptive colour by its light or dark side, for
// --theme light|dark, so the choice does not depend on terminal queries.
func (t theme) fixed(dark bool) theme {
	pick := func(c lipgloss.TerminalColor) lipgloss.TerminalColor {
		if a, ok := c.(lipgloss.AdaptiveColor); ok {
			if dark {
				return lipgloss.Color(a.Dark)
			}
			return lipgloss.Color(a.Light)
		}
		return c
	}
	for _, p := range t.roles() {
		*p = pick(*p)
	}
	return t
}

// roles lists every colour of the theme.
func (t *theme) roles() []*lipgloss.TerminalColor {
	return []*lipgloss.TerminalColor{
		&t.Text, &t.Muted, &t.Faint, &t.Accent, &t.SelFg, &t.SelBg, &t.SelBlurBg,
		&t.Date, &t.Approx, &t.Alleged, &t.Expected, &t.Error, &t.Warn, &t.Quote, &t.Border,
		&t.Mark, &t.MarkFg,
	}
}

// frameStyle is how one pane frame is drawn. Focus shows as a thick border
// (a glyph change that survives NO_COLOR) as well as the accent colour.
type frameStyle struct {
	border lipgloss.Border
	line   lipgloss.Style // border glyphs
	title  lipgloss.Style
}

// styles is every style the program uses, built once in New; View only
// calls Render on these.
type styles struct {
	focused, blurred frameStyle

	// timeline rows
	sel, selBlur      lipgloss.Style
	date, approx      lipgloss.Style
	alleged, expected lipgloss.Style
	title, actors     lipgloss.Style
	yearSep, gap      lipgloss.Style

	// detail pane
	heading, label, text, note lipgloss.Style
	quoteBar, quote, source    lipgloss.Style
	unresolved                 lipgloss.Style
	drift                      lipgloss.Style // a re-anchored citation's note
	was                        lipgloss.Style // its old quote, dimmed
	actorHit                   lipgloss.Style // an actor of the actor filter

	// search matches, in rows and the detail pane
	match, selMatch lipgloss.Style

	// the source reader: the open citation, the passage cursor, other
	// cited passages; each has a gutter glyph too
	passage, passageCursor, passageCited lipgloss.Style
	passageBar, cursorBar, citedBar      lipgloss.Style
	// an orphaned citation's closest rejected passage, which is not the
	// passage: its own colour and gutter glyph
	closest, closestBar lipgloss.Style
	// the sentence cursor: added to the text's own style, with a glyph in
	// the gutter's second column
	sentence, sentenceBar lipgloss.Style
	notice, driftNotice   lipgloss.Style // the reader's notice line

	// the density strip
	stripBar, stripMark, stripLabel lipgloss.Style

	// inputs and the actor picker
	prompt, inputErr lipgloss.Style

	status, statusDim lipgloss.Style
	helpKey, helpDesc lipgloss.Style
	helpSep           lipgloss.Style
	errTitle, errText lipgloss.Style
	muted             lipgloss.Style
	spinner           lipgloss.Style
	bar               lipgloss.Style // the loading progress bar's filled part
}

// newStyles builds the styles for a theme mode: "light" or "dark" pin the
// colours; anything else leaves them adaptive.
func newStyles(mode string) *styles {
	t := defaultTheme()
	switch mode {
	case "light":
		t = t.fixed(false)
	case "dark":
		t = t.fixed(true)
	}
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	return &styles{
		focused: frameStyle{
			border: lipgloss.ThickBorder(),
			line:   fg(t.Accent),
			title:  fg(t.Accent).Bold(true),
		},
		blurred: frameStyle{
			border: lipgloss.RoundedBorder(),
			line:   fg(t.Border),
			title:  fg(t.Muted),
		},
		sel:        lipgloss.NewStyle().Foreground(t.SelFg).Background(t.SelBg).Bold(true),
		selBlur:    lipgloss.NewStyle().Foreground(t.Text).Background(t.SelBlurBg),
		date:       fg(t.Date),
		approx:     fg(t.Approx).Bold(true),
		alleged:    fg(t.Alleged).Bold(true),
		expected:   fg(t.Expected).Bold(true),
		title:      fg(t.Text),
		actors:     fg(t.Muted),
		yearSep:    fg(t.Accent).Bold(true),
		gap:        fg(t.Faint).Italic(true),
		heading:    fg(t.Text).Bold(true),
		label:      fg(t.Muted).Bold(true),
		text:       fg(t.Text),
		note:       fg(t.Muted).Italic(true),
		quoteBar:   fg(t.Quote),
		quote:      fg(t.Text).Italic(true),
		source:     fg(t.Muted),
		unresolved: fg(t.Error).Bold(true),
		drift:      fg(t.Warn).Bold(true),
		was:        fg(t.Faint).Italic(true),
		status:     fg(t.Text),
		statusDim:  fg(t.Muted),
		helpKey:    fg(t.Muted).Bold(true),
		helpDesc:   fg(t.Faint),
		helpSep:    fg(t.Faint),
		errTitle:   fg(t.Error).Bold(true),
		errText:    fg(t.Text),
		muted:      fg(t.Muted),
		spinner:    fg(t.Accent),
		bar:        fg(t.Accent),
		actorHit:   fg(t.Accent).Bold(true),

		match:    lipgloss.NewStyle().Foreground(t.MarkFg).Background(t.Mark).Bold(true),
		selMatch: lipgloss.NewStyle().Foreground(t.MarkFg).Background(t.Mark).Bold(true).Underline(true),

		passage:       lipgloss.NewStyle().Foreground(t.MarkFg).Background(t.Mark),
		passageCursor: fg(t.Accent).Underline(true),
		passageCited:  fg(t.Quote),
		passageBar:    fg(t.Accent).Bold(true),
		cursorBar:     fg(t.Accent),
		citedBar:      fg(t.Faint),
		closest:       fg(t.Warn).Underline(true),
		closestBar:    fg(t.Warn).Bold(true),
		sentence:      lipgloss.NewStyle().Bold(true).Underline(true),
		sentenceBar:   fg(t.Accent).Bold(true),
		notice:        fg(t.Error).Bold(true),
		driftNotice:   fg(t.Warn).Bold(true),

		stripBar:   fg(t.Date),
		stripMark:  fg(t.Alleged).Bold(true),
		stripLabel: fg(t.Muted),

		prompt:   fg(t.Accent).Bold(true),
		inputErr: fg(t.Error).Bold(true),
	}
}

// The SGR attributes a span is told from its line by when there is no
// colour. lipgloss's Ascii profile (NO_COLOR, --color never) drops every
// attribute with the colours, but NO_COLOR asks only for no colour.
const (
	sgrUnderline, sgrUnderlineOff = "\x1b[4m", "\x1b[24m"
	sgrReverse, sgrReverseOff     = "\x1b[7m", "\x1b[27m"
)

// inverse renders s in style, or in reverse video without colour.
func inverse(style lipgloss.Style, s string) string {
	if s == "" {
		return ""
	}
	if lipgloss.ColorProfile() == termenv.Ascii {
		return sgrReverse + s + sgrReverseOff
	}
	return style.Render(s)
}
