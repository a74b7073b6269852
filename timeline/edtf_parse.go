package timeline

// The hand-written parser for one EDTF date (not an interval). It works on
// string slices and returns reasons as constant strings on the common paths,
// so that ParseDate allocates nothing when it succeeds.

import "strconv"

// single is one date as written, before it is reduced to a bound; Human
// re-parses the text to get it back, which keeps Date small.
type single struct {
	year    int64 // astronomical; the first year when yearX > 0
	month   int   // 1–12; 0 when absent or "XX"
	day     int   // 1–31; 0 when absent or "XX"
	season  int   // 21–24, or 0
	yearX   int   // trailing "X" year digits: 0, 1 or 2
	monthX  bool  // month written "XX"
	dayX    bool  // day written "XX"
	long    bool  // "Y" year
	hasTime bool
	hour    int
	minute  int
	second  int
	zone    string // "", "Z" or the offset as written ("+05:30", "-08")
	q       qual
	prec    Precision
}

// bounds returns the strict first and last day of p.
func (p *single) bounds() (lo, hi Day) {
	y := p.year
	switch {
	case p.season == 24: // December to the end of February next year
		return dayOf(y, 12, 1), dayOf(y+1, 3, 1) - 1
	case p.season != 0: // 21 → Mar–May, 22 → Jun–Aug, 23 → Sep–Nov
		m := 3*(p.season-21) + 3
		return dayOf(y, m, 1), dayOf(y, m+3, 1) - 1
	case p.month == 0:
		last := y + [...]int64{0, 9, 99}[p.yearX] // "201X" ends in 2019, "20XX" in 2099
		return dayOf(y, 1, 1), dayOf(last, 12, 31)
	case p.day == 0:
		return dayOf(y, p.month, 1), dayOf(y, p.month, daysIn(y, p.month))
	}
	d := dayOf(y, p.month, p.day)
	return d, d
}

// parseSingle parses one date that is not an interval: a qualifier at the
// end, then a "Y" year or a four-digit year, month or season, day, time.
func parseSingle(t string) (p single, why string) {
	if n := len(t); n > 0 && isQual(t[n-1]) {
		if n > 1 && isQual(t[n-2]) {
			if t[n-2] != t[n-1] && t[n-2] != '%' && t[n-1] != '%' {
				return p, "\"?~\" is 2012 draft syntax; write \"%\" for uncertain and approximate"
			}
			return p, "one qualifier at most (\"%\" means uncertain and approximate)"
		}
		p.q = qualOf(t[n-1])
		t = t[:n-1]
	}
	switch {
	case t == "":
		return p, "a qualifier needs a date before it"
	case isQual(t[0]):
		return p, "a qualifier before a date is EDTF level 2; put it at the end of the date"
	case t[0] == 'Y':
		why = p.parseLong(t[1:])
		return p, why
	}
	neg := t[0] == '-'
	i := 0
	if neg {
		i = 1
	}
	j := i
	for j < len(t) && (isDigit(t[j]) || t[j] == 'X' || t[j] == 'x' || t[j] == 'u') {
		j++
	}
	if why = p.parseYear(t[i:j], neg); why != "" {
		return p, why
	}
	rest := t[j:]
	if rest == "" {
		p.prec = PrecisionYear
		return p, ""
	}
	if rest[0] != '-' {
		return p, afterComponent(rest, "year")
	}
	if p.yearX > 0 {
		return p, "a year with \"X\" digits takes no month or day (EDTF level 2)"
	}
	m, mx, why := component(rest[1:], "month")
	if why != "" {
		return p, why
	}
	rest = rest[3:]
	switch {
	case mx:
		p.monthX = true
	case m >= 1 && m <= 12:
		p.month = m
	case m >= 21 && m <= 24:
		switch {
		case rest == "":
		case rest[0] == '-':
			return p, "a season takes no day"
		default:
			return p, afterComponent(rest, "season")
		}
		p.season, p.prec = m, PrecisionSeason
		return p, ""
	case m >= 25 && m <= 41:
		return p, "seasons 25–41 (hemispheres, quarters, semesters) are EDTF level 2"
	default:
		return p, "month " + pad2(m) + " does not exist"
	}
	if rest == "" {
		p.prec = PrecisionMonth
		return p, ""
	}
	if rest[0] != '-' {
		return p, afterComponent(rest, "month")
	}
	d, dx, why := component(rest[1:], "day")
	switch {
	case why != "":
		return p, why
	case p.monthX && !dx:
		return p, "a known day in an unspecified month is EDTF level 2"
	case dx:
		p.dayX = true
	case d == 0 || d > 31:
		return p, "day " + pad2(d) + " does not exist"
	case d > daysIn(p.year, p.month):
		return p, string(appendYear4(nil, p.year)) + "-" + pad2(p.month) + " has " + pad2(daysIn(p.year, p.month)) + " days"
	default:
		p.day = d
	}
	p.prec = PrecisionDay
	rest = rest[3:]
	switch {
	case rest == "":
		return p, ""
	case rest[0] != 'T':
		return p, afterComponent(rest, "day")
	case p.monthX || p.dayX:
		return p, "a time needs a full date"
	case p.q != 0:
		return p, "a qualifier cannot apply to a date-time"
	}
	why = p.parseTime(rest[1:])
	return p, why
}

