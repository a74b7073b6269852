package timelinejs

// Dates of the TimelineJS import: date objects (year, month, day, hour,
// minute, second as numbers or strings) to EDTF at the precision they were
// written with.

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"dateline/timeline"
)

// date converts a slide's start and end to an EDTF date, and says in the
// note what the EDTF cannot hold: display dates and the times of an
// interval's ends. A display date that is exactly how dateline shows a
// qualified, open-ended or UTC variant of the date ("c. 2017", "until 2021",
// as dateline's own export writes them) gives that variant back instead.
func (im *importer) date(s *slide) (timeline.Date, string) {
	var notes []string
	if s.start == nil {
		if s.display != "" {
			notes = append(notes, "display date: "+s.display)
		}
		return timeline.Date{}, strings.Join(notes, "; ")
	}
	if s.start.display != "" && s.start.display != s.display {
		notes = append(notes, "start display date: "+s.start.display)
	}
	end := s.end
	if end != nil && end.display != "" && end.display != s.display {
		notes = append(notes, "end display date: "+end.display)
	}
	if end != nil && sameDate(s.start, end) {
		end = nil // TimelineJS ignores an end equal to the start
	}
	var d timeline.Date
	var st, et string
	if end == nil {
		text, _, ok := im.edtf(s.start, true)
		if ok {
			d, st = im.parse(s.start.at, text), text
		}
	} else {
		var stime, etime string
		var ok1, ok2 bool
		st, stime, ok1 = im.edtf(s.start, false)
		et, etime, ok2 = im.edtf(end, false)
		switch {
		case !ok1 || !ok2:
		case st == et:
			d, et = im.parse(s.start.at, st), ""
		default:
			d = im.parse(end.at, st+"/"+et)
		}
		if stime != "" || etime != "" {
			// EDTF intervals cannot have times of day: keep the days, note the times.
			notes = append(notes, "times: "+cmp.Or(stime, "?")+" – "+cmp.Or(etime, "?"))
		}
	}
	if s.display != "" {
		if v, ok := variant(d, st, et, s.display); ok {
			d = v
		} else {
			notes = append([]string{"display date: " + s.display}, notes...)
		}
	}
	return d, strings.Join(notes, "; ")
}

// variant finds the date whose human form is display among the qualified,
// open-ended and UTC variants of the date with ends st and et (et empty
// for a single date).
func variant(d timeline.Date, st, et, display string) (timeline.Date, bool) {
	if d.IsZero() {
		return d, false
	}
	quals := []string{"", "~", "?", "%"}
	var cands []string
	if et == "" {
		cands = []string{st, "../" + st, st + "/..", st + "/", "/" + st, st + "Z"}
		for _, q := range quals[1:] {
			cands = append(cands, st+q)
		}
	} else {
		for _, q1 := range quals {
			for _, q2 := range quals {
				cands = append(cands, st+q1+"/"+et+q2)
			}
		}
	}
	for _, c := range cands {
		if v, err := timeline.ParseDate(c); err == nil && v.Human() == display {
			return v, true
		}
	}
	return d, false
}

// parse parses EDTF that edtf built, reporting what the domain refuses
// (such as an interval that ends before it starts) at the date.
func (im *importer) parse(at pos, text string) timeline.Date {
	d, err := timeline.ParseDate(text)
	if err != nil {
		im.errorf(at, "%v", err)
		return timeline.Date{}
	}
	return d
}

// sameDate reports whether two TimelineJS dates name the same moment as written.
func sameDate(a, b *slideDate) bool {
	return a.year == b.year && a.month == b.month && a.day == b.day && a.hasTime == b.hasTime &&
		a.hour == b.hour && a.minute == b.minute && a.second == b.second
}

// maxYearDigits is the longest year EDTF "Y" years take in the domain.
const maxYearDigits = 12

// edtf writes one TimelineJS date as EDTF, at the precision it was written
// with: year, year-month, day, or a date-time YYYY-MM-DDThh:mm:ss when it has
// a time and withTime. Without withTime a time is left out and returned
// as "hh:mm:ss" for the note. ok is false when the date is invalid
// (reported).
func (im *importer) edtf(d *slideDate, withTime bool) (text, clock string, ok bool) {
	year := d.year
	switch {
	case year < 0:
		year++ // TimelineJS -44 is shown as 44 BCE: astronomical -43
	case year == 0:
		im.warnf(d.at, "TimelineJS year 0 is read as 1 BCE (EDTF 0000); write -1 for 1 BCE")
	}
	digits := strconv.FormatInt(max(year, -year), 10)
	if len(digits) > maxYearDigits {
		im.errorf(d.at, "year %d is out of range (at most %d digits)", d.year, maxYearDigits)
		return "", "", false
	}
	finer := d.month != 0 || d.day != 0 || d.hasTime
	if len(digits) > 4 || im.cosmological {
		if finer && !im.cosmological {
			im.warnf(d.at, "year %d has more than four digits: EDTF keeps the year only, so month, day and time are left out", d.year)
		}
		if len(digits) > 4 {
			return "Y" + strconv.FormatInt(year, 10), "", true
		}
		return year4(year), "", true
	}
	text = year4(year)
	// TimelineJS months and days count from 1: a written 0 is a mistake,
	// not a coarser date.
	if d.monthGiven && d.month == 0 {
		im.errorf(d.where(d.monthAt), "month 0 does not exist (want 1 to 12; leave it out for a year)")
		return "", "", false
	}
	if d.dayGiven && d.day == 0 {
		im.errorf(d.where(d.dayAt), "day 0 does not exist (want 1 to 31; leave it out for a month)")
		return "", "", false
	}
	if d.month == 0 {
		if d.day != 0 || d.hasTime {
			im.warnf(d.at, "a day or time without a month is left out")
		}
		return text, "", true
	}
	if d.month < 1 || d.month > 12 {
		im.errorf(d.where(d.monthAt), "month %d does not exist (want 1 to 12)", d.month)
		return "", "", false
	}
	text += "-" + Pad2i(d.month)
	if d.day == 0 {
		if d.hasTime {
			im.warnf(d.at, "a time without a day is left out")
		}
		return text, "", true
	}
	if d.day < 1 || !timeline.ValidDate(year, d.month, d.day) {
		im.errorf(d.where(d.dayAt), "day %d does not exist in %s-%s", d.day, year4(year), Pad2i(d.month))
		return "", "", false
	}
	text += "-" + Pad2i(d.day)
	if !d.hasTime {
		return text, "", true
	}
	switch {
	case d.hour < 0 || d.hour > 23:
		im.errorf(d.where(d.timeAt), "hour %d does not exist (want 0 to 23)", d.hour)
		return "", "", false
	case d.minute < 0 || d.minute > 59:
		im.errorf(d.where(d.timeAt), "minute %d does not exist (want 0 to 59)", d.minute)
		return "", "", false
	case d.second < 0 || d.second > 59:
		im.errorf(d.where(d.timeAt), "second %d does not exist (want 0 to 59)", d.second)
		return "", "", false
	}
	clock = Pad2i(d.hour) + ":" + Pad2i(d.minute) + ":" + Pad2i(d.second)
	if !withTime {
		return text, clock, true
	}
	return text + "T" + clock, "", true
}

// year4 writes an astronomical year of at most four digits as EDTF does:
// "2017", "0044", "-0043".
func year4(y int64) string {
	if y < 0 {
		return "-" + fmt.Sprintf("%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

func Pad2i(n int) string { return fmt.Sprintf("%02d", n) }
