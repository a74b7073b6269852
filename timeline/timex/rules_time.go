package timex

// Rules for clock times and parts of the day: "3 p.m.", "15:30 GMT",
// "Friday morning", "midnight".

// meridiemAt reads "a.m.", "p.m.", "am", "pm" at k and returns 0 (am) or
// 12 (pm).
func meridiemAt(toks []token, k int) (add, next int, ok bool) {
	t := tk(toks, k)
	if t == nil || t.kind != tokWord {
		return 0, k, false
	}
	switch t.low {
	case "am", "pm":
		add = 0
		if t.low == "pm" {
			add = 12
		}
		return add, k + 1, true
	case "a", "p":
		if isPunct(toks, k+1, ".") && glued(toks, k+1) && isWord(toks, k+2, "m") && glued(toks, k+2) {
			next = k + 3
			if isPunct(toks, next, ".") && glued(toks, next) {
				next++
			}
			if t.low == "p" {
				add = 12
			}
			return add, next, true
		}
	}
	return 0, k, false
}

// zoneAt reads a time zone: GMT, UTC, EST, "(GMT +8)".
func zoneAt(toks []token, k int) (tz string, next int) {
	paren := isPunct(toks, k, "(")
	j := k
	if paren {
		j++
	}
	t := tk(toks, j)
	if t == nil || t.kind != tokWord || t.text != upper(t.text) {
		return "", k
	}
	z, ok := timeZones[t.low]
	if !ok {
		return "", k
	}
	j++
	if (isPunct(toks, j, "+") || isPunct(toks, j, "-")) && tk(toks, j+1) != nil && toks[j+1].kind == tokNum && toks[j+1].ndig <= 2 {
		h := toks[j+1].num
		z = toks[j].text + twoDigits(h) + ":00"
		j += 2
	}
	if paren {
		if !isPunct(toks, j, ")") {
			return "", k
		}
		j++
	}
	return z, j
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// ruleClock: 3 p.m., 3pm, 15:30 [GMT], 0800 UTC, noon, midnight.
func ruleClock(toks []token, i int) (expr, bool) {
	t := &toks[i]
	e := expr{start: i, typ: Time, kind: kTime, weekday: -1, hasClock: true}
	switch {
	case t.kind == tokWord && (t.low == "noon" || t.low == "midday"):
		e.hh, e.end = 12, i+1
		return clockTail(toks, e), true
	case t.kind == tokWord && t.low == "midnight":
		e.hh, e.end = 24, i+1
		return clockTail(toks, e), true
	case t.kind != tokNum || (i > 0 && partOfNumberBefore(toks, i)):
		return expr{}, false
	}
	// 3pm, 11am
	if (t.suffix == "am" || t.suffix == "pm") && t.ndig <= 2 && t.num >= 1 && t.num <= 12 {
		e.hh = t.num % 12
		if t.suffix == "pm" {
			e.hh += 12
		}
		e.end = i + 1
		return clockTail(toks, e), true
	}
	if t.suffix != "" {
		return expr{}, false
	}
	k := i + 1
	mm := 0
	hasMin := false
	if isPunct(toks, k, ":") && glued(toks, k) && glued(toks, k+1) {
		m := tk(toks, k+1)
		if m == nil || m.kind != tokNum || m.ndig != 2 || m.num > 59 {
			return expr{}, false
		}
		if isPunct(toks, k+2, ":") && glued(toks, k+2) {
			return expr{}, false // 2:14:09, a race time
		}
		if m.suffix == "am" || m.suffix == "pm" {
			h := t.num % 12
			if m.suffix == "pm" {
				h += 12
			}
			e.hh, e.mm, e.end = h, m.num, k+2
			return clockTail(toks, e), true
		}
		if m.suffix != "" {
			return expr{}, false
		}
		mm, hasMin = m.num, true
		k += 2
	} else if isPunct(toks, k, ".") && glued(toks, k) && glued(toks, k+1) && tk(toks, k+1) != nil && toks[k+1].kind == tokNum && toks[k+1].ndig == 2 && toks[k+1].num <= 59 {
		// 3.30pm (British); only with a meridiem
		if _, k2, ok := meridiemAt(toks, k+2); ok || toks[k+1].suffix == "pm" || toks[k+1].suffix == "am" {
			add := 0
			if toks[k+1].suffix == "pm" {
				add = 12
			} else if ok {
				add, _, _ = meridiemAt(toks, k+2)
			}
			end := k + 2
			if ok {
				end = k2
			}
			if t.num < 1 || t.num > 12 {
				return expr{}, false
			}
			e.hh, e.mm, e.end = t.num%12+add, toks[k+1].num, end
			return clockTail(toks, e), true
		}
		return expr{}, false
	}
	if add, k2, ok := meridiemAt(toks, k); ok {
		if t.num < 1 || t.num > 12 || (!hasMin && t.ndig > 2) {
			return expr{}, false
		}
		e.hh, e.mm, e.end = t.num%12+add, mm, k2
		return clockTail(toks, e), true
	}
	if hasMin {
		if t.num > 24 || t.ndig > 2 {
			return expr{}, false
		}
		e.hh, e.mm, e.end = t.num, mm, k
		return clockTail(toks, e), true
	}
	// 0800 UTC: four digits only with a zone
	if t.ndig == 4 && t.num/100 <= 23 && t.num%100 <= 59 {
		if z, k2 := zoneAt(toks, k); k2 > k {
			e.hh, e.mm, e.tz, e.end = t.num/100, t.num%100, z, k2
			return clockTail(toks, e), true
		}
	}
	return expr{}, false
}

// clockTail reads a zone and a day after a time: "12:00 UTC Monday", "16:00
// UTC today".
func clockTail(toks []token, e expr) expr {
	if z, k := zoneAt(toks, e.end); k > e.end {
		e.tz, e.end = z, k
	}
	if isWord(toks, e.end, "today", "tonight") {
		e.end++
	} else if t := tk(toks, e.end); t != nil && t.kind == tokWord && capitalized(t) {
		if wd, ok := weekdayNames[t.low]; ok && len(t.low) > 3 {
			e.weekday = wd
			e.end++
		}
	}
	return e
}

// rulePartOfDay: this morning, last night, tonight, yesterday afternoon,
// tomorrow evening, Friday morning (see ruleWeekday), overnight.
func rulePartOfDay(toks []token, i int) (expr, bool) {
	t := &toks[i]
	if t.kind != tokWord {
		return expr{}, false
	}
	off := 0
	k := i
	switch t.low {
	case "this":
		k++
	case "last":
		off = -1
		k++
		if !isWord(toks, k, "night") {
			return expr{}, false
		}
	case "yesterday":
		off = -1
		k++
	case "tomorrow":
		off = 1
		k++
	case "tonight":
		return expr{start: i, end: i + 1, typ: Time, kind: kOffset, p: point{g: granDay}, pod: "NI", weekday: -1}, true
	default:
		return expr{}, false
	}
	pod, ok := partOfDay[lowAt(toks, k)]
	if !ok || lowAt(toks, k) == "noon" || lowAt(toks, k) == "midnight" {
		return expr{}, false
	}
	if t.low == "last" {
		pod = "NI"
	}
	return expr{start: i, end: k + 1, typ: Time, kind: kOffset, p: point{g: granDay}, n: off, pod: pod, weekday: -1}, true
}

func lowAt(toks []token, k int) string {
	if t := tk(toks, k); t != nil {
		return t.low
	}
	return ""
}
