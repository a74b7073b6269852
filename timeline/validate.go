package timeline

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// validator collects the diagnostics of New. Records are checked in dataset
// order so that diagnostics come out in file order.
type validator struct {
	t         *Timeline
	diags     []Diagnostic
	failed    bool
	pending   []pendingSuggestion // unknown ids that may get a "did you mean"
	cloneIDs  bool                // pending ids must not share the event's memory (Checker)
	cloneKeys bool                // nor the keys of cache
	// For the validators of events (see checkEvents): cur is the dataset
	// index of the event being checked, recorded beside each diagnostic in
	// at so that the diagnostics of all validators can be put in order.
	cur   int
	at    []int
	cache map[resolveKey]resolved
}

func (v *validator) add(sev Severity, p Path, format string, args ...any) {
	if sev == SeverityError {
		v.failed = true
	}
	v.diags = append(v.diags, Diagnostic{Severity: sev, Path: p, Message: fmt.Sprintf(format, args...)})
	v.at = append(v.at, v.cur)
}

// dupIDs gathers the uses of the ids used more than once in one list, so
// that each such id is reported once with its count and its first uses,
// however often it repeats: a diagnostic per repeat made a file of 100,000
// events sharing one id cost far more than the same file without.
type dupIDs struct {
	list, noun string // "events", "event"
	byID       map[string]int
	groups     []dupGroup
}

type dupGroup struct {
	id   string
	n    int
	uses []int // the first MaxUses, in dataset order
}

// add records that item i uses id, which item first used first. id is
// copied when kept: a Checker's caller may reuse its bytes.
func (d *dupIDs) add(id string, first, i int) {
	if d.byID == nil {
		d.byID = map[string]int{}
	}
	k, ok := d.byID[id]
	if !ok {
		id = strings.Clone(id)
		k = len(d.groups)
		d.byID[id] = k
		d.groups = append(d.groups, dupGroup{id: id, n: 1, uses: []int{first}})
	}
	g := &d.groups[k]
	g.n++
	if len(g.uses) < MaxUses {
		g.uses = append(g.uses, i)
	}
}

// report adds one error per repeated id, at its second use (the first that
// is wrong), in the order those come.
func (d *dupIDs) report(v *validator) {
	for _, g := range d.groups {
		uses := make([]Path, len(g.uses))
		for k, i := range g.uses {
			uses[k] = FieldPath(d.list, i, "id")
		}
		v.cur = g.uses[1]
		v.add(SeverityError, uses[1], "duplicate %s id %q: used by %s", d.noun, g.id, Plural(g.n, d.noun))
		v.diags[len(v.diags)-1].Uses = &Uses{Paths: uses, More: g.n > len(uses)}
	}
}

func (v *validator) indexSources() {
	t := v.t
	t.texts = make([]*SourceText, len(t.sources))
	dups := dupIDs{list: "sources", noun: "source"}
	defer dups.report(v)
	for i := range t.sources {
		s := &t.sources[i]
		switch {
		case strings.TrimSpace(s.ID) == "":
			v.add(SeverityError, FieldPath("sources", i, "id"), "source id is empty")
		default:
			if j, dup := t.sourceByID[s.ID]; dup {
				dups.add(s.ID, j, i)
			} else {
				t.sourceByID[s.ID] = i
			}
		}
		if strings.TrimSpace(s.Title) == "" {
			v.add(SeverityError, FieldPath("sources", i, "title"), "source %q has an empty title", s.ID)
		}
		t.texts[i] = NewSourceText(s.Text)
	}
}

