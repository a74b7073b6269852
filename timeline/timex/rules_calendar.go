package timex

// Rules for spans of the calendar: decades, centuries, seasons, quarters
// and halves, fiscal years.

var decadeWords = map[string]int{
	"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
	"seventies": 7, "eighties": 8, "nineties": 9,
}

// ruleDecade: the 1990s, the '90s, the nineties, the 1800s (a century).
func ruleDecade(toks []token, i int) (expr, bool) {
	t := &toks[i]
	if t.kind == tokNum && t.suffix == "s" && t.ndig == 4 && t.num%10 == 0 && t.num >= 1000 && t.num <= 2190 {
		if t.num%100 == 0 {
			return expr{start: i, end: i + 1, typ: Date, kind: kAbs, p: point{g: granCentury, y: t.num / 100}, yearKnown: true, weekday: -1}, true
		}
		return expr{start: i, end: i + 1, typ: Date, kind: kAbs, p: point{g: granDecade, y: t.num / 10}, yearKnown: true, weekday: -1}, true
	}
	if (t.text == "'" || t.text == "’") && i+1 < len(toks) && glued(toks, i+1) {
		n := &toks[i+1]
		if n.kind == tokNum && n.ndig == 2 && n.suffix == "s" && n.num%10 == 0 {
			return expr{start: i, end: i + 2, typ: Date, kind: kAbs, p: point{g: granDecade, y: century2(n.num) / 10}, yearKnown: true, weekday: -1}, true
		}
	}
	// the 70s and 80s
	if t.kind == tokNum && t.ndig == 2 && t.suffix == "s" && t.num%10 == 0 && isWord(toks, i-1, "the", "and", "or", "early", "late", "mid", "-") {
		return expr{start: i, end: i + 1, typ: Date, kind: kAbs, p: point{g: granDecade, y: century2(t.num) / 10}, yearKnown: true, weekday: -1}, true
	}
	if d, ok := decadeWords[t.low]; ok && isWord(toks, i-1, "the", "early", "late", "mid") {
		return expr{start: i, end: i + 1, typ: Date, kind: kAbs, p: point{g: granDecade, y: 190 + d}, yearKnown: true, weekday: -1}, true
	}
	return expr{}, false
}

// ruleCentury: the 20th century, the twentieth century.
func ruleCentury(toks []token, i int) (expr, bool) {
	t := &toks[i]
	n := 0
	switch {
	case t.kind == tokNum && t.ndig <= 2 && (t.suffix == "th" || t.suffix == "st" || t.suffix == "nd" || t.suffix == "rd"):
		n = t.num
	case t.kind == tokWord:
		n = ordinalWords[t.low]
	}
	if n < 1 || n > 21 {
		return expr{}, false
	}
	k := i + 1
	if isPunct(toks, k, "-") && glued(toks, k) {
		k++
	}
	if !isWord(toks, k, "century") {
		return expr{}, false
	}
	return expr{start: i, end: k + 1, typ: Date, kind: kAbs, p: point{g: granCentury, y: n - 1}, yearKnown: true, weekday: -1}, true
}

// ruleSeason: spring 2022, the summer of 2005, winter.
func ruleSeason(toks []token, i int) (expr, bool) {
	t := &toks[i]
	s, ok := seasonNames[t.low]
	if !ok || t.kind != tokWord {
		return expr{}, false
	}
	if t.low == "fall" && !isWord(toks, i-1, "the", "this", "last", "next", "early", "late", "in", "that", "-") && !yearFollows(toks, i+1) {
		return expr{}, false // the verb
	}
	k := i + 1
	k2 := k
	if isWord(toks, k2, "of") {
		k2++
	}
	k2 = skipComma(toks, k2)
	if y, k3, ok := yearAt(toks, k2); ok {
		return expr{start: i, end: k3, typ: Date, kind: kAbs, p: point{g: granSeason, y: y, part: s}, yearKnown: true, weekday: -1}, true
	}
	// A season as an adjective ("summer camp", "spring offensive") is still a
	// season; "spring" as a noun of water is rare in news.
	return expr{start: i, end: k, typ: Date, kind: kAbs, p: point{g: granSeason, part: s}, weekday: -1}, true
}

