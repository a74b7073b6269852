package tui

import (
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"dateline/timeline"
)

// lineKind is what one line of the timeline pane shows.
type lineKind uint8

const (
	lineEvent lineKind = iota // an event row
	lineYear                  // a year separator (also the header of the pane)
	lineGap                   // whole years without events
)

// paneLine is one line of the timeline pane's current screen.
type paneLine struct {
	kind     lineKind
	pos      int   // position in the filtered index (lineEvent)
	year     int64 // lineYear: the year; lineGap: the first empty year
	to       int64 // lineGap: the last empty year
	undated  bool  // lineYear: the separator before undated events
	selected bool
}

// timelinePane is the virtualized event list. It keeps a cursor and the
// first shown position in the filtered index and lays out only the lines on
// screen, so moving and drawing cost the pane's height, not the number of
// events. Positions are indexes into idx; idx holds chronological event
// indexes (timeline.Timeline.Apply).
type timelinePane struct {
	tl      *timeline.Timeline
	idx     []int
	rows    *rowCache
	st      *styles
	pc      *paintCache // st's
	keys    *keyMap
	cursor  int // position of the selection in idx
	top     int // position of the first event drawn
	width   int // inner size
	height  int
	focused bool
	dateW   int    // the widest date on screen (see dateCol)
	empty   string // shown when idx is empty
	query   string // the search whose matches are highlighted
	hits    []int  // positions of the matching events, ascending
}

func newTimelinePane(tl *timeline.Timeline, idx []int, st *styles, keys *keyMap) timelinePane {
	return timelinePane{tl: tl, idx: idx, rows: newRowCache(tl), st: st, pc: paints(st), keys: keys,
		empty: "no events"}
}

// SetSize sets the inner size (inside the frame).
func (m *timelinePane) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	m.ensureVisible()
}

// SetIndex replaces the filtered index (after a filter change) and puts the
// cursor on position pos.
func (m *timelinePane) SetIndex(idx []int, pos int) {
	m.idx = idx
	m.cursor, m.top = pos, 0
	m.ensureVisible()
}

// SetEmpty sets what the pane says when no event is shown.
func (m *timelinePane) SetEmpty(msg string) { m.empty = msg }

// SetSearch sets the search to highlight: the query and the positions of
// the matching events. Drawn rows are forgotten, since they carry the old
// highlights.
func (m *timelinePane) SetSearch(query string, hits []int) {
	if query != m.query || !sameInts(hits, m.hits) {
		m.rows.invalidate()
	}
	m.query, m.hits = query, hits
}

func sameInts(a, b []int) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// isHit reports whether the event at position pos matches the search.
func (m timelinePane) isHit(pos int) bool {
	i := sort.SearchInts(m.hits, pos)
	return i < len(m.hits) && m.hits[i] == pos
}

// Focus makes the pane take navigation keys.
func (m *timelinePane) Focus() { m.focused = true }

// Blur makes the pane ignore keys.
func (m *timelinePane) Blur() { m.focused = false }

// Focused reports whether the pane takes keys.
func (m timelinePane) Focused() bool { return m.focused }

// Len returns the number of events shown (after filters).
func (m timelinePane) Len() int { return len(m.idx) }

// Cursor returns the selection's position among the shown events.
func (m timelinePane) Cursor() int { return m.cursor }

// Selected returns the chronological index of the selected event.
func (m timelinePane) Selected() (int, bool) {
	if len(m.idx) == 0 {
		return 0, false
	}
	return m.idx[m.cursor], true
}

// Select moves the cursor to position pos (clamped).
func (m *timelinePane) Select(pos int) {
	m.cursor = pos
	m.ensureVisible()
}

// Update moves the cursor on navigation keys when the pane is focused.
func (m timelinePane) Update(msg tea.Msg) (timelinePane, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !m.focused || len(m.idx) == 0 {
		return m, nil
	}
	if next, ok := moveByKey(m.keys, k, m.cursor, m.visibleEvents(), len(m.idx)); ok {
		m.Select(next)
	}
	return m, nil
}

// margin is how many events the cursor keeps between itself and the
// pane's top and bottom edges while scrolling.
func (m timelinePane) margin() int { return min(3, max(0, (m.height-2)/5)) }

// between is the number of lines drawn between the events at positions
// p-1 and p: a year separator when the year changes, plus a gap line when
// whole years pass.
func (m timelinePane) between(p int) int {
	a, b := m.rows.get(m.idx[p-1]), m.rows.get(m.idx[p])
	switch {
	case a.dated != b.dated:
		return 1
	case !b.dated || b.year == a.year:
		return 0
	case b.year > a.year+1:
		return 2
	}
	return 1
}

// header reports whether the pane has room for its year header line.
func (m timelinePane) header() int {
	if m.height >= 2 {
		return 1
	}
	return 0
}

// fits reports whether the events at positions top..last fit on screen.
// It walks at most one screenful.
func (m timelinePane) fits(top, last int) bool {
	used := m.header() + 1
	for p := top + 1; p <= last; p++ {
		used += m.between(p) + 1
		if used > m.height {
			return false
		}
	}
	return used <= m.height
}

