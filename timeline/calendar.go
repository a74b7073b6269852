package timeline

import "strconv"

// Calendar arithmetic for Day: the proleptic Gregorian calendar with
// astronomical years, after Howard Hinnant's days_from_civil/civil_from_days.
// Counting in 400-year eras (146097 days each) with floor division keeps every
// step exact for negative years and, in int64, for years far beyond the
// ±1e9 that EDTF long years ("Y170000002") need: DayOf is exact for
// |year| < 1e15, and Civil is exact for every Day value.

const (
	daysPerEra  = 146097 // days in 400 Gregorian years
	daysToEpoch = 719468 // days from 0000-03-01 to 1970-01-01
	yearsPerEra = 400
)

// ValidDate reports whether year-month-day exists in the proleptic Gregorian
// calendar: month in 1–12 and day within that month (29 February only in leap
// years). Every year is valid; year 0 is 1 BCE and a leap year.
func ValidDate(year int64, month, day int) bool {
	return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
}

// isLeap reports a Gregorian leap year; astronomical years make the rule
// hold unchanged before year 1 (0, -4, -400 are leap years).
func isLeap(y int64) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// daysIn returns the number of days in month (1–12) of year y.
func daysIn(y int64, month int) int {
	switch month {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// floorDiv divides rounding towards negative infinity, which the era
// arithmetic needs for years and days before the epoch.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func dayOf(year int64, month, day int) Day {
	// Count years from March so that the leap day ends the year.
	y := year
	if month <= 2 {
		y--
	}
	era := floorDiv(y, yearsPerEra)
	yoe := y - era*yearsPerEra // [0, 399]
	mp := int64((month + 9) % 12)
	doy := (153*mp+2)/5 + int64(day) - 1   // [0, 365]
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return Day(era*daysPerEra + doe - daysToEpoch)
}

func civil(d Day) (year int64, month, day int) {
	// Split into eras before shifting to the 0000-03-01 origin so that no
	// intermediate value overflows, even for math.MinInt64 or MaxInt64.
	era := floorDiv(int64(d), daysPerEra)
	doe := int64(d) - era*daysPerEra + daysToEpoch // [0, 2*146097)
	era += doe / daysPerEra
	doe %= daysPerEra
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11], March = 0
	day = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		month = int(mp + 3)
	} else {
		month = int(mp - 9)
	}
	year = yoe + era*yearsPerEra
	if month <= 2 {
		year++
	}
	return year, month, day
}

func formatDay(d Day) string {
	var buf [32]byte
	return string(appendDay(buf[:0], d))
}

// appendDay appends d as YYYY-MM-DD: at least four year digits, more when
// needed, and a leading '-' for years before 0.
func appendDay(b []byte, d Day) []byte {
	y, m, dd := civil(d)
	b = appendYear4(b, y)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return b
}

// appendYear4 appends y with at least four digits and a leading '-' when
// negative, as EDTF and ISO 8601 write astronomical years.
func appendYear4(b []byte, y int64) []byte {
	u := uint64(y)
	if y < 0 {
		b = append(b, '-')
		u = -u // two's complement negation is exact even for math.MinInt64
	}
	for p := uint64(1000); p > 1 && u < p; p /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendUint(b, u, 10)
}
