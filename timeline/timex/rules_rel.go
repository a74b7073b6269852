package timex

// Rules for expressions relative to the reference date ("yesterday", "last
// month", "two weeks ago") or to the last date the text mentioned ("a year
// earlier", "the following spring", "the day before").

// ruleDeictic: today, yesterday, tomorrow, now, currently, recently, the
// past, the future, earlier today.
func ruleDeictic(toks []token, i int) (expr, bool) {
	t := &toks[i]
	if t.kind != tokWord {
		return expr{}, false
	}
	day := func(end, n int) (expr, bool) {
		return expr{start: i, end: end, typ: Date, kind: kOffset, p: point{g: granDay}, n: n, weekday: -1}, true
	}
	ref := func(v string) (expr, bool) {
		return expr{start: i, end: i + 1, typ: Date, kind: kRef, lit: v, weekday: -1}, true
	}
	switch t.low {
	case "today":
		return day(i+1, 0)
	case "yesterday":
		return day(i+1, -1)
	case "tomorrow":
		return day(i+1, 1)
	case "earlier", "later":
		if isWord(toks, i+1, "today") {
			return day(i+2, 0)
		}
	case "now", "currently", "nowadays", "presently":
		// "now" as a conjunction ("now that") is still the present.
		return ref("PRESENT_REF")
	case "present":
		if isWord(toks, i-1, "at", "the") && !isWord(toks, i+1, "in", "at", "to") {
			return ref("PRESENT_REF")
		}
	case "current":
		if isWord(toks, i+1, "year", "month", "week", "quarter", "decade", "century", "season") {
			return expr{}, false // ruleThisLastNext
		}
		if isWord(toks, i-1, "the", "its", "their", "his", "her", "our") {
			return ref("PRESENT_REF")
		}
	case "recently", "lately":
		if isWord(toks, i-1, "more", "most", "very", "only", "until") {
			e, _ := ref("PAST_REF")
			e.start = i - 1
			return e, true
		}
		return ref("PAST_REF")
	case "recent":
		// "recent years" is a duration (ruleDuration); "recent history",
		// "in recent weeks" lean on the past.
		if !isWord(toks, i+1, "years", "months", "weeks", "days", "decades") {
			return ref("PAST_REF")
		}
	case "term":
		if isWord(toks, i-1, "near", "short", "long") && isWord(toks, i-2, "the") {
			e, _ := ref("FUTURE_REF")
			e.start = i - 2
			return e, true
		}
	case "past":
		if isWord(toks, i-1, "the") && (isWord(toks, i-2, "in", "of", "from", "to") || endsPhrase(toks, i+1)) && !isWord(toks, i+1, "year", "years", "month", "months", "week", "weeks", "decade", "decades", "day", "days", "century", "few", "several", "two", "three", "four", "five") {
			return ref("PAST_REF")
		}
	case "future":
		if isWord(toks, i-1, "the") && isWord(toks, i-2, "in", "near", "foreseeable") || isWord(toks, i-1, "near", "foreseeable") {
			return ref("FUTURE_REF")
		}
	case "former", "formerly", "previously":
		return expr{}, false
	}
	return expr{}, false
}

// relWord says what a word before a unit means: the anchor and the offset.
func relWord(w string, det bool) (anchor anchorKind, n int, dur bool, ok bool) {
	switch w {
	case "this", "current":
		return anchorRef, 0, false, true
	case "last":
		if det {
			return anchorCtx, -1, false, true // "the last year" of a war
		}
		return anchorRef, -1, false, true
	case "next", "coming", "upcoming":
		if det && w == "next" {
			return anchorCtx, 1, false, true // "the next day"
		}
		return anchorRef, 1, false, true
	case "past":
		return anchorRef, -1, true, true
	case "previous", "preceding", "prior":
		return anchorCtx, -1, false, true
	case "following", "subsequent", "ensuing", "succeeding":
		return anchorCtx, 1, false, true
	case "that", "same":
		return anchorCtx, 0, false, true
	}
	return 0, 0, false, false
}

