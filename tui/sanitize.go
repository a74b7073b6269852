package tui

import "strings"

// clean makes one line of display text from data: control characters
// (newlines and tabs included) become spaces, so that no string from a
// dataset can move the cursor or break a row, and the emoji modifiers
// terminals measure differently are dropped (see widthAmbiguous).
func clean(s string) string {
	if !needsClean(s, false) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		if widthAmbiguous(r) {
			return -1
		}
		return r
	}, s)
}

// widthAmbiguous reports the code points whose effect on width terminals
// disagree on, which dateline drops from everything it draws so that the
// width lipgloss measures is the width the terminal draws:
//
//   - U+FE0F VARIATION SELECTOR-16 asks for emoji presentation: lipgloss
//     counts "❤️" as 2 cells, tmux 3.3a and many terminals draw 1. Without
//     it the character takes its text presentation, 1 cell everywhere.
//   - U+200D ZERO WIDTH JOINER fuses emoji into one glyph (👩‍💻) where
//     the font has it; lipgloss counts 2, terminals without the glyph draw
//     each part (4). Without it each emoji is drawn, and counted, alone.
//   - U+1F3FB..U+1F3FF skin-tone modifiers: lipgloss counts "👍🏽" as 2,
//     tmux 3.3a as 4. Without them the emoji keeps its default tone.
//
// Flags (regional-indicator pairs) and keycaps measure alike in lipgloss
// and tmux and are kept. The data is untouched: search, copy and export
// see the text as written.
func widthAmbiguous(r rune) bool {
	return r == 0xFE0F || r == 0x200D || (r >= 0x1F3FB && r <= 0x1F3FF)
}

// cleanBlock is clean for multi-line text: it keeps newlines.
func cleanBlock(s string) string {
	if !needsClean(s, true) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if isControl(r) {
			return ' '
		}
		if widthAmbiguous(r) {
			return -1
		}
		return r
	}, s)
}

func needsClean(s string, keepNewline bool) bool {
	for _, r := range s {
		if isControl(r) && !(keepNewline && r == '\n') || widthAmbiguous(r) {
			return true
		}
	}
	return false
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }
