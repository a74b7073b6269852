package timelinejs

// The TimelineJS import model. Both TimelineJS inputs, the JSON file and the
// Google Sheets CSV, are read into slides with the positions they were
// written at; build maps the slides onto a Dataset once, so the two formats
// cannot drift apart. The mapping is documented in the README ("TimelineJS").

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// pos is a 1-based line and column (in code points) of the imported file.
type pos struct{ line, col int }

// slide is one TimelineJS slide (an event, an era or the title), with the
// HTML of its text already turned into plain text.
type slide struct {
	at         pos
	start, end *slideDate // nil when absent or unusable (already reported)
	display    string     // the slide's display_date
	headline   string
	text       string
	headlineAt pos
	group      string
	groupAt    pos
	uniqueID   string
	idAt       pos
	media      *Media
}

// slideDate is a TimelineJS date object. Years are as TimelineJS writes them:
// a negative year is that many years BCE, with no year 0 between.
type slideDate struct {
	at                   pos // the date object, or the Year cell
	monthAt, dayAt       pos // where month and day were written, when known
	timeAt               pos // where the hour (or the Time cell) was written, when known
	year                 int64
	month, day           int  // 0 when absent
	monthGiven, dayGiven bool // written, even as 0: a 0 is an error, not "absent"
	hasTime              bool
	hour, minute, second int
	display              string // the date object's own display_date
}

// where returns p when it is known, else the date's own position.
func (d *slideDate) where(p pos) pos {
	if p.line > 0 {
		return p
	}
	return d.at
}

// Media is a slide's media: a URL with its caption and credit.
type Media struct {
	at                   pos
	URL, Caption, Credit string
}

// importer collects the slides of one TimelineJS file and the problems
// found reading them, then builds the Loaded.
type importer struct {
	name         string
	probs        []schema.Problem
	cosmological bool // scale: cosmological; dates keep their year only
	title        *slide
	events       []*slide
	eras         []*slide
	places       map[timeline.Path]pos
}