// parseYear reads the four characters of a year (digits, then up to two
// "X"), which may follow a '-'.
func (p *single) parseYear(run string, neg bool) string {
	xs := 0
	for i := 0; i < len(run); i++ {
		switch c := run[i]; {
		case c == 'u':
			return "\"u\" is 2012 draft syntax for an unspecified digit; write \"X\""
		case c == 'x':
			return "write unspecified digits as capital \"X\""
		case c == 'X':
			xs++
		case xs > 0:
			return "\"X\" may replace only the rightmost digits of a year (others are EDTF level 2)"
		}
	}
	switch {
	case len(run) == 0:
		return "a date starts with a four-digit year"
	case len(run) > 4 && xs == 0 && (len(run) == 6 || len(run) == 8):
		return "basic format (no hyphens) is not EDTF: write YYYY-MM-DD; years of more than four digits need \"Y\" (Y12345)"
	case len(run) > 4 && xs == 0:
		return "a year of more than four digits needs the \"Y\" prefix (Y12345)"
	case len(run) != 4:
		return "a year has four digits (0044 for the year 44)"
	case xs > 2:
		return "only the last one or two digits of a year may be \"X\" (201X, 20XX)"
	case xs > 0 && neg:
		return "\"X\" digits in a negative year are not EDTF level 1"
	}
	var y int64
	for i := range 4 {
		y *= 10
		if c := run[i]; c != 'X' {
			y += int64(c - '0')
		}
	}
	if neg {
		if y == 0 {
			return "-0000 is not a year; write 0000"
		}
		y = -y
	}
	p.year, p.yearX = y, xs
	return ""
}

// maxLongDigits bounds "Y" years; Day arithmetic is exact far beyond.
const maxLongDigits = 12

// parseLong reads what follows "Y": an optional '-' and more than four
// digits, which make a year on its own.
func (p *single) parseLong(t string) string {
	i := 0
	if t != "" && t[0] == '-' {
		i = 1
	}
	j := i
	for j < len(t) && isDigit(t[j]) {
		j++
	}
	digits := t[i:j]
	if j < len(t) {
		switch t[j] {
		case 'E', 'e':
			return "exponential years (Y17E7) are EDTF level 2"
		case 'S':
			return "significant digits (S2) are EDTF level 2"
		case '-':
			return "a \"Y\" year takes no month or day"
		case 'X', 'x', 'u':
			return "a \"Y\" year has no unspecified digits"
		}
		return unexpected(t[j:])
	}
	switch {
	case digits == "":
		return "\"Y\" must be followed by the digits of a year"
	case digits[0] == '0':
		return "a \"Y\" year has no leading zeros"
	case len(digits) <= 4:
		return "'Y' is only for years of more than four digits"
	case len(digits) > maxLongDigits:
		return "a year of more than twelve digits is out of range"
	}
	var y int64
	for k := 0; k < len(digits); k++ {
		y = y*10 + int64(digits[k]-'0')
	}
	if i == 1 {
		y = -y
	}
	p.year, p.long, p.prec = y, true, PrecisionYear
	return ""
}

