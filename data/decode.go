package data

import (
	"fmt"
	"strconv"
	"strings"

	"dateline/timeline"
)

// decoder turns a positioned tree into a timeline.Dataset, checking the
// schema strictly. It never stops at a problem: a value of the wrong shape is
// reported and left at its zero value, and decoding goes on, so that one run
// reports every problem of a file. Every list item yields a record, even a
// broken one, so that index i of a Dataset slice is item i in the file and a
// timeline.Path locates its field in the tree.
type decoder struct {
	// anyText is set for YAML, where a scalar is read as the text it was
	// written as, whatever its tag (so 2017 and 2024-02-20 are dates). In
	// JSON, a string field needs a JSON string.
	anyText bool
	files   textFiles
	probs   []Problem
	// noText holds the ids of sources whose text could not be read; quotes
	// cannot be found in them, which says nothing new.
	noText map[string]bool
}

// recPath is the path of a record, such as events[3] or
// events[3].citations[0]; list is "" for the dataset itself.
type recPath struct {
	list string
	i    int
	sub  string // "" for a top-level record
	j    int
}

// at names a field or list item of a record for messages. It becomes a
// timeline.Path only when a problem is reported, so that decoding a big
// file builds no path strings.
type at struct {
	rec   recPath
	field string // "" for the record itself
	k     int    // index of an item in the field's list, or -1
}

// noPath is for problems that concern no field of the dataset.
var noPath = at{k: -1}

func (r recPath) at(field string) at { return at{rec: r, field: field, k: -1} }

func (r recPath) self() at { return r.at("") }

// item names the k-th item of a list field.
func (a at) item(k int) at { a.k = k; return a }

func (a at) path() timeline.Path {
	var b strings.Builder
	if a.rec.list != "" {
		fmt.Fprintf(&b, "%s[%d]", a.rec.list, a.rec.i)
		if a.rec.sub != "" {
			fmt.Fprintf(&b, ".%s[%d]", a.rec.sub, a.rec.j)
		}
	}
	if a.field != "" {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(a.field)
	}
	if a.k >= 0 {
		fmt.Fprintf(&b, "[%d]", a.k)
	}
	return timeline.Path(b.String())
}

// leaf names the field for messages: "start", "aliases[2]", "actors[1]".
func (a at) leaf() string {
	p := string(a.path())
	return p[strings.LastIndexByte(p, '.')+1:]
}

