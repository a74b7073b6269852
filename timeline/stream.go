package timeline

import (
	"cmp"
	"slices"
)

// Checking a dataset's events one at a time, for readers that stream a big
// file and keep none of its events (the command line's list, actors and
// validate on JSON Lines). The checks, their messages and their order are
// New's: the same validator runs on each event, ids are checked in dataset
// order as checkIDs does, and unknown ids get their "did you mean" in
// dataset order as mergeDiagnostics gives them.

// Checker checks the events of one dataset as New would, one at a time.
// NewChecker checks the header (sources, actors); then each event goes
// through an EventChecker (one per goroutine, in any order) and, in
// dataset order, through CheckID and Suggest.
type Checker struct {
	t      *Timeline
	diags  []Diagnostic
	failed bool
	ids    *idSet
	dups   dupIDs
	sugg   suggestions
}

// NewChecker checks ds's sources and actors (ds.Events is not read).
func NewChecker(ds *Dataset) *Checker {
	t, v := newHeader(ds)
	return &Checker{t: t, diags: v.diags, failed: v.failed, ids: newIDSet(1024, nil),
		dups: dupIDs{list: "events", noun: "event"}, sugg: suggestions{t: t}}
}

// Diagnostics are the header's, in dataset order.
func (c *Checker) Diagnostics() []Diagnostic { return c.diags }

// Header is a Timeline of the dataset with no events: its title, actors
// and sources, with the lookups of a Timeline (LookupActor, ActorName,
// ActorsLine, SourceText). Filters and searches on it find nothing.
func (c *Checker) Header() *Timeline { return c.t }

// CheckID checks event i's id against those of the events before it (ids
// must come in dataset order, i counting from 0) and returns its
// diagnostic, if any: an empty id, or the first repeat of an id, whose
// message Duplicates completes once every id is in (New reports a repeated
// id once, at its second use, with the count of its uses). The id is
// not kept: its bytes may be reused once CheckID returns.
func (c *Checker) CheckID(i int, id string) (d Diagnostic, dup, bad bool) {
	v := validator{t: c.t}
	groups := len(c.dups.groups)
	c.ids.check(&v, &c.dups, i, id)
	if len(c.dups.groups) > groups {
		return Diagnostic{Severity: SeverityError, Path: FieldPath("events", i, "id"), Message: "duplicate event id"}, true, true
	}
	if len(v.diags) == 0 {
		return Diagnostic{}, false, false
	}
	return v.diags[0], false, true
}

// Duplicates are the diagnostics of the repeated ids, complete, in the
// order CheckID returned their first repeats; call it after the last
// CheckID.
func (c *Checker) Duplicates() []Diagnostic {
	v := validator{t: c.t}
	c.dups.report(&v)
	return v.diags
}

// ExpectEvents sizes the table of ids for about n events whose ids have
// about idBytes bytes in all, sparing its growth; a guess, made before the
// first CheckID.
func (c *Checker) ExpectEvents(n, idBytes int) {
	if c.ids.n == 0 && len(c.ids.ends) == 0 && tableSize(n) > len(c.ids.table) {
		c.ids = newIDSet(n, nil)
		c.ids.buf = make([]byte, 0, idBytes)
		c.ids.ends = make([]uint32, 0, n)
	}
}

// Suggestion returns the "did you mean" to append to the message of the
// diagnostic of an unknown id u, if it is among the first in dataset
// order, else ""; call it for every Unknown of every event, in dataset
// order, whether the diagnostic is kept or not.
func (c *Checker) Suggestion(u Unknown) string {
	var d Diagnostic
	c.sugg.apply(&d, pendingSuggestion{diag: u.Diag, id: u.ID, source: u.Source})
	return d.Message
}

// Unknown is an unknown actor or source id that may get a "did you mean"
// (see Checker.Suggest): Diag is the index of its diagnostic among the
// event's.
type Unknown struct {
	Diag   int
	ID     string
	Source bool
}

// EventChecker checks events of a Checker's dataset; it belongs to one
// goroutine.
type EventChecker struct {
	v    validator
	refs []int32
	unk  []Unknown
}

// Events returns a new EventChecker.
func (c *Checker) Events() *EventChecker {
	return &EventChecker{v: validator{t: c.t, cloneIDs: true, cloneKeys: true}}
}

// Check checks event i (its dataset index) as New does, but its id (see
// CheckID), and resolves its citations in place. It returns its
// diagnostics, the unknown ids among them and, for each of e.Actors, the
// actor's index in the dataset's actors (-1 when unknown); all three are
// valid until the next call. e's strings may be reused after: nothing
// kept refers to them.
func (ec *EventChecker) Check(i int, e *Event) ([]Diagnostic, []Unknown, []int32) {
	v := &ec.v
	v.diags, v.at, v.pending, v.failed = v.diags[:0], v.at[:0], v.pending[:0], false
	ec.refs = slices.Grow(ec.refs[:0], len(e.Actors))[:len(e.Actors)]
	v.cur = i
	v.event(i, e, ec.refs)
	ec.unk = ec.unk[:0]
	for _, p := range v.pending {
		ec.unk = append(ec.unk, Unknown{Diag: p.diag, ID: p.id, Source: p.source})
	}
	return v.diags, ec.unk, ec.refs
}

// OrderKey is the key that orders events in a Timeline (see Timeline):
// events sort by first, then second, then dataset index. Undated events
// have the greatest key.
func OrderKey(d Date) (first, second Day) {
	first, second, _ = sortKey(d)
	return first, second
}

// CompareOrder compares two events by their OrderKeys and dataset indexes,
// as a Timeline orders them.
func CompareOrder(aFirst, aSecond Day, ai int, bFirst, bSecond Day, bi int) int {
	return cmp.Or(cmp.Compare(aFirst, bFirst), cmp.Compare(aSecond, bSecond), cmp.Compare(ai, bi))
}

// Matcher returns the test that Apply makes of each event: whether f
// selects e, an event of t's dataset that New (or an EventChecker) found
// valid. It reads t's actors only, so it works on a Checker's Header, and
// is safe for concurrent use.
func (t *Timeline) Matcher(f Filter) func(e *Event) bool {
	needle := foldKey(f.Text)
	lo, lok := f.Dates.Earliest()
	hi, hok := f.Dates.Latest()
	if !lok {
		lo = minDay
	}
	if !hok {
		hi = maxDay
	}
	actors := slices.Clone(f.Actors)
	contains := t.textMatcher(needle)
	return func(e *Event) bool {
		if len(actors) > 0 && !listsActors(e, actors, f.AllActors) {
			return false
		}
		if !f.Dates.IsZero() && !overlaps(e.Date, lo, hi) {
			return false
		}
		if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, e.Status) {
			return false
		}
		return contains(e)
	}
}

// listsActors reports whether e lists any of ids (all of them, with all).
func listsActors(e *Event, ids []string, all bool) bool {
	for _, id := range ids {
		found := slices.ContainsFunc(e.Actors, func(r ActorRef) bool { return r.Actor == id })
		if found && !all {
			return true
		}
		if !found && all {
			return false
		}
	}
	return all
}

// overlaps is the date index's test (dateIndex.overlapping): a dated event
// overlaps [lo, hi] when its known bounds allow it; an open or unknown
// end is unbounded; undated events never do.
func overlaps(d Date, lo, hi Day) bool {
	elo, lok := d.Earliest()
	ehi, hok := d.Latest()
	switch {
	case lok && hok:
		return elo <= hi && ehi >= lo
	case hok:
		return ehi >= lo
	case lok:
		return elo <= hi
	}
	return false
}
