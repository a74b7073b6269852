package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
	"dateline/timeline/timex"
)

// sourceView is the full-screen reader: one source text wrapped to the
// width, scrolled so the open citation's passage is in view with context
// above it and highlighted in place, with gutter marks that survive
// NO_COLOR: ▌ the open citation, ▸ the passage cursor, ┆ any other
// passage an event cites, ? an orphaned citation's closest passage; in
// the gutter's second column, › the sentence cursor (see sentences.go).
type sourceView struct {
	tl    *timeline.Timeline
	st    *styles
	keys  *keyMap
	cites citeIndex // nil until built; then every cited passage is marked

	event   int // chronological index of the event whose citations we step
	cite    int // index into its citations
	src     string
	title   string // the source's title
	wrap    *wrappedText
	marks   *sourcePassages // cited passages of src
	cur     [2]int          // the open citation's span; cur[0] < 0 when unresolved
	near    [2]int          // an orphaned citation's closest passage; near[0] < 0 when none
	pcur    int             // passage cursor: index into marks.list, -1 for none
	scur    int             // sentence cursor: index into sents, -1 for none
	sents   []timex.Span    // the sentences of sentsOf, nil until split
	sentsOf string
	top     int // first text line shown

	notice string // unresolved, re-anchored or orphaned citation, missing source
	warn   bool   // the notice is a warning (re-anchored), not an error
	list   citingList
	width  int // inner size
	height int
}

// eventChosenMsg reports that the reader's list of citing events chose
// one: the root returns to the timeline with it selected.
type eventChosenMsg struct{ event int }

// maxMeasure caps the reader's line length, for reading comfort.
const maxMeasure = 100

// gutterW is the width of the reader's mark column ("▌ ").
const gutterW = 2

func newSourceView(tl *timeline.Timeline, st *styles, keys *keyMap) sourceView {
	return sourceView{tl: tl, st: st, keys: keys, pcur: -1, scur: -1, cur: [2]int{-1, -1}, near: [2]int{-1, -1},
		list: citingList{keys: keys}}
}

// SetCites installs the citation index once it is built.
func (m *sourceView) SetCites(c citeIndex) {
	m.cites = c
	if m.src != "" {
		m.loadMarks()
	}
}

// SetSize sets the inner size and rewraps when the measure changes.
func (m *sourceView) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	if m.src != "" && (m.wrap == nil || m.wrap.width != m.measure()) {
		first := 0
		if m.wrap != nil && m.top < len(m.wrap.lines) {
			first = m.wrap.lines[m.top].c0 // keep the first visible character
		}
		m.rewrap()
		m.top = m.wrap.lineOf(first)
	}
	m.clampTop()
}

// measure is the wrap width for the current size.
func (m sourceView) measure() int { return max(1, min(maxMeasure, m.width-gutterW)) }

// textHeight is the number of text lines on screen, below the notice.
func (m sourceView) textHeight() int { return m.height - len(m.noticeLines()) }

// maxNoticeLines caps the notice, which wraps: a drift notice says more
// than fits one narrow line, and the text must keep most of the screen.
const maxNoticeLines = 3

// noticeLines is the notice wrapped to the width, at most maxNoticeLines
// and a third of the height (but always one line when there is a notice
// and room for a line of text below it); the last is cut with an ellipsis
// when it does not all fit. They are not yet padded.
func (m sourceView) noticeLines() []string {
	if m.notice == "" || m.height <= 1 {
		return nil
	}
	ls := wrap(m.notice, m.width)
	if len(ls) == 0 {
		return []string{""}
	}
	n := max(1, min(len(ls), maxNoticeLines, m.height/3))
	if n < len(ls) {
		ls[n-1] = strings.Join(ls[n-1:], " ") // fit cuts it with "…"
	}
	return ls[:n]
}