func (v *validator) indexActors() {
	t := v.t
	// names maps each lower-cased name and alias to the first actor using it,
	// so that a name two actors share is reported: lookup could not tell them apart.
	names := make(map[string]int)
	dups := dupIDs{list: "actors", noun: "actor"}
	defer dups.report(v)
	for i := range t.actors {
		a := &t.actors[i]
		if strings.TrimSpace(a.ID) == "" {
			v.add(SeverityError, FieldPath("actors", i, "id"), "actor id is empty")
		} else if j, dup := t.actorByID[a.ID]; dup {
			dups.add(a.ID, j, i)
		} else {
			t.actorByID[a.ID] = i
		}
		if strings.TrimSpace(a.Name) == "" {
			v.add(SeverityError, FieldPath("actors", i, "name"), "actor %q has an empty name", a.ID)
		}
		for k, n := range append([]string{a.Name}, a.Aliases...) {
			key := foldKey(n)
			if key == "" {
				if k > 0 {
					v.add(SeverityError, Path(fmt.Sprintf("actors[%d].aliases[%d]", i, k-1)), "empty alias")
				}
				continue
			}
			if j, taken := names[key]; taken && j != i {
				p := FieldPath("actors", i, "name")
				if k > 0 {
					p = Path(fmt.Sprintf("actors[%d].aliases[%d]", i, k-1))
				}
				v.add(SeverityWarning, p, "%q also names actor %q; looking it up will be ambiguous", n, t.actors[j].ID)
				continue
			}
			names[key] = i
		}
	}
}

// eventPath names a list item of event i, such as "events[3].actors[1]".
// Paths are built only for diagnostics, never for records that pass.
func eventPath(i int, list string, k int) Path {
	return Path(fmt.Sprintf("events[%d].%s[%d]", i, list, k))
}

// event checks event i (its index in the dataset) but its id, which
// checkIDs does, and resolves its citations in place. refs receives the
// actor index of each reference, -1 for an unknown actor.
func (v *validator) event(i int, e *Event, refs []int32) {
	if strings.TrimSpace(e.Title) == "" {
		v.add(SeverityError, FieldPath("events", i, "title"), "event %q has an empty title", e.ID)
	}
	var seen map[int32]bool // only for events with many actors
	for k, ref := range e.Actors {
		a, ok := v.t.actorByID[ref.Actor]
		if !ok {
			refs[k] = -1
			// At the id itself: in {actor: x, role: y} that is the actor
			// field; a reference written as a bare id has no fields, and
			// the position falls back to the id.
			v.unknownRef(eventPath(i, "actors", k)+".actor", "actor", ref.Actor, false)
			continue
		}
		refs[k] = int32(a)
		twice := false
		if k < 16 {
			twice = slices.Contains(refs[:k], int32(a))
		} else {
			if seen == nil {
				seen = make(map[int32]bool, len(e.Actors))
				for _, r := range refs[:k] {
					seen[r] = true
				}
			}
			twice = seen[int32(a)]
			seen[int32(a)] = true
		}
		if twice {
			v.add(SeverityWarning, eventPath(i, "actors", k), "actor %q is listed twice", ref.Actor)
		}
	}
	if len(e.Citations) == 0 {
		v.add(SeverityWarning, FieldPath("events", i, ""), "event %q has no citation", e.ID)
		e.Citations = nil
		return
	}
	for k := range e.Citations {
		v.citation(i, k, &e.Citations[k])
	}
}

func (v *validator) citation(i, k int, c *Citation) {
	c.Span = Span{}
	si, ok := v.t.sourceByID[c.Source]
	if !ok {
		v.unknownRef(eventPath(i, "citations", k)+".source", "source", c.Source, true)
		return
	}
	if (c.Start < 0) != (c.End < 0) {
		v.add(SeverityError, eventPath(i, "citations", k), "start and end must be given together")
		return
	}
	if c.Start > c.End {
		v.add(SeverityError, eventPath(i, "citations", k)+".start", "start %d is after end %d", c.Start, c.End)
		return
	}
	span, err := v.resolve(si, Selector{Quote: c.Quote, Prefix: c.Prefix, Suffix: c.Suffix, Start: c.Start, End: c.End})
	if span.Reanchored || span.Orphaned {
		c.Span = span
		v.drift(eventPath(i, "citations", k)+".quote", si, c, err)
		return
	}
	if err != nil {
		v.quoteError(eventPath(i, "citations", k)+".quote", si, c.Source, err)
		return
	}
	c.Span = span
	if span.Tolerant {
		v.add(SeverityWarning, eventPath(i, "citations", k)+".quote", "quote, prefix or suffix matches the source only after normalising quotation marks, dashes, spaces or accented letters")
	}
	if c.Start >= 0 && (c.Start != span.Start || c.End != span.End) {
		v.add(SeverityWarning, eventPath(i, "citations", k)+".start", "recorded position %d–%d no longer matches; the quote is at %d–%d", c.Start, c.End, span.Start, span.End)
	}
}

