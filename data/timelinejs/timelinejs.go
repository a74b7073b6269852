package timelinejs

// Reading Knight Lab TimelineJS JSON files (https://timeline.knightlab.com,
// format documented in NUKnightLab/TimelineJS3 website/docs/json-format.njk).
// The file is parsed by our JSON scanner, so every problem has a line and a
// column; the slides then go through the shared import model in
// build.go.

import (
	"bytes"
	"dateline/data/internal/schema"
	"strconv"
	"strings"
)

// Is reports whether b looks like a TimelineJS JSON file: a
// top-level object with "events" whose items carry "start_date" objects, and
// no "dateline" key (which marks our own files). It parses b only when a
// quick look finds "start_date" in it.
func Is(b []byte) bool {
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	if !schema.IsJSON(b) || !bytes.Contains(b, []byte(`"start_date"`)) || schema.EstimateValues(b) > schema.MaxValues(len(b)) {
		return false
	}
	root, err := schema.ParseJSON(b)
	if err != nil || root.Kind != schema.MappingNode || root.Get("dateline") != nil {
		return false
	}
	events := root.Get("events")
	if events == nil || events.Kind != schema.SequenceNode {
		return false
	}
	for _, it := range events.Items {
		if it.Kind == schema.MappingNode {
			if d := it.Get("start_date"); d != nil && d.Kind == schema.MappingNode {
				return true
			}
		}
	}
	return false
}

// Load reads a TimelineJS JSON file into a dataset; name is the
// file name its Problems give. It never returns nil. Every problem has the
// line and column of the value at fault. Imported events have no
// citations, so each gets the "no citation" warning. The mapping is
// documented in the README.
func Load(name string, b []byte) *schema.Loaded {
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	im := &importer{name: name}
	if est, limit := schema.EstimateValues(b), schema.MaxValues(len(b)); est > limit {
		im.errorf(pos{1, 1}, "too many values for the file's size (about %d in %d bytes; at most %d)", est, len(b), limit)
		return &schema.Loaded{File: name, Problems: im.probs}
	}
	root, serr := schema.ParseJSON(b)
	if serr != nil {
		im.errorf(pos{serr.Line, serr.Col}, "%s", serr.Msg)
		return &schema.Loaded{File: name, Problems: im.probs}
	}
	if root.Kind != schema.MappingNode {
		im.errorf(posOf(root), "a TimelineJS file is an object with \"events\", got %s", root.Describe())
		return &schema.Loaded{File: name, Problems: im.probs}
	}
	r := reader{im: im}
	if sc := root.Get("scale"); sc != nil {
		switch s := r.str(sc, "scale"); s {
		case "", "human":
		case "cosmological":
			im.cosmological = true
		default:
			im.warnf(posOf(sc), "unknown scale %s (want human or cosmological); read as human", schema.Clip(s))
		}
	}
	if t := root.Get("title"); t != nil && !t.IsNull() {
		im.title = r.slide(t, "title")
	}
	events := root.Get("events")
	switch {
	case events == nil:
		im.errorf(posOf(root), "a TimelineJS file needs \"events\", a list of slides")
	case events.Kind != schema.SequenceNode:
		im.errorf(posOf(events), "events must be a list of slides, got %s", events.Describe())
	default:
		for _, it := range events.Items {
			if s := r.slide(it, "event"); s != nil {
				im.events = append(im.events, s)
			}
		}
	}
	if eras := root.Get("eras"); eras != nil && !eras.IsNull() {
		if eras.Kind != schema.SequenceNode {
			im.errorf(posOf(eras), "eras must be a list, got %s", eras.Describe())
		} else {
			for _, it := range eras.Items {
				if s := r.slide(it, "era"); s != nil {
					im.eras = append(im.eras, s)
				}
			}
		}
	}
	return im.build()
}

func posOf(n *schema.Node) pos { return pos{n.Line, n.Col} }

// reader reads the values of a TimelineJS JSON file leniently where
// TimelineJS is (numbers and strings interchangeably, zero-padded or not,
// unknown keys ignored) and reports wrong types where it would fail.
type reader struct{ im *importer }

