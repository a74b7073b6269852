package timeline

import "math"

// qual holds the qualifiers of one date: "?" sets qualUncertain, "~" sets
// qualApproximate and "%" sets both.
type qual uint8

const (
	qualUncertain qual = 1 << iota
	qualApproximate
)

// bound is what a Date keeps of one end: its strict first and last day, its
// precision and qualifiers. A single date stores itself as both ends, so
// Earliest and Latest read the same fields for dates and intervals.
type bound struct {
	lo, hi Day
	kind   EndKind
	prec   Precision
	q      qual
}

// Date is a parsed EDTF date or interval. The zero Date means "undated".
//
// A Date keeps the text it was parsed from and the bounds derived from it,
// in plain fields: it is cheap to copy and comparable with ==, and two Dates
// parsed from the same text are equal.
type Date struct {
	raw        string
	start, end bound
	slash      uint8 // index of '/' in raw; meaningful only for an interval
	interval   bool
}

// DateError explains why a string is not an accepted EDTF date.
type DateError struct {
	Input  string
	Reason string
}

func (e *DateError) Error() string { return "invalid EDTF date " + quote(e.Input) + ": " + e.Reason }

func quote(s string) string { return "\"" + s + "\"" }

// maxDateLen bounds the input. The longest accepted forms (a date-time with
// an offset, or an interval of two qualified long years) are about 30 bytes;
// the limit also lets a Date store the '/' position in a byte.
const maxDateLen = 64

// ParseDate parses EDTF level 0 or 1. An empty string is an error.
//
// Accepted: "2024-02-20", "2023-09", "2017"; date-times such as
// "2024-02-20T10:30:00Z", "…+05:30" or "…-08" (day bounds as written, no
// time-zone shift; precision second); one qualifier at the end of a whole
// date ("?" uncertain, "~" approximate, "%" both); "X" for the last one or
// two year digits ("201X", "20XX") or a whole month or day ("2004-XX",
// "1985-04-XX", "1985-XX-XX"), which widens the bounds but keeps the
// precision of the form; seasons 21–24 (spring Mar–May, summer Jun–Aug,
// autumn Sep–Nov, winter 1 Dec to the end of February of the next year);
// long years "Y170000002" and "Y-170000002" (more than four digits, up to
// twelve); negative years ("-0044", four digits at least; "0000" is 1 BCE);
// intervals "start/end" of any of these but date-times, with ".." for an
// open end and an empty end for an unknown one.
//
// Rejected with a *DateError whose Reason says why: level 2 forms, the 2012
// draft syntax ("u", "?~", "open", "unknown"), basic format ("20240220"),
// days and months that do not exist, years of more than four digits
// without "Y", intervals that end before they start (the end's last day
// before the start's first day), and intervals with no date at either end
// ("../..", "/", "/.."): they say nothing, so leave the date out instead.
//
// ParseDate allocates nothing when it succeeds; the Date refers to s.
func ParseDate(s string) (Date, error) {
	d, why := parse(s)
	if why != "" {
		return Date{}, &DateError{Input: s, Reason: why}
	}
	return d, nil
}

// MustParseDate is ParseDate for literals known to be valid; it panics otherwise.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date (undated).
func (d Date) IsZero() bool { return d.raw == "" }

// String returns the EDTF text.
func (d Date) String() string { return d.raw }

// Precision of the date; PrecisionInterval for intervals.
// The zero Date has PrecisionNone.
func (d Date) Precision() Precision {
	switch {
	case d.raw == "":
		return PrecisionNone
	case d.interval:
		return PrecisionInterval
	}
	return d.start.prec
}

// Earliest is the first day d can denote; ok is false for an open or unknown start.
// Qualifiers do not widen it; "X" digits and seasons do. ok is also false
// for the zero Date.
func (d Date) Earliest() (day Day, ok bool) {
	if d.raw == "" || d.start.kind != EndDate {
		return 0, false
	}
	return d.start.lo, true
}

// Latest is the last day d can denote; ok is false for an open or unknown end.
// Like Earliest, it is strict, and ok is false for the zero Date.
func (d Date) Latest() (day Day, ok bool) {
	if d.raw == "" || d.end.kind != EndDate {
		return 0, false
	}
	return d.end.hi, true
}

// Approximate reports "~" or "%" on the date or on either end of an interval.
func (d Date) Approximate() bool { return (d.start.q|d.end.q)&qualApproximate != 0 }

// Uncertain reports "?" or "%" on the date or on either end of an interval.
func (d Date) Uncertain() bool { return (d.start.q|d.end.q)&qualUncertain != 0 }

// IsInterval reports whether d is an interval.
func (d Date) IsInterval() bool { return d.interval }

// Start returns the start of an interval (zero Date when open or unknown), or d itself.
// The start's String is its own text, so Start of "2004-06~/2006" is "2004-06~".
func (d Date) Start() Date {
	if !d.interval {
		return d
	}
	if d.start.kind != EndDate {
		return Date{}
	}
	return Date{raw: d.raw[:d.slash], start: d.start, end: d.start}
}

