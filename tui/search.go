package tui

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// searchPrompt is the search (/): its input line, what was asked, what
// the last result says, and the sequence number that lets a newer search
// supersede an older one. A search hides nothing: the root marks its hits
// in the panes and n/N step through them.
type searchPrompt struct {
	st   *styles
	keys *keyMap
	in   lineInput
	tl   *timeline.Timeline
	idx  []int // the shown events the search runs over

	typed   string // the latest query asked for ("" for no search)
	query   string // the query whose result is shown
	hits    []int  // positions in idx that match query, ascending
	seq     int    // of the latest search started; other results are dropped
	pending bool   // a search for typed is running
	partial bool   // hits are the first matches from origin; the rest are coming
	origin  int    // cursor position when the input opened: jumps start here
}

func newSearchPrompt(st *styles, keys *keyMap) searchPrompt {
	return searchPrompt{st: st, keys: keys, in: newLineInput(st, "/")}
}

// SetEvents sets the events later searches run over. The hits of the old
// index mean nothing in the new one and are dropped; the query stays.
func (p *searchPrompt) SetEvents(tl *timeline.Timeline, idx []int) {
	p.tl, p.idx, p.hits = tl, idx, nil
}

// Focus gives the input the keyboard, with the text it had when it was
// last left; jumps start from origin, the timeline's cursor.
func (p *searchPrompt) Focus(origin int) {
	p.origin = origin
	p.in.Focus()
}

// Focused reports whether the input has the keyboard; enter and esc give
// it back.
func (p searchPrompt) Focused() bool { return p.in.focused }

// active reports whether a search is set.
func (p searchPrompt) active() bool { return p.typed != "" }

// Update types a key into the input (bursts and pastes whole) and starts
// the search as typed; enter and esc leave the input, the search standing.
// A result is shown when it is the latest search's.
func (p searchPrompt) Update(msg tea.Msg) (searchPrompt, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if !p.Focused() {
			return p, nil
		}
		if key.Matches(msg, p.keys.Back, p.keys.Accept) {
			p.in.Blur()
			return p, nil
		}
		before := p.in.Value()
		p.in = p.in.Update(msg)
		if v := p.in.Value(); v != before {
			return p, p.ask(v, true)
		}
	case searchResultMsg:
		if p.current(msg) {
			p.query, p.hits, p.pending, p.partial = msg.query, msg.hits, msg.next != nil, msg.next != nil
		}
	}
	return p, nil
}

// current reports whether msg is the result of the latest search.
func (p searchPrompt) current(msg searchResultMsg) bool { return msg.seq == p.seq }

// ask asks for query: it drops any running search, clears the result when
// the query is blank, and otherwise returns the command that runs it.
func (p *searchPrompt) ask(query string, jump bool) tea.Cmd {
	p.seq++
	p.typed = query
	if strings.TrimSpace(query) == "" {
		p.typed, p.query, p.hits, p.pending, p.partial = "", "", nil, false, false
		return nil
	}
	p.pending = true
	if p.tl.Lazy() {
		return searchFirstCmd(p.tl, p.idx, query, p.seq, p.origin, jump)
	}
	return searchCmd(p.tl, p.idx, query, p.seq, jump)
}

// again asks the standing query again, over new events.
func (p *searchPrompt) again() tea.Cmd {
	if !p.active() {
		return nil
	}
	return p.ask(p.typed, false)
}

// Clear forgets the search and the input's text.
func (p *searchPrompt) Clear() {
	p.ask("", false)
	p.in.SetValue("")
}

// firstFromOrigin is the first hit at or after where the search started,
// wrapping around: where a search typed jumps to.
func (p searchPrompt) firstFromOrigin() (int, bool) {
	if len(p.hits) == 0 {
		return 0, false
	}
	i := sort.SearchInts(p.hits, p.origin)
	if i == len(p.hits) {
		i = 0 // wrap around
	}
	return p.hits[i], true
}

// step is the next (d = 1) or previous (d = -1) hit from cur, wrapping.
func (p searchPrompt) step(cur, d int) (int, bool) {
	hits := p.hits
	if len(hits) == 0 {
		return 0, false
	}
	if d > 0 {
		i := sort.SearchInts(hits, cur+1)
		return hits[i%len(hits)], true
	}
	i := sort.SearchInts(hits, cur) - 1
	return hits[(i+len(hits))%len(hits)], true
}

// Note is the status bar's account of the search, with the cursor at cur:
// `search: "QUERY" (i/m)`, where i is the match under the cursor ("-"
// when the cursor is on none), or "(no match)"; "(…)" while it runs, and
// "(indexing…)" while it waits for the search index, which takes seconds
// at a million events.
func (p searchPrompt) Note(cur int) string {
	if !p.active() {
		return ""
	}
	q := "search: " + strconv.Quote(clean(clip(p.typed, noteQueryRunes)))
	switch {
	case p.partial && p.query == p.typed:
		// The first matches from where the search started, the rest coming.
		i := "-"
		if k := sort.SearchInts(p.hits, cur); k < len(p.hits) && p.hits[k] == cur {
			i = strconv.Itoa(k + 1)
		}
		return q + " (" + i + "/" + strconv.Itoa(len(p.hits)) + "+, searching…)"
	case p.pending || p.query != p.typed:
		if !p.tl.SearchIndexReady() {
			return q + " (indexing…)"
		}
		return q + " (…)"
	case len(p.hits) == 0:
		return q + " (no match)"
	}
	i := "-"
	if k := sort.SearchInts(p.hits, cur); k < len(p.hits) && p.hits[k] == cur {
		i = strconv.Itoa(k + 1)
	}
	return q + " (" + i + "/" + strconv.Itoa(len(p.hits)) + ")"
}