// quoteError reports why a quote could not be anchored. It is apart from
// citation so that the common case, no error, allocates nothing.
func (v *validator) quoteError(p Path, si int, source string, err error) {
	var qe *QuoteError
	switch {
	case errors.Is(err, ErrEmptyQuote):
		v.add(SeverityError, p, "empty quote")
	case errors.As(err, &qe):
		e := *qe // the cached error is shared: explain a copy
		if e.Absent && e.Found == 0 {
			e.Mismatch = v.t.texts[si].Mismatch(e.Quote)
		}
		v.add(SeverityCitation, p, "source %q: %s", source, e.Error())
	default:
		v.add(SeverityCitation, p, "%v", err)
	}
}

// drift reports a citation that Reanchor re-anchored (a warning) or
// orphaned (a citation error; err is Resolve's *QuoteError). Scores are
// shown rounded down, so that an orphan never seems to reach the threshold.
func (v *validator) drift(p Path, si int, c *Citation, err error) {
	score := FormatScore(c.Span.Score)
	if c.Span.Reanchored {
		v.add(SeverityWarning, p, "%s", driftNote(v.t.texts[si], c))
		return
	}
	what := "no longer found in"
	if qe, ok := err.(*QuoteError); ok && !qe.Absent {
		what = "now ambiguous in"
	}
	best := "best match scored " + score
	if c.Span.End == c.Span.Start {
		// Reanchor found no passage at all (its score is then 0).
		best = "nothing came close"
	}
	v.add(SeverityCitation, p, "orphaned citation: quote %q %s source %q after it changed; %s (threshold %.2f)",
		excerpt(c.Quote, 40), what, c.Source, best, DriftThreshold)
}

// resolveKey is a selector in a source, for the cache of resolutions.
type resolveKey struct {
	source                int
	quote, prefix, suffix string
	start, end            int
}

type resolved struct {
	span Span
	err  error
}

// maxCached bounds the resolution cache: datasets cite the same passage
// many times, but a file of all-different quotes must not grow it without end.
const maxCached = 1 << 16

// resolve anchors a selector in source si: by its recorded position when
// that settles it, which costs about as much as a lookup in a cache would
// (both read the quote), else by searching the text, once per distinct
// selector (big datasets cite the same passages again and again). A
// selector anchored before that no longer resolves is re-anchored (see
// drifted), and the cache keeps that outcome too.
func (v *validator) resolve(si int, sel Selector) (Span, error) {
	st := v.t.texts[si]
	if span, ok := st.resolveAt(sel); ok {
		return span, nil
	}
	key := resolveKey{si, sel.Quote, sel.Prefix, sel.Suffix, sel.Start, sel.End}
	if r, ok := v.cache[key]; ok {
		return r.span, r.err
	}
	span, err := st.Resolve(sel)
	if qe, ok := err.(*QuoteError); ok && v.drifted(si, sel, qe) {
		span = st.Reanchor(sel)
		if span.Reanchored {
			err = nil
		}
	}
	if v.cache == nil {
		v.cache = make(map[resolveKey]resolved)
	}
	if len(v.cache) < maxCached {
		if v.cloneKeys {
			key.quote, key.prefix, key.suffix = strings.Clone(key.quote), strings.Clone(key.prefix), strings.Clone(key.suffix)
			if qe, ok := err.(*QuoteError); ok {
				c := *qe
				c.Quote = strings.Clone(c.Quote)
				c.Paragraphs = slices.Clone(c.Paragraphs)
				err = &c
			}
		}
		v.cache[key] = resolved{span, err}
	}
	return span, err
}

