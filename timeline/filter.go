package timeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Filter selects events. The zero Filter selects every event; the criteria
// that are set must all hold.
type Filter struct {
	Actors    []string // actor IDs; an event must list any of them (or all, with AllActors)
	AllActors bool
	Dates     Date     // keep events overlapping it (open and unknown ends unbounded); zero for none
	Statuses  []Status // keep events with one of these; empty for any
	Text      string   // case-insensitive substring of title, summary, quotes, actor names and aliases
}

// IsZero reports whether f selects everything.
func (f Filter) IsZero() bool {
	return len(f.Actors) == 0 && f.Dates.IsZero() && len(f.Statuses) == 0 && f.Text == ""
}

// Apply appends to dst[:0] the chronological indexes of the events f
// selects, in order, and returns it; reusing dst across calls avoids
// allocation. Actor and date criteria are answered from the indexes built
// by New, so their cost follows the size of the result, not of the
// timeline: one actor's events are copied from its posting list, a date
// range reads the events whose bounds can overlap it. Status and text are
// then checked on those candidates only; only a filter on them alone
// scans every event.
func (t *Timeline) Apply(f Filter, dst []int) []int {
	dst = dst[:0]
	n := t.Len()
	needle := foldKey(f.Text)
	contains := t.textMatcher(needle)
	keep := func(i int) bool {
		if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, t.statusAt(i)) {
			return false
		}
		// A lazy Timeline tests the text of all candidates at once, below.
		return needle == "" || t.lazy != nil || contains(&t.events[i])
	}
	switch {
	case len(f.Actors) == 0 && f.Dates.IsZero():
		if needle == "" && len(f.Statuses) == 0 {
			dst = slices.Grow(dst, n)[:n]
			for i := range dst {
				dst[i] = i
			}
			return dst
		}
		for i := range n {
			if keep(i) {
				dst = append(dst, i)
			}
		}
		return t.lazyText(dst, needle)
	case f.Dates.IsZero():
		dst = t.actorCandidates(f.Actors, f.AllActors, dst)
	case len(f.Actors) == 0:
		dst = t.dateCandidates(f.Dates, dst)
	default:
		byDate := t.dateCandidates(f.Dates, t.scratchInts())
		byActor := t.actorCandidates(f.Actors, f.AllActors, t.scratchInts())
		dst = appendIntersection(dst, byActor, byDate)
		t.putScratchInts(byDate)
		t.putScratchInts(byActor)
	}
	if needle == "" && len(f.Statuses) == 0 {
		return dst
	}
	out := dst[:0]
	for _, i := range dst {
		if keep(i) {
			out = append(out, i)
		}
	}
	return t.lazyText(out, needle)
}

// statusAt is the status of the i-th event.
func (t *Timeline) statusAt(i int) Status {
	if t.lazy != nil {
		if k := int(t.lazy.perm[i]); k < len(t.lazy.status) {
			return t.lazy.status[k]
		}
		return StatusOccurred
	}
	return t.events[i].Status
}

// lazyText is, on a lazy Timeline, the events of idx whose text holds
// needle; idx itself otherwise, whose text Apply has tested.
func (t *Timeline) lazyText(idx []int, needle string) []int {
	if t.lazy == nil || needle == "" {
		return idx
	}
	return t.lazyContains(idx, needle)
}

// dateCandidates appends the events overlapping d (open and unknown ends
// unbounded) to dst.
func (t *Timeline) dateCandidates(d Date, dst []int) []int {
	lo, lok := d.Earliest()
	hi, hok := d.Latest()
	if !lok {
		lo = minDay
	}
	if !hok {
		hi = maxDay
	}
	t.Index()
	return t.dates.overlapping(lo, hi, dst, &t.scratch)
}

// actorCandidates appends to dst the events that list any of the actors
// (all of them, with all), ascending: one actor's posting list is copied,
// several are merged or intersected.
func (t *Timeline) actorCandidates(ids []string, all bool, dst []int) []int {
	t.Index()
	if len(ids) == 1 {
		return widen(dst, t.postings[ids[0]])
	}
	lists := make([][]int32, 0, len(ids))
	for _, id := range ids {
		lists = append(lists, t.postings[id])
	}
	var out []int32
	if all {
		// Intersect from the shortest list so the work follows the smallest.
		slices.SortFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
		out = slices.Clone(lists[0])
		for _, l := range lists[1:] {
			out = appendIntersection(out[:0], out, l)
		}
	} else {
		for _, l := range lists {
			out = unionSorted(out, l)
		}
	}
	return widen(dst, out)
}

// appendIntersection appends the common elements of ascending a and b. dst
// may be a[:0]: writing the k-th common element never overtakes the read
// position in a.
func appendIntersection[T int | int32](dst, a, b []T) []T {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			dst = append(dst, a[i])
			i++
			j++
		}
	}
	return dst
}

