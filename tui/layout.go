package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal the main screen is drawn in; below it the program
// shows tooSmallView.
const (
	minWidth  = 60
	minHeight = 12
)

// sideBySideWidth is the width from which the panes sit side by side: below
// it a timeline row would leave too little room for the title.
const sideBySideWidth = 100

// minPanesHeight is the least height the two stacked frames need (a border
// above and below plus at least three rows each); full help that would leave
// less than this is drawn in place of the panes instead of under them.
const minPanesHeight = 10

// rect is a region of the terminal, in cells.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout places the panes, the status bar and the help for one terminal size.
type layout struct {
	w, h      int
	tooSmall  bool
	side      bool // panes side by side rather than stacked
	timeline  rect // outer frame of the timeline pane
	detail    rect // outer frame of the detail pane
	main      rect // the area of both panes together
	helpLines int  // lines of help under the status bar
	helpModal bool // full help replaces the panes
	// strip is 1 when the density strip takes the first line inside the
	// timeline frame: the pane must keep minStripPane lines under it.
	strip int
}

// minStripPane is the least inner height the timeline pane keeps under the
// density strip: a year header and three rows.
const minStripPane = 4

// computeLayout lays out a w×h terminal whose help takes helpLines lines
// (1 for the short help; the full help's height when it is shown).
func computeLayout(w, h, helpLines int) layout {
	l := layout{w: w, h: h}
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	const statusLines = 1
	l.helpLines = helpLines
	mainH := h - statusLines - helpLines
	if mainH < minPanesHeight {
		// Not enough room under the panes: the help takes their place.
		l.helpModal = true
		l.helpLines = 1 // the short help line stays at the bottom
		mainH = h - statusLines - 1
	}
	l.main = rect{0, 0, w, mainH}
	l.side = w >= sideBySideWidth
	if l.side {
		tw := w / 2
		l.timeline = rect{0, 0, tw, mainH}
		l.detail = rect{tw, 0, w - tw, mainH}
	} else {
		th := max(5, min(mainH/2, mainH-5))
		l.timeline = rect{0, 0, w, th}
		l.detail = rect{0, th, w, mainH - th}
	}
	if _, ih := inner(l.timeline); ih > minStripPane {
		l.strip = 1
	}
	return l
}

// inner returns the content size of a framed pane.
func inner(r rect) (w, h int) { return max(0, r.w-2), max(0, r.h-2) }

// tooSmallView is the whole screen below the minimum size: the message, cut
// to the width, then blank lines to the height.
func tooSmallView(w, h int) string {
	if h <= 0 {
		return ""
	}
	msg := fmt.Sprintf("terminal too small: %d×%d (need %d×%d)", w, h, minWidth, minHeight)
	lines := make([]string, h)
	lines[0] = ansi.Truncate(msg, max(0, w), "")
	return strings.Join(lines, "\n")
}

// drawFrame draws content inside a border of w×h cells, with title in the
// top edge and footer in the bottom edge. Content lines are cut or padded
// to the inner width unless exact says they already have it (pane views
// do; measuring them again would cost a grapheme walk per cell).
func drawFrame(pc *paintCache, fs *frameStyle, title, footer string, content []string, exact bool, w, h int) string {
	if w < 2 || h < 2 {
		return fitBlock(nil, w, h)
	}
	b := fs.border
	iw, ih := w-2, h-2
	var sb strings.Builder
	sb.Grow(h * (w + 32))
	sb.WriteString(topEdge(pc, fs, title, iw))
	left, right := pc.render(&fs.line, b.Left), pc.render(&fs.line, b.Right)
	for i := range ih {
		sb.WriteByte('\n')
		var line string
		switch {
		case i >= len(content):
			line = strings.Repeat(" ", iw)
		case exact:
			line = content[i]
		default:
			line = fit(content[i], iw)
		}
		sb.WriteString(left)
		sb.WriteString(line)
		sb.WriteString(right)
	}
	sb.WriteByte('\n')
	sb.WriteString(pc.render(&fs.line, b.BottomLeft+edgeRight(b.Bottom, footer, iw)+b.BottomRight))
	return sb.String()
}

