package timeline

import (
	"errors"
	"strings"
	"testing"
)

// boundsText formats a Date's bounds as "lo..hi", with "?" for a bound that is
// not ok, so that tables read like the spec.
func boundsText(d Date) string {
	s := "?"
	if lo, ok := d.Earliest(); ok {
		s = lo.String()
	}
	s += ".."
	if hi, ok := d.Latest(); ok {
		return s + hi.String()
	}
	return s + "?"
}

func TestParseDateValid(t *testing.T) {
	const A, U = "~", "?" // qualifier columns, read as flags below
	tests := []struct {
		in    string
		span  string
		prec  Precision
		quals string // which of "~" and "?" the Date reports
	}{
		// Level 0.
		{"2024-02-20", "2024-02-20..2024-02-20", PrecisionDay, ""},
		{"2023-09", "2023-09-01..2023-09-30", PrecisionMonth, ""},
		{"2024-02", "2024-02-01..2024-02-29", PrecisionMonth, ""},
		{"1900-02", "1900-02-01..1900-02-28", PrecisionMonth, ""},
		{"2000-02-29", "2000-02-29..2000-02-29", PrecisionDay, ""},
		{"2017", "2017-01-01..2017-12-31", PrecisionYear, ""},
		{"0000", "0000-01-01..0000-12-31", PrecisionYear, ""},
		{"0044", "0044-01-01..0044-12-31", PrecisionYear, ""},
		{"-0044", "-0044-01-01..-0044-12-31", PrecisionYear, ""},
		{"-1985", "-1985-01-01..-1985-12-31", PrecisionYear, ""},
		{"-0004-02-29", "-0004-02-29..-0004-02-29", PrecisionDay, ""},
		{"-0999", "-0999-01-01..-0999-12-31", PrecisionYear, ""},
		{"2024-02-20T10:30:00Z", "2024-02-20..2024-02-20", PrecisionSecond, ""},
		{"2024-02-20T23:59:59+05:30", "2024-02-20..2024-02-20", PrecisionSecond, ""},
		{"2024-02-20T00:00:00-08", "2024-02-20..2024-02-20", PrecisionSecond, ""},
		{"2001-02-03T09:30:01", "2001-02-03..2001-02-03", PrecisionSecond, ""},
		{"2016-05-02T16:54:59+14:00", "2016-05-02..2016-05-02", PrecisionSecond, ""},
		{"2016-05-02T16:54:59-12:00", "2016-05-02..2016-05-02", PrecisionSecond, ""},
		{"2016-05-02T16:54:59-00:15", "2016-05-02..2016-05-02", PrecisionSecond, ""},
		{"1964/2008", "1964-01-01..2008-12-31", PrecisionInterval, ""},
		{"2004-02-01/2005-02", "2004-02-01..2005-02-28", PrecisionInterval, ""},
		{"2005/2006-02", "2005-01-01..2006-02-28", PrecisionInterval, ""},
		{"-2005/-1999-02", "-2005-01-01..-1999-02-28", PrecisionInterval, ""},
		{"2024/2024-03", "2024-01-01..2024-03-31", PrecisionInterval, ""}, // overlapping ends are fine
		{"2024-02-20/2024-02-20", "2024-02-20..2024-02-20", PrecisionInterval, ""},
		// Level 1: qualifiers never widen the bounds.
		{"1984?", "1984-01-01..1984-12-31", PrecisionYear, U},
		{"2017~", "2017-01-01..2017-12-31", PrecisionYear, A},
		{"1984%", "1984-01-01..1984-12-31", PrecisionYear, A + U},
		{"2004-06-11?", "2004-06-11..2004-06-11", PrecisionDay, U},
		{"2004-06~", "2004-06-01..2004-06-30", PrecisionMonth, A},
		{"-0275~", "-0275-01-01..-0275-12-31", PrecisionYear, A},
		// Unspecified digits widen bounds, not precision.
		{"201X", "2010-01-01..2019-12-31", PrecisionYear, ""},
		{"20XX", "2000-01-01..2099-12-31", PrecisionYear, ""},
		{"000X", "0000-01-01..0009-12-31", PrecisionYear, ""},
		{"2004-XX", "2004-01-01..2004-12-31", PrecisionMonth, ""},
		{"1985-04-XX", "1985-04-01..1985-04-30", PrecisionDay, ""},
		{"2024-02-XX", "2024-02-01..2024-02-29", PrecisionDay, ""},
		{"1985-XX-XX", "1985-01-01..1985-12-31", PrecisionDay, ""},
		{"201X?", "2010-01-01..2019-12-31", PrecisionYear, U},
		{"1985-04-XX~", "1985-04-01..1985-04-30", PrecisionDay, A},
		// Seasons (see TestSeasons for all four).
		{"2024-21", "2024-03-01..2024-05-31", PrecisionSeason, ""},
		{"2024-24", "2024-12-01..2025-02-28", PrecisionSeason, ""},
		// Long years.
		{"Y170000002", "170000002-01-01..170000002-12-31", PrecisionYear, ""},
		{"Y-170000002", "-170000002-01-01..-170000002-12-31", PrecisionYear, ""},
		{"Y10000", "10000-01-01..10000-12-31", PrecisionYear, ""},
		{"Y-10000", "-10000-01-01..-10000-12-31", PrecisionYear, ""},
		{"Y999999999999", "999999999999-01-01..999999999999-12-31", PrecisionYear, ""},
		// Extended intervals.
		{"2004-06~/2006-08?", "2004-06-01..2006-08-31", PrecisionInterval, A + U},
		{"1984~/2004-06", "1984-01-01..2004-06-30", PrecisionInterval, A},
		{"1984?/2004%", "1984-01-01..2004-12-31", PrecisionInterval, A + U},
		{"../2021", "?..2021-12-31", PrecisionInterval, ""},
		{"2024-02-20/..", "2024-02-20..?", PrecisionInterval, ""},
		{"/2024", "?..2024-12-31", PrecisionInterval, ""},
		{"2024/", "2024-01-01..?", PrecisionInterval, ""},
		{"1984-06-02?/", "1984-06-02..?", PrecisionInterval, U},
		{"../2004-06~", "?..2004-06-30", PrecisionInterval, A},
		{"2010/2024-21", "2010-01-01..2024-05-31", PrecisionInterval, ""},
		{"Y-170000002/-0044", "-170000002-01-01..-0044-12-31", PrecisionInterval, ""},
		{"2023-24/2024-02", "2023-12-01..2024-02-29", PrecisionInterval, ""},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got := boundsText(d); got != tt.span {
			t.Errorf("ParseDate(%q) bounds %s, want %s", tt.in, got, tt.span)
		}
		if got := d.Precision(); got != tt.prec {
			t.Errorf("ParseDate(%q).Precision() = %v, want %v", tt.in, got, tt.prec)
		}
		if got, want := d.Approximate(), strings.Contains(tt.quals, A); got != want {
			t.Errorf("ParseDate(%q).Approximate() = %v, want %v", tt.in, got, want)
		}
		if got, want := d.Uncertain(), strings.Contains(tt.quals, U); got != want {
			t.Errorf("ParseDate(%q).Uncertain() = %v, want %v", tt.in, got, want)
		}
		if got, want := d.IsInterval(), tt.prec == PrecisionInterval; got != want {
			t.Errorf("ParseDate(%q).IsInterval() = %v, want %v", tt.in, got, want)
		}
		if d.String() != tt.in || d.IsZero() {
			t.Errorf("ParseDate(%q): String() = %q, IsZero() = %v", tt.in, d.String(), d.IsZero())
		}
	}
}

