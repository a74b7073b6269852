package schema

import (
	"time"
	"unicode/utf8"

	"dateline/timeline/timex"

	"fmt"
	"strconv"
	"strings"

	"dateline/timeline"
)

// Decoder turns a positioned tree into a timeline.Dataset, checking the
// schema strictly. It never stops at a problem: a value of the wrong shape is
// reported and left at its zero value, and decoding goes on, so that one run
// reports every problem of a file. Every list item yields a record, even a
// broken one, so that index i of a Dataset slice is item i in the file and a
// timeline.Path locates its field in the tree.
type Decoder struct {
	// AnyText is set for YAML, where a scalar is read as the text it was
	// written as, whatever its tag (so 2017 and 2024-02-20 are dates). In
	// JSON, a string field needs a JSON string.
	AnyText bool
	Files   TextFiles
	Probs   []Problem
	// NoText holds the ids of sources whose text could not be read; quotes
	// cannot be found in them, which says nothing new.
	NoText map[string]bool
	// SourceFiles, when not nil, collects the path each source's
	// text_file names, as TextFiles shows it (Loaded.SourceFiles).
	SourceFiles map[string]string
}

// RecPath is the path of a record, such as events[3] or
// events[3].citations[0]; list is "" for the dataset itself.
type RecPath struct {
	List  string
	Index int
	sub   string // "" for a top-level record
	j     int
}

// at names a field or list item of a record for messages. It becomes a
// timeline.Path only when a problem is reported, so that decoding a big
// file builds no path strings.
type at struct {
	rec   RecPath
	field string // "" for the record itself
	k     int    // index of an item in the field's list, or -1
}

// NoPath is for problems that concern no field of the dataset.
var NoPath = at{k: -1}

func (r RecPath) At(field string) at { return at{rec: r, field: field, k: -1} }

func (r RecPath) self() at { return r.At("") }

// item names the k-th item of a list field.
func (a at) item(k int) at { a.k = k; return a }

