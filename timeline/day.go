package timeline

// Day is a calendar day in the proleptic Gregorian calendar, counted as days
// since 1970-01-01 (negative before). Years are astronomical: year 0 is 1 BCE.
// An int64 day count keeps comparisons cheap and covers EDTF's long years.
type Day int64

// DayOf returns the Day for year, month (1–12) and day (1–31). It does not
// check its arguments; use ValidDate for that.
func DayOf(year int64, month, day int) Day { return dayOf(year, month, day) }

// Civil returns the year, month and day of d.
func (d Day) Civil() (year int64, month, day int) { return civil(d) }

// String formats d as YYYY-MM-DD with astronomical years: at least four
// digits, more where needed, and a leading minus before year 0.
func (d Day) String() string { return formatDay(d) }
