package timeline

import (
	"bytes"
	"strconv"
)

// Human formats d for people: "2017", "Sep 2023", "20 Feb 2024", "c. 2017",
// "2017?", "1–20 Feb 2024", "after 20 Feb 2024", "44 BCE".
//
// The rules, for a single date:
//   - Years: "2017". Astronomical years of 0 and below are BCE ("-0043" is
//     "44 BCE", "0000" is "1 BCE"); years 1–999 get "CE" ("44 CE"); years
//     of five digits and more get thousands separators ("170,000,002").
//   - Months "Sep 2023", days "20 Feb 2024".
//   - Date-times: "20 Feb 2024, 10:30 UTC", with seconds only when not zero
//     ("10:30:15"), the offset as written ("UTC+05:30", "UTC-08") and
//     nothing after the time when the text has no zone (local time).
//   - Seasons: "Spring 2024", "Summer 2024", "Autumn 2024", and winter with
//     both of its years: "Winter 2024–25", "Winter 2099–2100",
//     "Winter 45–44 BCE".
//   - "X" digits: a decade "2010s" for "201X"; otherwise the span of years,
//     since "2000s" or "1900s" could be a decade or a century: "20XX" is
//     "2000–2099", "190X" is "1900–1909", "008X" is "80–89 CE". An
//     unspecified month or day is left out: "2004-XX" is "2004",
//     "1985-04-XX" is "Apr 1985"; the precision still says what was meant.
//   - Qualifiers: "~" prefixes "c. " ("c. 2017"), "?" appends "?" ("2017?"),
//     "%" does both ("c. 2017?").
//
// For an interval:
//   - Within one month "1–20 Feb 2024", within one year "20 Jan – 3 Feb
//     2024" or "Jan–Mar 2024", when neither end is qualified or partly
//     unspecified.
//   - Otherwise both ends in full, joined by an en dash: unspaced when both
//     are single words ("2017–2024"), spaced otherwise ("Sep 2023 – 20 Feb
//     2024", "c. 2004 – 2006").
//   - An open end reads "after 20 Feb 2024" ("2024-02-20/..") or "until
//     2021" ("../2021"): the interval runs on without bound.
//   - An unknown end is a question mark: "2024 – ?", "? – 2024".
//
// The zero Date formats as "".
func (d Date) Human() string {
	if d.raw == "" {
		return ""
	}
	var buf [64]byte
	b := buf[:0]
	if !d.interval {
		return string(appendSingle(b, d.raw))
	}
	st, et := d.raw[:d.slash], d.raw[d.slash+1:]
	switch {
	case d.start.kind == EndOpen:
		b = appendSingle(append(b, "until "...), et)
	case d.start.kind == EndUnknown:
		b = appendSingle(append(b, "? – "...), et)
	case d.end.kind == EndOpen:
		b = appendSingle(append(b, "after "...), st)
	case d.end.kind == EndUnknown:
		b = append(appendSingle(b, st), " – ?"...)
	default:
		b = appendRange(b, st, et)
	}
	return string(b)
}

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

var seasonName = [...]string{"Spring", "Summer", "Autumn", "Winter"}

// appendSingle formats the single date whose valid EDTF text is t.
func appendSingle(b []byte, t string) []byte {
	p, _ := parseSingle(t) // t was accepted by ParseDate
	if p.q&qualApproximate != 0 {
		b = append(b, "c. "...)
	}
	b = appendPlain(b, &p)
	if p.q&qualUncertain != 0 {
		b = append(b, '?')
	}
	return b
}

// appendPlain formats p without its qualifiers.
func appendPlain(b []byte, p *single) []byte {
	switch {
	case p.season == 24:
		b = append(b, "Winter "...)
		return appendYearPair(b, p.year, p.year+1, true)
	case p.season != 0:
		b = append(append(b, seasonName[p.season-21]...), ' ')
	case p.yearX == 1 && p.year >= 1000 && p.year%100 != 0:
		return append(appendYear(b, p.year), 's')
	case p.yearX > 0:
		return appendYearPair(b, p.year, p.year+[...]int64{0, 9, 99}[p.yearX], false)
	case p.day != 0:
		b = append(append(strconv.AppendInt(b, int64(p.day), 10), ' '), monthAbbr[p.month]...)
		b = append(b, ' ')
	case p.month != 0:
		b = append(append(b, monthAbbr[p.month]...), ' ')
	}
	b = appendYear(b, p.year)
	if p.hasTime {
		b = appendTime(append(b, ", "...), p)
	}
	return b
}

