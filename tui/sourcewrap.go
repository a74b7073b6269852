package tui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// textLine is one wrapped line of a source text: its bytes [b0, b1) and
// code points [c0, c1), the line break and the spaces it was broken at
// excluded from neither (so every code point belongs to exactly one line)
// except the '\n' that ends a hard line.
type textLine struct {
	b0, b1 int
	c0, c1 int
}

// wrappedText is a source text wrapped to one width. It is built once per
// source and width (when the reader opens or resizes, never in View) in
// time linear in the text, and maps code-point spans to lines by binary
// search, so a frame renders only its visible lines.
type wrappedText struct {
	text  string
	width int
	lines []textLine
}

// wrapSource wraps text to w cells (w >= 1). Lines break after spaces
// where they can and inside words that are wider than w (CJK runs have no
// spaces). Cell widths are lipgloss's (grapheme clusters); control
// characters count one cell, as they are drawn as spaces.
func wrapSource(text string, w int) *wrappedText {
	w = max(1, w)
	wt := &wrappedText{text: text, width: w}
	cp := 0
	for b := 0; ; {
		end := strings.IndexByte(text[b:], '\n')
		last := end < 0
		if last {
			end = len(text)
		} else {
			end += b
		}
		cp = wt.wrapLine(b, end, cp)
		if last {
			break
		}
		cp++ // the '\n'
		b = end + 1
	}
	return wt
}

// wrapLine wraps the hard line text[b0:b1], whose first code point is c0,
// and returns the code-point offset of its end.
func (wt *wrappedText) wrapLine(b0, b1, c0 int) int {
	text, w := wt.text, wt.width
	start, startCP := b0, c0
	width := 0
	// brk is the last place the line can break (after a space): the byte and
	// code-point offsets and the width of the line up to it.
	brk, brkCP, brkW := -1, 0, 0
	cp := c0
	for b := b0; b < b1; {
		g, gw, n := grapheme(text[b:b1])
		if width+gw > w && width > 0 && g != " " {
			if brk > start {
				wt.lines = append(wt.lines, textLine{start, brk, startCP, brkCP})
				start, startCP, width = brk, brkCP, width-brkW
			} else {
				wt.lines = append(wt.lines, textLine{start, b, startCP, cp})
				start, startCP, width = b, cp, 0
			}
			brk = -1
			continue // measure g again on the new line
		}
		width += gw
		b += len(g)
		cp += n
		if g == " " || g == "\t" {
			brk, brkCP, brkW = b, cp, width
		}
	}
	wt.lines = append(wt.lines, textLine{start, b1, startCP, cp})
	return cp
}

// grapheme returns the first grapheme cluster of s (non-empty), its width
// in cells and its number of code points.
func grapheme(s string) (g string, w, n int) {
	if c := s[0]; c < utf8.RuneSelf {
		return s[:1], 1, 1 // ASCII, control characters drawn as a space included
	}
	if r, size := utf8.DecodeRuneInString(s); r == utf8.RuneError && size == 1 {
		return s[:1], 1, 1 // an invalid byte: one code point, drawn as U+FFFD
	}
	g, w = ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if g == "" {
		return s[:1], 1, 1
	}
	return g, max(w, 0), utf8.RuneCountInString(g)
}

// lineOf returns the line holding code point cp (the last line for cp past
// the end).
func (wt *wrappedText) lineOf(cp int) int {
	i := sort.Search(len(wt.lines), func(i int) bool { return wt.lines[i].c0 > cp })
	return max(0, i-1)
}

// lineText is the raw text of line i (see sourceView.renderLine for how it
// is drawn).
func (wt *wrappedText) lineText(i int) string {
	l := wt.lines[i]
	return wt.text[l.b0:l.b1]
}
