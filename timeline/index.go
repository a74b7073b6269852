package timeline

import (
	"math/bits"
	"slices"
	"sort"
	"sync"
)

// dateIndex answers "which events overlap [lo, hi]" without scanning every
// event. It keeps the dated events' bounds in chronological order, and
// splits those events by how they are bounded, into lists of their
// chronological indexes:
//
//   - closed events (both ends known) are grouped into classes by the length
//     of their span in powers of two; within a class they are in
//     chronological order, which sorts them by earliest day, so a query
//     reads only those whose earliest day lies in [lo - longest span of the
//     class, hi], which is close to the result;
//   - events open at the start are in chronological order, which sorts
//     them by latest day (a suffix matches);
//   - events open at the end are sorted by earliest day (a prefix matches);
//   - events open at both ends overlap everything.
//
// The lists hold no copies of the days they are searched by: each reads
// them through bounds, in ascending order, so that at a million events
// the index costs 4 bytes an event besides the bounds (12 in all, mostly,
// not the 24 of lists keeping their keys beside a Timeline's own 16).
type dateIndex struct {
	n         int         // events in the timeline, for the bitmap of overlapping
	bounds    boundColumn // of the dated events, chronological
	classes   []spanClass
	openStart []int32 // by latest
	openEnd   []int32 // by earliest
	openBoth  []int32
	min, max  Day // of all known bounds; min > max when there are none
}

type spanClass struct {
	maxSpan Day
	idx     []int32 // by earliest
}

// buildPostings lays every actor's list out in one allocation: a first
// pass counts, a second fills, both reading the references New resolved to
// actor indexes (no map lookups), the count in dataset order, which reads
// memory in sequence, the fill in chronological order, so that the lists
// come out ascending as they must. An actor listed twice in one event is counted
// once. perm maps chronological positions to dataset indexes.
func (t *Timeline) buildPostings(refs *refTable, perm []int32) {
	na, n := len(t.actors), len(perm)
	count := make([]int, na)
	last := make([]int32, na)
	for a := range last {
		last[a] = -1
	}
	total := 0
	for i := range n {
		for _, a := range refs.of(i) {
			if a >= 0 && last[a] != int32(i) {
				last[a] = int32(i)
				count[a]++
				total++
			}
		}
	}
	backing := make([]int32, total)
	lists := make([][]int32, na)
	off := 0
	for a, c := range count {
		lists[a] = backing[off : off : off+c]
		off += c
		last[a] = -1
	}
	// Filled in chronological order, the lists need no sort: reading the
	// references out of order costs less than sorting them after.
	for j, i := range perm {
		for _, a := range refs.of(int(i)) {
			if a >= 0 && last[a] != i {
				last[a] = i
				lists[a] = append(lists[a], int32(j))
			}
		}
	}
	t.postings = make(map[string][]int32, na)
	for a, l := range lists {
		if len(l) > 0 {
			t.postings[t.actors[a].ID] = l
		}
	}
}

// buildDates builds the date index of the events in memory.
func (t *Timeline) buildDates() {
	t.dates = newDateIndex(len(t.events), newBoundColumn(t.dated, func(i int) Bounds { return BoundsOf(t.events[i].Date) }))
}

// newDateIndex builds the date index of n events, the first bounds.len()
// of which are dated, with these bounds, in chronological order; it keeps
// bounds.
func newDateIndex(n int, bounds boundColumn) dateIndex {
	d := dateIndexSpan(n, bounds)
	d.buildLists()
	return d
}

// dateIndexSpan is a date index with its bounds and span but no lists
// yet (buildLists), which is all StartDay and Span need.
func dateIndexSpan(n int, bounds boundColumn) dateIndex {
	d := dateIndex{n: n, bounds: bounds}
	d.min, d.max = maxDay, minDay
	for i := range bounds.len() {
		b := bounds.at(i)
		if lo, ok := b.earliest(); ok {
			d.min, d.max = min(d.min, lo), max(d.max, lo)
		}
		if hi, ok := b.latest(); ok {
			d.min, d.max = min(d.min, hi), max(d.max, hi)
		}
	}
	return d
}

