package jsonl

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// The skimmer: a walk over one event line that reads only the few values
// a lazy Timeline needs (its date, status and actors when the file is
// opened; its text when it is searched; its id when it is looked up) and
// skips every other value without decoding it. It checks no syntax beyond
// what it needs to find its way: a line it cannot follow simply gives what
// was found before the point where it got lost, and Event, which decodes
// the line as Load does, says what is wrong with it. It allocates nothing:
// unescaped strings go to a scratch buffer that it reuses.

type skimmer struct {
	b       []byte
	i       int
	scratch []byte // an unescaped value
	keyBuf  []byte // an unescaped key
}

func (s *skimmer) reset(line []byte) { s.b, s.i = line, 0 }

func (s *skimmer) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// open eats c (an opening bracket) after white space.
func (s *skimmer) open(c byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// more reports whether another member of the object or array being walked
// follows, eating the comma before it; at close it eats close and says no.
// It is lenient about commas: a skimmer need not reject what it can follow.
func (s *skimmer) more(close byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ',' {
		s.i++
		s.space()
	}
	if s.i >= len(s.b) {
		return false
	}
	if s.b[s.i] == close {
		s.i++
		return false
	}
	return true
}

// rawString reads the string at s.i, which is a '"', and returns the
// bounds of its content as written, whether it has escapes, and whether
// the string was closed.
func (s *skimmer) rawString() (start, end int, esc, ok bool) {
	b := s.b
	start = s.i + 1
	i := start
	for {
		i = quoteOrEscape(b, i)
		if i >= len(b) {
			s.i = len(b)
			return start, start, esc, false
		}
		if b[i] == '"' {
			s.i = i + 1
			return start, i, esc, true
		}
		esc = true
		i += 2 // the backslash and the byte it escapes
	}
}

// quoteOrEscape returns the index of the first '"' or '\\' of b from i
// on, or len(b): eight bytes at a time, as the strings of event lines
// are mostly short and an IndexByte call per string costs more.
func quoteOrEscape(b []byte, i int) int {
	for i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		q := w ^ (lsb * '"')
		bs := w ^ (lsb * '\\')
		// The lowest byte marked is exact: false marks only follow a true one.
		if m := ((q-lsb)&^q | (bs-lsb)&^bs) & msb; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(b) && b[i] != '"' && b[i] != '\\' {
		i++
	}
	return i
}

// str reads a string value and returns it unescaped, valid until the next
// call: a slice of the line, or of buf (grown as needed) when it has escapes.
func (s *skimmer) str(buf *[]byte) ([]byte, bool) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, false
	}
	start, end, esc, ok := s.rawString()
	if !ok {
		return nil, false
	}
	if !esc {
		return s.b[start:end], true
	}
	*buf = unescapeInto((*buf)[:0], s.b[start:end])
	return *buf, true
}

// key reads a key and the colon after it.
func (s *skimmer) key() ([]byte, bool) {
	k, ok := s.str(&s.keyBuf)
	if !ok {
		return nil, false
	}
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != ':' {
		return nil, false
	}
	s.i++
	s.space()
	return k, true
}

// skip skips one value: a string, a nested array or object, or a number
// or literal. It reports false when the value does not end on the line or
// there is none.
func (s *skimmer) skip() bool {
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '"':
		_, _, _, ok := s.rawString()
		return ok
	case '{', '[':
		return s.skipNested()
	}
	start := s.i
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return s.i > start
		case '"', '{', '[', ':':
			return false
		}
		s.i++
	}
	return s.i > start
}

// skipNested skips an array or object, strings and all.
func (s *skimmer) skipNested() bool {
	depth := 0
	b := s.b
	for s.i < len(b) {
		switch b[s.i] {
		case '"':
			if _, _, _, ok := s.rawString(); !ok {
				return false
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				s.i++
				return true
			}
		}
		s.i++
	}
	return false
}

