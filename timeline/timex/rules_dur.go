package timex

import "strings"

// Rules for durations ("four-day trip", "for two years", "100 days") and
// sets ("every year", "weekly", "each season").

// numberAt reads a count at k: 3, three, twenty-five, a, an, a few,
// several. vague is true for counts with no number.
func numberAt(toks []token, k int) (n, next int, vague, ok bool) {
	t := tk(toks, k)
	if t == nil {
		return 0, k, false, false
	}
	if t.kind == tokNum {
		if t.suffix != "" || t.ndig > 4 || partOfNumberBefore2(toks, k) {
			return 0, k, false, false
		}
		return t.num, k + 1, false, true
	}
	if t.kind != tokWord {
		return 0, k, false, false
	}
	switch t.low {
	case "a", "an":
		if isWord(toks, k+1, "few", "couple") {
			next = k + 2
			if isWord(toks, next, "of") {
				next++
			}
			return 0, next, true, true
		}
		return 1, k + 1, false, true
	case "several", "few", "many", "some", "numerous":
		return 0, k + 1, true, true
	case "couple":
		if isWord(toks, k+1, "of") {
			return 2, k + 2, false, true
		}
	}
	v, ok := numberWords[t.low]
	if !ok || v < 0 {
		return 0, k, false, false
	}
	next = k + 1
	// twenty-five, twenty five
	if v >= 20 && v < 100 && v%10 == 0 {
		j := next
		if isPunct(toks, j, "-") && glued(toks, j) {
			j++
		}
		if u, ok := numberWords[lowAt(toks, j)]; ok && u >= 1 && u <= 9 && lowAt(toks, j) != "a" && lowAt(toks, j) != "an" {
			v += u
			next = j + 1
		}
	}
	if isWord(toks, next, "hundred") && v < 10 {
		v *= 100
		next++
	}
	return v, next, false, true
}

// partOfNumberBefore2 is partOfNumber for counts: "1,500", "$300", "A380".
func partOfNumberBefore2(toks []token, k int) bool {
	if k == 0 || toks[k].space {
		return false
	}
	p := &toks[k-1]
	return p.kind == tokWord || p.kind == tokNum || (p.text == "," || p.text == ".") && k > 1 && toks[k-2].kind == tokNum || p.text == "$" || p.text == "€" || p.text == "£"
}

// durValue is the TIMEX3 duration for n units: P4D, PT3H, P10Y.
func durValue(n int, unit string, isTime bool) string {
	c := itoa(n)
	if n < 0 {
		c = "X"
	}
	if unit == "WE" {
		return "P" + c + "WE"
	}
	if isTime {
		return "PT" + c + unit
	}
	return "P" + c + unit
}

// ruleDuration: four years, 90 days, a four-day trip, several months, the
// past five trading days, half an hour, years, 18 years old.
func ruleDuration(toks []token, i int) (expr, bool) {
	t := &toks[i]
	e := expr{start: i, typ: Duration, kind: kLiteral, weekday: -1}
	// half an hour, half a day
	if t.low == "half" && isWord(toks, i+1, "a", "an") {
		if unit, _, isTime := durUnit(lowAt(toks, i+2)); unit != "" && !pluralUnit(lowAt(toks, i+2)) {
			switch {
			case unit == "H":
				e.lit = "PT30M"
			case unit == "D":
				e.lit = "PT12H"
			case unit == "Y":
				e.lit = "P6M"
			default:
				e.lit = durValue(1, unit, isTime)
				e.lit = e.lit[:len(e.lit)-len(unit)] + "0.5" + unit
				e.lit = strings.Replace(e.lit, "10.5", "0.5", 1)
			}
			e.end = i + 3
			return e, true
		}
	}
	k := i
	if isWord(toks, k, "past", "last", "next", "first", "coming", "previous", "final") && isWord(toks, i-1, "the") {
		k++
	}
	n, k2, vague, ok := numberAt(toks, k)
	if !ok {
		// a bare plural unit: "for years", "recent years", "decades-long"
		u := lowAt(toks, k)
		prev := k - 1
		if isWord(toks, prev, "just", "only", "mere") {
			prev--
		}
		if unit, mult, isTime := durUnit(u); unit != "" && pluralUnit(u) && (isWord(toks, prev, "for", "over", "within", "recent", "the", "in", "of") || hyphenLong(toks, k)) {
			_ = mult
			e.lit = durValue(-1, unit, isTime)
			e.end = k + 1
			if isWord(toks, k-1, "recent") && k-1 >= i {
				e.start = k - 1
			}
			if hyphenLong(toks, k) {
				e.end = k + 3
			}
			if isWord(toks, k-1, "recent") {
				e.start = k - 1
			}
			return e, true
		}
		if u == "recent" && isWord(toks, k+1, "years", "months", "weeks", "days", "decades") {
			unit, _, isTime := durUnit(lowAt(toks, k+1))
			e.lit, e.end = durValue(-1, unit, isTime), k+2
			return e, true
		}
		return expr{}, false
	}
	if t.low == "a" || t.low == "an" {
		// "a year" is a duration only as a phrase of its own, not "a year
		// ago" (ruleOffset) nor "twice a year" (ruleSet).
		if isWord(toks, i-1, "once", "twice", "thrice", "times", "per") {
			return expr{}, false
		}
	}
	j := k2
	hyphen := false
	if isPunct(toks, j, "-") && glued(toks, j) && glued(toks, j+1) {
		hyphen = true
		j++
	}
	// "six straight days", "five trading days", "two consecutive quarters"
	adj := 0
	if isWord(toks, j, "straight", "consecutive", "successive", "trading", "business", "working", "full", "more", "long", "whole", "additional", "extra", "further") && !hyphen {
		adj = 1
	}
	u := lowAt(toks, j+adj)
	unit, mult, isTime := durUnit(u)
	if unit == "" {
		return expr{}, false
	}
	if u == "second" && t.kind == tokWord && !vague && n == 1 {
		return expr{}, false // "a second"
	}
	if vague {
		n = -1
	} else {
		n *= mult
	}
	e.lit = durValue(n, unit, isTime)
	e.end = j + adj + 1
	if hyphen {
		e.mod = "adj"
		// "18-year-old": an age is still a duration, with "old" in it.
		if isPunct(toks, e.end, "-") && isWord(toks, e.end+1, "old") && glued(toks, e.end) {
			e.end += 2
		}
		if isPunct(toks, e.end, "-") && isWord(toks, e.end+1, "long") && glued(toks, e.end) {
			e.end += 2
		}
	} else if isWord(toks, e.end, "old") {
		e.end++
	}
	return e, true
}