// topFor returns the smallest top position that still shows last.
func (m timelinePane) topFor(last int) int {
	used := m.header() + 1
	t := last
	for t > 0 {
		next := used + 1 + m.between(t)
		if next > m.height {
			break
		}
		used, t = next, t-1
	}
	return t
}

// ensureVisible clamps the cursor and scrolls so that it keeps its margin.
func (m *timelinePane) ensureVisible() {
	n := len(m.idx)
	if n == 0 {
		m.cursor, m.top = 0, 0
		return
	}
	m.cursor = max(0, min(m.cursor, n-1))
	if m.height <= 0 {
		// Not laid out yet: SetSize scrolls later, from the top, so that a
		// cursor set before the first size (--event) lands with the usual
		// margin and the events before it stay in view.
		m.top = 0
		return
	}
	m.top = max(0, min(m.top, n-1))
	mg := m.margin()
	if m.cursor-mg < m.top {
		m.top = max(0, m.cursor-mg)
	}
	if last := min(n-1, m.cursor+mg); !m.fits(m.top, last) {
		m.top = m.topFor(last)
	}
	if m.top > m.cursor || !m.fits(m.top, m.cursor) {
		m.top = m.topFor(m.cursor) // the pane is too short for the margin
	}
	if end := m.topFor(n - 1); m.top > end {
		// The pane grew (a resize) or the list shrank: the events from
		// end on fit, so scrolling further would leave rows empty below
		// and hide events above. The cursor, at or after top, stays shown.
		m.top = end
	}
	m.dateW = 0
	for _, l := range m.plan() {
		if l.kind == lineEvent {
			m.dateW = max(m.dateW, m.rows.get(m.idx[l.pos]).dateW)
		}
	}
}

// visibleEvents is the number of event rows on screen.
func (m timelinePane) visibleEvents() int {
	n := 0
	for _, l := range m.plan() {
		if l.kind == lineEvent {
			n++
		}
	}
	return n
}

