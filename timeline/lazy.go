package timeline

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// A Timeline of a big file held on disk (NewLazy): instead of every event
// decoded, it keeps per event only what ordering and filtering need, in
// columns (its date bounds as day numbers, in the date index; its status;
// its place in its actors' postings), and asks an EventSource for the rest. Event decodes on demand, through a
// small cache, so a screen costs the rows it shows; Search scans the
// events' own text through the source, narrowing an earlier query's
// result when the new query can only match fewer events.

// Bounds are an event's earliest and latest days as Date.Earliest and
// Date.Latest give them, with NoEarliest and NoLatest for a bound that is
// not known (an open or unknown end, or an undated event).
type Bounds struct{ Lo, Hi Day }

// The bounds of an unknown end.
const (
	NoEarliest = minDay
	NoLatest   = maxDay
)

// BoundsOf returns d's bounds.
func BoundsOf(d Date) Bounds {
	lo, lok := d.Earliest()
	hi, hok := d.Latest()
	if !lok {
		lo = NoEarliest
	}
	if !hok {
		hi = NoLatest
	}
	return Bounds{lo, hi}
}

func (b Bounds) earliest() (Day, bool) { return b.Lo, b.Lo != NoEarliest }
func (b Bounds) latest() (Day, bool)   { return b.Hi, b.Hi != NoLatest }

// Columns are what a lazy Timeline keeps of each event, in dataset order.
type Columns struct {
	Bounds []Bounds
	Status []Status
	// ActorAt and Actors list each event's actors as indexes into the
	// dataset's actors: event i's are Actors[ActorAt[i]:ActorAt[i+1]]
	// (so len(ActorAt) is len(Bounds)+1); -1 is an unknown id, ignored.
	ActorAt []int32
	Actors  []int32
}

// EventSource gives a lazy Timeline the events it does not hold. Indexes
// are dataset indexes. Every method is safe for concurrent use.
type EventSource interface {
	// Event decodes event i and resolves its citations (an EventChecker
	// does both as New would). The Event is the caller's to keep. When the
	// event decodes but New would reject it, Event returns it with an error
	// wrapping ErrInvalid that says why (the first error); when it cannot
	// be decoded at all (its line is no event, or the file changed), it
	// returns nil and the error.
	Event(i int) (*Event, error)
	// Texts calls fn with the searchable text an event holds itself
	// (title, summary, then each citation's quote, as written), for each
	// event of idx, ascending, with k its position in idx; fn returns
	// false to skip the rest of that event's text. The strings are valid
	// only during the call. An event whose stored form shows, by
	// Needles.MayHold, that its text lacks one of need may be left out.
	Texts(idx []int32, need Needles, fn func(k int, s string) bool) error
	// Find returns the index of the first event with the id.
	Find(id string) (int, bool, error)
}

// ErrInvalid is wrapped by the error an EventSource gives with an event
// New would reject.
var ErrInvalid = errors.New("invalid event")

// NewLazy builds a Timeline of a dataset held on disk: ds gives its title,
// actors and sources (ds.Events is not read), cols its events' columns,
// src the events themselves. It checks the header as New does and returns
// nil with the diagnostics when any is an error; the events are not
// checked (the caller validates them behind, as Scan does).
func NewLazy(ds *Dataset, cols Columns, src EventSource) (*Timeline, []Diagnostic) {
	t, v := newHeader(ds)
	if v.failed {
		return nil, v.diags
	}
	n := len(cols.Bounds)
	lz := &lazyStore{src: src, status: cols.Status, cache: eventCache{max: lazyCacheSize}}
	lz.perm, t.dated = chronologicalBy(n, func(i int) Bounds { return cols.Bounds[i] })
	lz.rank = make([]int32, n)
	for j, i := range lz.perm {
		lz.rank[i] = int32(j)
	}
	t.lazy = lz
	refs := &refTable{refs: cols.Actors, at: cols.ActorAt}
	if len(refs.at) != n+1 {
		refs = &refTable{at: make([]int32, n+1)} // no actors given
	}
	// The first screen needs the order and the days only: the actors'
	// postings and the date index's lists wait for Index. Only the status
	// stays in dataset order: the bounds move into the date index, in
	// chronological order, and the actors into their postings, which
	// search reads instead.
	t.dates = dateIndexSpan(n, newBoundColumn(t.dated, func(j int) Bounds { return cols.Bounds[lz.perm[j]] }))
	t.index = &lazyIndex{build: func() {
		parallel(func() { t.buildPostings(refs, lz.perm) }, t.dates.buildLists)
	}}
	return t, v.diags
}

// lazyIndex builds, once, what a lazy Timeline leaves for after its first
// screen.
type lazyIndex struct {
	once  sync.Once
	build func()
	done  atomic.Bool
}

// Index builds what a lazy Timeline leaves for after its first screen,
// the actors' postings and the date index's lists, and returns once they
// are built: about a tenth of a second a million events. Filters, counts
// and searches by actor or date call it; a caller that must not wait,
// such as a UI's event loop, runs it elsewhere first and asks Indexed.
// A Timeline in memory builds them in New.
func (t *Timeline) Index() {
	if x := t.index; x != nil && !x.done.Load() {
		x.once.Do(func() {
			x.build()
			x.build = nil // and what it holds: the actor columns
			x.done.Store(true)
		})
	}
}

// Indexed reports whether Index has nothing left to build.
func (t *Timeline) Indexed() bool { return t.index == nil || t.index.done.Load() }

