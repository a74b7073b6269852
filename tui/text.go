package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

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

// padLines lays out content for width w with a one-cell margin on each
// side (when there is room) and returns lines exactly w cells wide.
func padLines(w int, layout func(w int) []string) []string {
	pad := 0
	if w >= 20 {
		pad = 1
	}
	lines := layout(w - 2*pad)
	for i, l := range lines {
		lines[i] = fit(strings.Repeat(" ", pad)+fit(l, w-2*pad), w)
	}
	return lines
}

// visible is the window of exact-width lines from offset, h lines high.
func visible(lines []string, offset, w, h int) string {
	offset = max(0, min(offset, len(lines)))
	return stackExact(lines[offset:min(len(lines), offset+h)], w, h)
}

// wrapBlock wraps each paragraph of multi-line text to w cells.
func wrapBlock(s string, w int) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p == "" {
			out = append(out, "")
			continue
		}
		out = append(out, wrap(p, w)...)
	}
	return out
}