// slide reads an event, era or title slide; nil when it is not an object.
func (r reader) slide(n *schema.Node, kind string) *slide {
	if n.Kind != schema.MappingNode {
		r.im.errorf(posOf(n), "%s slide must be an object, got %s", kind, n.Describe())
		return nil
	}
	s := &slide{at: posOf(n)}
	if d := n.Get("start_date"); d != nil && !d.IsNull() {
		s.start = r.date(d, "start_date")
	} else if kind != "title" {
		r.im.errorf(posOf(n), "%s slide has no start_date (TimelineJS needs one to place it)", kind)
	}
	if d := n.Get("end_date"); d != nil && !d.IsNull() {
		s.end = r.date(d, "end_date")
	} else if kind == "era" {
		r.im.errorf(posOf(n), "era has no end_date (TimelineJS needs both ends of an era)")
	}
	if t := n.Get("text"); t != nil && !t.IsNull() {
		if t.Kind != schema.MappingNode {
			r.im.errorf(posOf(t), "text must be an object with headline and text, got %s", t.Describe())
		} else {
			if h := t.Get("headline"); h != nil {
				s.headline, s.headlineAt = htmlToText(r.str(h, "headline")), posOf(h)
			}
			if x := t.Get("text"); x != nil {
				s.text = htmlToText(r.str(x, "text"))
			}
		}
	}
	if v := n.Get("display_date"); v != nil {
		s.display = strings.TrimSpace(htmlToText(r.str(v, "display_date")))
	}
	if v := n.Get("group"); v != nil {
		s.group, s.groupAt = strings.TrimSpace(htmlToText(r.str(v, "group"))), posOf(v)
	}
	if v := n.Get("unique_id"); v != nil {
		s.uniqueID, s.idAt = strings.TrimSpace(r.str(v, "unique_id")), posOf(v)
	}
	if m := n.Get("media"); m != nil && !m.IsNull() {
		s.media = r.media(m)
	}
	return s
}

// media reads a media object; nil when it has no URL, caption or credit.
func (r reader) media(n *schema.Node) *Media {
	if n.Kind != schema.MappingNode {
		r.im.errorf(posOf(n), "media must be an object with url, caption and credit, got %s", n.Describe())
		return nil
	}
	m := &Media{at: posOf(n)}
	if v := n.Get("url"); v != nil {
		m.URL = strings.TrimSpace(r.str(v, "url"))
	}
	if v := n.Get("caption"); v != nil {
		m.Caption = htmlToText(r.str(v, "caption"))
	}
	if v := n.Get("credit"); v != nil {
		m.Credit = htmlToText(r.str(v, "credit"))
	}
	if m.URL == "" && m.Caption == "" && m.Credit == "" {
		return nil
	}
	return m
}

// date reads a date object; nil when it is unusable (reported).
func (r reader) date(n *schema.Node, field string) *slideDate {
	if n.Kind != schema.MappingNode {
		r.im.errorf(posOf(n), "%s must be an object with year, month, day…, got %s", field, n.Describe())
		return nil
	}
	d := &slideDate{at: posOf(n)}
	year, ok := r.integer(n.Get("year"), field, "year")
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
		v, ok := r.integer(n.Get(part), field, part)
		good = good && ok
		if v == nil {
			return false
		}
		if *v < -1<<20 || *v > 1<<20 { // beyond any month, day or time
			r.im.errorf(posOf(n.Get(part)), "%s %s %d is out of range", field, part, *v)
			good = false
			return false
		}
		*dst = int(*v)
		return true
	}
	if v := n.Get("month"); v != nil {
		d.monthAt = posOf(v)
	}
	if v := n.Get("day"); v != nil {
		d.dayAt = posOf(v)
	}
	for _, part := range []string{"second", "minute", "hour"} {
		if v := n.Get(part); v != nil {
			d.timeAt = posOf(v)
		}
	}
	d.monthGiven = small("month", &d.month)
	d.dayGiven = small("day", &d.day)
	h := small("hour", &d.hour)
	m := small("minute", &d.minute)
	sec := small("second", &d.second)
	d.hasTime = h || m || sec
	if d.hasTime && !h {
		r.im.warnf(posOf(n), "%s has a minute or second but no hour; hour 0 assumed", field)
	}
	if v := n.Get("display_date"); v != nil {
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
func (r reader) integer(n *schema.Node, field, part string) (v *int64, ok bool) {
	if n == nil || n.IsNull() {
		return nil, true
	}
	text := n.Text
	switch {
	case n.Kind != schema.ScalarNode || (n.Scalar != schema.StrScalar && n.Scalar != schema.IntScalar):
		r.im.errorf(posOf(n), "%s %s must be a whole number, got %s", field, part, n.Describe())
		return nil, false
	case n.Scalar == schema.StrScalar:
		text = strings.NewReplacer(",", "", " ", "", "\t", "", "\u00a0", "").Replace(text)
		if text == "" {
			return nil, true
		}
	}
	digits := strings.TrimPrefix(text, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		r.im.errorf(posOf(n), "%s %s must be a whole number, got %s", field, part, schema.Clip(n.Text))
		return nil, false
	}
	x, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		r.im.errorf(posOf(n), "%s %s %s is out of range", field, part, schema.Clip(n.Text))
		return nil, false
	}
	return &x, true
}

// str reads a text value: a string, or a number as written; null is "".
func (r reader) str(n *schema.Node, field string) string {
	switch {
	case n.IsNull():
		return ""
	case n.Kind == schema.ScalarNode && (n.Scalar == schema.StrScalar || n.Scalar == schema.IntScalar || (n.Scalar == schema.OtherScalar && isNumber(n.Text))):
		return n.Text
	}
	r.im.errorf(posOf(n), "%s must be a string, got %s", field, n.Describe())
	return ""
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