// plan lays out the lines on screen from the top position.
func (m timelinePane) plan() []paneLine {
	if len(m.idx) == 0 || m.height <= 0 {
		return nil
	}
	lines := make([]paneLine, 0, m.height)
	if m.header() == 1 {
		r := m.rows.get(m.idx[m.top])
		lines = append(lines, paneLine{kind: lineYear, year: r.year, undated: !r.dated})
	}
	lines = append(lines, paneLine{kind: lineEvent, pos: m.top, selected: m.top == m.cursor})
	for p := m.top + 1; p < len(m.idx) && len(lines) < m.height; p++ {
		if n := m.between(p); n > 0 {
			a, b := m.rows.get(m.idx[p-1]), m.rows.get(m.idx[p])
			if n == 2 {
				lines = append(lines, paneLine{kind: lineGap, year: a.year + 1, to: b.year - 1})
			}
			lines = append(lines, paneLine{kind: lineYear, year: b.year, undated: !b.dated})
		}
		lines = append(lines, paneLine{kind: lineEvent, pos: p, selected: p == m.cursor})
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	return lines
}

// posAt returns the event position drawn on inner line y, for mouse clicks.
func (m timelinePane) posAt(y int) (int, bool) {
	lines := m.plan()
	if y < 0 || y >= len(lines) || lines[y].kind != lineEvent {
		return 0, false
	}
	return lines[y].pos, true
}

// View draws exactly height lines of exactly width cells.
func (m timelinePane) View() string {
	if len(m.idx) == 0 {
		lines := []string{""}
		for _, l := range wrap(m.empty, max(1, m.width-2)) {
			lines = append(lines, "  "+m.st.muted.Render(l))
		}
		return fitBlock(lines, m.width, m.height)
	}
	lines := m.plan()
	out := make([]string, len(lines))
	for i, l := range lines {
		switch l.kind {
		case lineYear:
			label := "undated"
			if !l.undated {
				label = yearLabel(l.year)
			}
			out[i] = m.pc.render(&m.st.yearSep, rule("─ "+label+" ", "─", m.width))
		case lineGap:
			span := yearLabel(l.year)
			if l.to > l.year {
				span += "–" + yearLabel(l.to)
			}
			out[i] = m.pc.render(&m.st.gap, fit("  ┆ no events in "+span, m.width))
		default:
			out[i] = m.row(l.pos, l.selected)
		}
	}
	return stackExact(out, m.width, m.height)
}

// rule is head followed by glyph (one cell wide) up to w cells.
func rule(head, glyph string, w int) string {
	if n := w - textWidth(head); n >= 0 {
		return head + strings.Repeat(glyph, n)
	}
	return cut(head, w)
}

// Column widths of a row: the selection glyph, the date qualifier mark,
// the status mark and the citation mark, each followed by a space.
const (
	glyphW  = 2 // "▸ "
	markW   = 2 // "~?"
	statusW = 1 // "!" or "»"
	citeW   = 1 // "✗" or "≈"
	// fixedW is what a row takes besides its date, title and actors.
	fixedW = glyphW + 1 + markW + 1 + statusW + 1 + citeW + 1
	// actorsMinPane is the inner width from which rows show actors: below
	// it the title needs the room.
	actorsMinPane = 60
	// minActorsW is the least room worth showing cut actors in ("Puti…").
	minActorsW = 6
)

// minTitleW is the room a row keeps for its title whatever the date: two
// fifths of the row.
func minTitleW(w int) int { return (2*w + 4) / 5 }

// dateCol is the date column's width: the widest date among the rows on
// screen, so no date there is cut, unless that would leave the title less
// than minTitleW (a narrow terminal: the date is cut instead).
func (m timelinePane) dateCol() int {
	return max(4, min(max(m.dateW, 4), m.width-fixedW-minTitleW(m.width)))
}

// row draws the event at position pos as one line of exactly width cells.
// Unselected rows are memoized per width and date column in the row cache,
// so scrolling redraws only the rows that came into view.
func (m timelinePane) row(pos int, selected bool) string {
	r := m.rows.get(m.idx[pos])
	dw := m.dateCol()
	hit := m.query != "" && m.isHit(pos)
	if !selected && r.lineW == m.width && r.lineDW == dw && r.lineHit == hit && r.lineGen == m.rows.gen {
		return r.line
	}
	rest := m.width - fixedW - dw
	actors := ""
	if m.width >= actorsMinPane && r.actors != "" {
		// Actors take what the date and the title's share leave.
		full := textWidth(r.actors)
		if aw := min(full, m.width/5, rest-2-minTitleW(m.width)); aw >= min(full, minActorsW) {
			actors = fit(r.actors, aw)
			rest -= aw + 2
		}
	}
	date, mark, st := fit(r.date, dw), fit(r.mark, markW), fit(statusMark(r.status), statusW)
	cite := fit(r.cite, citeW)
	title := fit(r.title, max(0, rest))
	if selected {
		style := &m.st.selBlur
		if m.focused {
			style = &m.st.sel
		}
		line := "▸ " + date + " " + mark + " " + st + " " + cite + " "
		if m.query == "" {
			line += title
			if actors != "" {
				line += "  " + actors
			}
			return m.pc.render(style, fit(line, m.width))
		}
		t, _ := highlight(title, m.query, *style, m.st.selMatch)
		out := m.pc.render(style, line) + t
		if actors != "" {
			a, _ := highlight(actors, m.query, *style, m.st.selMatch)
			out += m.pc.render(style, "  ") + a
		}
		if pad := m.width - textWidth(line) - textWidth(title) - rowActorsW(actors); pad > 0 {
			out += m.pc.render(style, strings.Repeat(" ", pad))
		}
		if rest < 0 {
			out = fit(out, m.width)
		}
		return out
	}
	var b strings.Builder
	if hit {
		b.WriteString(m.pc.render(&m.st.match, "•") + " ") // visible without colour too
	} else {
		b.WriteString("  ")
	}
	b.WriteString(m.pc.render(&m.st.date, date))
	b.WriteByte(' ')
	b.WriteString(m.pc.render(&m.st.approx, mark))
	b.WriteByte(' ')
	switch r.status {
	case timeline.StatusAlleged:
		b.WriteString(m.pc.render(&m.st.alleged, st))
	case timeline.StatusExpected:
		b.WriteString(m.pc.render(&m.st.expected, st))
	default:
		b.WriteString(st)
	}
	b.WriteByte(' ')
	switch r.cite {
	case citeFailed:
		b.WriteString(m.pc.render(&m.st.unresolved, cite))
	case citeDrifted:
		b.WriteString(m.pc.render(&m.st.drift, cite))
	default:
		b.WriteString(cite)
	}
	b.WriteByte(' ')
	b.WriteString(m.paintMatches(title, &m.st.title, &m.st.match))
	if actors != "" {
		b.WriteString("  ")
		b.WriteString(m.paintMatches(actors, &m.st.actors, &m.st.match))
	}
	line := b.String()
	if rest < 0 { // a pane too narrow for the fixed columns
		line = fit(line, m.width)
	}
	r.line, r.lineW, r.lineDW, r.lineHit, r.lineGen = line, m.width, dw, hit, m.rows.gen
	return line
}

// rowActorsW is the width the actors column takes with its gap.
func rowActorsW(actors string) int {
	if actors == "" {
		return 0
	}
	return 2 + textWidth(actors)
}

// paintMatches is highlight(s, m.query, *base, *hl) through the paint
// cache when there is no query, the common case.
func (m timelinePane) paintMatches(s string, base, hl *lipgloss.Style) string {
	if m.query == "" {
		return m.pc.render(base, s)
	}
	out, _ := highlight(s, m.query, *base, *hl)
	return out
}

// positionOf finds the event with the given ID among the shown events; it
// walks the index once, at load, not on a key.
func positionOf(tl *timeline.Timeline, idx []int, id string) int {
	if id == "" {
		return 0
	}
	for p, i := range idx {
		if tl.Event(i).ID == id {
			return p
		}
	}
	return 0
}

// hasEvent reports whether an event of tl has the id.
func hasEvent(tl *timeline.Timeline, id string) bool {
	_, ok := tl.EventIndex(id)
	return ok
}
