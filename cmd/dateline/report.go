package main

// Report encoders: what `dateline list`, `actors` and `sources` print, as
// JSON for scripts and as text for people. They live here rather than in
// cmd/ so that the command stays thin and other front ends (exports, the
// TUI's "copy as JSON") can reuse them. No terminal code: text widths are
// measured with golang.org/x/text/width.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"

	"dateline/data"
	"dateline/timeline"
)

// EventsJSON is the document `dateline list --format json` writes. It is a
// contract for scripts: every key is always present (null when it has no
// value), and consumers must ignore keys they do not know so it can grow.
type EventsJSON struct {
	Dataset DatasetJSON `json:"dataset"`
	Events  []EventJSON `json:"events"`
}

// DatasetJSON describes the dataset the events come from.
type DatasetJSON struct {
	File  string  `json:"file"`  // as given by the user, or "embedded:NAME"
	Title *string `json:"title"` // null when the dataset has none
	Total int     `json:"total"` // events in the dataset before filtering
}

// EventJSON is one event of EventsJSON.
type EventJSON struct {
	ID        string           `json:"id"`
	Title     string           `json:"title"`
	Summary   *string          `json:"summary"`
	Status    string           `json:"status"` // occurred, reported, alleged or expected
	Date      DateJSON         `json:"date"`
	Actors    []EventActorJSON `json:"actors"`
	Citations []CitationJSON   `json:"citations"`
	Tags      []string         `json:"tags"`
}

// DateJSON is an event's date. Earliest and Latest are YYYY-MM-DD with
// astronomical years (see timeline.Day.String), null for an open or unknown
// end; EDTF is null for an undated event.
type DateJSON struct {
	EDTF        *string `json:"edtf"`
	Human       string  `json:"human"` // as people read it: "Sep 2023", "undated"
	Earliest    *string `json:"earliest"`
	Latest      *string `json:"latest"`
	Precision   string  `json:"precision"` // year, month, day, second, season, interval or none
	Approximate bool    `json:"approximate"`
	Uncertain   bool    `json:"uncertain"`
	Note        *string `json:"note"`
}

// EventActorJSON is an actor of an event, with its role (null when none).
type EventActorJSON struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Role *string `json:"role"`
}

// CitationJSON is one citation of an event. When Resolved, Exact is the
// source's own text at code points [Start, End) of the source's text (as in
// SourcesJSON) and Paragraph is 1-based; otherwise Exact is the quote as
// written in the dataset and Start, End and Paragraph are null. Anchor says
// how it was found (one of the Anchor constants); Score is the fuzzy
// match's score, in [0, 1], for AnchorReanchored and AnchorOrphaned, and
// null otherwise.
type CitationJSON struct {
	Source    string   `json:"source"`
	Exact     string   `json:"exact"`
	Start     *int     `json:"start"`
	End       *int     `json:"end"`
	Paragraph *int     `json:"paragraph"`
	Resolved  bool     `json:"resolved"`
	Anchor    string   `json:"anchor"`
	Score     *float64 `json:"score"`
}

// The values of CitationJSON.Anchor.
const (
	AnchorExact      = "exact"      // the quote, prefix and suffix as written
	AnchorTolerant   = "tolerant"   // only after normalising quotation marks, dashes, spaces or accented letters
	AnchorReanchored = "reanchored" // the source changed; found again by a fuzzy match
	AnchorOrphaned   = "orphaned"   // the source changed; no fuzzy match was good enough
	// AnchorUnresolved: absent or ambiguous, and not looked for again: no
	// recorded position, and either its source records no checksum that
	// the text no longer matches, or its quote is ambiguous (nothing says
	// which place it meant). Orphaned is for a rescue that was tried.
	AnchorUnresolved = "unresolved"
)

// Anchor names how a span was found: one of the Anchor constants.
func Anchor(sp timeline.Span) string {
	switch {
	case sp.Reanchored:
		return AnchorReanchored
	case sp.Orphaned:
		return AnchorOrphaned
	case !sp.Resolved:
		return AnchorUnresolved
	case sp.Tolerant:
		return AnchorTolerant
	}
	return AnchorExact
}

// ActorsJSON is the document `dateline actors --format json` writes.
type ActorsJSON struct {
	Actors []ActorJSON `json:"actors"`
}

// ActorJSON is one actor with the number of events that list it.
type ActorJSON struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
	Events  int      `json:"events"`
}

// SourcesJSON is the document `dateline sources --format json` writes.
type SourcesJSON struct {
	Sources []SourceJSON `json:"sources"`
}

// SourceJSON is one source with its full text. Published and Retrieved are
// EDTF. SHA256 is computed from Text (the hash citations were resolved
// against), whatever the dataset recorded.
type SourceJSON struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Publisher  *string `json:"publisher"`
	Published  *string `json:"published"`
	URL        *string `json:"url"`
	Retrieved  *string `json:"retrieved"`
	ArchiveURL *string `json:"archive_url"`
	SHA256     string  `json:"sha256"`
	Text       string  `json:"text"`
}

