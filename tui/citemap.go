package tui

import (
	"cmp"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// passage is one span of a source that at least one event cites, with the
// events that cite it.
type passage struct {
	start, end int   // code points, [start, end)
	events     []int // chronological event indexes, ascending, no repeats
}

// sourcePassages is every cited passage of one source, sorted by start then
// end, and their union as disjoint sorted spans (the faint marks).
type sourcePassages struct {
	list  []passage
	union [][2]int
}

// citeIndex maps a source ID to its cited passages. It answers "which
// events cite this passage" and "what does the timeline use of this text"
// without scanning the events when the reader opens.
type citeIndex map[string]*sourcePassages

// citeIndexMsg delivers the citation index built after load.
type citeIndexMsg struct {
	tl  *timeline.Timeline
	idx citeIndex
}

// citeIndexCmd builds the citation index off the event loop. It costs one
// pass over every resolved citation plus a sort per source: O(C log C) time
// and O(C) memory for C citations (about 2M entries, a few hundred
// milliseconds, at 1M events with two citations each). The reader works
// before it lands, marking only the open event's passages.
func citeIndexCmd(tl *timeline.Timeline) tea.Cmd {
	return func() tea.Msg { return citeIndexMsg{tl, buildCiteIndex(tl)} }
}

// buildCiteIndex groups the resolved citations of every event by source
// and span.
func buildCiteIndex(tl *timeline.Timeline) citeIndex {
	type entry struct{ start, end, event int }
	bySource := map[string][]entry{}
	for i := range tl.Len() {
		for _, c := range tl.Event(i).Citations {
			if c.Span.Resolved {
				bySource[c.Source] = append(bySource[c.Source], entry{c.Span.Start, c.Span.End, i})
			}
		}
	}
	out := make(citeIndex, len(bySource))
	for src, es := range bySource {
		slices.SortFunc(es, func(a, b entry) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.event, b.event))
		})
		sp := &sourcePassages{}
		for _, e := range es {
			n := len(sp.list)
			if n > 0 && sp.list[n-1].start == e.start && sp.list[n-1].end == e.end {
				if evs := sp.list[n-1].events; evs[len(evs)-1] != e.event {
					sp.list[n-1].events = append(evs, e.event)
				}
				continue
			}
			sp.list = append(sp.list, passage{start: e.start, end: e.end, events: []int{e.event}})
		}
		sp.union = unionSpans(sp.list)
		out[src] = sp
	}
	return out
}

// localPassages is what the reader marks before the index lands: the
// passages of one event's citations in one source.
func localPassages(tl *timeline.Timeline, event int, src string) *sourcePassages {
	sp := &sourcePassages{}
	for _, c := range tl.Event(event).Citations {
		if c.Source == src && c.Span.Resolved {
			sp.list = append(sp.list, passage{start: c.Span.Start, end: c.Span.End, events: []int{event}})
		}
	}
	slices.SortFunc(sp.list, func(a, b passage) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	sp.list = slices.CompactFunc(sp.list, func(a, b passage) bool { return a.start == b.start && a.end == b.end })
	sp.union = unionSpans(sp.list)
	return sp
}

// unionSpans merges sorted passages into disjoint spans.
func unionSpans(ps []passage) [][2]int {
	var out [][2]int
	for _, p := range ps {
		if n := len(out); n > 0 && p.start <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], p.end)
			continue
		}
		out = append(out, [2]int{p.start, p.end})
	}
	return out
}

// find returns the position of the passage [start, end) in the list.
func (sp *sourcePassages) find(start, end int) (int, bool) {
	return slices.BinarySearchFunc(sp.list, [2]int{start, end}, func(p passage, k [2]int) int {
		return cmp.Or(cmp.Compare(p.start, k[0]), cmp.Compare(p.end, k[1]))
	})
}

// covered reports whether any cited passage overlaps [start, end).
func (sp *sourcePassages) covered(start, end int) bool {
	i, _ := slices.BinarySearchFunc(sp.union, start, func(s [2]int, x int) int {
		if s[1] <= x {
			return -1
		}
		return 1
	})
	return i < len(sp.union) && sp.union[i][0] < end
}