func (a at) path() timeline.Path {
	var b strings.Builder
	if a.rec.List != "" {
		fmt.Fprintf(&b, "%s[%d]", a.rec.List, a.rec.Index)
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

func (d *Decoder) problem(sev timeline.Severity, n *Node, a at, format string, args ...any) {
	d.Probs = append(d.Probs, Problem{Line: n.Line, Col: n.Col, Severity: sev, Path: a.path(), Message: fmt.Sprintf(format, args...)})
}

func (d *Decoder) Errorf(n *Node, a at, format string, args ...any) {
	d.problem(timeline.SeverityError, n, a, format, args...)
}

// absent reports whether a field is missing, null, or already reported.
func absent(n *Node) bool {
	return n == nil || (n.Kind == ScalarNode && (n.Scalar == NullScalar || n.Scalar == badScalar))
}

// word reads a string field; ok is false when it is absent, or of the
// wrong type (which is reported).
func (d *Decoder) word(n *Node, a at) (s string, ok bool) {
	if absent(n) {
		return "", false
	}
	if n.Kind != ScalarNode || (!d.AnyText && n.Scalar != StrScalar) {
		d.Errorf(n, a, "%s must be a string, got %s", a.leaf(), n.Describe())
		return "", false
	}
	return n.Text, true
}

// Text reads a string field; absent fields read as "".
func (d *Decoder) Text(n *Node, a at) string {
	s, _ := d.word(n, a)
	return s
}

// texts reads a list of strings; an absent list reads as nil.
func (d *Decoder) texts(n *Node, a at) []string {
	if absent(n) {
		return nil
	}
	if n.Kind != SequenceNode {
		d.Errorf(n, a, "%s must be a list of strings, got %s", a.leaf(), n.Describe())
		return nil
	}
	out := make([]string, len(n.Items))
	for i, it := range n.Items {
		if it.IsNull() {
			d.Errorf(it, a.item(i), "%s must be a string, got null", a.item(i).leaf())
			continue
		}
		out[i] = d.Text(it, a.item(i))
	}
	return out
}

// offset reads a recorded code-point offset; absent reads as -1.
func (d *Decoder) offset(n *Node, a at) int {
	if absent(n) {
		return -1
	}
	v, ok := d.integer(n, a)
	if !ok {
		return -1
	}
	if v < 0 {
		d.Errorf(n, a, "%s must be 0 or more, got %d", a.leaf(), v)
		return -1
	}
	return v
}

func (d *Decoder) integer(n *Node, a at) (int, bool) {
	if n.Kind != ScalarNode || n.Scalar != IntScalar {
		d.Errorf(n, a, "%s must be an integer, got %s", a.leaf(), n.Describe())
		return 0, false
	}
	v, err := strconv.ParseInt(n.Text, 0, strconv.IntSize)
	if err != nil {
		d.Errorf(n, a, "%s %s is out of range", a.leaf(), Clip(n.Text))
		return 0, false
	}
	return int(v), true
}

func (d *Decoder) date(n *Node, a at) timeline.Date {
	s, ok := d.word(n, a)
	if !ok {
		return timeline.Date{}
	}
	t, err := timeline.ParseDate(s)
	if err != nil {
		d.Errorf(n, a, "%v%s", err, edtfSuggestion(s))
		return timeline.Date{}
	}
	return t
}

// edtfSuggestion reads a date written in words ("March 2024", "20 Feb
// 2024") with the date engine and suggests its EDTF; only dates written in
// full, which need no reference date, get one.
func edtfSuggestion(s string) string {
	if len(s) > 64 {
		return ""
	}
	found := timex.Tag(s, time.Time{})
	if len(found) != 1 || found[0].Anchored || found[0].EDTF == "" || found[0].Start != 0 || found[0].End != utf8.RuneCountInString(strings.TrimSpace(s)) {
		return ""
	}
	return "; write " + found[0].EDTF
}

// Dataset decodes the top-level mapping.
func (d *Decoder) Dataset(root *Node) *timeline.Dataset {
	ds := &timeline.Dataset{}
	top := RecPath{}
	f, ok := d.Record(root, top, "dataset", &datasetFields)
	if !ok {
		return ds
	}
	d.Version(root, f.Vals[0])
	ds.Title = d.Text(f.Vals[1], top.At("title"))
	for i, it := range d.List(f.Vals[2], top.At("sources")) {
		ds.Sources = append(ds.Sources, d.Source(it, RecPath{List: "sources", Index: i}))
	}
	for i, it := range d.List(f.Vals[3], top.At("actors")) {
		ds.Actors = append(ds.Actors, d.Actor(it, RecPath{List: "actors", Index: i}))
	}
	for i, it := range d.List(f.Vals[4], top.At("events")) {
		ds.Events = append(ds.Events, d.Event(it, RecPath{List: "events", Index: i}))
	}
	return ds
}

// Version checks "dateline: 1", the key that marks our files.
func (d *Decoder) Version(root, n *Node) {
	v := RecPath{}.At("dateline")
	switch {
	case n == nil:
		d.Errorf(root, v, `missing "dateline: 1": every dateline dataset starts with its format version`)
	case n.Scalar == badScalar:
	case n.Kind != ScalarNode || n.Scalar != IntScalar:
		d.Errorf(n, v, "dateline must be the format version 1, got %s", n.Describe())
	case n.Text != "1":
		num := n.Text
		if len(num) > 20 {
			num = "(a long number)"
		}
		d.Errorf(n, v, "unsupported format version dateline: %s (this program reads version 1)", num)
	}
}

// List returns the items of a list field; absent reads as empty.
func (d *Decoder) List(n *Node, a at) []*Node {
	if absent(n) {
		return nil
	}
	if n.Kind != SequenceNode {
		d.Errorf(n, a, "%s must be a list, got %s", a.leaf(), n.Describe())
		return nil
	}
	return n.Items
}

func (d *Decoder) Actor(n *Node, r RecPath) timeline.Actor {
	var a timeline.Actor
	f, ok := d.Record(n, r, "actor", &actorFields)
	if !ok {
		return a
	}
	a.ID = d.Text(f.Vals[0], r.At("id"))
	a.Name = d.Text(f.Vals[1], r.At("name"))
	if k, ok := d.word(f.Vals[2], r.At("kind")); ok {
		kind, err := timeline.ParseActorKind(k)
		if err != nil {
			d.Errorf(f.Vals[2], r.At("kind"), "%v", err)
		}
		a.Kind = kind
	}
	a.Aliases = d.texts(f.Vals[3], r.At("aliases"))
	return a
}

func (d *Decoder) Event(n *Node, r RecPath) timeline.Event {
	var e timeline.Event
	f, ok := d.Record(n, r, "event", &eventFields)
	if !ok {
		return e
	}
	v := f.Vals
	e.ID = d.Text(v[0], r.At("id"))
	e.Date = d.date(v[1], r.At("date"))
	e.DateNote = d.Text(v[2], r.At("date_note"))
	e.Title = d.Text(v[3], r.At("title"))
	e.Summary = d.Text(v[4], r.At("summary"))
	if s, ok := d.word(v[5], r.At("status")); ok {
		st, err := timeline.ParseStatus(s)
		if err != nil {
			d.Errorf(v[5], r.At("status"), "%v", err)
		}
		e.Status = st
	}
	for k, it := range d.List(v[6], r.At("actors")) {
		e.Actors = append(e.Actors, d.actorRef(it, RecPath{r.List, r.Index, "actors", k}))
	}
	e.Tags = d.texts(v[7], r.At("tags"))
	for k, it := range d.List(v[8], r.At("citations")) {
		e.Citations = append(e.Citations, d.citation(it, RecPath{r.List, r.Index, "citations", k}))
	}
	return e
}

// actorRef reads an event's actor: an actor id, or {actor: ID, role: ROLE}.
func (d *Decoder) actorRef(n *Node, r RecPath) timeline.ActorRef {
	switch {
	case n.Scalar == badScalar && n.Kind == ScalarNode:
		return timeline.ActorRef{}
	case n.Kind == MappingNode:
		f, _ := d.Record(n, r, "actor reference", &actorRefFields)
		return timeline.ActorRef{Actor: d.Text(f.Vals[0], r.At("actor")), Role: d.Text(f.Vals[1], r.At("role"))}
	case n.Kind == ScalarNode && n.Scalar != NullScalar && (d.AnyText || n.Scalar == StrScalar):
		return timeline.ActorRef{Actor: n.Text}
	}
	d.Errorf(n, r.self(), "%s must be an actor id or {actor: ID, role: ROLE}, got %s", r.self().leaf(), n.Describe())
	return timeline.ActorRef{}
}

func (d *Decoder) citation(n *Node, r RecPath) timeline.Citation {
	c := timeline.Citation{Start: -1, End: -1}
	f, ok := d.Record(n, r, "citation", &CitationFields)
	if !ok {
		return c
	}
	v := f.Vals
	c.Source = d.Text(v[0], r.At("source"))
	c.Quote = d.Text(v[1], r.At("quote"))
	c.Prefix = d.Text(v[2], r.At("prefix"))
	c.Suffix = d.Text(v[3], r.At("suffix"))
	c.Start = d.offset(v[4], r.At("start"))
	c.End = d.offset(v[5], r.At("end"))
	return c
}

// Clip quotes s for a message, shortened so that a huge value cannot flood
// the output.
func Clip(s string) string {
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
