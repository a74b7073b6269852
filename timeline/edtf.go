package timeline

// STUB: replaced by the EDTF implementation. The exported API below is the
// contract other packages code against.

import "errors"

// Date is a parsed EDTF date or interval. The zero Date means "undated".
type Date struct {
	raw string
}

// DateError explains why a string is not an accepted EDTF date.
type DateError struct {
	Input  string
	Reason string
}

func (e *DateError) Error() string { return "invalid EDTF date " + quote(e.Input) + ": " + e.Reason }

func quote(s string) string { return "\"" + s + "\"" }

// ParseDate parses EDTF level 0 or 1. An empty string is an error.
func ParseDate(s string) (Date, error) { return Date{}, errors.New("unimplemented") }

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

// Human formats d for people: "2017", "Sep 2023", "20 Feb 2024", "c. 2017",
// "2017?", "1–20 Feb 2024", "after 20 Feb 2024", "44 BCE".
func (d Date) Human() string { return d.raw }

// Precision of the date; PrecisionInterval for intervals.
func (d Date) Precision() Precision { return PrecisionNone }

// Earliest is the first day d can denote; ok is false for an open or unknown start.
func (d Date) Earliest() (day Day, ok bool) { return 0, false }

// Latest is the last day d can denote; ok is false for an open or unknown end.
func (d Date) Latest() (day Day, ok bool) { return 0, false }

// Approximate reports "~" or "%" on the date or on either end of an interval.
func (d Date) Approximate() bool { return false }

// Uncertain reports "?" or "%" on the date or on either end of an interval.
func (d Date) Uncertain() bool { return false }

// IsInterval reports whether d is an interval.
func (d Date) IsInterval() bool { return false }

// Start returns the start of an interval (zero Date when open or unknown), or d itself.
func (d Date) Start() Date { return d }

// End returns the end of an interval (zero Date when open or unknown), or d itself.
func (d Date) End() Date { return d }

// StartKind returns what the start of an interval is; EndDate for a single date.
func (d Date) StartKind() EndKind { return EndDate }

// EndKind returns what the end of an interval is; EndDate for a single date.
func (d Date) EndKind() EndKind { return EndDate }

// Overlaps reports whether d and o share at least one day. Open and unknown
// ends count as unbounded; the zero Date overlaps nothing.
func (d Date) Overlaps(o Date) bool { return false }

func dayOf(year int64, month, day int) Day { return 0 }
func civil(d Day) (int64, int, int)        { return 0, 0, 0 }
func formatDay(d Day) string               { return "" }
