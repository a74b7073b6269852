package article

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// datelineLines is how many non-blank lines from the top are searched for a
// dateline or byline: the title, a standfirst, the byline and the date fit
// in it, and a date further down is about the story, not its publication.
const datelineLines = 5

var (
	monthNames = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	dayNames   = `(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)`

	// dateForms are the written dates a dateline may hold, each with an
	// optional weekday before it. Groups: weekday, then the form's own.
	isoDate   = regexp.MustCompile(`(?i)(?:\b(` + dayNames + `)\.?,?\s+)?\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)`)
	dayMonth  = regexp.MustCompile(`(?i)(?:\b(` + dayNames + `)\.?,?\s+)?\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthNames + `)\.?,?\s+(\d{4})\b`)
	monthDay  = regexp.MustCompile(`(?i)(?:\b(` + dayNames + `)\.?,?\s+)?\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dottedDMY = regexp.MustCompile(`(?i)(?:\b(` + dayNames + `)\.?,?\s+)?\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	slashDMY  = regexp.MustCompile(`(?i)(?:\b(` + dayNames + `)\.?,?\s+)?\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)

	// publishedCue is a word that says the date after it is the
	// publication date; updatedCue one that says it is not.
	publishedCue = regexp.MustCompile(`(?i)\b(?:first published|published|publication date|posted|released|dated|date)\s*(?:on|at)?\s*[:\-–—,]?\s*` + optionalTime + `$`)
	updatedCue   = regexp.MustCompile(`(?i)\b(?:updated|update|modified|edited|revised|corrected)\b\s*(?:on|at)?\s*[:\-–—,]?\s*` + optionalTime + `$`)
	// optionalTime is a clock time between a cue and its date ("Published
	// 2:14 PM EST, Tue February 20, 2024").
	optionalTime = `(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4}(?:[+-]\d{1,2})?)?\s*[,|]?\s*)?`
	// leadingTime is a clock time before the date ("10:00, 19.05.2023").
	leadingTime = regexp.MustCompile(`(?i)^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?\s*[,|\-–—]?\s*$`)
	byline      = regexp.MustCompile(`^(?:By|BY|by)\s`)
)

// dateline is a publication date found in the text: the line it is on and
// the characters of that line that hold it (with its cue word, if any), so
// that the title can be the line without them.
type dateline struct {
	published  Published
	index      int // in the lines searched
	start, end int // byte offsets in that line
}

// candidate is one written date in a line.
type candidate struct {
	date, weekday string
	start, end    int // of the date with its weekday
}

// findDateline looks for the publication date in the first non-blank lines:
// a date after a cue such as "Published" or "date" (the best evidence),
// else a date that starts its line, after at most a clock time ("10:00,
// 19.05.2023", "Tuesday, February 20, 2024"), else a date in a byline. A
// date after "Updated" is never taken.
func findDateline(lines []textLine) (dateline, bool) {
	var best dateline
	bestRank := 0
	seen := 0
	for i, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		if seen++; seen > datelineLines {
			break
		}
		for _, c := range datesIn(datelineHead(l.text)) {
			pre := l.text[:c.start]
			rank, from := 0, c.start
			switch {
			case updatedCue.MatchString(pre):
				continue
			case publishedCue.MatchString(pre):
				rank, from = 3, publishedCue.FindStringIndex(pre)[0]
			case strings.TrimSpace(strings.Trim(pre, " \t,.|-–—:•·")) == "" || leadingTime.MatchString(strings.TrimSpace(pre)):
				rank, from = 2, 0
			case byline.MatchString(strings.TrimSpace(l.text)):
				rank = 1
			}
			if rank > bestRank {
				bestRank = rank
				best = dateline{
					published: Published{Date: c.date, From: fmt.Sprintf("line %d", l.line), Line: l.line, Note: weekdayNote(c)},
					index:     i, start: from, end: c.end,
				}
			}
		}
	}
	return best, bestRank > 0
}