// columns skims an event line for what a lazy Timeline keeps of it: the
// bounds of its date (none when it has no valid date), its status
// (occurred when it has no valid one) and, appended to refs, the index in
// actors of each of its actors (-1 for an id that is not there). Like
// texts, it reads the line in one flat pass.
func (s *skimmer) columns(line []byte, actors map[string]int32, refs []int32) (timeline.Bounds, timeline.Status, []int32) {
	s.reset(line)
	s.space()
	b := s.b
	bounds := timeline.Bounds{Lo: timeline.NoEarliest, Hi: timeline.NoLatest}
	status := timeline.StatusOccurred
	if s.i >= len(b) || b[s.i] != '{' {
		return bounds, status, refs
	}
	const (
		other = iota
		dateKey
		statusKey
		actorsKey
	)
	// The fields found so far. Once the date and actors are, and the
	// status too or no "status" key can follow, the rest of the line (its
	// tags and citations, mostly) need not be read.
	const haveDate, haveStatus, haveActors = 1, 2, 4
	var (
		depth     = 0
		objects   uint64 // bit d: the container at depth d is an object
		expectKey bool
		top       = other // the key at depth 1
		inActors  bool    // in the list of actors (depth 2)
		isActor   bool    // the key at depth 3 is "actor"
		have      = 0
	)
	i := s.i
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			start, end, esc := i+1, i+1, false
			for {
				end = quoteOrEscape(b, end)
				if end >= len(b) {
					return bounds, status, refs
				}
				if b[end] == '"' {
					break
				}
				esc = true
				end += 2
			}
			i = end + 1
			v := b[start:end]
			if expectKey {
				expectKey = false
				if esc {
					s.keyBuf = unescapeInto(s.keyBuf[:0], v)
					v = s.keyBuf
				}
				switch depth {
				case 1:
					switch string(v) {
					case "date":
						top = dateKey
					case "status":
						top = statusKey
					case "actors":
						top = actorsKey
					default:
						top = other
					}
				case 3:
					isActor = string(v) == "actor"
				}
				continue
			}
			if esc {
				s.scratch = unescapeInto(s.scratch[:0], v)
				v = s.scratch
			}
			switch {
			case depth == 1 && top == dateKey:
				bounds = boundsOf(v)
				have |= haveDate
			case depth == 1 && top == statusKey:
				status = statusOf(v)
				have |= haveStatus
			case depth == 2 && inActors, depth == 3 && inActors && isActor && objects&(1<<3) != 0:
				refs = append(refs, actorIndex(actors, v))
			}
			continue
		case '{', '[':
			depth++
			if depth < 64 {
				if c == '{' {
					objects |= 1 << depth
				} else {
					objects &^= 1 << depth
				}
			}
			expectKey = c == '{'
			if depth == 2 {
				inActors = c == '[' && top == actorsKey
			}
		case '}', ']':
			depth--
			expectKey = false
			if depth == 1 && inActors {
				inActors = false
				have |= haveActors
			}
			if depth <= 0 {
				return bounds, status, refs
			}
		case ',':
			expectKey = depth < 64 && objects&(1<<depth) != 0
			if depth == 1 && have&(haveDate|haveActors) == haveDate|haveActors {
				s.i = i
				if have&haveStatus != 0 || s.noKeyAfter(`status"`) {
					return bounds, status, refs
				}
			}
		case ':':
			expectKey = false
		}
		i++
	}
	return bounds, status, refs
}

// noKeyAfter reports whether the rest of the line cannot hold the key k
// (with its closing quote: a frequent byte such as '"' first would make
// bytes.Index slow): it is not written there, nor could it be with \u
// escapes (nor any escape at all, which is quicker to look for).
func (s *skimmer) noKeyAfter(k string) bool {
	rest := s.b[s.i:]
	return bytes.IndexByte(rest, '\\') < 0 && !bytes.Contains(rest, []byte(k))
}

// boundsOf parses a date's text, a slice of a reused buffer, for its
// bounds only. ParseDate is given the bytes as a string without a copy:
// the Date it returns refers to them, but it is dropped here and Bounds
// are plain day numbers, so nothing outlives the buffer's contents. (The
// error of an invalid date refers to them too, and is dropped too.)
func boundsOf(v []byte) timeline.Bounds {
	if b, ok := plainBounds(v); ok {
		return b
	}
	if len(v) == 0 {
		return timeline.Bounds{Lo: timeline.NoEarliest, Hi: timeline.NoLatest}
	}
	d, err := timeline.ParseDate(unsafe.String(&v[0], len(v)))
	if err != nil {
		return timeline.Bounds{Lo: timeline.NoEarliest, Hi: timeline.NoLatest}
	}
	return timeline.BoundsOf(d)
}

// plainBounds are the bounds of the commonest dates, as ParseDate and
// BoundsOf give them (TestPlainBounds), at a fraction of the cost (parsing
// the date was a third of skimming a line): YYYY, YYYY-MM and YYYY-MM-DD,
// with a year of four digits, negative or not, and a qualifier or not;
// and intervals of two of them, or of one and an open or unknown end. Any
// other form is not plain (false), and goes to ParseDate.
func plainBounds(v []byte) (timeline.Bounds, bool) {
	none := timeline.Bounds{Lo: timeline.NoEarliest, Hi: timeline.NoLatest}
	if slash := bytes.IndexByte(v, '/'); slash >= 0 {
		a, aok := plainEnd(v[:slash])
		b, bok := plainEnd(v[slash+1:])
		switch {
		case !aok || !bok:
			return none, false
		case a.Lo == timeline.NoEarliest && b.Hi == timeline.NoLatest:
			return none, false // no date at either end: refused
		case a.Lo != timeline.NoEarliest && b.Hi != timeline.NoLatest && b.Hi < a.Lo:
			return none, false // ends before it starts: refused
		}
		return timeline.Bounds{Lo: a.Lo, Hi: b.Hi}, true
	}
	return plainSingle(v)
}

