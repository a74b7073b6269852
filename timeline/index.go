package timeline

import (
	"math/bits"
	"slices"
	"sort"
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

func (t *Timeline) buildIndexes() {
	t.postings = make(map[string][]int)
	for i := range t.events {
		for _, ref := range t.events[i].Actors {
			p := t.postings[ref.Actor]
			// An actor listed twice in one event is counted once.
			if len(p) > 0 && p[len(p)-1] == i {
				continue
			}
			t.postings[ref.Actor] = append(p, i)
		}
	}
	d := &t.dates
	d.min, d.max = maxDay, minDay
	var classes [64]*spanClass
	for i := range t.events[:t.dated] {
		lo, lok := t.events[i].Date.Earliest()
		hi, hok := t.events[i].Date.Latest()
		if lok {
			d.min, d.max = min(d.min, lo), max(d.max, lo)
		}
		if hok {
			d.min, d.max = min(d.min, hi), max(d.max, hi)
		}
		switch {
		case lok && hok:
			span := hi - lo
			c := bits.Len64(uint64(span))
			if classes[c] == nil {
				classes[c] = &spanClass{}
			}
			cl := classes[c]
			cl.add(lo, i)
			cl.latest = append(cl.latest, hi)
			cl.maxSpan = max(cl.maxSpan, span)
		case hok:
			d.openStart.add(hi, i)
		case lok:
			d.openEnd.add(lo, i)
		default:
			d.openBoth = append(d.openBoth, i)
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
}

// overlapping appends to dst the indexes of dated events overlapping
// [lo, hi] (inclusive days), in chronological order.
func (d *dateIndex) overlapping(lo, hi Day, dst []int) []int {
	start := len(dst)
	for ci := range d.classes {
		c := &d.classes[ci]
		from := lowerBound(c.key, lo-c.maxSpan)
		to := upperBound(c.key, hi)
		for k := from; k < to; k++ {
			if c.latest[k] >= lo {
				dst = append(dst, c.idx[k])
			}
		}
	}
	for k := lowerBound(d.openStart.key, lo); k < len(d.openStart.key); k++ {
		dst = append(dst, d.openStart.idx[k])
	}
	for k := range upperBound(d.openEnd.key, hi) {
		dst = append(dst, d.openEnd.idx[k])
	}
	dst = append(dst, d.openBoth...)
	slices.Sort(dst[start:])
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
