package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

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

// joinColumns puts two blocks of equal height side by side.
func joinColumns(left, right string) string {
	n := 1 + max(strings.Count(left, "\n"), strings.Count(right, "\n"))
	var b strings.Builder
	b.Grow(len(left) + len(right) + n)
	for i := range n {
		if i > 0 {
			b.WriteByte('\n')
		}
		var l, r string
		l, left, _ = strings.Cut(left, "\n")
		r, right, _ = strings.Cut(right, "\n")
		b.WriteString(l)
		b.WriteString(r)
	}
	return b.String()
}
