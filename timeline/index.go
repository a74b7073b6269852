package timeline

import (
	"math/bits"
	"slices"
	"sort"
	"sync"
)

// dateIndex answers "which events overlap [lo, hi]" without scanning every
// event. Dated events are split by how they are bounded:
//
//   - closed events (both ends known) are grouped into classes by the length
//     of their span in powers of two; within a class they are sorted by
//     earliest day, so a query reads only those whose earliest day lies in
//     [lo - longest span of the class, hi], which is close to the result;
//   - events open at the start are sorted by latest day (a suffix matches);
//   - events open at the end are sorted by earliest day (a prefix matches);
//   - events open at both ends overlap everything.
type dateIndex struct {
	n         int // events in the timeline, for the bitmap of overlapping
	classes   []spanClass
	openStart boundList // sorted by latest
	openEnd   boundList // sorted by earliest
	openBoth  []int
	min, max  Day // of all known bounds; min > max when there are none
}

type spanClass struct {
	maxSpan Day
	boundList
	latest []Day // parallel to idx
}

// boundList is parallel arrays of a sort key and chronological indexes.
type boundList struct {
	key []Day
	idx []int
}

func (b *boundList) add(k Day, i int) { b.key = append(b.key, k); b.idx = append(b.idx, i) }

func (b *boundList) sortByKey() {
	sort.Sort(byKey{b})
}

type byKey struct{ *boundList }

func (s byKey) Len() int { return len(s.key) }
func (s byKey) Less(i, j int) bool {
	return s.key[i] < s.key[j] || s.key[i] == s.key[j] && s.idx[i] < s.idx[j]
}
func (s byKey) Swap(i, j int) {
	s.key[i], s.key[j] = s.key[j], s.key[i]
	s.idx[i], s.idx[j] = s.idx[j], s.idx[i]
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
	backing := make([]int, total)
	lists := make([][]int, na)
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
				lists[a] = append(lists[a], j)
			}
		}
	}
	t.postings = make(map[string][]int, na)
	for a, l := range lists {
		if len(l) > 0 {
			t.postings[t.actors[a].ID] = l
		}
	}
}

// buildDates builds the date index of the events in memory.
func (t *Timeline) buildDates() {
	t.dates = newDateIndex(len(t.events), t.dated, func(i int) Bounds { return BoundsOf(t.events[i].Date) }, nil)
}

// newDateIndex builds the date index of n events, the first dated of which
// have a bound, bounds(i) giving the i-th in chronological order. A first
// pass counts the events of each list so that the second fills lists
// allocated at their final size. each, when not nil, calls its function
// with the bounds of every dated event in any order, for the count: in an
// order that reads memory in sequence, it spares the count bounds' random
// reads (a lazy Timeline's bounds are in dataset order).
func newDateIndex(n, dated int, bounds func(i int) Bounds, each func(func(Bounds))) dateIndex {
	d := dateIndex{n: n}
	d.min, d.max = maxDay, minDay
	// class returns the list an event belongs to: 0–63 a span class,
	// 64 open at the start, 65 open at the end, 66 open at both.
	class := func(b Bounds) (c int, lo, hi Day) {
		lo, lok := b.earliest()
		hi, hok := b.latest()
		switch {
		case lok && hok:
			return bits.Len64(uint64(hi - lo)), lo, hi
		case hok:
			return 64, lo, hi
		case lok:
			return 65, lo, hi
		}
		return 66, lo, hi
	}
	var count [67]int
	if each != nil {
		each(func(b Bounds) {
			c, _, _ := class(b)
			count[c]++
		})
	} else {
		for i := range dated {
			c, _, _ := class(bounds(i))
			count[c]++
		}
	}
	var classes [64]*spanClass
	for c := range classes {
		if count[c] > 0 {
			classes[c] = &spanClass{boundList: newBoundList(count[c]), latest: make([]Day, 0, count[c])}
		}
	}
	d.openStart, d.openEnd = newBoundList(count[64]), newBoundList(count[65])
	d.openBoth = make([]int, 0, count[66])
	for i := range dated {
		c, lo, hi := class(bounds(i))
		if c != 64 && c != 66 {
			d.min, d.max = min(d.min, lo), max(d.max, lo)
		}
		if c != 65 && c != 66 {
			d.min, d.max = min(d.min, hi), max(d.max, hi)
		}
		switch c {
		case 64:
			d.openStart.add(hi, i)
		case 65:
			d.openEnd.add(lo, i)
		case 66:
			d.openBoth = append(d.openBoth, i)
		default:
			cl := classes[c]
			cl.add(lo, i)
			cl.latest = append(cl.latest, hi)
			cl.maxSpan = max(cl.maxSpan, hi-lo)
		}
	}
	for _, c := range classes {
		if c == nil {
			continue
		}
		// Events are already in chronological order, which sorts closed
		// events by earliest day, so no sort is needed for the classes.
		d.classes = append(d.classes, *c)
	}
	d.openStart.sortByKey()
	d.openEnd.sortByKey()
	return d
}

func newBoundList(n int) boundList {
	return boundList{key: make([]Day, 0, n), idx: make([]int, 0, n)}
}

// overlapping appends to dst the indexes of dated events overlapping
// [lo, hi] (inclusive days), in chronological order. Each list of the index
// yields its matches in ascending order (a class is in chronological
// order, and the open lists sort by the day that orders them in the
// timeline too), so only the runs from different lists need merging: by
// sorting when the result is small, otherwise through a bitmap of the
// timeline, in time linear in the timeline's length over 64 plus the result.
func (d *dateIndex) overlapping(lo, hi Day, dst []int, scratch *sync.Pool) []int {
	start := len(dst)
	runs := 0
	run := func(before int) {
		if len(dst) > before {
			runs++
		}
	}
	for ci := range d.classes {
		c := &d.classes[ci]
		from := lowerBound(c.key, lo-c.maxSpan)
		to := upperBound(c.key, hi)
		before := len(dst)
		for k := from; k < to; k++ {
			if c.latest[k] >= lo {
				dst = append(dst, c.idx[k])
			}
		}
		run(before)
	}
	before := len(dst)
	dst = append(dst, d.openStart.idx[lowerBound(d.openStart.key, lo):]...)
	run(before)
	before = len(dst)
	dst = append(dst, d.openEnd.idx[:upperBound(d.openEnd.key, hi)]...)
	run(before)
	before = len(dst)
	dst = append(dst, d.openBoth...)
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

// lowerBound returns the first k with keys[k] >= x.
func lowerBound(keys []Day, x Day) int {
	return sort.Search(len(keys), func(k int) bool { return keys[k] >= x })
}

// upperBound returns the first k with keys[k] > x.
func upperBound(keys []Day, x Day) int {
	return sort.Search(len(keys), func(k int) bool { return keys[k] > x })
}