func (im *importer) problem(sev timeline.Severity, at pos, format string, args ...any) {
	im.probs = append(im.probs, schema.Problem{File: im.name, Line: at.line, Col: at.col, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (im *importer) errorf(at pos, format string, args ...any) {
	im.problem(timeline.SeverityError, at, format, args...)
}

func (im *importer) warnf(at pos, format string, args ...any) {
	im.problem(timeline.SeverityWarning, at, format, args...)
}

// The ids of what an import makes besides events.
const (
	TitleSourceID = "title-slide" // the source holding the title slide's text and media
	MediaSuffix   = "-media"      // an event's media source is its id with this suffix
	EraTag        = "era"         // the tag of events imported from eras
)

// build turns the slides into a Dataset, validates it and places every
// diagnostic at the slide or field it concerns.
func (im *importer) build() *schema.Loaded {
	ds := &timeline.Dataset{}
	im.places = map[timeline.Path]pos{}
	ids := newIDSet()
	sourceIDs := newIDSet()
	actorIDs := newIDSet()
	owner := map[string]*slide{} // unique_id → the first slide that gives it
	// The slides of each repeated unique_id, in order of its second use:
	// one warning each, not one per repeat (issue 17, item 12).
	var repeated [][]*slide
	repeatOf := map[string]int{}
	for _, s := range im.events {
		if s.uniqueID == "" {
			continue
		}
		if first, dup := owner[s.uniqueID]; dup {
			k, ok := repeatOf[s.uniqueID]
			if !ok {
				k = len(repeated)
				repeatOf[s.uniqueID] = k
				repeated = append(repeated, []*slide{first})
			}
			repeated[k] = append(repeated[k], s)
			continue
		}
		owner[s.uniqueID] = s
		ids.take(s.uniqueID)
	}
	for _, slides := range repeated {
		im.warnf(slides[1].idAt, "unique_id %s is used by %s (%s); the slides after the first get ids made from their headlines",
			schema.Clip(slides[0].uniqueID), timeline.Plural(len(slides), "slide"), usesAt(slides))
	}
	if t := im.title; t != nil {
		ds.Title = OneLine(t.headline)
		if t.text != "" || t.media != nil {
			src := mediaSource(sourceIDs.fresh(TitleSourceID), t.media, "Title slide")
			src.Title = strings.TrimSuffix("Title slide: "+ds.Title, ": ")
			if t.text != "" {
				src.Text = strings.TrimSpace(t.text + "\n\n" + mediaText(t.media))
			}
			im.places[timeline.FieldPath("sources", len(ds.Sources), "")] = t.at
			ds.Sources = append(ds.Sources, src)
		}
	}
	groups := map[string]string{} // group name → actor id
	add := func(s *slide, era bool) {
		i := len(ds.Events)
		e := timeline.Event{Title: slideTitle(s)}
		switch {
		case era:
			e.ID = ids.fresh("era-" + slug(e.Title, "era"))
			e.Tags = []string{EraTag}
		case s.uniqueID != "" && owner[s.uniqueID] == s:
			e.ID = s.uniqueID
		default:
			e.ID = ids.fresh(slug(e.Title, "event"))
		}
		e.Summary = s.text
		e.Date, e.DateNote = im.date(s)
		im.places[timeline.FieldPath("events", i, "")] = s.at
		if s.start != nil {
			im.places[timeline.FieldPath("events", i, "date")] = s.start.at
		}
		if s.headlineAt.line > 0 {
			im.places[timeline.FieldPath("events", i, "title")] = s.headlineAt
		}
		if s.idAt.line > 0 {
			im.places[timeline.FieldPath("events", i, "id")] = s.idAt
		}
		if name := OneLine(s.group); name != "" {
			id, ok := groups[name]
			if !ok {
				id = actorIDs.fresh(slug(name, "group"))
				groups[name] = id
				im.places[timeline.FieldPath("actors", len(ds.Actors), "")] = s.groupAt
				ds.Actors = append(ds.Actors, timeline.Actor{ID: id, Name: name, Kind: timeline.KindGroup})
			}
			e.Actors = []timeline.ActorRef{{Actor: id}}
		}
		if s.media != nil {
			im.places[timeline.FieldPath("sources", len(ds.Sources), "")] = s.media.at
			ds.Sources = append(ds.Sources, mediaSource(sourceIDs.fresh(e.ID+MediaSuffix), s.media, e.Title))
		}
		ds.Events = append(ds.Events, e)
	}
	for _, s := range im.events {
		add(s, false)
	}
	for _, s := range im.eras {
		add(s, true)
	}
	return im.finish(ds)
}

// finish validates ds and returns the Loaded with every problem placed and
// sorted by position.
func (im *importer) finish(ds *timeline.Dataset) *schema.Loaded {
	l := &schema.Loaded{File: im.name, Dataset: ds}
	tl, diags := timeline.New(ds)
	failed := false
	for _, p := range im.probs {
		failed = failed || p.Severity == timeline.SeverityError
	}
	for _, dg := range diags {
		at := im.locate(dg.Path)
		msg := dg.Text(func(p timeline.Path) string { u := im.locate(p); return fmt.Sprintf("%d:%d", u.line, u.col) })
		im.probs = append(im.probs, schema.Problem{File: im.name, Line: at.line, Col: at.col, Severity: dg.Severity, Message: msg, Path: dg.Path})
		failed = failed || dg.Severity == timeline.SeverityError
	}
	l.Problems = im.probs
	slices.SortStableFunc(l.Problems, func(a, b schema.Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity))
	})
	if !failed {
		l.Timeline = tl
	}
	return l
}

// locate returns the position recorded for a path or the nearest enclosing
// one ("events[3].citations" falls back to "events[3]"), else 1:1.
func (im *importer) locate(p timeline.Path) pos {
	for ; p != ""; p = schema.Parent(p) {
		if at, ok := im.places[p]; ok {
			return at
		}
	}
	return pos{1, 1}
}

// usesAt lists where the first few slides give their unique_id, as
// timeline.Diagnostic.Text does for ids used many times.
func usesAt(slides []*slide) string {
	var b strings.Builder
	if len(slides) > timeline.MaxUses {
		b.WriteString("first ")
	}
	b.WriteString("at ")
	for k, s := range slides[:min(len(slides), timeline.MaxUses)] {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d:%d", s.idAt.line, s.idAt.col)
	}
	if len(slides) > timeline.MaxUses {
		b.WriteString(", …")
	}
	return b.String()
}

// slideTitle is the headline, or for a slide without one the first line of
// its text, its media caption, its display date, or "Untitled slide".
func slideTitle(s *slide) string {
	if t := OneLine(s.headline); t != "" {
		return t
	}
	first, _, _ := strings.Cut(strings.TrimSpace(s.text), "\n")
	candidates := []string{first, s.display}
	if s.media != nil {
		candidates = []string{first, s.media.Caption, s.display}
	}
	for _, c := range candidates {
		if t := OneLine(c); t != "" {
			return clipRunes(t, 80)
		}
	}
	return "Untitled slide"
}

// mediaSource makes the source that stands for a slide's media: its URL,
// the caption as title (else the credit, else the URL), the credit as
// publisher, and caption and credit as its text. what names the slide when
// the media has neither.
func mediaSource(id string, m *Media, what string) timeline.Source {
	if m == nil {
		m = &Media{}
	}
	title := cmp.Or(OneLine(m.Caption), OneLine(m.Credit), m.URL, "Media of "+what)
	return timeline.Source{
		ID: id, Title: title, Publisher: OneLine(m.Credit), URL: m.URL,
		Text: cmp.Or(mediaText(m), m.URL, title),
	}
}

// mediaText is a media's caption and credit, as paragraphs.
func mediaText(m *Media) string {
	if m == nil {
		return ""
	}
	var parts []string
	for _, s := range []string{m.Caption, m.Credit} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

// idSet hands out ids that are unique within one kind of record.
type idSet struct {
	used map[string]bool
	next map[string]int // base → next counter to try, so that many repeats stay linear
}

func newIDSet() *idSet { return &idSet{used: map[string]bool{}, next: map[string]int{}} }

func (s *idSet) take(id string) { s.used[id] = true }

// fresh returns base, or base-2, base-3… when taken, and takes it.
func (s *idSet) fresh(base string) string {
	id := base
	for n := max(s.next[base], 2); s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
		s.next[base] = n + 1
	}
	s.used[id] = true
	return id
}

// slug makes an id from a name: lower-case ASCII letters and digits, other
// runs of characters as one "-", at most 48 bytes cut at a "-"; fallback
// when nothing is left (a name in another script).
func slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’':
			// "Kim's" → "kims", not "kim-s"
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 48 {
		s = s[:48]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	if s == "" {
		return fallback
	}
	return s
}

// OneLine collapses all white space, line breaks included, to single
// spaces; but U+0085 (NEL), a C1 control that Unicode counts as space,
// stays for the text writers to show as the escape it is.
func OneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r != '\u0085' && unicode.IsSpace(r) }), " ")
}

// clipRunes shortens s to at most n code points, ending in "…" when cut.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
