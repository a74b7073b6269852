package timeline

// Timeline is a validated dataset with its events in chronological order and
// the indexes that filters use. Build one with New; it is read-only after.
//
// Order: by earliest day; an event whose earliest day is open or unknown
// sorts by its latest; ties by latest day, then by dataset order. Events with
// no bound at all (undated) come last.
type Timeline struct {
	title   string
	events  []Event // chronological
	actors  []Actor
	sources []Source
}

// New validates ds, resolves its citations and builds a Timeline. It returns
// every problem found. When any has SeverityError the Timeline is nil.
// ds is not modified; the Timeline holds its own copies of the records.
func New(ds *Dataset) (*Timeline, []Diagnostic) { return nil, nil }

// Title returns the dataset's title.
func (t *Timeline) Title() string { return t.title }

// Len returns the number of events.
func (t *Timeline) Len() int { return len(t.events) }

// Event returns the i-th event in chronological order.
func (t *Timeline) Event(i int) *Event { return &t.events[i] }

// Actors returns the actors in dataset order.
func (t *Timeline) Actors() []Actor { return t.actors }

// Actor returns the actor with the given ID.
func (t *Timeline) Actor(id string) (*Actor, bool) { return nil, false }

// ActorEventCount returns how many events list the actor.
func (t *Timeline) ActorEventCount(id string) int { return 0 }

// Sources returns the sources in dataset order.
func (t *Timeline) Sources() []Source { return t.sources }

// Source returns the source with the given ID.
func (t *Timeline) Source(id string) (*Source, bool) { return nil, false }

// SourceText returns the prepared text of the source with the given ID.
func (t *Timeline) SourceText(id string) (*SourceText, bool) { return nil, false }

// Undated reports whether the i-th event has no date bound at all.
func (t *Timeline) Undated(i int) bool { return false }

// LookupActor finds an actor by name, case-insensitively: an exact match on
// ID, name or alias wins; otherwise a unique word-prefix match. It returns
// *AmbiguousActorError when several actors match and ErrNoActor when none do.
func (t *Timeline) LookupActor(name string) (*Actor, error) { return nil, ErrNoActor }

// Filter selects events. The zero Filter selects every event.
type Filter struct {
	Actors    []string // actor IDs
	AllActors bool     // require every actor in Actors, rather than any
	Dates     Date     // keep events overlapping it; zero for no date filter
	Statuses  []Status // keep events with one of these; empty for any
	Text      string   // case-insensitive substring of title, summary, quotes, actor names and aliases
}

// IsZero reports whether f selects everything.
func (f Filter) IsZero() bool {
	return len(f.Actors) == 0 && f.Dates.IsZero() && len(f.Statuses) == 0 && f.Text == ""
}

// Apply appends to dst[:0] the chronological indexes of the events f selects,
// in order, and returns it. Reusing dst across calls avoids allocation.
func (t *Timeline) Apply(f Filter, dst []int) []int { return dst[:0] }
