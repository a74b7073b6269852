package tui

import (
	"strconv"
	"strings"

	"dateline/timeline"
)

// rowInfo is what a timeline row shows of one event, independent of width.
// It is computed the first time the row is on screen and then cached, so
// a frame costs the rows it draws, never the size of the dataset.
type rowInfo struct {
	date   string // as the domain formats it
	dateW  int    // cells of date
	mark   string // date qualifier mark: "~", "?" or "~?"
	status timeline.Status
	cite   string // citation mark: citeFailed, citeDrifted or ""
	title  string
	actors string // the actors in brief: "Putin, Kim +2"
	year   int64  // year of the event's sort key
	dated  bool   // false for undated events (they sort last)

	// line is the drawn unselected row for width lineW, date column lineDW,
	// search mark lineHit and highlight generation lineGen (filled by
	// timelinePane.row).
	line          string
	lineW, lineDW int
	lineHit       bool
	lineGen       int
}

// rowCacheLimit bounds the cache; it is cleared when full, which costs one
// screenful of recomputation.
const rowCacheLimit = 4096

// rowCache memoizes rowInfo by chronological event index. It is shared by
// pointer so that value-receiver View methods can fill it.
type rowCache struct {
	tl  *timeline.Timeline
	m   map[int]*rowInfo
	gen int // drawn lines of an older generation are stale
	// front is a direct-mapped memo of m: laying out one screen asks for
	// each row several times (fits, topFor, plan, between), and an array
	// slot costs a fraction of a map lookup.
	front [rowFront]rowSlot
	// briefs memoizes the cleaned brief name of each actor id met: a few
	// actors fill most rows, and a row would otherwise look each one up
	// and clean its name again.
	briefs map[string]string
}

// rowSlot is one slot of rowCache.front: row i, or nothing when r is nil.
type rowSlot struct {
	i int
	r *rowInfo
}

// rowFront is the number of slots of rowCache.front, a power of two.
const rowFront = 1024

// invalidate forgets every drawn line (the search highlight changed); the
// width-independent row data stays.
func (c *rowCache) invalidate() { c.gen++ }

func newRowCache(tl *timeline.Timeline) *rowCache {
	return &rowCache{tl: tl, m: make(map[int]*rowInfo), briefs: make(map[string]string)}
}

func (c *rowCache) get(i int) *rowInfo {
	f := &c.front[i&(rowFront-1)]
	if f.r != nil && f.i == i {
		return f.r
	}
	if r, ok := c.m[i]; ok {
		f.i, f.r = i, r
		return r
	}
	if len(c.m) >= rowCacheLimit {
		clear(c.m)
		c.front = [rowFront]rowSlot{}
	}
	ev := c.tl.Event(i)
	r := &rowInfo{
		date:   clean(ev.Date.Human()),
		mark:   dateMark(ev.Date),
		status: ev.Status,
		cite:   citeMark(ev.Citations, c.tl.EventProblem(i)),
		title:  clean(ev.Title),
		actors: c.actorsBrief(ev.Actors),
	}
	if ev.Date.IsZero() {
		r.date = "undated"
	}
	r.dateW = textWidth(r.date)
	r.year, r.dated = yearOf(ev.Date)
	c.m[i] = r
	c.front[i&(rowFront-1)] = rowSlot{i, r}
	return r
}

// dateMark is the glyph that flags a fuzzy date: "~" approximate,
// "?" uncertain, "~?" both (as EDTF's "%").
func dateMark(d timeline.Date) string {
	switch a, u := d.Approximate(), d.Uncertain(); {
	case a && u:
		return "~?"
	case a:
		return "~"
	case u:
		return "?"
	}
	return ""
}

// statusMark is the glyph for statuses a reader must not take as fact.
func statusMark(s timeline.Status) string {
	switch s {
	case timeline.StatusAlleged:
		return "!"
	case timeline.StatusExpected:
		return "»"
	}
	return ""
}

// The citation marks of a row, which the detail pane explains.
const (
	citeFailed  = "✗" // a quote not found in its source (unresolved or orphaned)
	citeDrifted = "≈" // a quote re-anchored after its source changed
)

// citeMark flags an event whose citations need a look: citeFailed when
// any is not found, else citeDrifted when any was re-anchored.
func citeMark(cs []timeline.Citation, problem string) string {
	if problem != "" {
		return citeFailed // an event of a big file that is not valid
	}
	mark := ""
	for _, c := range cs {
		switch {
		case !c.Span.Resolved:
			return citeFailed
		case c.Span.Reanchored:
			mark = citeDrifted
		}
	}
	return mark
}

// yearOf is the year a timeline row is filed under: that of its earliest
// day, or of its latest when the start is open; dated is false when the
// date has no bound at all.
func yearOf(d timeline.Date) (year int64, dated bool) {
	if day, ok := d.Earliest(); ok {
		y, _, _ := day.Civil()
		return y, true
	}
	if day, ok := d.Latest(); ok {
		y, _, _ := day.Civil()
		return y, true
	}
	return 0, false
}

// yearLabel formats an astronomical year for people ("2024", "44 BCE").
func yearLabel(y int64) string {
	if y <= 0 {
		return strconv.FormatInt(1-y, 10) + " BCE"
	}
	return strconv.FormatInt(y, 10)
}

// maxBriefActors is how many actor names a row shows before "+N".
const maxBriefActors = 2

// actorsBrief names the first actors of an event by their shortest usual
// name: the first alias when there is one ("Putin"), else the name.
func (c *rowCache) actorsBrief(refs []timeline.ActorRef) string {
	if len(refs) == 0 {
		return ""
	}
	var b strings.Builder
	for k, ref := range refs[:min(len(refs), maxBriefActors)] {
		name, ok := c.briefs[ref.Actor]
		if !ok {
			name = clean(briefName(c.tl, ref.Actor))
			if len(c.briefs) >= rowCacheLimit {
				clear(c.briefs)
			}
			c.briefs[ref.Actor] = name
		}
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(name)
	}
	if extra := len(refs) - maxBriefActors; extra > 0 {
		b.WriteString(" +" + strconv.Itoa(extra))
	}
	return b.String()
}

func briefName(tl *timeline.Timeline, id string) string {
	a, ok := tl.Actor(id)
	if !ok {
		return id
	}
	if len(a.Aliases) > 0 && a.Aliases[0] != "" && len(a.Aliases[0]) < len(a.Name) {
		return a.Aliases[0]
	}
	if a.Name == "" {
		return id
	}
	return a.Name
}
