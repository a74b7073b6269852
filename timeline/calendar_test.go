package timeline

import (
	"math"
	"testing"
	"time"
)

// TestDayOfMatchesTime checks DayOf against the standard library, which uses
// the same proleptic Gregorian calendar, for every day of years around
// leap-rule edges, year 0 and negative years.
func TestDayOfMatchesTime(t *testing.T) {
	for _, y := range []int64{-401, -400, -101, -100, -5, -4, -1, 0, 1, 4, 100, 399, 400, 1582, 1900, 1969, 1970, 2000, 2024, 2100, 9999} {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d++ {
				ref := time.Date(int(y), time.Month(m), d, 0, 0, 0, 0, time.UTC)
				if ref.Day() != d { // time normalised an impossible date
					if ValidDate(y, m, d) {
						t.Errorf("ValidDate(%d, %d, %d) = true, time says no such day", y, m, d)
					}
					continue
				}
				if !ValidDate(y, m, d) {
					t.Errorf("ValidDate(%d, %d, %d) = false", y, m, d)
				}
				want := Day(math.Floor(float64(ref.Unix()) / 86400))
				if got := DayOf(y, m, d); got != want {
					t.Errorf("DayOf(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
			}
		}
	}
}

func TestCivilRoundTrip(t *testing.T) {
	tests := []struct {
		y    int64
		m, d int
		text string
	}{
		{1970, 1, 1, "1970-01-01"},
		{1969, 12, 31, "1969-12-31"},
		{2024, 2, 29, "2024-02-29"},
		{2000, 2, 29, "2000-02-29"},
		{0, 2, 29, "0000-02-29"}, // year 0 (1 BCE) is a leap year
		{0, 1, 1, "0000-01-01"},
		{-1, 12, 31, "-0001-12-31"},
		{-44, 3, 15, "-0044-03-15"},
		{-4, 2, 29, "-0004-02-29"},
		{1, 1, 1, "0001-01-01"},
		{12345, 6, 7, "12345-06-07"},
		{170000002, 12, 31, "170000002-12-31"},
		{-170000002, 1, 1, "-170000002-01-01"},
		{999999999999, 12, 31, "999999999999-12-31"},
		{-999999999999, 1, 1, "-999999999999-01-01"},
	}
	for _, tt := range tests {
		day := DayOf(tt.y, tt.m, tt.d)
		y, m, d := day.Civil()
		if y != tt.y || m != tt.m || d != tt.d {
			t.Errorf("Civil(DayOf(%d, %d, %d)) = %d, %d, %d", tt.y, tt.m, tt.d, y, m, d)
		}
		if got := day.String(); got != tt.text {
			t.Errorf("DayOf(%d, %d, %d).String() = %q, want %q", tt.y, tt.m, tt.d, got, tt.text)
		}
		if next := day + 1; next.String() == tt.text {
			t.Errorf("day after %s formats the same", tt.text)
		}
	}
}

// TestCivilConsecutive walks day by day across eras, including year 0 and
// huge years, checking that consecutive Days are consecutive dates.
func TestCivilConsecutive(t *testing.T) {
	for _, start := range []Day{DayOf(-801, 1, 1), DayOf(-1, 1, 1), DayOf(1899, 1, 1), DayOf(170000000, 1, 1), DayOf(-170000003, 1, 1)} {
		y, m, d := start.Civil()
		for day := start; day < start+4*366; day++ {
			gy, gm, gd := day.Civil()
			if gy != y || gm != m || gd != d {
				t.Fatalf("Civil(%d) = %d-%d-%d, want %d-%d-%d", day, gy, gm, gd, y, m, d)
			}
			if DayOf(gy, gm, gd) != day {
				t.Fatalf("DayOf(Civil(%d)) = %d", day, DayOf(gy, gm, gd))
			}
			// Advance y, m, d by one calendar day.
			if d++; d > daysIn(y, m) {
				d, m = 1, m+1
				if m > 12 {
					m, y = 1, y+1
				}
			}
		}
	}
}

// TestCivilExtremes checks that the extreme Day values neither panic nor
// produce impossible dates, and that their text keeps its shape.
func TestCivilExtremes(t *testing.T) {
	for _, day := range []Day{math.MinInt64, math.MinInt64 + 1, math.MaxInt64, math.MaxInt64 - 1} {
		y, m, d := day.Civil()
		if !ValidDate(y, m, d) {
			t.Errorf("Civil(%d) = %d-%d-%d, not a date", day, y, m, d)
		}
		if (y < 0) != (day < 0) {
			t.Errorf("Civil(%d) has year %d of the wrong sign", day, y)
		}
		if s := day.String(); len(s) < len("0000-01-01") {
			t.Errorf("String(%d) = %q", day, s)
		}
	}
}

func TestValidDate(t *testing.T) {
	tests := []struct {
		y    int64
		m, d int
		want bool
	}{
		{2023, 2, 29, false},
		{2024, 2, 29, true},
		{1900, 2, 29, false},
		{2000, 2, 29, true},
		{-100, 2, 29, false},
		{-400, 2, 29, true},
		{2024, 4, 31, false},
		{2024, 12, 31, true},
		{2024, 13, 1, false},
		{2024, 0, 1, false},
		{2024, 1, 0, false},
	}
	for _, tt := range tests {
		if got := ValidDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("ValidDate(%d, %d, %d) = %v, want %v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}
