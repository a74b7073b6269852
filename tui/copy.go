package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// clipboardWrite sends text to the terminal's clipboard with OSC 52. It
// writes the sequence in one write(2), which the tty never interleaves with
// a frame the renderer writes. Tests replace it.
var clipboardWrite = writeOSC52

// copiedMsg reports that a quote or a citation was sent to the clipboard,
// and note says where it went (see copyNote).
type copiedMsg struct {
	chars int
	note  string
}

// copySentenceCitation copies the citation of the reader's sentence (c),
// by the same path as y.
func (m *Model) copySentenceCitation() tea.Cmd {
	if m.state != stateReady || m.over != overReader {
		return nil
	}
	// Without a cursor yet, c cites the sentence ) would start on (the
	// open passage's when in view), and puts the cursor there to show it.
	m.reader.moveSentence(0)
	text, ok := m.reader.sentenceCitation()
	if !ok {
		m.flash = "this source has no sentence to cite"
		return nil
	}
	return func() tea.Msg {
		clipboardWrite(text)
		n := utf8.RuneCountInString(text)
		return copiedMsg{chars: n, note: copyNote("citation", n, tmuxSetClipboard())}
	}
}

// copyQuote copies the quote in front (y): the selected event's first
// citation in the panes, the open one in the source reader.
func (m *Model) copyQuote() tea.Cmd {
	if m.state != stateReady {
		return nil
	}
	ev, c := -1, 0
	if m.over == overReader {
		ev, c = m.reader.event, m.reader.cite
	} else if i, ok := m.timeline.Selected(); ok {
		ev = i
	}
	if ev < 0 || c >= len(m.tl.Event(ev).Citations) {
		m.flash = "this event cites no source"
		return nil
	}
	text := quoteWithCitation(m.tl, m.tl.Event(ev), m.tl.Event(ev).Citations[c])
	return func() tea.Msg {
		clipboardWrite(text)
		n := utf8.RuneCountInString(text)
		return copiedMsg{chars: n, note: copyNote("quote", n, tmuxSetClipboard())}
	}
}

// quoteWithCitation is what y copies:
//
//	“QUOTE”
//	— SOURCE TITLE, PUBLISHER, SOURCE DATE, paragraph N [DRIFT]. Event: TITLE (EVENT DATE). URL
//
// leaving out what the dataset does not know. For a re-anchored citation
// QUOTE is what the source says now at the new place, since that is what a
// reader who follows the citation will find, and DRIFT says it was
// re-anchored; an orphaned one keeps the dataset's quote and DRIFT says it
// is no longer in the source.
func quoteWithCitation(tl *timeline.Timeline, e *timeline.Event, c timeline.Citation) string {
	var parts []string
	title := c.Source
	var url string
	if s, ok := tl.Source(c.Source); ok {
		if s.Title != "" {
			title = s.Title
		}
		parts = append(parts, title)
		if s.Publisher != "" {
			parts = append(parts, s.Publisher)
		}
		if !s.Published.IsZero() {
			parts = append(parts, s.Published.String())
		}
		url = s.URL
	} else {
		parts = append(parts, title)
	}
	if p := spanParagraph(tl, c); c.Span.Resolved && p > 0 {
		parts = append(parts, "paragraph "+strconv.Itoa(p))
	}
	cite := "— " + strings.Join(parts, ", ") + driftCopyNote(c) + "."
	if e.Title != "" {
		cite += " Event: " + e.Title
		if !e.Date.IsZero() {
			cite += " (" + e.Date.String() + ")"
		}
		cite += "."
	}
	if url != "" {
		cite += " " + url
	}
	return "“" + strings.TrimSpace(tl.CitedText(c)) + "”\n" + cite
}