// buildLists sorts the dated events into the index's lists. A first pass
// counts the events of each list so that the second fills lists
// allocated at their final size.
func (d *dateIndex) buildLists() {
	bounds := &d.bounds
	// class returns the list an event belongs to: 0–63 a span class,
	// 64 open at the start, 65 open at the end, 66 open at both.
	class := func(b Bounds) int {
		lo, lok := b.earliest()
		hi, hok := b.latest()
		switch {
		case lok && hok:
			return bits.Len64(uint64(hi - lo))
		case hok:
			return 64
		case lok:
			return 65
		}
		return 66
	}
	var count [67]int
	dated := bounds.len()
	for i := range dated {
		count[class(bounds.at(i))]++
	}
	var classes [64]*spanClass
	for c := range classes {
		if count[c] > 0 {
			classes[c] = &spanClass{idx: make([]int32, 0, count[c])}
		}
	}
	d.openStart = make([]int32, 0, count[64])
	d.openEnd = make([]int32, 0, count[65])
	d.openBoth = make([]int32, 0, count[66])
	for i := range dated {
		b := bounds.at(i)
		c := class(b)
		switch c {
		case 64:
			d.openStart = append(d.openStart, int32(i))
		case 65:
			d.openEnd = append(d.openEnd, int32(i))
		case 66:
			d.openBoth = append(d.openBoth, int32(i))
		default:
			cl := classes[c]
			cl.idx = append(cl.idx, int32(i))
			cl.maxSpan = max(cl.maxSpan, b.Hi-b.Lo)
		}
	}
	// Chronological order sorts each list by the day it is searched by
	// (an event open at the start sorts by its latest day, one open at the
	// end by its earliest), so no list needs a sort.
	for _, c := range classes {
		if c != nil {
			d.classes = append(d.classes, *c)
		}
	}
}

// overlapping appends to dst the indexes of dated events overlapping
// [lo, hi] (inclusive days), in chronological order. Each list of the index
// yields its matches in ascending order, so only the runs from different
// lists need merging: by sorting when the result is small, otherwise
// through a bitmap of the timeline, in time linear in the timeline's
// length over 64 plus the result.
func (d *dateIndex) overlapping(lo, hi Day, dst []int, scratch *sync.Pool) []int {
	start := len(dst)
	runs := 0
	run := func(before int) {
		if len(dst) > before {
			runs++
		}
	}
	earliest := func(i int32) Day { return d.bounds.at(int(i)).Lo }
	latest := func(i int32) Day { return d.bounds.at(int(i)).Hi }
	for ci := range d.classes {
		c := &d.classes[ci]
		from := firstFrom(c.idx, earliest, lo-c.maxSpan)
		to := firstAfter(c.idx, earliest, hi)
		before := len(dst)
		for _, i := range c.idx[from:to] {
			if d.bounds.at(int(i)).Hi >= lo {
				dst = append(dst, int(i))
			}
		}
		run(before)
	}
	before := len(dst)
	dst = widen(dst, d.openStart[firstFrom(d.openStart, latest, lo):])
	run(before)
	before = len(dst)
	dst = widen(dst, d.openEnd[:firstAfter(d.openEnd, earliest, hi)])
	run(before)
	before = len(dst)
	dst = widen(dst, d.openBoth)
	run(before)
	found := dst[start:]
	switch {
	case runs <= 1:
	case len(found)*64 < d.n:
		slices.Sort(found)
	default:
		words := (d.n + 63) / 64
		bm, _ := scratch.Get().(*[]uint64)
		if bm == nil || len(*bm) < words {
			b := make([]uint64, words)
			bm = &b
		}
		set := (*bm)[:words]
		for _, i := range found {
			set[i>>6] |= 1 << (i & 63)
		}
		dst = dst[:start]
		for w, x := range set {
			for x != 0 {
				dst = append(dst, w<<6|bits.TrailingZeros64(x))
				x &= x - 1
			}
			set[w] = 0
		}
		scratch.Put(bm)
	}
	return dst
}

// firstFrom returns the first k with key(idx[k]) >= x, the keys ascending.
func firstFrom(idx []int32, key func(int32) Day, x Day) int {
	return sort.Search(len(idx), func(k int) bool { return key(idx[k]) >= x })
}

// firstAfter returns the first k with key(idx[k]) > x, the keys ascending.
func firstAfter(idx []int32, key func(int32) Day, x Day) int {
	return sort.Search(len(idx), func(k int) bool { return key(idx[k]) > x })
}