// ruleThisLastNext: this week, last month, next year, the following
// spring, the previous April, last Tuesday, that year, the same day,
// earlier this month, the past decade.
func ruleThisLastNext(toks []token, i int) (expr, bool) {
	t := &toks[i]
	if t.kind != tokWord {
		return expr{}, false
	}
	k := i
	mod := ""
	if t.low == "earlier" || t.low == "later" {
		mod = upper(t.low)
		k++
		if !isWord(toks, k, "this", "that", "last", "next") {
			return expr{}, false
		}
	}
	det := isWord(toks, i-1, "the")
	w := lowAt(toks, k)
	anchor, n, dur, ok := relWord(w, det)
	if !ok {
		return expr{}, false
	}
	if w == "same" && !det {
		return expr{}, false
	}
	k++
	u := tk(toks, k)
	if u == nil || u.kind != tokWord {
		return expr{}, false
	}
	e := expr{start: i, end: k + 1, typ: Date, anchor: anchor, n: n, weekday: -1, mod: mod, this: n == 0}
	// the same month a year ago, the same period last year: that unit of
	// the reference date, a year back.
	if w == "same" {
		if g, ok := map[string]gran{"day": granDay, "week": granWeek, "month": granMonth, "period": granMonth, "quarter": granQuarter}[u.low]; ok {
			j := k + 1
			if isWord(toks, j, "of") {
				j++
			}
			back := 0
			switch {
			case isWord(toks, j, "a", "one") && isWord(toks, j+1, "year") && isWord(toks, j+2, "ago", "earlier", "before"):
				back, j = 1, j+3
			case isWord(toks, j, "last", "the") && isWord(toks, j+1, "year") || isWord(toks, j, "the") && isWord(toks, j+1, "last", "previous") && isWord(toks, j+2, "year"):
				back = 1
				for !isWord(toks, j, "year") {
					j++
				}
				j++
			}
			if back > 0 {
				e.kind, e.anchor, e.p, e.n, e.end, e.yearOff = kOffset, anchorRef, point{g: g}, 0, j, -back
				return e, true
			}
		}
	}
	if g, ok := unitNames[u.low]; ok && !pluralUnit(u.low) {
		if u.low == "second" || u.low == "minute" || u.low == "hour" || u.low == "season" {
			if !dur {
				return expr{}, false
			}
		}
		if dur {
			// "the past decade" is a span ending now: a duration.
			unit, mult, isTime := durUnit(u.low)
			e.typ, e.kind, e.lit = Duration, kLiteral, durValue(mult, unit, isTime)
			return e, true
		}
		e.kind, e.p = kOffset, point{g: g}
		if u.low == "weekend" {
			e.p, e.pod = point{g: granWeek}, "WE"
		}
		if u.low == "millennium" {
			return expr{}, false
		}
		return e, true
	}
	if dur {
		return expr{}, false
	}
	if m, k2, ok := monthAt(toks, k); ok {
		e.kind, e.p, e.end, e.dir = kAbs, point{g: granMonth, m: m}, k2, n
		return e, true
	}
	if s, ok := seasonNames[u.low]; ok {
		e.kind, e.p, e.dir = kAbs, point{g: granSeason, part: s}, n
		return e, true
	}
	if wd, ok := weekdayNames[u.low]; ok && capitalized(u) && len(u.low) > 3 {
		e.kind, e.weekday, e.dir = kWeekday, wd, n
		if anchor == anchorRef && n == 0 {
			e.this = true
		}
		return withPartOfDay(toks, e), true
	}
	if pod, ok := partOfDay[u.low]; ok && (w == "that" || w == "same" || w == "this" || w == "following" || w == "previous") && u.low != "noon" && u.low != "midnight" {
		e.typ, e.kind, e.p, e.pod = Time, kOffset, point{g: granDay}, pod
		return e, true
	}
	return expr{}, false
}

func pluralUnit(w string) bool {
	switch w {
	case "centuries", "decades", "years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "weekends", "seasons", "fortnights", "millennia", "yrs":
		return true
	}
	return false
}

// ruleWeekday: Tuesday, on Tuesday, Friday morning.
func ruleWeekday(toks []token, i int) (expr, bool) {
	t := &toks[i]
	wd, ok := weekdayNames[t.low]
	if !ok || !capitalized(t) || len(t.low) <= 3 && !(isPunct(toks, i+1, ".") && glued(toks, i+1)) {
		return expr{}, false
	}
	e := expr{start: i, end: i + 1, typ: Date, kind: kWeekday, weekday: wd}
	if len(t.low) <= 4 && isPunct(toks, i+1, ".") && glued(toks, i+1) {
		e.end++
	}
	return withPartOfDay(toks, e), true
}

// withPartOfDay extends a weekday with "morning", "night": a time.
func withPartOfDay(toks []token, e expr) expr {
	if pod, ok := partOfDay[lowAt(toks, e.end)]; ok && lowAt(toks, e.end) != "tonight" && lowAt(toks, e.end) != "noon" && lowAt(toks, e.end) != "midnight" {
		e.pod, e.typ = pod, Time
		e.end++
	}
	return e
}

