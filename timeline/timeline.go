package timeline

import (
	"cmp"
	"iter"
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// Timeline is a validated dataset with its events in chronological order and
// the indexes that filters use. Build one with New; it is read-only after,
// so one Timeline may be shared by concurrent readers.
//
// Order: by earliest day; an event whose earliest day is open or unknown
// sorts by its latest; ties by latest day (open or unknown last), then by
// dataset order. Events with no bound at all (undated) come last.
type Timeline struct {
	title   string
	events  []Event // chronological
	actors  []Actor
	sources []Source

	actorByID  map[string]int // index into actors
	sourceByID map[string]int // index into sources
	texts      []*SourceText  // parallel to sources

	// postings maps an actor ID to the chronological indexes of its events,
	// ascending: an actor filter reads these and never scans the events.
	postings map[string][]int32
	dates    dateIndex
	dated    int // events [0, dated) have a bound; [dated, Len) are undated

	// scratch holds the *[]uint64 bitmaps that merge date matches, ints
	// the *[]int candidate lists of combined filters: buffers that filters
	// reuse, in Pools so that concurrent readers each get their own.
	scratch, ints sync.Pool

	search searchHolder // the word index, built once on demand (search.go)

	// lazy, for a Timeline of a file on disk (NewLazy), holds its events'
	// columns and their source; events is then nil. index builds its
	// postings and date lists after its first screen (Index).
	lazy  *lazyStore
	index *lazyIndex
}

// New validates ds, resolves its citations and builds a Timeline. It returns
// every problem found, in dataset order. When any has SeverityError the
// Timeline is nil. ds is not modified: the Timeline keeps copies of the
// records, with each Citation's Span filled in (strings are shared).
//
// Cost: one sort of the events, then one pass over them split between the
// cores. A citation with a recorded position whose text, prefix and suffix
// match there exactly is anchored without searching its source (a search
// could only pick the same place); other citations are searched once per
// distinct selector.
func New(ds *Dataset) (*Timeline, []Diagnostic) { return newTimeline(ds, false) }

// NewOwned is New for a Dataset the caller hands over, such as one just
// decoded from a file: instead of copying the events, the Timeline takes
// ds.Events, fills in its citations' Spans and, when there is no error,
// reorders it chronologically. Afterwards the caller must not use
// ds.Events (ds's other fields are left as they are). It halves the
// memory and much of the time of building the Timeline of a big dataset.
func NewOwned(ds *Dataset) (*Timeline, []Diagnostic) { return newTimeline(ds, true) }

// sortKey places events: first by the earliest known bound (the latest one
// when the start is open or unknown), then by latest. Undated events get
// the maximum key so they sort last.
func sortKey(d Date) (first, second Day, dated bool) { return BoundsOf(d).sortKey() }

// sortKey is sortKey of the date with these bounds.
func (b Bounds) sortKey() (first, second Day, dated bool) {
	lo, lok := b.earliest()
	hi, hok := b.latest()
	switch {
	case lok && hok:
		return lo, hi, true
	case lok:
		return lo, maxDay, true
	case hok:
		return hi, hi, true
	}
	return maxDay, maxDay, false
}

const (
	minDay Day = -1 << 62
	maxDay Day = 1<<62 - 1
)

// chronological returns the dataset indexes of the events in chronological
// order and how many are dated.
func chronological(events []Event) (perm []int32, dated int) {
	return chronologicalBy(len(events), func(i int) Bounds { return BoundsOf(events[i].Date) })
}

// chronologicalBy is chronological of n events, bounds(i) giving the i-th
// in dataset order. Ties keep the dataset's order: the index is the last
// sort key, so an unstable sort gives the stable order. A dated event's
// first key is always below maxDay, so undated ones, keyed maxDay, come
// last without a flag. The keys are packed into one integer when they fit
// (chronologicalPacked), else sorted in 32 bits when they fit (smallDay),
// which halves the memory and time of the sort.
func chronologicalBy(n int, bounds func(i int) Bounds) (perm []int32, dated int) {
	if perm, dated, ok := chronologicalPacked(n, bounds); ok {
		return perm, dated
	}
	small := make([]chronoKey[int32], n)
	for i := range n {
		f, s, ok := bounds(i).sortKey()
		if ok {
			dated++
		}
		sf, fok := smallDay(f)
		ss, sok := smallDay(s)
		if !fok || !sok {
			large := make([]chronoKey[Day], n)
			for j := range i {
				large[j] = chronoKey[Day]{largeDay(small[j].first), largeDay(small[j].second), small[j].i}
			}
			small = nil
			large[i] = chronoKey[Day]{f, s, int32(i)}
			for j := i + 1; j < n; j++ {
				f, s, ok := bounds(j).sortKey()
				if ok {
					dated++
				}
				large[j] = chronoKey[Day]{f, s, int32(j)}
			}
			return sortChrono(large), dated
		}
		small[i] = chronoKey[int32]{sf, ss, int32(i)}
	}
	return sortChrono(small), dated
}

// chronologicalPacked is chronologicalBy with each event's key packed
// into a uint64 that sorts as the key does: from the high bits down, its
// first day counted from the dataset's earliest (undated events above
// every dated one), its second as days after the first (an open end above
// every span), and its dataset index. It reads the bounds twice, once for
// the ranges of those numbers, and reports false when they need more than
// 64 bits. A million events of 1,000 years whose spans are under 2,000
// years take 20+19+18 bits. Sorting integers by radix, not keys through
// a comparison function, takes a quarter of the time, in 16 bytes an event
// instead of 12.
func chronologicalPacked(n int, bounds func(i int) Bounds) (perm []int32, dated int, ok bool) {
	fmin, fmax, dmax := maxDay, minDay, Day(0)
	for i := range n {
		f, s, ok := bounds(i).sortKey()
		if !ok {
			continue
		}
		dated++
		fmin, fmax = min(fmin, f), max(fmax, f)
		if s != maxDay {
			dmax = max(dmax, s-f)
		}
	}
	if dated == 0 {
		fmin, fmax = 0, -1
	}
	// Differences of days within ±2^62 fit in 63 bits, as uint64.
	undated, open := uint64(fmax)-uint64(fmin)+1, uint64(dmax)+1
	ibits := bits.Len64(uint64(n))
	dbits := bits.Len64(open)
	if bits.Len64(undated)+dbits+ibits > 64 {
		return nil, 0, false
	}
	keys := make([]uint64, n)
	for i := range n {
		f, s, ok := bounds(i).sortKey()
		fc, dc := undated, open
		if ok {
			fc = uint64(f) - uint64(fmin)
			if s != maxDay {
				dc = uint64(s - f)
			}
		}
		keys[i] = fc<<(dbits+ibits) | dc<<ibits | uint64(i)
	}
	keys = radixSort(keys, ibits, bits.Len64(undated)+dbits)
	perm = make([]int32, n)
	index := uint64(1)<<ibits - 1
	for j, k := range keys {
		perm[j] = int32(k & index)
	}
	return perm, dated, true
}

// radixSort sorts keys by their width bits above the low skip, which
// are the keys' indexes in order, and returns them sorted, in keys or in
// a buffer of the same size: a least-significant-digit radix sort is
// stable, so ties keep that order, and the indexes need no pass of their
// own. A pass per 11 bits, skipped when every key has the same digit.
func radixSort(keys []uint64, skip, width int) []uint64 {
	const digit = 11
	buf := make([]uint64, len(keys))
	var count [1 << digit]int
	for shift := skip; shift < skip+width; shift += digit {
		clear(count[:])
		for _, k := range keys {
			count[k>>shift&(1<<digit-1)]++
		}
		if len(keys) == 0 || count[keys[0]>>shift&(1<<digit-1)] == len(keys) {
			continue
		}
		at := 0
		for d, c := range count {
			count[d] = at
			at += c
		}
		for _, k := range keys {
			d := k >> shift & (1<<digit - 1)
			buf[count[d]] = k
			count[d]++
		}
		keys, buf = buf, keys
	}
	return keys
}

// chronoKey is an event's sort key and dataset index.
type chronoKey[K int32 | Day] struct {
	first, second K
	i             int32
}

func compareChrono[K int32 | Day](a, b chronoKey[K]) int {
	if a.first != b.first {
		return cmp.Compare(a.first, b.first)
	}
	if a.second != b.second {
		return cmp.Compare(a.second, b.second)
	}
	return cmp.Compare(a.i, b.i)
}

// sortChrono sorts keys and returns their indexes in order.
func sortChrono[K int32 | Day](keys []chronoKey[K]) (perm []int32) {
	perm = make([]int32, len(keys))
	sortKeys := func(part []chronoKey[K]) { slices.SortFunc(part, compareChrono[K]) }
	for j, k := range sortParts(keys, compareChrono[K], sortKeys) {
		perm[j] = k.i
	}
	return perm
}

// sortParts yields the distinct keys in order. A million events take a
// fifth of a second to sort on one core: it sorts a part per core, by
// sortPart, then merges the parts, by compare.
func sortParts[T any](keys []T, compare func(a, b T) int, sortPart func([]T)) iter.Seq2[int, T] {
	n := len(keys)
	parts := min(runtime.GOMAXPROCS(0), 4, max(1, n/(1<<16)))
	var sorts []func()
	for p := range parts {
		part := keys[p*n/parts : (p+1)*n/parts]
		sorts = append(sorts, func() { sortPart(part) })
	}
	parallel(sorts...)
	return func(yield func(int, T) bool) {
		heads := make([][]T, parts)
		for p := range parts {
			heads[p] = keys[p*n/parts : (p+1)*n/parts]
		}
		for j := range n {
			best := -1
			for p, h := range heads {
				if len(h) > 0 && (best < 0 || compare(h[0], heads[best][0]) < 0) {
					best = p
				}
			}
			if !yield(j, heads[best][0]) {
				return
			}
			heads[best] = heads[best][1:]
		}
	}
}

// Title returns the dataset's title.
func (t *Timeline) Title() string { return t.title }

// Len returns the number of events.
func (t *Timeline) Len() int {
	if t.lazy != nil {
		return len(t.lazy.perm)
	}
	return len(t.events)
}

// Event returns the i-th event in chronological order.
// For a lazy Timeline it is decoded on demand (see EventProblem).
func (t *Timeline) Event(i int) *Event {
	if t.lazy != nil {
		return t.lazy.event(i)
	}
	return &t.events[i]
}

// EventIndex is the position of the event with the id, in the order of
// Event. It scans: an id map would cost memory at a million events for
// lookups made once per start, jump or reload.
func (t *Timeline) EventIndex(id string) (int, bool) {
	if t.lazy != nil {
		return t.lazy.find(id)
	}
	for i := range t.events {
		if t.events[i].ID == id {
			return i, true
		}
	}
	return -1, false
}

// Actors returns the actors in dataset order. Callers must not modify it.
func (t *Timeline) Actors() []Actor { return t.actors }

// Actor returns the actor with the given ID.
func (t *Timeline) Actor(id string) (*Actor, bool) {
	i, ok := t.actorByID[id]
	if !ok {
		return nil, false
	}
	return &t.actors[i], true
}

// ActorEventCount returns how many events list the actor.
func (t *Timeline) ActorEventCount(id string) int {
	t.Index()
	return len(t.postings[id])
}

// ActorEvents returns the chronological indexes of the actor's events,
// ascending. Callers must not modify it.
func (t *Timeline) ActorEvents(id string) []int32 {
	t.Index()
	return t.postings[id]
}

// Sources returns the sources in dataset order. Callers must not modify it.
func (t *Timeline) Sources() []Source { return t.sources }

// Source returns the source with the given ID.
func (t *Timeline) Source(id string) (*Source, bool) {
	i, ok := t.sourceByID[id]
	if !ok {
		return nil, false
	}
	return &t.sources[i], true
}

// SourceText returns the prepared text of the source with the given ID.
func (t *Timeline) SourceText(id string) (*SourceText, bool) {
	i, ok := t.sourceByID[id]
	if !ok {
		return nil, false
	}
	return t.texts[i], true
}

// CitedText is what every output shows and copies of a citation: for a
// resolved one (exact, tolerant or re-anchored) the source's own characters
// at its span, which differ from the quote as written when it matched only
// after normalising quotation marks, dashes, spaces or accents; for an
// unresolved or orphaned one, the quote as written, the only text there is.
func (t *Timeline) CitedText(c Citation) string {
	if !c.Span.Resolved {
		return c.Quote
	}
	if st, ok := t.SourceText(c.Source); ok {
		if s := st.Slice(c.Span.Start, c.Span.End); s != "" {
			return s
		}
	}
	return c.Quote
}

// Undated reports whether the i-th event has no date bound at all.
func (t *Timeline) Undated(i int) bool { return i >= t.dated }

// Span returns the earliest and latest days of all dated events; ok is false
// when no event has a bound. Open ends do not count.
func (t *Timeline) Span() (first, last Day, ok bool) {
	return t.dates.min, t.dates.max, t.dates.min <= t.dates.max
}

// scratchInts returns an empty reusable list of indexes.
func (t *Timeline) scratchInts() []int {
	if p, ok := t.ints.Get().(*[]int); ok {
		return (*p)[:0]
	}
	return nil
}

// putScratchInts gives a list from scratchInts back.
func (t *Timeline) putScratchInts(l []int) {
	l = l[:0]
	t.ints.Put(&l)
}