// NewEventsJSON builds the list document for the events of l at the
// chronological indexes idx (as returned by Timeline.Apply). l must have a
// Timeline.
func NewEventsJSON(l *data.Loaded, idx []int) EventsJSON {
	tl := l.Timeline
	doc := EventsJSON{
		Dataset: DatasetJSON{File: l.File, Title: optional(tl.Title()), Total: tl.Len()},
		Events:  make([]EventJSON, 0, len(idx)),
	}
	for _, i := range idx {
		doc.Events = append(doc.Events, newEventJSON(tl, tl.Event(i)))
	}
	return doc
}

func newEventJSON(tl *timeline.Timeline, e *timeline.Event) EventJSON {
	out := EventJSON{
		ID:        e.ID,
		Title:     e.Title,
		Summary:   optional(e.Summary),
		Status:    e.Status.String(),
		Date:      newDateJSON(e.Date, e.DateNote),
		Actors:    make([]EventActorJSON, 0, len(e.Actors)),
		Citations: make([]CitationJSON, 0, len(e.Citations)),
		Tags:      append([]string{}, e.Tags...), // [] rather than null
	}
	for _, r := range e.Actors {
		out.Actors = append(out.Actors, EventActorJSON{ID: r.Actor, Name: tl.ActorName(r.Actor), Role: optional(r.Role)})
	}
	for _, c := range e.Citations {
		out.Citations = append(out.Citations, newCitationJSON(tl, c))
	}
	return out
}

func newDateJSON(d timeline.Date, note string) DateJSON {
	out := DateJSON{
		Human:       HumanDate(d),
		Precision:   d.Precision().String(),
		Approximate: d.Approximate(),
		Uncertain:   d.Uncertain(),
		Note:        optional(note),
	}
	if d.IsZero() {
		return out
	}
	out.EDTF = optional(d.String())
	if day, ok := d.Earliest(); ok {
		out.Earliest = optional(day.String())
	}
	if day, ok := d.Latest(); ok {
		out.Latest = optional(day.String())
	}
	return out
}

func newCitationJSON(tl *timeline.Timeline, c timeline.Citation) CitationJSON {
	out := CitationJSON{Source: c.Source, Exact: tl.CitedText(c), Anchor: Anchor(c.Span)}
	if c.Span.Reanchored || c.Span.Orphaned {
		score := c.Span.Score
		out.Score = &score
	}
	if !c.Span.Resolved {
		return out
	}
	start, end, para := c.Span.Start, c.Span.End, c.Span.Paragraph
	out.Start, out.End, out.Paragraph, out.Resolved = &start, &end, &para, true
	return out
}

// NewActorsJSON builds the actors document: every actor in dataset order.
func NewActorsJSON(tl *timeline.Timeline) ActorsJSON {
	return newActorsJSON(tl.Actors(), func(k int) int { return tl.ActorEventCount(tl.Actors()[k].ID) })
}

// newActorsJSON is NewActorsJSON for actors whose k-th lists events(k) events.
func newActorsJSON(actors []timeline.Actor, events func(k int) int) ActorsJSON {
	doc := ActorsJSON{Actors: make([]ActorJSON, 0, len(actors))}
	for k, a := range actors {
		doc.Actors = append(doc.Actors, ActorJSON{
			ID:      a.ID,
			Name:    a.Name,
			Kind:    a.Kind.String(),
			Aliases: append([]string{}, a.Aliases...),
			Events:  events(k),
		})
	}
	return doc
}

// NewSourcesJSON builds the sources document: every source in dataset order,
// with its full text.
func NewSourcesJSON(tl *timeline.Timeline) SourcesJSON {
	sources := tl.Sources()
	doc := SourcesJSON{Sources: make([]SourceJSON, 0, len(sources))}
	for _, s := range sources {
		doc.Sources = append(doc.Sources, SourceJSON{
			ID:         s.ID,
			Title:      s.Title,
			Publisher:  optional(s.Publisher),
			Published:  optional(s.Published.String()),
			URL:        optional(s.URL),
			Retrieved:  optional(s.Retrieved.String()),
			ArchiveURL: optional(s.ArchiveURL),
			SHA256:     textSHA256(s.Text),
			Text:       s.Text,
		})
	}
	return doc
}

// WriteJSON writes v as indented JSON followed by a newline. HTML escaping is
// off: quotes with "<" or "&" stay readable.
//
// DEL and C1 controls, which encoding/json leaves raw, are written as \u
// escapes: the JSON means the same, and a terminal shown it is not driven
// by it.
func WriteJSON(w io.Writer, v any) error {
	vw := visibleJSON(w)
	enc := json.NewEncoder(vw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return vw.Flush()
}

// HumanDate is d.Human(), or "undated" for the zero Date.
func HumanDate(d timeline.Date) string {
	if d.IsZero() {
		return "undated"
	}
	return d.Human()
}

// optional returns nil for "" so that empty optional strings encode as null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func textSHA256(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
