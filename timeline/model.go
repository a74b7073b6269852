package timeline

import "fmt"

// Status says how firmly an event is established.
type Status uint8

// The statuses of an event. The zero value is StatusOccurred.
const (
	StatusOccurred Status = iota // it happened, as far as the sources say
	StatusReported               // a source reports it; not independently established
	StatusAlleged                // someone claims it; the claimants are among its actors
	StatusExpected               // announced or anticipated, not yet happened
)

var statusNames = [...]string{"occurred", "reported", "alleged", "expected"}

// String returns the status as written in data files.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// ParseStatus reads a status as written in data files.
func ParseStatus(s string) (Status, error) {
	for i, n := range statusNames {
		if s == n {
			return Status(i), nil
		}
	}
	return 0, fmt.Errorf("unknown status %q (want occurred, reported, alleged or expected)", s)
}

// Statuses lists every status in order.
func Statuses() []Status {
	return []Status{StatusOccurred, StatusReported, StatusAlleged, StatusExpected}
}

// ActorKind says what sort of thing an actor is.
type ActorKind uint8

// The kinds of actor. The zero value is KindPerson.
const (
	KindPerson       ActorKind = iota
	KindOrganisation           // a company, agency, news outlet, the UN
	KindState                  // a country as an actor ("Pyongyang", "Moscow")
	KindGroup                  // an informal or unnamed group of people
	KindPlace                  // a place that acts or is acted upon
)

var kindNames = [...]string{"person", "organisation", "state", "group", "place"}

// String returns the kind as written in data files.
func (k ActorKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("ActorKind(%d)", k)
}

// ParseActorKind reads a kind as written in data files.
func ParseActorKind(s string) (ActorKind, error) {
	if s == "organization" {
		return KindOrganisation, nil // the American spelling, as many tools write it
	}
	for i, n := range kindNames {
		if s == n {
			return ActorKind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown actor kind %q (want person, organisation, state, group or place)", s)
}

// Actor is a person, organisation, state, group or place that events involve.
// It is found by its ID, its Name or any of its Aliases (see ActorIndex).
type Actor struct {
	ID      string
	Name    string   // display name
	Aliases []string // other names the sources use ("Mr. Kim", "Pyongyang")
	Kind    ActorKind
}

// Source is a text that citations point into, typically one article.
type Source struct {
	ID         string
	Title      string
	Publisher  string // empty when unknown
	Published  Date   // zero when unknown
	URL        string
	Retrieved  Date // when the text was retrieved; zero when unknown
	ArchiveURL string
	Text       string // the full text, verbatim
	// SHA256 is the recorded hex SHA-256 of Text, if the file gives one.
	// A mismatch means the text changed since citations were anchored.
	SHA256 string
}

// ActorRef names an actor of an event, with an optional role such as
// "claimant", "reported by" or "recipient".
type ActorRef struct {
	Actor string // actor ID
	Role  string
}

// Citation ties an event to a passage of a source: a W3C TextQuoteSelector
// (Quote, Prefix, Suffix) plus an optional recorded TextPositionSelector
// (Start, End in code points). New fills Span by resolving it.
type Citation struct {
	Source string // source ID
	Quote  string // the exact text cited, as written in the dataset
	Prefix string // text just before the quote, to tell repeats apart
	Suffix string // text just after the quote
	// Start and End are the recorded code-point offsets, or -1 when absent.
	Start, End int
	// Span is where the quote was found; Span.Resolved is false when it was
	// absent or ambiguous (see Timeline diagnostics for why).
	Span Span
}

// Event is one dated happening with who took part and what says so.
type Event struct {
	ID       string
	Date     Date   // zero Date means undated
	DateNote string // how the date was derived, or a decision where sources disagree
	Title    string
	Summary  string
	Status   Status
	Actors   []ActorRef
	Tags     []string
	// Citations back the event; the first is the one "enter" opens.
	Citations []Citation
}

// HasActor reports whether the event lists the actor with the given ID.
func (e *Event) HasActor(id string) bool {
	for _, a := range e.Actors {
		if a.Actor == id {
			return true
		}
	}
	return false
}

// Dataset is a chronology as authored: records in file order.
type Dataset struct {
	Title   string
	Sources []Source
	Actors  []Actor
	Events  []Event
}