// ruleOffset: two weeks ago, three years from now, a year earlier, two
// days later, a decade on, in three days.
func ruleOffset(toks []token, i int) (expr, bool) {
	n, k, vague, ok := numberAt(toks, i)
	if !ok {
		return expr{}, false
	}
	u := tk(toks, k)
	if u == nil || u.kind != tokWord {
		return expr{}, false
	}
	g, ok := unitNames[u.low]
	if !ok || u.low == "season" || u.low == "seasons" || u.low == "weekend" || u.low == "weekends" {
		return expr{}, false
	}
	k++
	mult := 1
	if u.low == "decade" || u.low == "decades" {
		g, mult = granYear, 10
	}
	if u.low == "century" || u.low == "centuries" {
		g, mult = granYear, 100
	}
	if u.low == "fortnight" || u.low == "fortnights" {
		g, mult = granDay, 14
	}
	if g == granQuarter {
		g, mult = granMonth, 3
	}
	e := expr{start: i, typ: Date, kind: kOffset, p: point{g: g}, weekday: -1}
	sign := 0
	switch lowAt(toks, k) {
	case "ago":
		e.anchor, sign = anchorRef, -1
	case "earlier", "before", "prior":
		if lowAt(toks, k) == "prior" && !isWord(toks, k+1, "to") {
			e.anchor, sign = anchorCtx, -1
		} else if lowAt(toks, k) == "before" && startsClauseOrNoun(toks, k+1) {
			return expr{}, false // "two days before the vote": needs the event
		} else {
			e.anchor, sign = anchorCtx, -1
		}
	case "later", "after", "on", "afterwards", "afterward", "hence":
		if lowAt(toks, k) == "after" && startsClauseOrNoun(toks, k+1) {
			return expr{}, false
		}
		if lowAt(toks, k) == "on" && !endsPhrase(toks, k+1) {
			return expr{}, false // "a decade on" ends a phrase; "two days on the run" does not
		}
		e.anchor, sign = anchorCtx, 1
	case "from":
		if !isWord(toks, k+1, "now", "today") {
			return expr{}, false
		}
		e.anchor, sign = anchorRef, 1
		k++
	default:
		// "in three days" (future, from the reference date), only after
		// "in" and when the sentence looks ahead.
		if isWord(toks, i-1, "in", "within") && futureSentence(toks, i) && !vague {
			e.anchor, e.n, e.end = anchorRef, n*mult, k
			e.mod = "IN"
			return e, true
		}
		return expr{}, false
	}
	e.end = k + 1
	if vague {
		e.kind, e.lit = kRef, "PAST_REF"
		if sign > 0 {
			e.lit = "FUTURE_REF"
		}
		return e, true
	}
	e.n = sign * n * mult
	return e, true
}

// startsClauseOrNoun reports that what follows "before"/"after" is an
// event ("the election", "he left"), not the end of the phrase.
func startsClauseOrNoun(toks []token, k int) bool {
	t := tk(toks, k)
	return t != nil && t.kind == tokWord && !isWord(toks, k, "and", "but", "or", "when", "that", "which")
}

func endsPhrase(toks []token, k int) bool {
	t := tk(toks, k)
	return t == nil || t.kind == tokPunct || isWord(toks, k, "and", "but", "or", "when", "the", "he", "she", "they", "it", "in", "from")
}

// ruleAnaphor: the day before, the day after, the year before, the night
// before: one unit from the last date mentioned; the day, the year, the
// entire year: the day or year the text is speaking of.
func ruleAnaphor(toks []token, i int) (expr, bool) {
	if !isWord(toks, i-1, "the") {
		return expr{}, false
	}
	k := i
	if isWord(toks, k, "entire", "whole") {
		k++
	}
	if isWord(toks, k, "day", "year", "month") && !isWord(toks, k+1, "before", "after", "of", "when", "that", "in", "on", "ahead", "earlier", "later", "previous", "prior", "-", "'s") {
		g := unitNames[toks[k].low]
		return expr{start: i, end: k + 1, typ: Date, kind: kOffset, anchor: anchorCtx, p: point{g: g}, weekday: -1}, true
	}
	u := tk(toks, i)
	if u == nil || u.kind != tokWord {
		return expr{}, false
	}
	g, ok := unitNames[u.low]
	pod := ""
	if !ok {
		if u.low != "night" && u.low != "evening" && u.low != "morning" {
			return expr{}, false
		}
		g, pod = granDay, partOfDay[u.low]
	}
	if pluralUnit(u.low) || g == granMinute || g == granHour || u.low == "season" || u.low == "weekend" {
		return expr{}, false
	}
	n := 0
	switch lowAt(toks, i+1) {
	case "before":
		n = -1
	case "after":
		n = 1
	default:
		return expr{}, false
	}
	if !endsPhrase(toks, i+2) {
		return expr{}, false
	}
	e := expr{start: i, end: i + 2, typ: Date, kind: kOffset, anchor: anchorCtx, p: point{g: g}, n: n, weekday: -1, pod: pod}
	if pod != "" {
		e.typ = Time
	}
	return e, true
}

// futureSentence reports a future cue in the sentence around k.
func futureSentence(toks []token, k int) bool {
	return tenseAt(toks, k, k+1) == tenseFuture
}