// drifted reports whether a selector that Resolve could not anchor was
// anchored before, so that its source must have changed and Reanchor may
// look for what its passage became: it records a position, or its quote is
// absent from a source whose recorded checksum no longer matches (an
// ambiguous quote with no position stays ambiguous: nothing says which
// place it meant). A matching checksum means the text did not change, so
// the quote was wrong from the start: no rescue then.
func (v *validator) drifted(si int, sel Selector, qe *QuoteError) bool {
	recorded, changed := v.t.texts[si].checksum(v.t.sources[si].SHA256)
	switch {
	case recorded && !changed:
		return false
	case sel.Start >= 0:
		return true
	}
	return qe.Absent && changed
}

// resolveAt anchors sel at its recorded position when the text there is
// exactly the quote, preceded by the prefix and followed by the suffix.
// Resolve would then find the same span: that occurrence fits its context
// exactly, so it is among the best candidates, and if there are others
// the recorded position picks it. ok is false when the position does not
// settle it and the text must be searched. The span is computed as span
// would, from what the match proves: the quote's code points are those of
// the recorded range (a valid UTF-8 quote decodes the same inside the text
// as alone), and it starts a paragraph lookup after its leading spaces.
func (s *SourceText) resolveAt(sel Selector) (span Span, ok bool) {
	q := sel.Quote
	if sel.Start < 0 || sel.End < sel.Start || sel.End > s.n || q == "" {
		return Span{}, false
	}
	ob := s.byteAtASCII(sel.Start)
	oe := ob + len(q)
	if oe > len(s.text) || s.text[ob:oe] != q ||
		!strings.HasSuffix(s.text[:ob], sel.Prefix) || !strings.HasPrefix(s.text[oe:], sel.Suffix) ||
		utf8.RuneCountInString(q) != sel.End-sel.Start || !utf8.ValidString(q) {
		return Span{}, false
	}
	lead := 0
	if mayBeBlank(q) {
		if isBlank(q) {
			return Span{}, false // Resolve reports it
		}
		lead = utf8.RuneCountInString(q[:len(q)-len(strings.TrimLeftFunc(q, unicode.IsSpace))])
	}
	return Span{Resolved: true, Start: sel.Start, End: sel.End, Paragraph: s.Paragraph(sel.Start + lead)}, true
}

// byteAtASCII is byteAt, faster on text that is mostly ASCII: from the
// nearest mark it skips eight bytes at a time while they are all ASCII
// (eight code points), decoding only the others. Resolving a citation by
// its recorded position spends most of its time here.
func (s *SourceText) byteAtASCII(cp int) int {
	if s.marks == nil {
		return cp
	}
	if cp >= s.n {
		return len(s.text)
	}
	t := s.text
	b := s.marks[cp/markEvery]
	for k := cp % markEvery; k > 0; {
		if k >= 8 && b+8 <= len(t) &&
			(t[b]|t[b+1]|t[b+2]|t[b+3]|t[b+4]|t[b+5]|t[b+6]|t[b+7])&0x80 == 0 {
			b += 8
			k -= 8
			continue
		}
		_, w := utf8.DecodeRuneInString(t[b:])
		b += w
		k--
	}
	return b
}

// mayBeBlank is false for the common quote that starts with a visible ASCII
// character, sparing isBlank's Unicode scan.
func mayBeBlank(q string) bool { return q == "" || q[0] <= ' ' || q[0] >= 0x7f }

// foldKey normalises a name for comparison: case-folded, spaces collapsed.
func foldKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
