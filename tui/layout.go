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