func TestParseDateInvalid(t *testing.T) {
	tests := []struct{ in, reason string }{
		{"", "empty"},
		{" 2024", "whitespace"},
		{"2024\n", "whitespace"},
		{"2024 / 2025", "whitespace"},
		{strings.Repeat("1", 65), "longer"},
		// Level 2.
		{"2004?-06", "level 2"},
		{"2004-06~-11", "level 2"},
		{"2004-06-~11", "level 2"},
		{"2004-?06", "level 2"},
		{"?2004", "level 2"},
		{"Y17E7", "exponential"},
		{"Y-17E7", "exponential"},
		{"1950S2", "significant digits"},
		{"Y170000002S3", "significant digits"},
		{"[1667,1668]", "sets"},
		{"{1960,1961}", "sets"},
		{"[..1760-12-03]", "sets"},
		{"2001-25", "level 2"},
		{"2001-41", "level 2"},
		{"156X-12-25", "level 2"},
		{"15XX-12-XX", "level 2"},
		{"1X85", "rightmost"},
		{"X985", "rightmost"},
		{"2004-X1", "partly unspecified month"},
		{"2004-1X", "partly unspecified month"},
		{"1985-04-X1", "partly unspecified day"},
		{"1560-XX-25", "known day in an unspecified month"},
		{"2XXX", "last one or two"},
		{"XXXX", "last one or two"},
		{"-201X", "negative"},
		// 2012 draft and older syntax.
		{"201u", "2012 draft"},
		{"2004-uu", "2012 draft"},
		{"2004?~", "2012 draft"},
		{"2004~?", "2012 draft"},
		{"2004??", "one qualifier"},
		{"2004%~", "one qualifier"},
		{"2004-06-11/open", "2012 draft"},
		{"unknown/2004", "2012 draft"},
		{"open", "2012 draft"},
		{"2004-(06)?-11", "parentheses"},
		{"201x", "capital"},
		// Basic format and long years.
		{"20240220", "basic format"},
		{"202402", "basic format"},
		{"12345", "\"Y\" prefix"},
		{"-12345", "\"Y\" prefix"},
		{"Y2024", "'Y' is only for years of more than four digits"},
		{"Y-9999", "'Y' is only for years of more than four digits"},
		{"Y00001", "leading zeros"},
		{"Y", "digits"},
		{"Y17000-01", "no month"},
		{"Y1700X", "no unspecified"},
		{"Y1234567890123", "out of range"},
		{"Y12345a", "unexpected 'a'"},
		// Impossible dates and malformed components.
		{"2023-02-29", "2023-02 has 28 days"},
		{"1900-02-29", "1900-02 has 28 days"},
		{"2016-04-31", "2016-04 has 30 days"},
		{"-0043-02-29", "-0043-02 has 28 days"},
		{"-0001-02-29", "-0001-02 has 28 days"},
		{"2024-13", "month 13 does not exist"},
		{"2024-00", "month 00 does not exist"},
		{"2024-20", "month 20 does not exist"},
		{"2024-42", "month 42 does not exist"},
		{"2024-01-32", "day 32 does not exist"},
		{"2024-01-00", "day 00 does not exist"},
		{"2024-2", "two digits"},
		{"2024-123", "two digits"},
		{"2024-02-200", "two digits"},
		{"2024-", "two digits"},
		{"202", "four digits"},
		{"-44", "four digits"},
		{"-0000", "-0000"},
		{"-0000-01-01", "-0000"},
		{"2024-21-01", "season takes no day"},
		{"2024-21x", "unexpected 'x'"},
		{"2024-02-20T10:30:00Zx", "unexpected 'x'"},
		{"2024-02-20T10:30:00Z+01", "unexpected '+'"},
		{"abc", "four-digit year"},
		{"2024a", "unexpected 'a'"},
		{"2024x", "capital"},
		{"2024–2025", "unexpected '–'"},
		{"2024/2025/2026", "one \"/\""},
		{"~", "needs a date"},
		{"..", "open end"},
		// Date-times.
		{"2024-02-20T10:30", "hh:mm:ss"},
		{"2024-02-20T24:00:00", "hour 24"},
		{"2024-02-20T10:60:00", "minute 60"},
		{"2024-02-20T10:30:60", "second 60"},
		{"2024-02-20T10:30:00.5Z", "fractional"},
		{"2024-02-20T10:30:00+0530", "±hh:mm"},
		{"2024-02-20T10:30:00+5", "offset is Z"},
		{"2024-02-20T10:30:00+15:00", "out of range"},
		{"2024-02-20T10:30:00-12:01", "out of range"},
		{"2024-02-20T10:30:00+05:60", "out of range"},
		{"2024-02-20T10:30:00-00:00", "-00:00"},
		{"2024-02-20T10:30:00z", "unexpected 'z'"},
		{"2024-02-20T10:30:00Z?", "date-time"},
		{"2024-02T10:30:00Z", "full date"},
		{"2024-02-XXT10:30:00Z", "full date"},
		{"2024-02-20t10:30:00Z", "unexpected 't'"},
		// Intervals.
		{"2024/2023", "ends (2023-12-31) before it starts (2024-01-01)"},
		{"2024-02-20/2024-02-19", "before it starts"},
		{"2004-06-01/2004-05", "before it starts"},
		{"../..", "a date at one end"},
		{"/", "a date at one end"},
		{"/..", "a date at one end"},
		{"../", "a date at one end"},
		{"2024-13/2025", "start: month 13"},
		{"2024/2025-02-30", "end: 2025-02 has 28 days"},
		{"2024-02-20T10:30:00Z/2025", "time of day"},
		{".../2024", "start: a date starts with a four-digit year"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		var de *DateError
		if !errors.As(err, &de) {
			t.Errorf("ParseDate(%q) = %q, %v; want a *DateError", tt.in, d.String(), err)
			continue
		}
		if de.Input != tt.in || !strings.Contains(de.Reason, tt.reason) || !strings.HasSuffix(err.Error(), ": "+de.Reason) {
			t.Errorf("ParseDate(%q): error %q, want reason containing %q", tt.in, err, tt.reason)
		}
		if !d.IsZero() {
			t.Errorf("ParseDate(%q) returned non-zero Date %q with an error", tt.in, d.String())
		}
	}
}

func TestSeasons(t *testing.T) {
	tests := []struct{ in, span string }{
		{"2024-21", "2024-03-01..2024-05-31"},
		{"2024-22", "2024-06-01..2024-08-31"},
		{"2024-23", "2024-09-01..2024-11-30"},
		{"2024-24", "2024-12-01..2025-02-28"}, // winter runs into the next year
		{"2023-24", "2023-12-01..2024-02-29"}, // ... to its leap day
		{"1899-24", "1899-12-01..1900-02-28"}, // 1900 is not a leap year
		{"-0001-24", "-0001-12-01..0000-02-29"},
		{"9999-24", "9999-12-01..10000-02-29"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got := boundsText(d); got != tt.span || d.Precision() != PrecisionSeason {
			t.Errorf("ParseDate(%q) = %s (%v), want %s (season)", tt.in, got, d.Precision(), tt.span)
		}
	}
}

func TestDateEnds(t *testing.T) {
	tests := []struct {
		in                 string
		startKind, endKind EndKind
		start, end         string // String of Start and End
	}{
		{"2024-02-20", EndDate, EndDate, "2024-02-20", "2024-02-20"},
		{"2004-06~/2006-08?", EndDate, EndDate, "2004-06~", "2006-08?"},
		{"../2021", EndOpen, EndDate, "", "2021"},
		{"2024-02-20/..", EndDate, EndOpen, "2024-02-20", ""},
		{"/2024", EndUnknown, EndDate, "", "2024"},
		{"2024/", EndDate, EndUnknown, "2024", ""},
	}
	for _, tt := range tests {
		d := MustParseDate(tt.in)
		if d.StartKind() != tt.startKind || d.EndKind() != tt.endKind {
			t.Errorf("%q: kinds %d/%d, want %d/%d", tt.in, d.StartKind(), d.EndKind(), tt.startKind, tt.endKind)
		}
		s, e := d.Start(), d.End()
		if s.String() != tt.start || e.String() != tt.end {
			t.Errorf("%q: Start %q End %q, want %q %q", tt.in, s, e, tt.start, tt.end)
		}
		// An end must be the very Date its own text parses to.
		for _, part := range []Date{s, e} {
			if part.IsZero() {
				continue
			}
			if again := MustParseDate(part.String()); again != part {
				t.Errorf("%q: end %q differs from its re-parse", tt.in, part)
			}
			if part.IsInterval() {
				t.Errorf("%q: end %q reports IsInterval", tt.in, part)
			}
		}
	}
	var zero Date
	if _, ok := zero.Earliest(); ok {
		t.Error("zero Date has an earliest day")
	}
	if _, ok := zero.Latest(); ok {
		t.Error("zero Date has a latest day")
	}
	if zero.Precision() != PrecisionNone || zero.StartKind() != EndUnknown || zero.EndKind() != EndUnknown ||
		zero.Human() != "" || zero.Approximate() || zero.Uncertain() || !zero.Start().IsZero() {
		t.Error("zero Date is not undated in every respect")
	}
}

func TestDateOverlaps(t *testing.T) {
	tests := []struct {
		a, b string // "" is the zero Date
		want bool
	}{
		{"2024", "2024-02-20", true},
		{"2024-02-20", "2024-02-21", false},
		{"2024-02", "2024-02-29", true},
		{"2023", "2024", false},
		{"2023-24", "2024-01", true}, // winter crosses into January
		{"2023-24", "2024-03", false},
		{"2023-12-31/2024-01-01", "2024-01-01", true},
		{"../2021", "1000", true},
		{"../2021", "2022", false},
		{"2024-02-20/..", "Y170000002", true},
		{"2024-02-20/..", "2024-02-19", false},
		{"/2024", "2024-12-31", true},
		{"/2024", "2025", false},
		{"2024/", "../2024-01-01", true},
		{"2024/", "../2023", false},
		{"201X", "2019-12-31", true},
		{"201X", "2020", false},
		{"2024~", "2023", false}, // qualifiers do not widen
		{"", "2024", false},
		{"", "", false},
	}
	for _, tt := range tests {
		var a, b Date
		if tt.a != "" {
			a = MustParseDate(tt.a)
		}
		if tt.b != "" {
			b = MustParseDate(tt.b)
		}
		if got := a.Overlaps(b); got != tt.want {
			t.Errorf("%q.Overlaps(%q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := b.Overlaps(a); got != tt.want {
			t.Errorf("%q.Overlaps(%q) = %v, want %v (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}