// topEdge is the top border of a frame with inner width iw: one border
// glyph, the title, then glyphs to the corner.
func topEdge(pc *paintCache, fs *frameStyle, title string, iw int) string {
	b := fs.border
	if title == "" || iw < 5 {
		return pc.render(&fs.line, b.TopLeft+strings.Repeat(b.Top, iw)+b.TopRight)
	}
	t := ansi.Truncate(" "+title+" ", iw-2, "… ")
	tw := textWidth(t)
	return pc.render(&fs.line, b.TopLeft+b.Top) + pc.render(&fs.title, t) +
		pc.render(&fs.line, strings.Repeat(b.Top, max(0, iw-1-tw))+b.TopRight)
}

// edgeRight is a bottom border of width w with a label near its right end.
func edgeRight(glyph, label string, w int) string {
	if label == "" || w < len(label)+4 {
		return strings.Repeat(glyph, max(0, w))
	}
	t := " " + label + " "
	tw := textWidth(t)
	return strings.Repeat(glyph, w-1-tw) + t + glyph
}

// fit cuts s to w cells (with an ellipsis) and pads it with spaces to
// exactly w cells. Wide characters that straddle the edge are dropped, and
// the padding makes up for them.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := textWidth(s)
	if sw > w {
		if isPrintableASCII(s) {
			// What ansi.Truncate makes of it, without its grapheme parser:
			// most rows cut a title or the actors.
			return s[:w-1] + "…"
		}
		s = ansi.Truncate(s, w, "…")
		sw = textWidth(s)
	}
	if sw < w {
		s += spaces(w - sw)
	}
	return s
}

// isPrintableASCII reports whether every byte of s is printable ASCII, one
// cell each.
func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// blanks is a run of spaces that spaces slices rather than allocating.
var blanks = strings.Repeat(" ", 512)

// spaces is strings.Repeat(" ", n).
func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// cut is fit without the ellipsis, for rules and borders.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if textWidth(s) > w {
		s = ansi.Truncate(s, w, "")
	}
	return fit(s, w)
}

// textWidth is lipgloss.Width for one line, with a fast path for printable
// ASCII, which is most of what a frame holds.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// stackExact joins lines that are already w cells wide, adding blank lines
// up to h; it cuts nothing.
func stackExact(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	var sb strings.Builder
	blank := ""
	for i := range h {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if i < len(lines) {
			sb.WriteString(lines[i])
			continue
		}
		if blank == "" {
			blank = strings.Repeat(" ", w)
		}
		sb.WriteString(blank)
	}
	return sb.String()
}

// fitBlock makes exactly h lines of exactly w cells from lines.
func fitBlock(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = fit("", w)
		}
	}
	return strings.Join(out, "\n")
}

// clampScreen makes s exactly h lines. Widths are not measured again here:
// every part is cut to the width where it is drawn (fit, stackExact of
// fitted lines, drawFrame), and re-measuring a 300-column frame cell by
// cell would cost most of a millisecond per frame.
func clampScreen(s string, h int) string {
	if h <= 0 {
		return ""
	}
	if strings.Count(s, "\n") == h-1 {
		return s // the usual frame: no copy of it
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

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

// wrap word-wraps plain text to w cells, breaking words longer than w
// (CJK runs have no spaces) so that no line exceeds w.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
	for i := 0; i < len(lines); i++ {
		// ansi.Wrap can leave a line too wide around hyphens at tiny
		// widths; hard-wrap whatever it left over.
		if textWidth(lines[i]) > w {
			hard := strings.Split(ansi.Hardwrap(lines[i], w, true), "\n")
			lines = append(lines[:i], append(hard, lines[i+1:]...)...)
			i += len(hard) - 1
		}
	}
	return lines
}