// plainEnd is plainBounds of one end of an interval: ".." (open) and ""
// (unknown) have no bound.
func plainEnd(v []byte) (timeline.Bounds, bool) {
	if len(v) == 0 || string(v) == ".." {
		return timeline.Bounds{Lo: timeline.NoEarliest, Hi: timeline.NoLatest}, true
	}
	return plainSingle(v)
}

// plainSingle is plainBounds of a date that is no interval.
func plainSingle(v []byte) (timeline.Bounds, bool) {
	if n := len(v); n > 0 && (v[n-1] == '?' || v[n-1] == '~' || v[n-1] == '%') {
		v = v[:n-1]
	}
	neg := len(v) > 0 && v[0] == '-'
	if neg {
		v = v[1:]
	}
	if len(v) != 4 && len(v) != 7 && len(v) != 10 {
		return timeline.Bounds{}, false
	}
	y, ok := digits(v[0:4])
	if !ok || neg && y == 0 {
		return timeline.Bounds{}, false
	}
	year := int64(y)
	if neg {
		year = -year
	}
	if len(v) == 4 {
		return timeline.Bounds{Lo: timeline.DayOf(year, 1, 1), Hi: timeline.DayOf(year, 12, 31)}, true
	}
	m, ok := digits(v[5:7])
	if v[4] != '-' || !ok || m < 1 || m > 12 {
		return timeline.Bounds{}, false
	}
	if len(v) == 7 {
		last := 31
		for !timeline.ValidDate(year, m, last) {
			last--
		}
		return timeline.Bounds{Lo: timeline.DayOf(year, m, 1), Hi: timeline.DayOf(year, m, last)}, true
	}
	d, ok := digits(v[8:10])
	if v[7] != '-' || !ok || !timeline.ValidDate(year, m, d) {
		return timeline.Bounds{}, false
	}
	day := timeline.DayOf(year, m, d)
	return timeline.Bounds{Lo: day, Hi: day}, true
}

// digits reads a run of decimal digits.
func digits(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func statusOf(v []byte) timeline.Status {
	switch string(v) {
	case "reported":
		return timeline.StatusReported
	case "alleged":
		return timeline.StatusAlleged
	case "expected":
		return timeline.StatusExpected
	}
	return timeline.StatusOccurred
}

func actorIndex(actors map[string]int32, id []byte) int32 {
	if a, ok := actors[string(id)]; ok {
		return a
	}
	return -1
}

// texts skims an event line for its searchable text and calls fn with k
// and its title, its summary and each citation's quote, in that order,
// whatever the order of the fields, until fn returns false. The string
// given to fn is a view of the line or of the scratch buffer, valid only
// during the call.
//
// It is search's hot path, so it does not walk the line as columns does,
// value by value, but reads it once, byte by byte between strings (which
// it crosses eight bytes at a time), keeping only its depth, which of
// its containers are objects, and the key it is under at the top and in
// a citation.
func (s *skimmer) texts(line []byte, k int, fn func(k int, s string) bool) {
	s.reset(line)
	s.space()
	b := s.b
	if s.i >= len(b) || b[s.i] != '{' {
		return
	}
	const (
		other = iota
		title
		summary
		citations
	)
	var (
		depth     = 0
		objects   uint64 // bit d: the container at depth d is an object
		expectKey bool
		top       = other // the key at depth 1
		inCites   bool    // in the list of citations (depth 2)
		isQuote   bool    // the key at depth 3 is "quote"
		titleDone bool
		// A summary or citations met before what goes first are read at
		// the end, from these spans.
		sumStart, citeStart = -1, -1
		summaryDone         bool
	)
	i := s.i
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			// rawString, inlined: a line has some twenty strings.
			start, end, esc := i+1, i+1, false
			for {
				end = quoteOrEscape(b, end)
				if end >= len(b) {
					return
				}
				if b[end] == '"' {
					break
				}
				esc = true
				end += 2
			}
			i = end + 1
			if expectKey {
				expectKey = false
				key := b[start:end]
				if esc {
					s.keyBuf = unescapeInto(s.keyBuf[:0], key)
					key = s.keyBuf
				}
				switch depth {
				case 1:
					switch string(key) {
					case "title":
						top = title
					case "summary":
						top = summary
					case "citations":
						top = citations
					default:
						top = other
					}
				case 3:
					isQuote = string(key) == "quote"
				}
				continue
			}
			switch {
			case depth == 1 && top == title:
				titleDone = true
				if !s.emit(fn, k, start, end, esc) {
					return
				}
			case depth == 1 && top == summary:
				if !titleDone {
					sumStart = start - 1
					continue
				}
				summaryDone = true
				if !s.emit(fn, k, start, end, esc) {
					return
				}
			case depth == 3 && inCites && isQuote && objects&(1<<3) != 0:
				if !s.emit(fn, k, start, end, esc) {
					return
				}
			}
			continue
		case '{', '[':
			depth++
			if depth < 64 {
				if c == '{' {
					objects |= 1 << depth
				} else {
					objects &^= 1 << depth
				}
			}
			expectKey = c == '{'
			if depth == 2 {
				inCites = c == '[' && top == citations
				if inCites && (!titleDone || !summaryDone) {
					// Quotes come after the title and summary, which may
					// follow: read the list at the end.
					citeStart = i
					s.i = i
					if !s.skipNested() {
						return
					}
					i, depth, inCites = s.i, 1, false
					continue
				}
			}
		case '}', ']':
			depth--
			expectKey = false
			if depth <= 0 {
				i = len(b)
				continue
			}
		case ',':
			expectKey = depth < 64 && objects&(1<<depth) != 0
		case ':':
			expectKey = false
		}
		i++
	}
	if sumStart >= 0 {
		s.i = sumStart
		if v, ok := s.str(&s.scratch); ok && !call(fn, k, v) {
			return
		}
	}
	if citeStart >= 0 {
		s.b, s.i = b, citeStart+1
		s.quotes(k, fn)
	}
}

