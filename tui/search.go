package tui

import (
	"sort"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// searchState is the search: what was asked, what the last result says,
// and the sequence number that lets a newer search supersede an older one.
type searchState struct {
	typed   string // the latest query asked for ("" for no search)
	query   string // the query whose result is shown
	hits    []int  // positions in the shown index that match query, ascending
	seq     int    // of the latest search started; other results are dropped
	pending bool   // a search for typed is running
	origin  int    // cursor position when the input opened: jumps start here
}

// active reports whether a search is set.
func (s searchState) active() bool { return s.typed != "" }

// searchResultMsg carries the result of the search numbered seq.
type searchResultMsg struct {
	seq   int
	query string
	hits  []int // positions in the index the search ran over
	jump  bool  // move the cursor to the first match at or after the origin
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
		return searchResultMsg{seq: seq, query: query, hits: positionsIn(idx, tl.Search(query, nil)), jump: jump}
	}
}

// positionsIn returns the positions in idx of the events in found; both
// are ascending. It merges or binary-searches, whichever reads less.
func positionsIn(idx, found []int) []int {
	var out []int
	if len(found)*16 < len(idx) {
		for _, e := range found {
			if p := sort.SearchInts(idx, e); p < len(idx) && idx[p] == e {
				out = append(out, p)
			}
		}
		return out
	}
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

// startSearch asks for query: it drops any running search, clears the
// result when the query is blank, and otherwise returns the command that
// runs it.
func (m *Model) startSearch(query string, jump bool) tea.Cmd {
	m.search.seq++
	m.search.typed = query
	if strings.TrimSpace(query) == "" {
		m.search.typed, m.search.query, m.search.hits, m.search.pending = "", "", nil, false
		m.applySearchMarks()
		return nil
	}
	m.search.pending = true
	return searchCmd(m.tl, m.timeline.idx, query, m.search.seq, jump)
}

// onSearchResult shows the result of the latest search, jumping to the
// first match at or after where the search started while it is typed.
func (m *Model) onSearchResult(msg searchResultMsg) {
	if msg.seq != m.search.seq || m.state != stateReady {
		return // superseded
	}
	m.search.query, m.search.hits, m.search.pending = msg.query, msg.hits, false
	m.applySearchMarks()
	if msg.jump && len(msg.hits) > 0 {
		i := sort.SearchInts(msg.hits, m.search.origin)
		if i == len(msg.hits) {
			i = 0 // wrap around
		}
		m.timeline.Select(msg.hits[i])
		m.syncDetail()
	}
}

// applySearchMarks passes the shown result to the panes' highlighting.
func (m *Model) applySearchMarks() {
	m.timeline.SetSearch(m.search.query, m.search.hits)
	m.detail.SetMarks(m.search.query, m.actorHits)
}

// jumpMatch moves to the next (d = 1) or previous (d = -1) match, wrapping.
func (m *Model) jumpMatch(d int) {
	hits := m.search.hits
	if len(hits) == 0 {
		if m.search.active() && !m.search.pending {
			m.flash = "no match for " + strconv.Quote(m.search.typed)
		}
		return
	}
	cur := m.timeline.Cursor()
	var p int
	if d > 0 {
		i := sort.SearchInts(hits, cur+1)
		p = hits[i%len(hits)]
	} else {
		i := sort.SearchInts(hits, cur) - 1
		p = hits[(i+len(hits))%len(hits)]
	}
	m.timeline.Select(p)
	m.syncDetail()
}

// clearSearch forgets the search and its input's text.
func (m *Model) clearSearch() {
	m.startSearch("", false)
	m.searchIn.SetValue("")
}

// searchNote is the status bar's account of the search:
// `search: "QUERY" (i/m)`, where i is the match under the cursor ("-" when
// the cursor is on none), or "(no match)"; "(…)" while it runs, and
// "(indexing…)" while it waits for the search index, which takes seconds
// at a million events.
func (m *Model) searchNote() string {
	if !m.search.active() {
		return ""
	}
	q := "search: " + strconv.Quote(clean(m.search.typed))
	switch {
	case m.search.pending || m.search.query != m.search.typed:
		if !m.tl.SearchIndexReady() {
			return q + " (indexing…)"
		}
		return q + " (…)"
	case len(m.search.hits) == 0:
		return q + " (no match)"
	}
	i := "-"
	if k := sort.SearchInts(m.search.hits, m.timeline.Cursor()); k < len(m.search.hits) && m.search.hits[k] == m.timeline.Cursor() {
		i = strconv.Itoa(k + 1)
	}
	return q + " (" + i + "/" + strconv.Itoa(len(m.search.hits)) + ")"
}