// parseTime reads "hh:mm:ss" and an optional "Z", "±hh" or "±hh:mm".
func (p *single) parseTime(t string) string {
	if len(t) < 8 || t[2] != ':' || t[5] != ':' {
		return "a time is hh:mm:ss"
	}
	h, okh := num2(t[0:2])
	m, okm := num2(t[3:5])
	s, oks := num2(t[6:8])
	switch {
	case !okh || !okm || !oks:
		return "a time is hh:mm:ss"
	case h > 23:
		return "hour " + t[0:2] + " does not exist (write 00:00:00 of the next day for midnight)"
	case m > 59:
		return "minute " + t[3:5] + " does not exist"
	case s > 59:
		return "second " + t[6:8] + " does not exist"
	}
	z := t[8:]
	if why := checkZone(z); why != "" {
		return why
	}
	p.hasTime, p.hour, p.minute, p.second, p.zone, p.prec = true, h, m, s, z, PrecisionSecond
	return ""
}

// checkZone accepts "", "Z", "±hh" and "±hh:mm" within -12:00..+14:00.
func checkZone(z string) string {
	if z == "" || z == "Z" {
		return ""
	}
	switch z[0] {
	case '.', ',':
		return "fractional seconds are not EDTF"
	case 'Z':
		return unexpected(z[1:])
	case '+', '-':
	default:
		return unexpected(z)
	}
	h, okh := 0, false
	m, okm := 0, true
	switch len(z) {
	case 3:
		h, okh = num2(z[1:3])
	case 6:
		h, okh = num2(z[1:3])
		m, okm = num2(z[4:6])
		okm = okm && z[3] == ':'
	case 5:
		return "write a UTC offset as ±hh:mm"
	}
	maxH := 14 // offsets in use run from -12:00 to +14:00
	if z[0] == '-' {
		maxH = 12
	}
	switch {
	case !okh || !okm:
		return "a UTC offset is Z, ±hh or ±hh:mm"
	case m > 59 || h > maxH || h == maxH && m > 0:
		return "UTC offset " + z + " is out of range (-12:00 to +14:00)"
	case z[0] == '-' && h == 0 && m == 0:
		return "-00:00 is not a UTC offset; write Z or +00:00"
	}
	return ""
}

// component reads a two-character month or day: digits or "XX".
func component(t, what string) (v int, x bool, why string) {
	if t != "" && isQual(t[0]) {
		return 0, false, "a qualifier on a " + what + " is EDTF level 2; put one at the end of the whole date"
	}
	if len(t) < 2 {
		return 0, false, "a " + what + " has two digits"
	}
	switch {
	case t[0] == 'u' || t[1] == 'u':
		return 0, false, "\"u\" is 2012 draft syntax for an unspecified digit; write \"X\""
	case t[0] == 'x' || t[1] == 'x':
		return 0, false, "write unspecified digits as capital \"X\""
	}
	if len(t) > 2 && (isDigit(t[2]) || t[2] == 'X') {
		return 0, false, "a " + what + " has two digits"
	}
	if t[0] == 'X' && t[1] == 'X' {
		return 0, true, ""
	}
	if t[0] == 'X' || t[1] == 'X' {
		return 0, false, "a partly unspecified " + what + " is EDTF level 2"
	}
	v, ok := num2(t[:2])
	if !ok {
		return 0, false, "a " + what + " has two digits"
	}
	return v, false, ""
}

// afterComponent explains what is wrong with rest, the text after a year,
// month or day that is neither the end nor the next component.
func afterComponent(rest, what string) string {
	switch c := rest[0]; {
	case isQual(c):
		return "a qualifier after the " + what + " of a longer date is EDTF level 2; put it at the end"
	case c == 'S':
		return "significant digits (S2) are EDTF level 2"
	case c == 'E':
		return "exponential years need \"Y\" and are EDTF level 2"
	case c == 'T' && what != "day":
		return "a time needs a full date (YYYY-MM-DDThh:mm:ss)"
	}
	return unexpected(rest)
}

// unexpected names the first character of t, which may be multi-byte.
func unexpected(t string) string {
	for _, r := range t {
		return "unexpected " + strconv.QuoteRune(r)
	}
	return "unexpected end"
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isQual(c byte) bool  { return c == '?' || c == '~' || c == '%' }

func qualOf(c byte) qual {
	switch c {
	case '?':
		return qualUncertain
	case '~':
		return qualApproximate
	}
	return qualUncertain | qualApproximate
}

// num2 reads two ASCII digits.
func num2(s string) (int, bool) {
	if len(s) != 2 || !isDigit(s[0]) || !isDigit(s[1]) {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// rest2 formats 0–99 with two digits, for reasons.
func pad2(n int) string {
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}