// End returns the end of an interval (zero Date when open or unknown), or d itself.
func (d Date) End() Date {
	if !d.interval {
		return d
	}
	if d.end.kind != EndDate {
		return Date{}
	}
	return Date{raw: d.raw[d.slash+1:], start: d.end, end: d.end}
}

// StartKind returns what the start of an interval is; EndDate for a single date.
// The zero Date has EndUnknown at both ends.
func (d Date) StartKind() EndKind {
	if d.raw == "" {
		return EndUnknown
	}
	return d.start.kind
}

// EndKind returns what the end of an interval is; EndDate for a single date.
func (d Date) EndKind() EndKind {
	if d.raw == "" {
		return EndUnknown
	}
	return d.end.kind
}

// Overlaps reports whether d and o share at least one day. Open and unknown
// ends count as unbounded; the zero Date overlaps nothing.
func (d Date) Overlaps(o Date) bool {
	if d.raw == "" || o.raw == "" {
		return false
	}
	dlo, dhi := d.span()
	olo, ohi := o.span()
	return dlo <= ohi && olo <= dhi
}

// span returns d's bounds with open and unknown ends as the extreme Days.
func (d Date) span() (lo, hi Day) {
	lo, hi = math.MinInt64, math.MaxInt64
	if d.start.kind == EndDate {
		lo = d.start.lo
	}
	if d.end.kind == EndDate {
		hi = d.end.hi
	}
	return lo, hi
}

// parse does the work of ParseDate, returning a reason instead of an error
// so that the success path allocates nothing.
func parse(s string) (Date, string) {
	switch {
	case s == "":
		return Date{}, "empty (leave the date out for an undated event)"
	case len(s) > maxDateLen:
		return Date{}, "longer than any EDTF date"
	case isSpace(s[0]) || isSpace(s[len(s)-1]):
		return Date{}, "leading or trailing whitespace"
	}
	slash := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isSpace(c):
			return Date{}, "whitespace inside a date"
		case c == '/':
			if slash >= 0 {
				return Date{}, "an interval has exactly one \"/\""
			}
			slash = i
		case c == '[' || c == ']' || c == '{' || c == '}':
			return Date{}, "sets (\"[…]\" one of, \"{…}\" all of) are EDTF level 2"
		case c == '(' || c == ')':
			return Date{}, "parentheses are pre-2019 draft syntax; put one qualifier at the end of the date"
		}
	}
	if slash < 0 {
		b, why := parseEnd(s, false)
		if why != "" {
			return Date{}, why
		}
		return Date{raw: s, start: b, end: b}, ""
	}
	sb, why := parseEnd(s[:slash], true)
	if why != "" {
		return Date{}, "start: " + why
	}
	eb, why := parseEnd(s[slash+1:], true)
	if why != "" {
		return Date{}, "end: " + why
	}
	if sb.kind != EndDate && eb.kind != EndDate {
		return Date{}, "an interval needs a date at one end at least (leave the date out for an undated event)"
	}
	if sb.kind == EndDate && eb.kind == EndDate && eb.hi < sb.lo {
		return Date{}, "the interval ends (" + formatDay(eb.hi) + ") before it starts (" + formatDay(sb.lo) + ")"
	}
	return Date{raw: s, start: sb, end: eb, slash: uint8(slash), interval: true}, ""
}

// parseEnd parses a single date, or one end of an interval when inInterval.
func parseEnd(t string, inInterval bool) (bound, string) {
	switch t {
	case "": // parse has already refused an empty single date
		return bound{kind: EndUnknown}, ""
	case "..":
		if inInterval {
			return bound{kind: EndOpen}, ""
		}
		return bound{}, "\"..\" marks an open end of an interval, as in \"../2021\" or \"2021/..\""
	case "open", "unknown":
		return bound{}, "\"open\" and \"unknown\" are 2012 draft syntax; write \"..\" for an open end or leave an unknown end empty"
	}
	p, why := parseSingle(t)
	if why != "" {
		return bound{}, why
	}
	if inInterval && p.hasTime {
		return bound{}, "an interval end cannot have a time of day"
	}
	// Level 1 allows "X" digits in a single date only; EDTF 2019 (and
	// edtf.js, python-edtf) put them inside an interval at level 2.
	if inInterval && (p.yearX > 0 || p.monthX || p.dayX) {
		return bound{}, "unspecified digits (\"X\") in an interval end are EDTF level 2; give the interval's ends as dates or use one date with X digits"
	}
	if p.season != 0 && p.q != 0 {
		return bound{}, "a qualified season (\"~\", \"?\" or \"%\" on 21–24) is EDTF level 2"
	}
	lo, hi := p.bounds()
	return bound{lo: lo, hi: hi, kind: EndDate, prec: p.prec, q: p.q}, ""
}

// isSpace reports ASCII whitespace; other bytes are caught as unexpected
// characters by the parser.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
