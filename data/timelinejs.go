package data

// Reading Knight Lab TimelineJS JSON files (https://timeline.knightlab.com,
// format documented in NUKnightLab/TimelineJS3 website/docs/json-format.njk).
// The file is parsed by our JSON scanner, so every problem has a line and a
// column; the slides then go through the shared import model in
// timelinejs_build.go.

import (
	"bytes"
	"strconv"
	"strings"
)

// IsTimelineJS reports whether b looks like a TimelineJS JSON file: a
// top-level object with "events" whose items carry "start_date" objects, and
// no "dateline" key (which marks our own files). It parses b only when a
// quick look finds "start_date" in it.
func IsTimelineJS(b []byte) bool {
	b = bytes.TrimPrefix(b, utf8BOM)
	if !isJSON(b) || !bytes.Contains(b, []byte(`"start_date"`)) || estimateValues(b) > maxValues(len(b)) {
		return false
	}
	root, err := parseJSON(b)
	if err != nil || root.kind != mappingNode || root.get("dateline") != nil {
		return false
	}
	events := root.get("events")
	if events == nil || events.kind != sequenceNode {
		return false
	}
	for _, it := range events.items {
		if it.kind == mappingNode {
			if d := it.get("start_date"); d != nil && d.kind == mappingNode {
				return true
			}
		}
	}
	return false
}

// LoadTimelineJS reads a TimelineJS JSON file into a dataset; name is the
// file name its Problems give. It never returns nil. Every problem has the
// line and column of the value at fault. Imported events have no
// citations, so each gets the "no citation" warning. The mapping is
// documented in the README.
func LoadTimelineJS(name string, b []byte) *Loaded {
	b = bytes.TrimPrefix(b, utf8BOM)
	im := &importer{name: name}
	if est, limit := estimateValues(b), maxValues(len(b)); est > limit {
		im.errorf(pos{1, 1}, "too many values for the file's size (about %d in %d bytes; at most %d)", est, len(b), limit)
		return &Loaded{File: name, Problems: im.probs}
	}
	root, serr := parseJSON(b)
	if serr != nil {
		im.errorf(pos{serr.line, serr.col}, "%s", serr.msg)
		return &Loaded{File: name, Problems: im.probs}
	}
	if root.kind != mappingNode {
		im.errorf(posOf(root), "a TimelineJS file is an object with \"events\", got %s", root.describe())
		return &Loaded{File: name, Problems: im.probs}
	}
	r := tjsReader{im: im}
	if sc := root.get("scale"); sc != nil {
		switch s := r.str(sc, "scale"); s {
		case "", "human":
		case "cosmological":
			im.cosmological = true
		default:
			im.warnf(posOf(sc), "unknown scale %s (want human or cosmological); read as human", clip(s))
		}
	}
	if t := root.get("title"); t != nil && !t.isNull() {
		im.title = r.slide(t, "title")
	}
	events := root.get("events")
	switch {
	case events == nil:
		im.errorf(posOf(root), "a TimelineJS file needs \"events\", a list of slides")
	case events.kind != sequenceNode:
		im.errorf(posOf(events), "events must be a list of slides, got %s", events.describe())
	default:
		for _, it := range events.items {
			if s := r.slide(it, "event"); s != nil {
				im.events = append(im.events, s)
			}
		}
	}
	if eras := root.get("eras"); eras != nil && !eras.isNull() {
		if eras.kind != sequenceNode {
			im.errorf(posOf(eras), "eras must be a list, got %s", eras.describe())
		} else {
			for _, it := range eras.items {
				if s := r.slide(it, "era"); s != nil {
					im.eras = append(im.eras, s)
				}
			}
		}
	}
	return im.build()
}

func posOf(n *node) pos { return pos{n.line, n.col} }

// tjsReader reads the values of a TimelineJS JSON file leniently where
// TimelineJS is (numbers and strings interchangeably, zero-padded or not,
// unknown keys ignored) and reports wrong types where it would fail.
type tjsReader struct{ im *importer }

// slide reads an event, era or title slide; nil when it is not an object.
func (r tjsReader) slide(n *node, kind string) *slide {
	if n.kind != mappingNode {
		r.im.errorf(posOf(n), "%s slide must be an object, got %s", kind, n.describe())
		return nil
	}
	s := &slide{at: posOf(n)}
	if d := n.get("start_date"); d != nil && !d.isNull() {
		s.start = r.date(d, "start_date")
	} else if kind != "title" {
		r.im.errorf(posOf(n), "%s slide has no start_date (TimelineJS needs one to place it)", kind)
	}
	if d := n.get("end_date"); d != nil && !d.isNull() {
		s.end = r.date(d, "end_date")
	} else if kind == "era" {
		r.im.errorf(posOf(n), "era has no end_date (TimelineJS needs both ends of an era)")
	}
	if t := n.get("text"); t != nil && !t.isNull() {
		if t.kind != mappingNode {
			r.im.errorf(posOf(t), "text must be an object with headline and text, got %s", t.describe())
		} else {
			if h := t.get("headline"); h != nil {
				s.headline, s.headlineAt = htmlToText(r.str(h, "headline")), posOf(h)
			}
			if x := t.get("text"); x != nil {
				s.text = htmlToText(r.str(x, "text"))
			}
		}
	}
	if v := n.get("display_date"); v != nil {
		s.display = strings.TrimSpace(htmlToText(r.str(v, "display_date")))
	}
	if v := n.get("group"); v != nil {
		s.group, s.groupAt = strings.TrimSpace(htmlToText(r.str(v, "group"))), posOf(v)
	}
	if v := n.get("unique_id"); v != nil {
		s.uniqueID, s.idAt = strings.TrimSpace(r.str(v, "unique_id")), posOf(v)
	}
	if m := n.get("media"); m != nil && !m.isNull() {
		s.media = r.media(m)
	}
	return s
}