// noteQueryRunes is as much of a query as the status bar quotes: a status
// bar is never wider than this, and quoting a 100 KB paste on every frame
// would cost milliseconds a key.
const noteQueryRunes = 300

// clip is s cut to n runes, with an ellipsis when it is cut.
func clip(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}

// View is the input line, w cells wide, that replaces the short help while
// the input has the keyboard.
func (p searchPrompt) View(w int) string {
	return fit(p.in.View(w)+p.st.muted.Render("   enter keep · esc leave"), w)
}

// searchResultMsg carries the result of the search numbered seq, or,
// when next is set, its first matches, next being the command that
// finds them all.
type searchResultMsg struct {
	seq   int
	query string
	hits  []int // positions in the index the search ran over
	jump  bool  // move the cursor to the first match at or after the origin
	next  tea.Cmd
}

// searchIndexReadyMsg reports that the search index is built.
type searchIndexReadyMsg struct{}

// searchIndexCmd builds the search index after load, so that the first
// keystroke of a search does not wait for it.
func searchIndexCmd(tl *timeline.Timeline) tea.Cmd {
	return func() tea.Msg {
		tl.BuildSearchIndex()
		return searchIndexReadyMsg{}
	}
}

// searchCmd runs query over the timeline off the event loop and maps the
// matching events to positions in idx (the shown events; the slice is
// never modified after it is shown, so sharing it is safe). Typing goes on
// meanwhile; a result whose seq is not the latest is dropped.
func searchCmd(tl *timeline.Timeline, idx []int, query string, seq int, jump bool) tea.Cmd {
	return func() tea.Msg {
		found, ok := tl.SearchLatest(query, uint64(seq), nil)
		if !ok {
			return nil // a later keystroke's search superseded it
		}
		return searchResultMsg{seq: seq, query: query, hits: positionsIn(idx, found), jump: jump}
	}
}

// firstWindow is how many events after the origin a search on a lazy
// Timeline reads first, so that the cursor can jump to the first match
// at once: a search for a short prefix matches most of a million events,
// and reading them all takes a fraction of a second.
const firstWindow = 2048

// searchFirstCmd is searchCmd on a lazy Timeline: it reads the events
// from origin on, firstWindow of them (wrapping around), and when any
// matches, brings them as a first result whose next command finds the
// rest; otherwise it goes on to find them all.
func searchFirstCmd(tl *timeline.Timeline, idx []int, query string, seq, origin int, jump bool) tea.Cmd {
	return func() tea.Msg {
		if len(idx) > firstWindow {
			origin = min(max(origin, 0), len(idx)-1)
			end := origin + firstWindow
			window := idx[origin:min(end, len(idx))]
			if end > len(idx) {
				window = append(slices.Clone(idx[:end-len(idx)]), window...)
			}
			found, ok := tl.SearchIn(query, window, uint64(seq))
			if !ok {
				return nil // superseded
			}
			if len(found) > 0 {
				return searchResultMsg{seq: seq, query: query, hits: positionsIn(idx, found), jump: jump,
					next: searchCmd(tl, idx, query, seq, false)}
			}
		}
		return searchCmd(tl, idx, query, seq, jump)()
	}
}

// positionsIn returns the positions in idx of the events in found; both
// are ascending. It merges or binary-searches, whichever reads less. When
// idx is every event (no filter), the positions are the events: found
// itself is returned, which spares a copy of a search that matches most
// of a million events.
func positionsIn(idx, found []int) []int {
	if n := len(idx); n > 0 && idx[0] == 0 && idx[n-1] == n-1 { // 0…n-1, ascending and distinct
		return found[:sort.SearchInts(found, n)]
	}
	var out []int
	if len(found)*16 < len(idx) {
		for _, e := range found {
			if p := sort.SearchInts(idx, e); p < len(idx) && idx[p] == e {
				out = append(out, p)
			}
		}
		return out
	}
	out = make([]int, 0, min(len(found), len(idx)))
	for p, j := 0, 0; p < len(idx) && j < len(found); {
		switch {
		case idx[p] < found[j]:
			p++
		case idx[p] > found[j]:
			j++
		default:
			out = append(out, p)
			p++
			j++
		}
	}
	return out
}

// onSearchResult shows the result of the latest search, jumping to the
// first match at or after where the search started while it is typed.
func (m *Model) onSearchResult(msg searchResultMsg) tea.Cmd {
	if !m.search.current(msg) || m.state != stateReady {
		return nil // superseded
	}
	m.search, _ = m.search.Update(msg)
	m.applySearchMarks()
	if pos, ok := m.search.firstFromOrigin(); ok && msg.jump {
		m.timeline.Select(pos)
		m.syncDetail()
	}
	return msg.next
}

// applySearchMarks passes the shown result to the panes' highlighting.
func (m *Model) applySearchMarks() {
	m.timeline.SetSearch(m.search.query, m.search.hits)
	m.detail.SetMarks(m.search.query, m.filter.Actors)
}

// jumpMatch moves to the next (d = 1) or previous (d = -1) match, wrapping.
func (m *Model) jumpMatch(d int) {
	p, ok := m.search.step(m.timeline.Cursor(), d)
	if !ok {
		if m.search.active() && !m.search.pending {
			m.flash = "no match for " + strconv.Quote(m.search.typed)
		}
		return
	}
	m.timeline.Select(p)
	m.syncDetail()
}
