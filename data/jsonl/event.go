package jsonl

import (
	"unicode/utf8"

	"dateline/timeline"
)

// eventDecoder is the fast path for the event lines of a JSON Lines file:
// a scanner for our event record that fills a timeline.Event straight from
// the line's bytes, with no tree and no position bookkeeping. It accepts
// only lines that the tree decoder (schema.ParseJSON, then Decoder.Event) would
// decode without a problem, and then produces an equal Event. Anything
// else — a syntax error, an unknown field, a duplicate key, a wrong type,
// an invalid date, even a rare but valid form such as a UTF-16 surrogate
// escape — makes it give up, and the line goes through the tree decoder,
// which reports every problem at its line and column. Positions are thus
// computed only for lines that have problems.
//
// One eventDecoder belongs to one goroutine. Strings go to its arena, and
// the slices of events to its slabs, so a million events cost a few
// thousand allocations; the strings that repeat most (actor ids, roles,
// tags, source ids) are interned. Quotes are not: an intern table of all
// the distinct quotes costs more time than it saves memory.
type eventDecoder struct {
	b []byte // the line
	i int    // offset of the next byte

	arena   arena
	intern  interner
	scratch []byte // an unescaped string, until it is copied out
	refs    slab[timeline.ActorRef]
	cites   slab[timeline.Citation]
	strs    slab[string]

	// transient: the events decoded are not kept (Scan), so reset may
	// reuse the arena and slabs, and nothing is interned.
	transient bool
}

// reset makes a transient decoder reuse its memory: every event it
// decoded before must be dead.
func (d *eventDecoder) reset() {
	d.arena.buf = d.arena.buf[:0]
	d.refs.s, d.refs.start = d.refs.s[:0], 0
	d.cites.s, d.cites.start = d.cites.s[:0], 0
	d.strs.s, d.strs.start = d.strs.s[:0], 0
}

// The fields of an event, by their index in eventFields.
const (
	evID = iota
	evDate
	evDateNote
	evTitle
	evSummary
	evStatus
	evActors
	evTags
	evCitations
)

func eventField(key []byte) int {
	switch string(key) {
	case "id":
		return evID
	case "date":
		return evDate
	case "date_note":
		return evDateNote
	case "title":
		return evTitle
	case "summary":
		return evSummary
	case "status":
		return evStatus
	case "actors":
		return evActors
	case "tags":
		return evTags
	case "citations":
		return evCitations
	}
	return -1
}

// emptyStrings is what the tree decoder makes of an empty list of strings:
// an empty slice, not nil.
var emptyStrings = []string{}

// event decodes line into e and reports whether it could; when it could
// not, e is garbage and the line must go to the tree decoder.
func (d *eventDecoder) event(line []byte, e *timeline.Event) bool {
	d.b, d.i = line, 0
	*e = timeline.Event{}
	d.space()
	if !d.eat('{') {
		return false
	}
	var seen uint16
	d.space()
	if d.eat('}') {
		return false // required fields missing
	}
	for {
		d.space()
		key, ok := d.key()
		if !ok {
			return false
		}
		f := eventField(key)
		if f < 0 || seen&(1<<f) != 0 {
			return false
		}
		seen |= 1 << f
		switch f {
		case evID:
			e.ID, ok = d.required(false)
		case evTitle:
			e.Title, ok = d.required(false)
		case evDate:
			if !d.null() {
				var b []byte
				if b, ok = d.str(); ok {
					var err error
					e.Date, err = timeline.ParseDate(d.arena.str(b))
					ok = err == nil
				}
			}
		case evDateNote:
			e.DateNote, ok = d.optional(false)
		case evSummary:
			e.Summary, ok = d.optional(false)
		case evStatus:
			e.Status, ok = d.status()
		case evActors:
			e.Actors, ok = d.actorRefs()
		case evTags:
			e.Tags, ok = d.tags()
		case evCitations:
			e.Citations, ok = d.citations()
		}
		if !ok {
			return false
		}
		d.space()
		if d.eat(',') {
			continue
		}
		if !d.eat('}') {
			return false
		}
		break
	}
	d.space()
	return d.i == len(d.b) && seen&(1<<evID|1<<evTitle) == 1<<evID|1<<evTitle
}

func (d *eventDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\r', '\n':
			d.i++
		default:
			return
		}
	}
}

func (d *eventDecoder) eat(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// key reads a key without escapes and the colon after it.
func (d *eventDecoder) key() ([]byte, bool) {
	if !d.eat('"') {
		return nil, false
	}
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		if c == '"' {
			k := d.b[start:d.i]
			d.i++
			d.space()
			if !d.eat(':') {
				return nil, false
			}
			d.space()
			return k, true
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return nil, false // no key of ours needs these; let the tree decoder say what is wrong
		}
		d.i++
	}
	return nil, false
}

// null reads the literal null if it is next.
func (d *eventDecoder) null() bool {
	if len(d.b)-d.i >= 4 && string(d.b[d.i:d.i+4]) == "null" {
		d.i += 4
		return true
	}
	return false
}

// required reads a string that must be present and not null.
func (d *eventDecoder) required(intern bool) (string, bool) {
	b, ok := d.str()
	if !ok {
		return "", false
	}
	return d.keep(b, intern), true
}

