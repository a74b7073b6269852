package tui

import (
	"github.com/charmbracelet/lipgloss"

	"dateline/timeline"
)

// highlight draws plain text s in base with the parts that match the
// search query in hl (timeline.MatchRanges decides what matches, so the
// highlight agrees with the search); it reports whether anything matched.
func highlight(s, query string, base, hl lipgloss.Style) (string, bool) {
	if query == "" {
		return base.Render(s), false
	}
	rs := timeline.MatchRanges(s, query)
	if len(rs) == 0 {
		return base.Render(s), false
	}
	out, at := "", 0
	for _, r := range rs {
		if r[0] > at {
			out += base.Render(s[at:r[0]])
		}
		out += hl.Render(s[r[0]:r[1]])
		at = r[1]
	}
	if at < len(s) {
		out += base.Render(s[at:])
	}
	return out, true
}