// lazyCacheSize is how many decoded events a lazy Timeline keeps: a few
// screens of rows, and their neighbours as the cursor moves.
const lazyCacheSize = 512

// StartDay is the day the i-th event (chronological) sorts by: its
// earliest day, or its latest when the start is not known; false when it
// has neither. It reads the date index's bounds: a lazy Timeline answers
// without decoding.
func (t *Timeline) StartDay(i int) (Day, bool) {
	if i >= t.dated {
		return 0, false
	}
	b := t.dates.bounds.at(i)
	if lo, ok := b.earliest(); ok {
		return lo, true
	}
	return b.latest()
}

// Lazy reports whether t reads its events from a file on disk (NewLazy).
func (t *Timeline) Lazy() bool { return t.lazy != nil }

// EventProblem is why the i-th event (chronological) of a lazy Timeline
// is marked: the error its source gave when it was last decoded, such as
// an unknown actor or a line that is no longer what was indexed; "" when
// it decoded clean, and always for a Timeline in memory, which holds
// valid events only.
func (t *Timeline) EventProblem(i int) string {
	if t.lazy == nil {
		return ""
	}
	t.lazy.event(i)
	return t.lazy.cache.problem(int32(i))
}

// SourceErr is the last error a lazy Timeline's source gave while reading
// many events (a search, a text filter): the file changed or could not be
// read, so those results are incomplete. Nil for a Timeline in memory.
func (t *Timeline) SourceErr() error {
	if t.lazy == nil {
		return nil
	}
	if p := t.lazy.err.Load(); p != nil {
		return *p
	}
	return nil
}

// Position is the chronological position of the event at dataset index k
// (the k of a problem's "events[k]"), for a lazy Timeline; false for one
// in memory, which does not keep the dataset's order, or out of range.
func (t *Timeline) Position(k int) (int, bool) {
	if t.lazy == nil || k < 0 || k >= len(t.lazy.rank) {
		return 0, false
	}
	return int(t.lazy.rank[k]), true
}

// lazyStore is the part of a Timeline that a lazy one has instead of its
// events.
type lazyStore struct {
	src    EventSource
	status []Status // in dataset order
	perm   []int32  // chronological position → dataset index
	rank   []int32  // dataset index → chronological position
	cache  eventCache
	search lazySearch
	err    atomic.Pointer[error]
}

// event is Event of a lazy Timeline: from the cache, else decoded. An
// event that cannot be decoded is shown as a placeholder that says why,
// with no date, actors or citations, so it is marked, never dropped.
func (lz *lazyStore) event(i int) *Event {
	if e, ok := lz.cache.get(int32(i)); ok {
		return e
	}
	k := int(lz.perm[i])
	e, err := lz.src.Event(k)
	problem := ""
	if err != nil {
		problem = err.Error()
	}
	if e == nil {
		if err == nil {
			err = errors.New("no event")
		}
		e = &Event{ID: fmt.Sprintf("(event %d)", k+1), Title: "(cannot be read: " + err.Error() + ")"}
	}
	lz.cache.put(int32(i), e, problem)
	return e
}

// find is EventIndex of a lazy Timeline.
func (lz *lazyStore) find(id string) (int, bool) {
	k, ok, err := lz.src.Find(id)
	if err != nil {
		lz.fail(err)
	}
	if !ok || k < 0 || k >= len(lz.rank) {
		return -1, false
	}
	return int(lz.rank[k]), true
}

func (lz *lazyStore) fail(err error) { lz.err.Store(&err) }

// eventCache keeps the most recently decoded events: the rows on screen,
// the one in the detail pane, and those a search just verified.
type eventCache struct {
	mu   sync.Mutex
	max  int
	m    map[int32]*cacheEntry
	head *cacheEntry // most recent
}

type cacheEntry struct {
	i          int32
	e          *Event
	problem    string
	prev, next *cacheEntry
}

func (c *eventCache) get(i int32) (*Event, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	en, ok := c.m[i]
	if !ok {
		return nil, false
	}
	c.touch(en)
	return en.e, true
}

func (c *eventCache) problem(i int32) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if en, ok := c.m[i]; ok {
		return en.problem
	}
	return ""
}

// put adds event i, evicting the least recently used beyond max. An
// evicted Event stays valid for whoever holds it.
func (c *eventCache) put(i int32, e *Event, problem string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[int32]*cacheEntry, c.max)
	}
	if en, ok := c.m[i]; ok {
		en.e, en.problem = e, problem
		c.touch(en)
		return
	}
	en := &cacheEntry{i: i, e: e, problem: problem}
	c.m[i] = en
	c.link(en)
	if len(c.m) > c.max {
		tail := c.head.prev
		c.unlink(tail)
		delete(c.m, tail.i)
	}
}

// The entries form a ring through head, most recent first.
func (c *eventCache) link(en *cacheEntry) {
	if c.head == nil {
		en.prev, en.next = en, en
	} else {
		en.next, en.prev = c.head, c.head.prev
		c.head.prev.next = en
		c.head.prev = en
	}
	c.head = en
}

func (c *eventCache) unlink(en *cacheEntry) {
	if en.next == en {
		c.head = nil
		return
	}
	en.prev.next, en.next.prev = en.next, en.prev
	if c.head == en {
		c.head = en.next
	}
}

func (c *eventCache) touch(en *cacheEntry) {
	if c.head != en {
		c.unlink(en)
		c.link(en)
	}
}