// optional reads a string or null (read as "").
func (d *eventDecoder) optional(intern bool) (string, bool) {
	if d.null() {
		return "", true
	}
	return d.required(intern)
}

// keep copies a string out of the line into the arena, or finds it interned.
func (d *eventDecoder) keep(b []byte, intern bool) string {
	if intern && !d.transient {
		return d.intern.get(b, &d.arena)
	}
	return d.arena.str(b)
}

// status reads a status name or null.
func (d *eventDecoder) status() (timeline.Status, bool) {
	if d.null() {
		return timeline.StatusOccurred, true
	}
	b, ok := d.str()
	if !ok {
		return 0, false
	}
	switch string(b) {
	case "occurred":
		return timeline.StatusOccurred, true
	case "reported":
		return timeline.StatusReported, true
	case "alleged":
		return timeline.StatusAlleged, true
	case "expected":
		return timeline.StatusExpected, true
	}
	return 0, false
}

// list reads a JSON array, calling item at the start of each element.
// It returns false when the value is neither null nor an array, or when
// item fails; isNull tells null apart from an empty array.
func (d *eventDecoder) list(item func() bool) (isNull, ok bool) {
	if d.null() {
		return true, true
	}
	if !d.eat('[') {
		return false, false
	}
	d.space()
	if d.eat(']') {
		return false, true
	}
	for {
		d.space()
		if !item() {
			return false, false
		}
		d.space()
		if d.eat(',') {
			continue
		}
		return false, d.eat(']')
	}
}

func (d *eventDecoder) actorRefs() ([]timeline.ActorRef, bool) {
	d.refs.begin()
	_, ok := d.list(func() bool {
		if d.i < len(d.b) && d.b[d.i] == '"' {
			id, ok := d.required(true)
			d.refs.push(timeline.ActorRef{Actor: id})
			return ok
		}
		return d.actorRefObject()
	})
	return d.refs.end(ok)
}

// actorRefObject reads {"actor": ID, "role": ROLE}.
func (d *eventDecoder) actorRefObject() bool {
	var ref timeline.ActorRef
	seen := 0
	ok := d.object(func(key []byte) bool {
		var f int
		switch string(key) {
		case "actor":
			f = 1
		case "role":
			f = 2
		default:
			return false
		}
		if seen&f != 0 {
			return false
		}
		seen |= f
		var ok bool
		if f == 1 {
			ref.Actor, ok = d.required(true)
		} else {
			ref.Role, ok = d.optional(true)
		}
		return ok
	})
	d.refs.push(ref)
	return ok && seen&1 != 0
}

// object reads a non-empty JSON object, calling field after each key.
func (d *eventDecoder) object(field func(key []byte) bool) bool {
	if !d.eat('{') {
		return false
	}
	for {
		d.space()
		key, ok := d.key()
		if !ok || !field(key) {
			return false
		}
		d.space()
		if d.eat(',') {
			continue
		}
		return d.eat('}')
	}
}

func (d *eventDecoder) tags() ([]string, bool) {
	d.strs.begin()
	isNull, ok := d.list(func() bool {
		s, ok := d.required(true)
		d.strs.push(s)
		return ok
	})
	tags, ok := d.strs.end(ok)
	if ok && tags == nil && !isNull {
		return emptyStrings, true
	}
	return tags, ok
}

func (d *eventDecoder) citations() ([]timeline.Citation, bool) {
	d.cites.begin()
	_, ok := d.list(d.citation)
	return d.cites.end(ok)
}

// citation reads one citation object.
func (d *eventDecoder) citation() bool {
	c := timeline.Citation{Start: -1, End: -1}
	seen := 0
	ok := d.object(func(key []byte) bool {
		var f int
		switch string(key) {
		case "source":
			f = 1
		case "quote":
			f = 2
		case "prefix":
			f = 4
		case "suffix":
			f = 8
		case "start":
			f = 16
		case "end":
			f = 32
		default:
			return false
		}
		if seen&f != 0 {
			return false
		}
		seen |= f
		var ok bool
		switch f {
		case 1:
			c.Source, ok = d.required(true)
		case 2:
			c.Quote, ok = d.required(false)
		case 4:
			c.Prefix, ok = d.optional(false)
		case 8:
			c.Suffix, ok = d.optional(false)
		case 16:
			c.Start, ok = d.offset()
		case 32:
			c.End, ok = d.offset()
		}
		return ok
	})
	d.cites.push(c)
	return ok && seen&3 == 3
}

// offset reads a non-negative integer or null (read as -1).
func (d *eventDecoder) offset() (int, bool) {
	if d.null() {
		return -1, true
	}
	b, i := d.b, d.i
	v := 0
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		v = v*10 + int(b[i]-'0')
		i++
	}
	n := i - d.i
	// No sign, no leading zero, no fraction or exponent, and short enough
	// not to overflow; the tree decoder explains anything else.
	if n == 0 || n > 15 || (n > 1 && b[d.i] == '0') {
		return 0, false
	}
	if i < len(b) && (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
		return 0, false
	}
	d.i = i
	return v, true
}