func hyphenLong(toks []token, k int) bool {
	return isPunct(toks, k+1, "-") && glued(toks, k+1) && isWord(toks, k+2, "long", "old")
}

// setWords are adverbs of frequency and their values.
var setWords = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
	"annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI",
	"biweekly": "P2W", "annual": "P1Y", "biannually": "P6M", "semiannually": "P6M",
}

// ruleSet: every year, each season, every Monday, weekly, twice a year,
// per week.
func ruleSet(toks []token, i int) (expr, bool) {
	t := &toks[i]
	e := expr{start: i, typ: Set, kind: kLiteral, weekday: -1}
	if v, ok := setWords[t.low]; ok {
		// "annual" only before a noun ("annual meeting"); "daily" the
		// newspaper ("the Daily") is capitalized mid-sentence.
		if capitalized(t) && !t.sentStart {
			return expr{}, false
		}
		e.lit, e.end = v, i+1
		return e, true
	}
	k := i
	switch t.low {
	case "every", "each":
		k++
		if isWord(toks, k, "other") {
			k++
		}
	case "per":
		k++
	case "once", "twice", "thrice":
		k++
		if !isWord(toks, k, "a", "an", "per", "every", "each") {
			return expr{}, false
		}
		k++
	case "a", "an":
		if !isWord(toks, i-1, "times", "once", "twice", "thrice") {
			return expr{}, false
		}
		k++
	default:
		// "Mondays": on Mondays
		if wd, ok := weekdayNames[strings.TrimSuffix(t.low, "s")]; ok && strings.HasSuffix(t.low, "days") && capitalized(t) {
			e.lit, e.end = "XXXX-WXX-"+itoa(isoWeekday(wd)), i+1
			return e, true
		}
		return expr{}, false
	}
	u := tk(toks, k)
	if u == nil || u.kind != tokWord {
		return expr{}, false
	}
	n := 1
	if t.low == "every" || t.low == "each" {
		if c, k2, vague, ok := numberAt(toks, k); ok && !vague && u.kind == tokWord && c > 1 {
			n, k = c, k2
			u = tk(toks, k)
			if u == nil {
				return expr{}, false
			}
		}
	}
	if isWord(toks, i+1, "other") {
		n = 2
	}
	if unit, mult, isTime := durUnit(u.low); unit != "" {
		if u.low == "season" || u.low == "seasons" {
			e.lit, e.end = "P1S", k+1
			return e, true
		}
		e.lit, e.end = durValue(n*mult, unit, isTime), k+1
		return e, true
	}
	if t.low == "per" || t.low == "a" || t.low == "an" {
		return expr{}, false
	}
	if wd, ok := weekdayNames[u.low]; ok && capitalized(u) {
		e.lit, e.end = "XXXX-WXX-"+itoa(isoWeekday(wd)), k+1
		return e, true
	}
	if m, k2, ok := monthAt(toks, k); ok {
		e.lit, e.end = "XXXX-"+twoDigits(m), k2
		return e, true
	}
	if s, ok := seasonNames[u.low]; ok {
		e.lit, e.end = "XXXX-"+seasonCodes[s], k+1
		return e, true
	}
	if pod, ok := partOfDay[u.low]; ok {
		e.lit, e.end = "XXXX-XX-XXT"+pod, k+1
		return e, true
	}
	return expr{}, false
}

// isoWeekday numbers Monday 1 .. Sunday 7.
func isoWeekday(wd int) int {
	if wd == 0 {
		return 7
	}
	return wd
}

// vetoed drops matches that are not dates: counts and codes the rules
// let through.
func vetoed(toks []token, e *expr) bool {
	first := &toks[e.start]
	// A bare year followed by a counted noun is a count: "2000 people".
	if e.kind == kAbs && e.p.g == granYear && e.end-e.start == 1 && first.kind == tokNum {
		if n := tk(toks, e.end); n != nil && n.kind == tokWord && countNoun(n.low) {
			return true
		}
		if p := tk(toks, e.start-1); p != nil && (p.low == "no" || p.low == "number" || p.low == "route" || p.low == "flight" || p.low == "page" || p.low == "room" || p.low == "boeing" || p.low == "airbus") {
			return true
		}
	}
	return false
}

func countNoun(w string) bool {
	switch w {
	case "people", "passengers", "troops", "soldiers", "men", "women", "workers",
		"jobs", "employees", "units", "vehicles", "cars", "km", "miles", "meters",
		"metres", "feet", "tons", "tonnes", "dollars", "euros", "pounds", "yen",
		"points", "shares", "copies", "votes", "seats", "residents", "children",
		"deaths", "casualties", "prisoners", "members", "students", "dealers",
		"dealerships", "stores", "planes", "aircraft", "ships", "tanks", "guns",
		"killed", "dead", "wounded", "injured", "kilometres", "kilometers", "acres":
		return true
	}
	return false
}
