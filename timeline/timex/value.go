package timex

import (
	"fmt"
	"strconv"
	"time"
)

// gran is the granularity of a point in time: how much of it is known.
type gran uint8

const (
	granNone gran = iota
	granCentury
	granDecade
	granYear
	granHalf    // H1, H2
	granQuarter // Q1..Q4
	granSeason  // SP, SU, FA, WI
	granMonth
	granWeek
	granDay
	granPartOfDay // MO, AF, EV, NI on a day
	granHour
	granMinute
)

// point is a resolved date or time at some granularity.
type point struct {
	g    gran
	y    int // the year; for granCentury the century's first two digits ("19" for 1900s), for granDecade the first three
	m    int // month 1..12
	d    int // day of month
	part int // quarter, half or season (1 spring .. 4 winter); week number for granWeek
	pod  string
	hh   int
	mm   int
	tz   string
	bc   bool
}

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

func (p point) t() time.Time { return time.Date(p.y, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC) }

func dayPoint(t time.Time) point {
	return point{g: granDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

func year4(y int) string {
	if y < 0 {
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

// timex3 is the TIMEX3 value of p.
func (p point) timex3() string {
	y := year4(p.y)
	if p.bc {
		y = "BC" + fmt.Sprintf("%04d", p.y)
	}
	switch p.g {
	case granCentury:
		return fmt.Sprintf("%02d", p.y)
	case granDecade:
		return fmt.Sprintf("%03d", p.y)
	case granYear:
		return y
	case granHalf:
		return fmt.Sprintf("%s-H%d", y, p.part)
	case granQuarter:
		return fmt.Sprintf("%s-Q%d", y, p.part)
	case granSeason:
		return y + "-" + seasonCodes[p.part]
	case granMonth:
		return fmt.Sprintf("%s-%02d", y, p.m)
	case granWeek:
		return fmt.Sprintf("%s-W%02d", y, p.part)
	case granDay:
		return fmt.Sprintf("%s-%02d-%02d", y, p.m, p.d)
	case granPartOfDay:
		return fmt.Sprintf("%s-%02d-%02dT%s", y, p.m, p.d, p.pod)
	case granHour, granMinute:
		return fmt.Sprintf("%s-%02d-%02dT%02d:%02d%s", y, p.m, p.d, p.hh, p.mm, p.tz)
	}
	return ""
}

// edtf is the EDTF date (level 0 or 1) that covers the same days as p, and
// no more: a week or a quarter becomes its interval of days or months, a
// part of the day or a time its day. BC dates and centuries outside
// 0000-9999 have no EDTF here and return "".
func (p point) edtf() string {
	if p.bc || p.y < 0 {
		return ""
	}
	y := year4(p.y)
	switch p.g {
	case granCentury:
		return fmt.Sprintf("%02dXX", p.y)
	case granDecade:
		return fmt.Sprintf("%03dX", p.y)
	case granYear:
		return y
	case granHalf:
		return fmt.Sprintf("%s-%02d/%s-%02d", y, 6*p.part-5, y, 6*p.part)
	case granQuarter:
		return fmt.Sprintf("%s-%02d/%s-%02d", y, 3*p.part-2, y, 3*p.part)
	case granSeason:
		return fmt.Sprintf("%s-%d", y, 20+p.part)
	case granMonth:
		return fmt.Sprintf("%s-%02d", y, p.m)
	case granWeek:
		mon := isoWeekStart(p.y, p.part)
		return dayPoint(mon).edtf() + "/" + dayPoint(mon.AddDate(0, 0, 6)).edtf()
	case granDay, granPartOfDay, granHour, granMinute:
		return fmt.Sprintf("%s-%02d-%02d", y, p.m, p.d)
	}
	return ""
}

// isoWeekStart is the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	// 4 January is always in week 1.
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	off := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -off+7*(w-1))
}

// weekOf is the ISO week point that holds day t.
func weekOf(t time.Time) point {
	y, w := t.ISOWeek()
	return point{g: granWeek, y: y, part: w}
}

// coarsen returns p at granularity g (g coarser than p's).
func (p point) coarsen(g gran) point {
	if g >= p.g {
		return p
	}
	switch g {
	case granWeek:
		return weekOf(p.t())
	case granMonth, granYear:
		q := point{g: g, y: p.y, m: p.m}
		if g == granYear {
			q.m = 0
		}
		return q
	case granQuarter:
		return point{g: g, y: p.y, part: (p.m + 2) / 3}
	case granHalf:
		return point{g: g, y: p.y, part: (p.m + 5) / 6}
	case granDecade:
		return point{g: g, y: p.y / 10}
	case granCentury:
		return point{g: g, y: p.y / 100}
	}
	q := p
	q.g = g
	return q
}

// shift moves p by n units of its own granularity.
func (p point) shift(n int) point {
	switch p.g {
	case granCentury, granDecade, granYear:
		p.y += n
	case granHalf:
		i := p.y*2 + p.part - 1 + n
		p.y, p.part = floorDiv(i, 2), floorMod(i, 2)+1
	case granQuarter:
		i := p.y*4 + p.part - 1 + n
		p.y, p.part = floorDiv(i, 4), floorMod(i, 4)+1
	case granSeason:
		i := p.y*4 + p.part - 1 + n
		p.y, p.part = floorDiv(i, 4), floorMod(i, 4)+1
	case granMonth:
		i := p.y*12 + p.m - 1 + n
		p.y, p.m = floorDiv(i, 12), floorMod(i, 12)+1
	case granWeek:
		return weekOf(isoWeekStart(p.y, p.part).AddDate(0, 0, 7*n))
	default:
		t := p.t().AddDate(0, 0, n)
		q := dayPoint(t)
		q.g, q.pod, q.hh, q.mm, q.tz = p.g, p.pod, p.hh, p.mm, p.tz
		return q
	}
	return p
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// first and last day a point covers, for comparisons.
func (p point) span() (lo, hi time.Time) {
	switch p.g {
	case granCentury:
		return time.Date(p.y*100, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(p.y*100+99, 12, 31, 0, 0, 0, 0, time.UTC)
	case granDecade:
		return time.Date(p.y*10, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(p.y*10+9, 12, 31, 0, 0, 0, 0, time.UTC)
	case granYear:
		return time.Date(p.y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(p.y, 12, 31, 0, 0, 0, 0, time.UTC)
	case granHalf:
		lo = time.Date(p.y, time.Month(6*p.part-5), 1, 0, 0, 0, 0, time.UTC)
		return lo, lo.AddDate(0, 6, -1)
	case granQuarter:
		lo = time.Date(p.y, time.Month(3*p.part-2), 1, 0, 0, 0, 0, time.UTC)
		return lo, lo.AddDate(0, 3, -1)
	case granSeason:
		// Northern meteorological seasons; winter runs into the next year.
		lo = time.Date(p.y, time.Month(3*p.part), 1, 0, 0, 0, 0, time.UTC)
		return lo, lo.AddDate(0, 3, -1)
	case granMonth:
		lo = time.Date(p.y, time.Month(p.m), 1, 0, 0, 0, 0, time.UTC)
		return lo, lo.AddDate(0, 1, -1)
	case granWeek:
		lo = isoWeekStart(p.y, p.part)
		return lo, lo.AddDate(0, 0, 6)
	}
	return p.t(), p.t()
}

// ymd formats a day as YYYY-MM-DD for notes.
func ymd(t time.Time) string { return t.Format("2006-01-02") }

func itoa(n int) string { return strconv.Itoa(n) }