// unionSorted returns the ascending union of ascending a and b.
func unionSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// textMatcher returns the test whether needle (already folded by foldKey)
// occurs in an event's searchable text: its title, summary, quotes, and
// the names and aliases of its actors. Which actors' names hold needle is
// worked out once, not again for every reference.
func (t *Timeline) textMatcher(needle string) func(e *Event) bool {
	if needle == "" {
		return func(*Event) bool { return true }
	}
	named := make([]bool, len(t.actors))
	for i := range t.actors {
		a := &t.actors[i]
		named[i] = containsFold(a.Name, needle) || slices.ContainsFunc(a.Aliases, func(al string) bool { return containsFold(al, needle) })
	}
	return func(e *Event) bool {
		if containsFold(e.Title, needle) || containsFold(e.Summary, needle) {
			return true
		}
		for k := range e.Citations {
			if containsFold(e.Citations[k].Quote, needle) {
				return true
			}
		}
		for _, ref := range e.Actors {
			if i, ok := t.actorByID[ref.Actor]; ok && named[i] {
				return true
			}
		}
		return false
	}
}

// ContainsFold reports whether needle occurs in s, ignoring case and
// treating any run of white space as one space. It does not allocate.
func ContainsFold(s, needle string) bool { return containsFold(s, foldKey(needle)) }

// containsFold is ContainsFold for a needle already normalised by foldKey.
// It tries matchFoldAt at every code point of s that can match needle's
// first one. When that is ASCII, the candidates are found with
// strings.IndexByte: the byte in either case, and the lead byte of the only
// non-ASCII letters that fold to an ASCII one (U+212A KELVIN SIGN to k,
// U+017F LONG S to s); every other position could not match, so skipping
// them changes no answer.
func containsFold(s, needle string) bool {
	if needle == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(needle)
	if first >= utf8.RuneSelf {
		return containsFoldRunes(s, needle, first)
	}
	lo, up := byte(first), byte(first)
	switch {
	case 'a' <= lo && lo <= 'z':
		up = lo - 'a' + 'A'
	case 'A' <= lo && lo <= 'Z':
		lo = up - 'A' + 'a'
	}
	cursors := [3]byteCursor{{b: lo, next: -1}, {b: up, next: -1}, {b: 0, next: len(s)}}
	switch lo {
	case 'k':
		cursors[2] = byteCursor{b: 0xE2, next: -1} // U+212A is E2 84 AA
	case 's':
		cursors[2] = byteCursor{b: 0xC5, next: -1} // U+017F is C5 BF
	}
	for i := 0; i < len(s); {
		k := min(cursors[0].at(s, i), cursors[1].at(s, i), cursors[2].at(s, i))
		if k >= len(s) {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[k:])
		if equalFoldRune(r, first) && matchFoldAt(s[k:], needle) {
			return true
		}
		i = k + size
	}
	return false
}

// byteCursor finds the occurrences of b in a string one after the other:
// next is the offset of the next one at or after the last position asked
// for, len(s) when there is none, -1 before the first search.
type byteCursor struct {
	b    byte
	next int
}

func (c *byteCursor) at(s string, i int) int {
	if c.next < i {
		if j := strings.IndexByte(s[i:], c.b); j >= 0 {
			c.next = i + j
		} else {
			c.next = len(s)
		}
	}
	return c.next
}

// containsFoldRunes is containsFold for a needle whose first code point
// is first, not ASCII: every code point of s is tried.
func containsFoldRunes(s, needle string, first rune) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if equalFoldRune(r, first) && matchFoldAt(s[i:], needle) {
			return true
		}
		i += size
	}
	return false
}

// matchFoldAt reports whether s starts with needle, folding case and
// matching a single space in needle against any run of white space in s.
func matchFoldAt(s, needle string) bool {
	for needle != "" {
		if s == "" {
			return false
		}
		nr, nsize := utf8.DecodeRuneInString(needle)
		sr, ssize := utf8.DecodeRuneInString(s)
		if nr == ' ' {
			if !unicode.IsSpace(sr) {
				return false
			}
			for s != "" {
				r, size := utf8.DecodeRuneInString(s)
				if !unicode.IsSpace(r) {
					break
				}
				s = s[size:]
			}
			needle = needle[nsize:]
			continue
		}
		if !equalFoldRune(sr, nr) {
			return false
		}
		s, needle = s[ssize:], needle[nsize:]
	}
	return true
}

func equalFoldRune(a, b rune) bool {
	if a == b {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return a == b
	}
	// Walk a's case-folding orbit (e.g. k → K → Kelvin sign) looking for b.
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