func yearFollows(toks []token, k int) bool {
	if isWord(toks, k, "of") {
		k++
	}
	_, _, ok := yearAt(toks, k)
	return ok
}

// ruleQuarter: the third quarter [of 2009], Q3 2009, the first half of 2009.
func ruleQuarter(toks []token, i int) (expr, bool) {
	t := &toks[i]
	var q int
	var g gran
	k := i + 1
	switch {
	case t.kind == tokWord && len(t.low) == 2 && t.low[0] == 'q' && t.low[1] >= '1' && t.low[1] <= '4':
		q, g = int(t.low[1]-'0'), granQuarter
	case t.low == "q" && k < len(toks) && glued(toks, k) && toks[k].kind == tokNum && toks[k].num >= 1 && toks[k].num <= 4 && toks[k].ndig == 1:
		q, g = toks[k].num, granQuarter
		k++
	case t.kind == tokWord && (ordinalWords[t.low] >= 1 && ordinalWords[t.low] <= 4 || t.low == "final" || t.low == "last"):
		q = ordinalWords[t.low]
		if isPunct(toks, k, "-") && glued(toks, k) && glued(toks, k+1) {
			k++ // third-quarter
		}
		if isWord(toks, k, "quarter") {
			g = granQuarter
			if q == 0 {
				q = 4
			}
		} else if isWord(toks, k, "half") && q <= 2 {
			g = granHalf
			if q == 0 {
				q = 2
			}
		} else {
			return expr{}, false
		}
		if t.low == "last" && !isWord(toks, i-1, "the") {
			return expr{}, false // "last quarter" is relative
		}
		k++
	case t.kind == tokNum && t.ndig == 1 && (t.suffix == "st" || t.suffix == "nd" || t.suffix == "rd" || t.suffix == "th") && t.num >= 1 && t.num <= 4 && isWord(toks, k, "quarter"):
		q, g = t.num, granQuarter
		k++
	default:
		return expr{}, false
	}
	k2 := k
	if isWord(toks, k2, "of") {
		k2++
	}
	if isWord(toks, k2, "fiscal") {
		k2++
		if isWord(toks, k2, "year") {
			k2++
		}
	}
	k2 = skipComma(toks, k2)
	if y, k3, ok := yearAt(toks, k2); ok {
		return expr{start: i, end: k3, typ: Date, kind: kAbs, p: point{g: g, y: y, part: q}, yearKnown: true, weekday: -1}, true
	}
	// the third quarter of this year, the first half of last year
	if k2 > k && isWord(toks, k2, "this", "last", "next", "the") && isWord(toks, k2+1, "year") {
		n := map[string]int{"this": 0, "last": -1, "next": 1, "the": 0}[lowAt(toks, k2)]
		e := expr{start: i, end: k2 + 2, typ: Date, kind: kAbs, p: point{g: g, part: q}, weekday: -1, yearOff: n, yearRel: true}
		if lowAt(toks, k2) == "the" {
			e.anchor = anchorCtx
		}
		return e, true
	}
	if g == granHalf && !isWord(toks, i-1, "the") {
		return expr{}, false
	}
	return expr{start: i, end: k, typ: Date, kind: kAbs, p: point{g: g, part: q}, weekday: -1}, true
}

// ruleFiscal: fiscal 2009, fiscal year 2009, FY2009, FY 2009.
func ruleFiscal(toks []token, i int) (expr, bool) {
	k := i + 1
	switch {
	case isWord(toks, i, "fiscal"):
		if isWord(toks, k, "year") {
			k++
		}
	case toks[i].text == "FY":
	default:
		return expr{}, false
	}
	t := tk(toks, k)
	if t == nil || t.kind != tokNum || t.suffix != "" {
		return expr{}, false
	}
	y := t.num
	switch {
	case t.ndig == 4:
	case t.ndig == 2:
		y = century2(t.num)
	default:
		return expr{}, false
	}
	return expr{start: i, end: k + 1, typ: Date, kind: kAbs, p: point{g: granYear, y: y}, yearKnown: true, weekday: -1, mod: "FISCAL"}, true
}
