package tui

import (
	"dateline/timeline"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// statusSep separates the parts of the status bar.
const statusSep = " · "

// statusLine is the status bar: "#P · K of N events", then any notes
// (the active filters and search, a notice, load problems), cut at width
// from the right. P is 1-based among the shown events; it is omitted when none are.
func statusLine(st *styles, pos, shown, total int, notes []string, width int) string {
	var b strings.Builder
	if shown > 0 {
		b.WriteString("#" + strconv.Itoa(pos+1) + statusSep)
	}
	b.WriteString(strconv.Itoa(shown) + " of " + strconv.Itoa(total) + " events")
	for _, n := range notes {
		if n != "" {
			b.WriteString(statusSep + n)
		}
	}
	s := b.String()
	if ansi.StringWidth(s) > width {
		s = ansi.Truncate(s, width, "…")
	}
	return paints(st).render(&st.status, fit(s, width))
}

// problemNotes summarises the load problems of a usable dataset for the
// status bar, e.g. "1 citation error", "2 warnings".
func problemNotes(citation, warnings int) []string {
	var notes []string
	if citation > 0 {
		notes = append(notes, timeline.Plural(citation, "citation error"))
	}
	if warnings > 0 {
		notes = append(notes, timeline.Plural(warnings, "warning"))
	}
	return notes
}
