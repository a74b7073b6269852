package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"dateline/timeline"
)

// marks is what the detail pane highlights: the search's matches and the
// actors of the actor filter.
type marks struct {
	query  string
	actors map[string]bool
}

// eventLines lays out one event for a pane w cells wide. Every line fits
// w; hits tells which lines hold a search match. The search highlights the
// fields it searches (title, summary, quotes, actor names); the filtered
// actors are marked with ● as well as a colour.
func eventLines(tl *timeline.Timeline, ev *timeline.Event, st *styles, w int, mk marks) (out []string, hits []bool) {
	// line adds one line; searched says whether the search applies to it.
	line := func(prefix string, s lipgloss.Style, l string, searched bool) {
		hit := false
		styled := s.Render(l)
		if searched {
			styled, hit = highlight(l, mk.query, s, st.match)
		}
		out = append(out, prefix+styled)
		hits = append(hits, hit)
	}
	add := func(s lipgloss.Style, searched bool, lines ...string) {
		for _, l := range lines {
			line("", s, l, searched)
		}
	}
	blank := func() { add(st.text, false, "") }
	labelled := func(label string, s lipgloss.Style, text string, searched bool) {
		if w < 3*labelW { // too narrow for a label column
			if label != "" {
				text = label + ": " + text
			}
			add(s, searched, wrap(text, w)...)
			return
		}
		for i, l := range wrap(text, w-labelW) {
			pad := strings.Repeat(" ", labelW)
			if i == 0 && label != "" {
				pad = st.label.Render(fit(label, labelW))
			}
			line(pad, s, l, searched)
		}
	}
	add(st.heading, true, wrap(clean(ev.Title), w)...)
	blank()

	labelled("Date", st.date, dateText(ev.Date), false)
	if ev.DateNote != "" {
		labelled("", st.note, clean(ev.DateNote), false)
	}
	status := ev.Status.String()
	if mk := statusMark(ev.Status); mk != "" {
		status = mk + " " + status
	}
	statusStyle := st.text
	switch ev.Status {
	case timeline.StatusAlleged:
		statusStyle = st.alleged
	case timeline.StatusExpected:
		statusStyle = st.expected
	}
	labelled("Status", statusStyle, status, false)
	for i, ref := range ev.Actors {
		label := ""
		if i == 0 {
			label = "Actors"
		}
		name := ref.Actor
		if a, ok := tl.Actor(ref.Actor); ok && a.Name != "" {
			name = a.Name
		}
		if ref.Role != "" {
			name += " (" + ref.Role + ")"
		}
		style := st.text
		if mk.actors[ref.Actor] {
			name, style = "● "+name, st.actorHit // the actor filter's, without colour too
		}
		labelled(label, style, clean(name), true)
	}

	if ev.Summary != "" {
		blank()
		add(st.text, true, wrapBlock(cleanBlock(ev.Summary), w)...)
	}

	if len(ev.Citations) > 0 {
		blank()
		add(st.label, false, wrap("Citations ("+strconv.Itoa(len(ev.Citations))+")", w)...)
		for _, c := range ev.Citations {
			blank()
			ls, hs := citationLines(tl, c, st, w, mk.query)
			out, hits = append(out, ls...), append(hits, hs...)
		}
	}
	blank()
	add(st.muted, false, fit("event id: "+clean(ev.ID), w))
	return out, hits
}

// dateText is the date with its qualifiers spelled out.
func dateText(d timeline.Date) string {
	if d.IsZero() {
		return "undated"
	}
	s := clean(d.Human())
	switch a, u := d.Approximate(), d.Uncertain(); {
	case a && u:
		s += "  ~? approximate, uncertain"
	case a:
		s += "  ~ approximate"
	case u:
		s += "  ? uncertain"
	}
	return s
}

// citationLines draws a citation as a quoted block: a bar, the quote and a
// line naming the source and paragraph. An unresolved citation gets a
// dashed bar and says so, in words as well as colour. A re-anchored one
// quotes what the source says now at its new place (what enter shows),
// says it was re-anchored and at what score, and keeps the dataset's quote
// dimmed below; an orphaned one keeps the dataset's quote and says how
// close the best match came.
func citationLines(tl *timeline.Timeline, c timeline.Citation, st *styles, w int, query string) (out []string, hits []bool) {
	bar, barStyle := "┃ ", st.quoteBar
	if !c.Span.Resolved {
		bar, barStyle = "┆ ", st.unresolved
	}
	bw := max(1, w-2)
	add := func(s lipgloss.Style, searched bool, lines ...string) {
		for _, l := range lines {
			styled, hit := s.Render(l), false
			if searched {
				styled, hit = highlight(l, query, s, st.match)
			}
			out = append(out, barStyle.Render(bar)+styled)
			hits = append(hits, hit)
		}
	}
	add(st.quote, true, wrapBlock("“"+cleanBlock(tl.CitedText(c))+"”", bw)...)
	title := c.Source
	if s, ok := tl.Source(c.Source); ok && s.Title != "" {
		title = s.Title
	}
	where := "— " + clean(title)
	if c.Span.Resolved {
		where += " · ¶" + strconv.Itoa(spanParagraph(tl, c))
	}
	add(st.source, false, wrap(where, bw)...)
	switch {
	case c.Span.Reanchored:
		add(st.drift, false, wrap(reanchoredNote(c.Span.Score), bw)...)
		add(st.was, true, clipLines(wrap("was: “"+clean(c.Quote)+"”", bw), wasLines, bw)...)
	case c.Span.Orphaned:
		add(st.unresolved, false, wrap(orphanedNote(c.Span.Score), bw)...)
	case !c.Span.Resolved:
		add(st.unresolved, false, wrap("unresolved: the quote was not found in the source", bw)...)
	}
	return out, hits
}

// wasLines caps the lines of a re-anchored citation's old quote: it is
// there for comparison, and the current text above it is what counts.
const wasLines = 3

// clipLines keeps the first n lines, ending the last kept one with an
// ellipsis when some were dropped; each line stays within w cells.
func clipLines(lines []string, n, w int) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	last := lines[n-1]
	if textWidth(last)+1 > w {
		last = ansi.Truncate(last, w-1, "")
	}
	lines[n-1] = last + "…"
	return lines
}
