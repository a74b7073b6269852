package timeline

import (
	"cmp"
	"slices"
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
	postings map[string][]int
	dates    dateIndex
	dated    int // events [0, dated) have a bound; [dated, Len) are undated
}

// New validates ds, resolves its citations and builds a Timeline. It returns
// every problem found, in dataset order. When any has SeverityError the
// Timeline is nil. ds is not modified: the Timeline keeps copies of the
// records, with each Citation's Span filled in.
func New(ds *Dataset) (*Timeline, []Diagnostic) {
	t := &Timeline{
		title:      ds.Title,
		actors:     slices.Clone(ds.Actors),
		sources:    slices.Clone(ds.Sources),
		actorByID:  make(map[string]int, len(ds.Actors)),
		sourceByID: make(map[string]int, len(ds.Sources)),
	}
	v := validator{t: t}
	v.indexSources()
	v.indexActors()
	events := make([]Event, len(ds.Events))
	eventIDs := make(map[string]int, len(ds.Events))
	for i := range ds.Events {
		events[i] = ds.Events[i]
		v.event(i, &events[i], eventIDs)
	}
	if v.failed {
		return nil, v.diags
	}
	t.events = events
	t.order()
	t.buildIndexes()
	return t, v.diags
}

// sortKey places events: first by the earliest known bound (the latest one
// when the start is open or unknown), then by latest. Undated events get
// the maximum key so they sort last.
func sortKey(d Date) (first, second Day, dated bool) {
	lo, lok := d.Earliest()
	hi, hok := d.Latest()
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

// order sorts the events chronologically; the sort is stable, so equal keys
// keep the dataset's order.
func (t *Timeline) order() {
	type keyed struct {
		first, second Day
		dated         bool
		i             int
	}
	keys := make([]keyed, len(t.events))
	for i := range t.events {
		f, s, ok := sortKey(t.events[i].Date)
		keys[i] = keyed{f, s, ok, i}
	}
	slices.SortStableFunc(keys, func(a, b keyed) int {
		if a.dated != b.dated {
			if a.dated {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.first, b.first); c != 0 {
			return c
		}
		return cmp.Compare(a.second, b.second)
	})
	sorted := make([]Event, len(t.events))
	t.dated = 0
	for j, k := range keys {
		sorted[j] = t.events[k.i]
		if k.dated {
			t.dated++
		}
	}
	t.events = sorted
}

// Title returns the dataset's title.
func (t *Timeline) Title() string { return t.title }

// Len returns the number of events.
func (t *Timeline) Len() int { return len(t.events) }

// Event returns the i-th event in chronological order.
func (t *Timeline) Event(i int) *Event { return &t.events[i] }

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
func (t *Timeline) ActorEventCount(id string) int { return len(t.postings[id]) }

// ActorEvents returns the chronological indexes of the actor's events,
// ascending. Callers must not modify it.
func (t *Timeline) ActorEvents(id string) []int { return t.postings[id] }

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

// Undated reports whether the i-th event has no date bound at all.
func (t *Timeline) Undated(i int) bool { return i >= t.dated }

// Span returns the earliest and latest days of all dated events; ok is false
// when no event has a bound. Open ends do not count.
func (t *Timeline) Span() (first, last Day, ok bool) {
	return t.dates.min, t.dates.max, t.dates.min <= t.dates.max
}