// datelineHead is the start of a line, where a dateline's date is: a
// dateline is short, and looking no further keeps a huge first line (a
// file with no line breaks) from costing more than a short one.
func datelineHead(s string) string {
	const head = 200
	if len(s) <= head {
		return s
	}
	cut := head
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// datesIn returns the dates written in s, in order, overlapping ones
// dropped (a dotted date inside an ISO one cannot happen, but "20 Feb 2024"
// and "Feb 2024" style overlaps are kept to the longest).
func datesIn(s string) []candidate {
	var out []candidate
	add := func(re *regexp.Regexp, ymd func(m []string) (y, mo, d string)) {
		for _, idx := range re.FindAllStringSubmatchIndex(s, -1) {
			m := make([]string, len(idx)/2)
			for k := range m {
				if idx[2*k] >= 0 {
					m[k] = s[idx[2*k]:idx[2*k+1]]
				}
			}
			y, mo, d := ymd(m)
			date, ok := dayDate(y, mo, d)
			if !ok {
				continue
			}
			end := idx[1]
			if strings.HasSuffix(m[0], "T") {
				end-- // the T of an ISO date-time is not part of the date
			}
			out = append(out, candidate{date: date, weekday: m[1], start: idx[0], end: end})
		}
	}
	add(isoDate, func(m []string) (string, string, string) { return m[2], m[3], m[4] })
	add(dayMonth, func(m []string) (string, string, string) { return m[4], m[3], m[2] })
	add(monthDay, func(m []string) (string, string, string) { return m[4], m[2], m[3] })
	add(dottedDMY, func(m []string) (string, string, string) { return m[4], m[3], m[2] })
	add(slashDMY, func(m []string) (string, string, string) {
		// Slashed dates are read day first only when that is the only
		// reading (13/05/2023); 05/06/2023 could be either and is left.
		if a, _ := strconv.Atoi(m[2]); a <= 12 {
			return "", "", ""
		}
		return m[4], m[3], m[2]
	})
	// Keep the earliest, then longest, of overlapping matches.
	sortCandidates(out)
	var kept []candidate
	for _, c := range out {
		if len(kept) > 0 && c.start < kept[len(kept)-1].end {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

func sortCandidates(cs []candidate) {
	sort.Slice(cs, func(i, j int) bool {
		return cs[i].start < cs[j].start || cs[i].start == cs[j].start && cs[i].end > cs[j].end
	})
}

// dayDate makes YYYY-MM-DD from a year, a month (number or name) and a
// day, if that day exists.
func dayDate(y, mo, d string) (string, bool) {
	year, err1 := strconv.Atoi(y)
	day, err2 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || year < 1000 {
		return "", false
	}
	month, err := strconv.Atoi(mo)
	if err != nil {
		month = monthNumber(mo)
	}
	if month < 1 || month > 12 || day < 1 {
		return "", false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return "", false // 31 April, 29 February of a common year
	}
	return t.Format("2006-01-02"), true
}

func monthNumber(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

// weekdayNote says when a dateline's weekday does not fall on its date.
func weekdayNote(c candidate) string {
	if c.weekday == "" {
		return ""
	}
	t, err := time.Parse("2006-01-02", c.date)
	if err != nil {
		return ""
	}
	wd := strings.ToLower(c.weekday)[:3]
	if strings.ToLower(t.Weekday().String())[:3] == wd {
		return ""
	}
	return fmt.Sprintf("the dateline says %s, but %s was a %s", c.weekday, c.date, t.Weekday())
}

// metadataDate reads a publication date from a metadata value: an ISO 8601
// date or date-time (the day as the publisher wrote it, in its own time
// zone), else any date form a dateline may hold.
func metadataDate(v string) (string, bool) {
	v = datelineHead(strings.TrimSpace(v))
	if m := isoDate.FindStringSubmatch(v); m != nil {
		return dayDate(m[2], m[3], m[4])
	}
	if cs := datesIn(v); len(cs) > 0 {
		return cs[0].date, true
	}
	return "", false
}