// Open shows citation c of event ev: its source scrolled to the passage,
// or the top with a notice when the quote was not found. A re-anchored
// citation's passage is its new place, with a notice saying so; an
// orphaned one is never shown as found: the notice says it is orphaned and
// its closest rejected passage, if any, gets the ? mark instead of ▌.
func (m *sourceView) Open(ev, c int) {
	e := m.tl.Event(ev)
	m.event, m.cite = ev, c
	m.list.Close()
	cit := e.Citations[c]
	if cit.Source != m.src || m.wrap == nil {
		m.src, m.scur = cit.Source, -1
		m.title = cit.Source
		if s, ok := m.tl.Source(cit.Source); ok && s.Title != "" {
			m.title = s.Title
		}
		m.rewrap()
	}
	m.loadMarks()
	m.notice, m.warn, m.cur, m.near, m.pcur, m.top = "", false, [2]int{-1, -1}, [2]int{-1, -1}, -1, 0
	switch {
	case m.wrap == nil:
		m.notice = "! source " + clean(cit.Source) + " is not in the dataset"
	case hasClosest(cit):
		// Never shown as the passage: the closest rejected match gets its
		// own mark so the analyst can judge it.
		m.notice = "! orphaned: closest passage " + pctText(cit.Span.Score) +
			" (" + needsPct() + "), marked ?; the source changed and no longer holds the quote"
		m.near = [2]int{cit.Span.Start, cit.Span.End}
		m.scrollToSpan(cit.Span.Start, cit.Span.End)
	case cit.Span.Orphaned && cit.Span.Score > 0: // a score without a place to show
		m.notice = "! orphaned: best match " + pctText(cit.Span.Score) + " (" + needsPct() +
			"); the source changed and no longer holds the quote; showing the top"
	case cit.Span.Orphaned:
		m.notice = "! orphaned: the source changed and nothing in it resembles the quote; showing the top"
	case !cit.Span.Resolved:
		m.notice = "! unresolved: the quote was not found in this source; showing the top"
	default:
		if cit.Span.Reanchored {
			m.notice, m.warn = "≈ re-anchored at "+pctText(cit.Span.Score)+": the source changed since this was cited", true
		}
		m.cur = [2]int{cit.Span.Start, cit.Span.End}
		if i, ok := m.marks.find(cit.Span.Start, cit.Span.End); ok {
			m.pcur = i
		}
		m.scrollToSpan(cit.Span.Start, cit.Span.End)
	}
	m.clampTop()
}

// rewrap wraps the open source to the current measure.
func (m *sourceView) rewrap() {
	m.wrap = nil
	if txt, ok := m.tl.SourceText(m.src); ok {
		m.wrap = wrapSource(txt.Text(), m.measure())
	}
}

// loadMarks picks the open source's cited passages: from the index when it
// is built, else the open event's own.
func (m *sourceView) loadMarks() {
	var keep [2]int
	if m.pcur >= 0 && m.marks != nil && m.pcur < len(m.marks.list) {
		keep = [2]int{m.marks.list[m.pcur].start, m.marks.list[m.pcur].end}
	}
	had := m.pcur >= 0
	if sp, ok := m.cites[m.src]; ok {
		m.marks = sp
	} else {
		m.marks = localPassages(m.tl, m.event, m.src)
	}
	m.pcur = -1
	if had {
		if i, ok := m.marks.find(keep[0], keep[1]); ok {
			m.pcur = i
		}
	}
}

// context is how many lines are kept above a passage scrolled into view.
func (m sourceView) context() int { return max(1, min(5, m.textHeight()/3)) }

// scrollTo puts the line of code point cp in view, with context above it,
// unless it is already in view.
func (m *sourceView) scrollTo(cp int) {
	if m.wrap == nil {
		return
	}
	line := m.wrap.lineOf(cp)
	if line < m.top || line >= m.top+m.textHeight() {
		m.top = line - m.context()
	}
	m.clampTop()
}

// scrollToSpan is scrollTo for a passage [start, end): when its start is in
// view but its end is not, it scrolls on until the whole passage is, or
// its start reaches the top, so that a long passage opens readable.
func (m *sourceView) scrollToSpan(start, end int) {
	m.scrollTo(start)
	if m.wrap == nil || end <= start {
		return
	}
	first, last := m.wrap.lineOf(start), m.wrap.lineOf(end-1)
	if last >= m.top+m.textHeight() {
		m.top = min(first, last-m.textHeight()+1)
	}
	m.clampTop()
}