// appendTime formats "10:30", "10:30:15", then the zone: " UTC",
// " UTC+05:30", or nothing for local time.
func appendTime(b []byte, p *single) []byte {
	b = append(b, byte('0'+p.hour/10), byte('0'+p.hour%10), ':', byte('0'+p.minute/10), byte('0'+p.minute%10))
	if p.second != 0 {
		b = append(b, ':', byte('0'+p.second/10), byte('0'+p.second%10))
	}
	switch p.zone {
	case "":
		return b
	case "Z":
		return append(b, " UTC"...)
	}
	return append(append(b, " UTC"...), p.zone...)
}

// appendRange formats an interval with a date at both ends, st and et.
func appendRange(b []byte, st, et string) []byte {
	s, _ := parseSingle(st)
	e, _ := parseSingle(et)
	plain := s.q == 0 && e.q == 0 && s.year == e.year && !s.long && !s.monthX && !s.dayX && !e.monthX && !e.dayX
	switch {
	case st == et:
		return appendSingle(b, st)
	case plain && s.prec == PrecisionDay && e.prec == PrecisionDay && s.month == e.month:
		b = strconv.AppendInt(b, int64(s.day), 10)
		b = append(b, "–"...)
		return appendPlain(b, &e)
	case plain && s.prec == PrecisionDay && e.prec == PrecisionDay:
		b = strconv.AppendInt(b, int64(s.day), 10)
		b = append(append(append(b, ' '), monthAbbr[s.month]...), " – "...)
		return appendPlain(b, &e)
	case plain && s.prec == PrecisionMonth && e.prec == PrecisionMonth:
		b = append(append(b, monthAbbr[s.month]...), "–"...)
		return appendPlain(b, &e)
	}
	var sbuf, ebuf [64]byte
	sText, eText := appendSingle(sbuf[:0], st), appendSingle(ebuf[:0], et)
	sep := "–"
	if bytes.IndexByte(sText, ' ') >= 0 || bytes.IndexByte(eText, ' ') >= 0 {
		sep = " – "
	}
	return append(append(append(b, sText...), sep...), eText...)
}

// appendYearPair formats a span of years, naming the era once when both
// share it: "2000–2099", "80–89 CE", "45–44 BCE", "1 BCE–9 CE". With short,
// a second year in the same century as the first keeps its last two digits
// only ("2024–25").
func appendYearPair(b []byte, lo, hi int64, short bool) []byte {
	switch {
	case lo >= 1000 && hi <= 9999 && short && lo/100 == hi/100:
		b = append(appendYear(b, lo), "–"...)
		return append(b, byte('0'+hi/10%10), byte('0'+hi%10))
	case lo >= 1000:
		return appendYear(append(appendYear(b, lo), "–"...), hi)
	case lo >= 1 && hi <= 999:
		b = append(strconv.AppendInt(b, lo, 10), "–"...)
		return append(strconv.AppendInt(b, hi, 10), " CE"...)
	case hi <= 0:
		b = append(appendGrouped(b, uint64(1-lo)), "–"...)
		return append(appendGrouped(b, uint64(1-hi)), " BCE"...)
	}
	return appendYear(append(appendYear(b, lo), "–"...), hi)
}

// appendYear formats an astronomical year for people: "2017", "44 CE",
// "44 BCE" (for -43), "170,000,002".
func appendYear(b []byte, y int64) []byte {
	switch {
	case y <= 0:
		return append(appendGrouped(b, uint64(1-y)), " BCE"...)
	case y < 1000:
		return append(strconv.AppendInt(b, y, 10), " CE"...)
	}
	return appendGrouped(b, uint64(y))
}

// appendGrouped formats n, with thousands separators from five digits on
// ("9999", "10,000").
func appendGrouped(b []byte, n uint64) []byte {
	if n < 10000 {
		return strconv.AppendUint(b, n, 10)
	}
	var digits [20]byte
	s := strconv.AppendUint(digits[:0], n, 10)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}