func (d *decoder) problem(sev timeline.Severity, n *node, a at, format string, args ...any) {
	d.probs = append(d.probs, Problem{Line: n.line, Col: n.col, Severity: sev, Path: a.path(), Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) errorf(n *node, a at, format string, args ...any) {
	d.problem(timeline.SeverityError, n, a, format, args...)
}

// absent reports whether a field is missing, null, or already reported.
func absent(n *node) bool {
	return n == nil || (n.kind == scalarNode && (n.sk == nullScalar || n.sk == badScalar))
}

// word reads a string field; ok is false when it is absent, or of the
// wrong type (which is reported).
func (d *decoder) word(n *node, a at) (s string, ok bool) {
	if absent(n) {
		return "", false
	}
	if n.kind != scalarNode || (!d.anyText && n.sk != strScalar) {
		d.errorf(n, a, "%s must be a string, got %s", a.leaf(), n.describe())
		return "", false
	}
	return n.text, true
}

// text reads a string field; absent fields read as "".
func (d *decoder) text(n *node, a at) string {
	s, _ := d.word(n, a)
	return s
}

// texts reads a list of strings; an absent list reads as nil.
func (d *decoder) texts(n *node, a at) []string {
	if absent(n) {
		return nil
	}
	if n.kind != sequenceNode {
		d.errorf(n, a, "%s must be a list of strings, got %s", a.leaf(), n.describe())
		return nil
	}
	out := make([]string, len(n.items))
	for i, it := range n.items {
		if it.isNull() {
			d.errorf(it, a.item(i), "%s must be a string, got null", a.item(i).leaf())
			continue
		}
		out[i] = d.text(it, a.item(i))
	}
	return out
}

// offset reads a recorded code-point offset; absent reads as -1.
func (d *decoder) offset(n *node, a at) int {
	if absent(n) {
		return -1
	}
	v, ok := d.integer(n, a)
	if !ok {
		return -1
	}
	if v < 0 {
		d.errorf(n, a, "%s must be 0 or more, got %d", a.leaf(), v)
		return -1
	}
	return v
}

func (d *decoder) integer(n *node, a at) (int, bool) {
	if n.kind != scalarNode || n.sk != intScalar {
		d.errorf(n, a, "%s must be an integer, got %s", a.leaf(), n.describe())
		return 0, false
	}
	v, err := strconv.ParseInt(n.text, 0, strconv.IntSize)
	if err != nil {
		d.errorf(n, a, "%s %s is out of range", a.leaf(), clip(n.text))
		return 0, false
	}
	return int(v), true
}

func (d *decoder) date(n *node, a at) timeline.Date {
	s, ok := d.word(n, a)
	if !ok {
		return timeline.Date{}
	}
	t, err := timeline.ParseDate(s)
	if err != nil {
		d.errorf(n, a, "%v", err)
		return timeline.Date{}
	}
	return t
}

// dataset decodes the top-level mapping.
func (d *decoder) dataset(root *node) *timeline.Dataset {
	ds := &timeline.Dataset{}
	top := recPath{}
	f, ok := d.record(root, top, "dataset", &datasetFields)
	if !ok {
		return ds
	}
	d.version(root, f.vals[0])
	ds.Title = d.text(f.vals[1], top.at("title"))
	for i, it := range d.list(f.vals[2], top.at("sources")) {
		ds.Sources = append(ds.Sources, d.source(it, recPath{list: "sources", i: i}))
	}
	for i, it := range d.list(f.vals[3], top.at("actors")) {
		ds.Actors = append(ds.Actors, d.actor(it, recPath{list: "actors", i: i}))
	}
	for i, it := range d.list(f.vals[4], top.at("events")) {
		ds.Events = append(ds.Events, d.event(it, recPath{list: "events", i: i}))
	}
	return ds
}

// version checks "dateline: 1", the key that marks our files.
func (d *decoder) version(root, n *node) {
	v := recPath{}.at("dateline")
	switch {
	case n == nil:
		d.errorf(root, v, `missing "dateline: 1": every dateline dataset starts with its format version`)
	case n.sk == badScalar:
	case n.kind != scalarNode || n.sk != intScalar:
		d.errorf(n, v, "dateline must be the format version 1, got %s", n.describe())
	case n.text != "1":
		num := n.text
		if len(num) > 20 {
			num = "(a long number)"
		}
		d.errorf(n, v, "unsupported format version dateline: %s (this program reads version 1)", num)
	}
}

// list returns the items of a list field; absent reads as empty.
func (d *decoder) list(n *node, a at) []*node {
	if absent(n) {
		return nil
	}
	if n.kind != sequenceNode {
		d.errorf(n, a, "%s must be a list, got %s", a.leaf(), n.describe())
		return nil
	}
	return n.items
}

func (d *decoder) actor(n *node, r recPath) timeline.Actor {
	var a timeline.Actor
	f, ok := d.record(n, r, "actor", &actorFields)
	if !ok {
		return a
	}
	a.ID = d.text(f.vals[0], r.at("id"))
	a.Name = d.text(f.vals[1], r.at("name"))
	if k, ok := d.word(f.vals[2], r.at("kind")); ok {
		kind, err := timeline.ParseActorKind(k)
		if err != nil {
			d.errorf(f.vals[2], r.at("kind"), "%v", err)
		}
		a.Kind = kind
	}
	a.Aliases = d.texts(f.vals[3], r.at("aliases"))
	return a
}

func (d *decoder) event(n *node, r recPath) timeline.Event {
	var e timeline.Event
	f, ok := d.record(n, r, "event", &eventFields)
	if !ok {
		return e
	}
	v := f.vals
	e.ID = d.text(v[0], r.at("id"))
	e.Date = d.date(v[1], r.at("date"))
	e.DateNote = d.text(v[2], r.at("date_note"))
	e.Title = d.text(v[3], r.at("title"))
	e.Summary = d.text(v[4], r.at("summary"))
	if s, ok := d.word(v[5], r.at("status")); ok {
		st, err := timeline.ParseStatus(s)
		if err != nil {
			d.errorf(v[5], r.at("status"), "%v", err)
		}
		e.Status = st
	}
	for k, it := range d.list(v[6], r.at("actors")) {
		e.Actors = append(e.Actors, d.actorRef(it, recPath{r.list, r.i, "actors", k}))
	}
	e.Tags = d.texts(v[7], r.at("tags"))
	for k, it := range d.list(v[8], r.at("citations")) {
		e.Citations = append(e.Citations, d.citation(it, recPath{r.list, r.i, "citations", k}))
	}
	return e
}

// actorRef reads an event's actor: an actor id, or {actor: ID, role: ROLE}.
func (d *decoder) actorRef(n *node, r recPath) timeline.ActorRef {
	switch {
	case n.sk == badScalar && n.kind == scalarNode:
		return timeline.ActorRef{}
	case n.kind == mappingNode:
		f, _ := d.record(n, r, "actor reference", &actorRefFields)
		return timeline.ActorRef{Actor: d.text(f.vals[0], r.at("actor")), Role: d.text(f.vals[1], r.at("role"))}
	case n.kind == scalarNode && n.sk != nullScalar && (d.anyText || n.sk == strScalar):
		return timeline.ActorRef{Actor: n.text}
	}
	d.errorf(n, r.self(), "%s must be an actor id or {actor: ID, role: ROLE}, got %s", r.self().leaf(), n.describe())
	return timeline.ActorRef{}
}

func (d *decoder) citation(n *node, r recPath) timeline.Citation {
	c := timeline.Citation{Start: -1, End: -1}
	f, ok := d.record(n, r, "citation", &citationFields)
	if !ok {
		return c
	}
	v := f.vals
	c.Source = d.text(v[0], r.at("source"))
	c.Quote = d.text(v[1], r.at("quote"))
	c.Prefix = d.text(v[2], r.at("prefix"))
	c.Suffix = d.text(v[3], r.at("suffix"))
	c.Start = d.offset(v[4], r.at("start"))
	c.End = d.offset(v[5], r.at("end"))
	return c
}

// clip quotes s for a message, shortened so that a huge value cannot flood
// the output.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return strconv.Quote(s)
	}
	cut := max
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