// emit calls fn with the string b[start:end] of the line, unescaped.
func (s *skimmer) emit(fn func(k int, s string) bool, k, start, end int, esc bool) bool {
	v := s.b[start:end]
	if esc {
		s.scratch = unescapeInto(s.scratch[:0], v)
		v = s.scratch
	}
	return call(fn, k, v)
}

// quotes calls fn with the quote of each citation of the list at s.i,
// after its '['.
func (s *skimmer) quotes(k int, fn func(k int, s string) bool) {
	for s.more(']') {
		if s.b[s.i] != '{' {
			if !s.skip() {
				return
			}
			continue
		}
		s.i++
		for s.more('}') {
			key, ok := s.key()
			if !ok {
				return
			}
			if string(key) == "quote" {
				if v, ok := s.str(&s.scratch); ok {
					if !call(fn, k, v) {
						return
					}
					continue
				}
			}
			if !s.skip() {
				return
			}
		}
	}
}

// call gives fn a view of v, without a copy: fn may not keep it.
func call(fn func(k int, s string) bool, k int, v []byte) bool {
	if len(v) == 0 {
		return fn(k, "")
	}
	return fn(k, unsafe.String(&v[0], len(v)))
}

// id skims an event line for its id, unescaped, valid until the next call.
func (s *skimmer) id(line []byte) ([]byte, bool) {
	s.reset(line)
	if !s.open('{') {
		return nil, false
	}
	for s.more('}') {
		key, ok := s.key()
		if !ok {
			return nil, false
		}
		if string(key) == "id" {
			if v, ok := s.str(&s.scratch); ok {
				return v, true
			}
		}
		if !s.skip() {
			return nil, false
		}
	}
	return nil, false
}

// unescapeInto appends the JSON string content raw, unescaped, to out. A
// malformed escape is kept as written and a lone surrogate becomes
// U+FFFD: the skimmer reads text to search it, and Event reports what is
// wrong with the line.
func unescapeInto(out, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			out = append(out, c)
			i++
			continue
		}
		if r, ok := schema.SimpleEscape(raw[i+1]); ok {
			out = append(out, r)
			i += 2
			continue
		}
		r, ok := hex4(raw, i)
		if !ok {
			out = append(out, c)
			i++
			continue
		}
		i += 6
		if utf16.IsSurrogate(r) {
			if r2, ok := hex4(raw, i); ok {
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
					i += 6
				}
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// hex4 reads the escape \uXXXX at raw[i:].
func hex4(raw []byte, i int) (rune, bool) {
	if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, h := range raw[i+2 : i+6] {
		var v byte
		switch {
		case '0' <= h && h <= '9':
			v = h - '0'
		case 'a' <= h && h <= 'f':
			v = h - 'a' + 10
		case 'A' <= h && h <= 'F':
			v = h - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}