func (m *sourceView) clampTop() {
	n := 0
	if m.wrap != nil {
		n = len(m.wrap.lines)
	}
	m.top = max(0, min(m.top, n-m.textHeight()))
}

// Title is the frame title: which citation of how many, and the source.
func (m sourceView) Title() string {
	n := len(m.tl.Event(m.event).Citations)
	return "citation " + strconv.Itoa(m.cite+1) + "/" + strconv.Itoa(n) + " · " + clean(m.title)
}

// Footer is the frame's bottom label: the passage cursor and the scroll.
func (m sourceView) Footer() string {
	if m.list.open {
		return ""
	}
	s := ""
	if _, ok := m.sentenceSpan(); ok {
		s = "sentence " + strconv.Itoa(m.scur+1) + "/" + strconv.Itoa(len(m.sents)) + " · "
	}
	if m.marks != nil && len(m.marks.list) > 0 {
		p := "-"
		if m.pcur >= 0 {
			p = strconv.Itoa(m.pcur + 1)
		}
		s += "passage " + p + "/" + strconv.Itoa(len(m.marks.list)) + " · "
	}
	n := 0
	if m.wrap != nil {
		n = len(m.wrap.lines)
	}
	switch {
	case n <= m.textHeight():
		return s + "all"
	case m.top == 0:
		return s + "top"
	case m.top+m.textHeight() >= n:
		return s + "end"
	}
	return s + strconv.Itoa(100*(m.top+m.textHeight())/n) + "%"
}

// Update handles the reader's keys; esc and q are the root's (see
// Model.readerBack).
func (m sourceView) Update(msg tea.Msg) (sourceView, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.list.open {
		var chosen int
		var done bool
		m.list, chosen, done = m.list.Update(k)
		if done {
			return m, func() tea.Msg { return eventChosenMsg{chosen} }
		}
		return m, nil
	}
	// The keys scroll the text; clampTop stops "end" at the last page.
	if top, ok := moveByKey(m.keys, k, m.top, m.textHeight(), 1<<30); ok {
		m.top = top
		m.clampTop()
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.NextCite):
		m.step(1)
	case key.Matches(k, m.keys.PrevCite):
		m.step(-1)
	case key.Matches(k, m.keys.NextPassage):
		m.movePassage(1)
	case key.Matches(k, m.keys.PrevPassage):
		m.movePassage(-1)
	case key.Matches(k, m.keys.NextSentence):
		m.moveSentence(1)
	case key.Matches(k, m.keys.PrevSentence):
		m.moveSentence(-1)
	case key.Matches(k, m.keys.Citing):
		if m.pcur >= 0 {
			m.list.Show(m.marks.list[m.pcur].events, m.event)
		}
	}
	m.clampTop()
	return m, nil
}

// step opens the event's next (d = 1) or previous (d = -1) citation,
// wrapping around.
func (m *sourceView) step(d int) {
	n := len(m.tl.Event(m.event).Citations)
	if n > 0 {
		m.Open(m.event, ((m.cite+d)%n+n)%n)
	}
}

// movePassage moves the passage cursor to the next (d = 1) or previous
// (d = -1) cited passage and scrolls it into view. Without a cursor it
// starts from the top of the screen.
func (m *sourceView) movePassage(d int) {
	if m.marks == nil || len(m.marks.list) == 0 || m.wrap == nil {
		return
	}
	n := len(m.marks.list)
	switch {
	case m.pcur >= 0:
		m.pcur = max(0, min(n-1, m.pcur+d))
	default:
		first := m.wrap.lines[min(m.top, len(m.wrap.lines)-1)].c0
		m.pcur = n - 1
		for i, p := range m.marks.list {
			if p.end > first {
				m.pcur = i
				break
			}
		}
	}
	m.scrollTo(m.marks.list[m.pcur].start)
}

// CloseList closes the list of citing events; it reports whether it was open.
func (m *sourceView) CloseList() bool {
	if !m.list.open {
		return false
	}
	m.list.Close()
	return true
}