// media reads a media object; nil when it has no URL, caption or credit.
func (r tjsReader) media(n *node) *tjsMedia {
	if n.kind != mappingNode {
		r.im.errorf(posOf(n), "media must be an object with url, caption and credit, got %s", n.describe())
		return nil
	}
	m := &tjsMedia{at: posOf(n)}
	if v := n.get("url"); v != nil {
		m.url = strings.TrimSpace(r.str(v, "url"))
	}
	if v := n.get("caption"); v != nil {
		m.caption = htmlToText(r.str(v, "caption"))
	}
	if v := n.get("credit"); v != nil {
		m.credit = htmlToText(r.str(v, "credit"))
	}
	if m.url == "" && m.caption == "" && m.credit == "" {
		return nil
	}
	return m
}

// date reads a date object; nil when it is unusable (reported).
func (r tjsReader) date(n *node, field string) *tjsDate {
	if n.kind != mappingNode {
		r.im.errorf(posOf(n), "%s must be an object with year, month, day…, got %s", field, n.describe())
		return nil
	}
	d := &tjsDate{at: posOf(n)}
	year, ok := r.integer(n.get("year"), field, "year")
	if !ok {
		return nil
	}
	if year == nil {
		if field == "end_date" {
			r.im.warnf(posOf(n), "end_date has no year; it is ignored")
		} else {
			r.im.errorf(posOf(n), "%s has no year", field)
		}
		return nil
	}
	d.year = *year
	good := true
	small := func(part string, dst *int) bool {
		v, ok := r.integer(n.get(part), field, part)
		good = good && ok
		if v == nil {
			return false
		}
		if *v < -1<<20 || *v > 1<<20 { // beyond any month, day or time
			r.im.errorf(posOf(n.get(part)), "%s %s %d is out of range", field, part, *v)
			good = false
			return false
		}
		*dst = int(*v)
		return true
	}
	if v := n.get("month"); v != nil {
		d.monthAt = posOf(v)
	}
	if v := n.get("day"); v != nil {
		d.dayAt = posOf(v)
	}
	for _, part := range []string{"second", "minute", "hour"} {
		if v := n.get(part); v != nil {
			d.timeAt = posOf(v)
		}
	}
	small("month", &d.month)
	small("day", &d.day)
	h := small("hour", &d.hour)
	m := small("minute", &d.minute)
	sec := small("second", &d.second)
	d.hasTime = h || m || sec
	if d.hasTime && !h {
		r.im.warnf(posOf(n), "%s has a minute or second but no hour; hour 0 assumed", field)
	}
	if v := n.get("display_date"); v != nil {
		d.display = strings.TrimSpace(htmlToText(r.str(v, "display_date")))
	}
	if !good {
		return nil
	}
	return d
}

// integer reads a date part: a JSON integer, or a string of digits with an
// optional leading "-" (white space and thousands commas ignored, as
// TimelineJS does). It returns nil for a part that is absent, null or "";
// ok is false for a wrong type or value (reported).
func (r tjsReader) integer(n *node, field, part string) (v *int64, ok bool) {
	if n == nil || n.isNull() {
		return nil, true
	}
	text := n.text
	switch {
	case n.kind != scalarNode || (n.sk != strScalar && n.sk != intScalar):
		r.im.errorf(posOf(n), "%s %s must be a whole number, got %s", field, part, n.describe())
		return nil, false
	case n.sk == strScalar:
		text = strings.NewReplacer(",", "", " ", "", "\t", "", "\u00a0", "").Replace(text)
		if text == "" {
			return nil, true
		}
	}
	digits := strings.TrimPrefix(text, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		r.im.errorf(posOf(n), "%s %s must be a whole number, got %s", field, part, clip(n.text))
		return nil, false
	}
	x, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		r.im.errorf(posOf(n), "%s %s %s is out of range", field, part, clip(n.text))
		return nil, false
	}
	return &x, true
}

// str reads a text value: a string, or a number as written; null is "".
func (r tjsReader) str(n *node, field string) string {
	switch {
	case n.isNull():
		return ""
	case n.kind == scalarNode && (n.sk == strScalar || n.sk == intScalar || (n.sk == otherScalar && isNumber(n.text))):
		return n.text
	}
	r.im.errorf(posOf(n), "%s must be a string, got %s", field, n.describe())
	return ""
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
