package export

// Exports: a dataset, or the filtered view of one, written for other tools
// and for writers. TimelineJS JSON and the Sheets CSV are in
// timelinejs.go, Markdown in markdown.go; the mapping is documented
// in the README ("TimelineJS").

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"dateline/data/internal/schema"
	"dateline/data/timelinejs"
	"dateline/timeline"
)

// The export formats.
const (
	TimelineJS = "timelinejs" // TimelineJS JSON
	SheetsCSV  = "sheets-csv" // the TimelineJS Google Sheets template as CSV
	Markdown   = "markdown"   // a readable chronology with footnoted quotes
	JSON       = "json"       // dateline's own JSON format, lossless
)

// Formats lists the formats Export writes, in the order help shows them.
var Formats = []string{TimelineJS, SheetsCSV, Markdown, JSON}

// Write writes the events of l at the chronological indexes idx (as
// returned by Timeline.Apply; all of them for the whole dataset) to w in
// format, one of ExportFormats. l must have a Timeline.
//
// JSON is our own format: with every event selected it is the dataset as
// loaded (file order, every source and actor), and loading it gives an equal
// Dataset; a filtered view keeps the selected events in chronological order
// with the actors and sources they refer to. TimelineJS and the Sheets CSV
// leave undated events out, since TimelineJS cannot place them (see
// Undated).
func Write(w io.Writer, l *schema.Loaded, idx []int, format string) error {
	if l == nil || l.Timeline == nil {
		return fmt.Errorf("export: the dataset did not load")
	}
	switch format {
	case JSON:
		b, err := schema.MarshalJSON(subset(l, idx))
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	case TimelineJS:
		return writeTimelineJS(w, l.Timeline, idx)
	case SheetsCSV:
		return writeSheetsCSV(w, l.Timeline, idx)
	case Markdown:
		// Markdown and CSV are text that people open in terminals and
		// editors: control characters from the data are written as visible
		// escapes (\x1b, \u0085) there, as in every text report. Markdown
		// has none of its own but line breaks, so the whole is escaped.
		var b strings.Builder
		if err := writeMarkdown(&b, l.Timeline, idx); err != nil {
			return err
		}
		_, err := io.WriteString(w, timeline.VisibleControls(b.String()))
		return err
	}
	return fmt.Errorf("unknown export format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Undated counts the events at idx that have no date: TimelineJS and the
// Sheets CSV leave them out.
func Undated(l *schema.Loaded, idx []int) int {
	n := 0
	for _, i := range idx {
		if l.Timeline.Event(i).Date.IsZero() {
			n++
		}
	}
	return n
}

// subset returns the dataset to write as JSON for the events at idx: the
// file's own dataset when idx is every event and the dataset still holds
// them (a JSON Lines load hands its events to the Timeline, see
// jsonl.Load); otherwise one built from the Timeline, with every actor and
// source when idx is every event, else only those the events use.
func subset(l *schema.Loaded, idx []int) *timeline.Dataset {
	tl := l.Timeline
	all := len(idx) == tl.Len()
	if all && l.Dataset != nil && len(l.Dataset.Events) == tl.Len() {
		return l.Dataset
	}
	ds := &timeline.Dataset{Title: tl.Title()}
	actors, sources := map[string]bool{}, map[string]bool{}
	for _, i := range idx {
		e := *tl.Event(i)
		e.Citations = slices.Clone(e.Citations)
		for k := range e.Citations {
			e.Citations[k].Span = timeline.Span{}
			sources[e.Citations[k].Source] = true
		}
		for _, r := range e.Actors {
			actors[r.Actor] = true
		}
		if _, ok := tl.Source(e.ID + timelinejs.MediaSuffix); ok {
			sources[e.ID+timelinejs.MediaSuffix] = true
		}
		ds.Events = append(ds.Events, e)
	}
	for _, a := range tl.Actors() {
		if all || actors[a.ID] {
			ds.Actors = append(ds.Actors, a)
		}
	}
	for _, s := range tl.Sources() {
		if all || sources[s.ID] {
			ds.Sources = append(ds.Sources, s)
		}
	}
	return ds
}

// citedSources returns the sources the events at idx cite, with their
// media sources when withMedia, in dataset order.
func citedSources(tl *timeline.Timeline, idx []int, withMedia bool) []*timeline.Source {
	used := map[string]bool{}
	for _, i := range idx {
		e := tl.Event(i)
		for _, c := range e.Citations {
			used[c.Source] = true
		}
		if withMedia {
			used[e.ID+timelinejs.MediaSuffix] = true
		}
	}
	var out []*timeline.Source
	for k := range tl.Sources() {
		if s := &tl.Sources()[k]; used[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

// sourceLine describes a source for people: "Title, Publisher, 20 Feb 2024".
func sourceLine(s *timeline.Source) string {
	parts := []string{s.Title}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.Human())
	}
	return strings.Join(parts, ", ")
}

// quoted is what an export shows of a citation: the source's own text when
// the quote resolved (so a tolerant match shows the source's characters),
// else the quote as written.
type quoted struct {
	source    *timeline.Source // nil only for an unknown source, which New refuses
	text      string
	paragraph int // 0 when unresolved
}

func quotesOf(tl *timeline.Timeline, e *timeline.Event) []quoted {
	out := make([]quoted, 0, len(e.Citations))
	for _, c := range e.Citations {
		q := quoted{text: tl.CitedText(c)}
		q.source, _ = tl.Source(c.Source)
		if c.Span.Resolved {
			q.paragraph = c.Span.Paragraph
		}
		out = append(out, q)
	}
	return out
}

// where says where a quote is: "Title, paragraph 3", or with full
// "Title, Publisher, 20 Feb 2024, paragraph 3".
func (q quoted) where(full bool) string {
	s := "unknown source"
	switch {
	case q.source != nil && full:
		s = sourceLine(q.source)
	case q.source != nil:
		s = q.source.Title
	}
	if q.paragraph > 0 {
		s += ", paragraph " + strconv.Itoa(q.paragraph)
	}
	return s
}

// splitNote separates the display date an import recorded in a date note
// ("display date: …") from the rest of the note.
func splitNote(note string) (display, rest string) {
	var others []string
	for _, part := range strings.Split(note, "; ") {
		if d, ok := strings.CutPrefix(part, "display date: "); ok && display == "" {
			display = d
			continue
		}
		others = append(others, part)
	}
	return display, strings.Join(others, "; ")
}

// mediaOf is the media a TimelineJS slide shows for an event: the first
// cited source with a URL, else the event's media source (an imported
// slide's media, whose id is the event's id with "-media"); nil when none.
func mediaOf(tl *timeline.Timeline, e *timeline.Event) *timelinejs.Media {
	for _, c := range e.Citations {
		if s, ok := tl.Source(c.Source); ok && s.URL != "" {
			credit := s.Publisher
			if !s.Published.IsZero() {
				credit = strings.TrimPrefix(credit+", "+s.Published.Human(), ", ")
			}
			return &timelinejs.Media{URL: s.URL, Caption: s.Title, Credit: credit}
		}
	}
	if s, ok := tl.Source(e.ID + timelinejs.MediaSuffix); ok {
		m := &timelinejs.Media{URL: s.URL, Caption: s.Title, Credit: s.Publisher}
		if m.Caption == s.URL || m.Caption == s.Publisher {
			m.Caption = "" // the import's fallback title, not a caption
		}
		return m
	}
	return nil
}

// groupOf is the TimelineJS group of an event: the name of its first actor
// of kind group, or "".
func groupOf(tl *timeline.Timeline, e *timeline.Event) string {
	for _, r := range e.Actors {
		if a, ok := tl.Actor(r.Actor); ok && a.Kind == timeline.KindGroup {
			return a.Name
		}
	}
	return ""
}
