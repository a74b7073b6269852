package timex

// Rules for calendar dates written with their parts: "20 February 2024",
// "Feb. 20, 2024", "2024-02-20", "February 2024", "2017", "the 1990s".

func tk(toks []token, k int) *token {
	if k >= 0 && k < len(toks) {
		return &toks[k]
	}
	return nil
}

func isWord(toks []token, k int, ws ...string) bool {
	t := tk(toks, k)
	if t == nil || t.kind != tokWord {
		return false
	}
	for _, w := range ws {
		if t.low == w {
			return true
		}
	}
	return false
}

func isPunct(toks []token, k int, p string) bool {
	t := tk(toks, k)
	return t != nil && t.kind == tokPunct && t.text == p
}

// glued reports that toks[k] follows toks[k-1] with no space between.
func glued(toks []token, k int) bool {
	t := tk(toks, k)
	return t != nil && !t.space
}

func capitalized(t *token) bool {
	return t.kind == tokWord && t.text[0] >= 'A' && t.text[0] <= 'Z'
}

// monthAt reads a month name at k: "February", "Feb", "Feb.", "Sept.".
// Names are proper nouns: lower-case "may" and "march" are verbs.
func monthAt(toks []token, k int) (m, next int, ok bool) {
	t := tk(toks, k)
	if t == nil || t.kind != tokWord {
		return 0, k, false
	}
	m, ok = monthNames[t.low]
	if !ok || !capitalized(t) || (t.text != "May" && len(t.text) > 1 && t.text == upper(t.text) && len(t.text) > 3) {
		return 0, k, false
	}
	next = k + 1
	if len(t.low) <= 4 && t.low != "may" && t.low != "june" && t.low != "july" && isPunct(toks, next, ".") && glued(toks, next) {
		next++
	}
	return m, next, true
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func isMonthOrModifier(w string) bool {
	_, ok := monthNames[w]
	return ok || w == "mid" || w == "early" || w == "late"
}

// dayAt reads a day of the month: "20", "20th", "1st", "first".
func dayAt(toks []token, k int) (d, next int, ok bool) {
	t := tk(toks, k)
	if t == nil {
		return 0, k, false
	}
	if t.kind == tokNum && t.ndig <= 2 && t.num >= 1 && t.num <= 31 {
		switch t.suffix {
		case "", "st", "nd", "rd", "th":
			if t.suffix == "" && k+1 < len(toks) && !toks[k+1].space && toks[k+1].kind == tokWord {
				return 0, k, false
			}
			return t.num, k + 1, true
		}
		return 0, k, false
	}
	if t.kind == tokWord {
		if n, ok := ordinalWords[t.low]; ok && n <= 31 {
			return n, k + 1, true
		}
	}
	return 0, k, false
}

// yearAt reads a four-digit year, or an apostrophe year ("'82").
func yearAt(toks []token, k int) (y, next int, ok bool) {
	t := tk(toks, k)
	if t == nil {
		return 0, k, false
	}
	if t.kind == tokNum && t.ndig == 4 && t.suffix == "" && t.num >= 1000 && t.num <= 2199 {
		if n := tk(toks, k+1); n != nil && !n.space && (n.kind == tokWord || n.text == "%" || (n.text == "," || n.text == ".") && tk(toks, k+2) != nil && toks[k+2].kind == tokNum && !toks[k+2].space) {
			return 0, k, false
		}
		return t.num, k + 1, true
	}
	if (t.text == "'" || t.text == "’") && k+1 < len(toks) && glued(toks, k+1) {
		n := &toks[k+1]
		if n.kind == tokNum && n.ndig == 2 && n.suffix == "" {
			return century2(n.num), k + 2, true
		}
	}
	return 0, k, false
}

// century2 expands a two-digit year: '82 is 1982, '09 is 2009.
func century2(n int) int {
	if n < 40 {
		return 2000 + n
	}
	return 1900 + n
}

func skipComma(toks []token, k int) int {
	if isPunct(toks, k, ",") {
		return k + 1
	}
	return k
}

// weekdayPrefix reads "Tuesday," before a date and returns the weekday.
func weekdayPrefix(toks []token, k int) (wd, next int) {
	t := tk(toks, k)
	if t == nil || t.kind != tokWord || !capitalized(t) {
		return -1, k
	}
	wd, ok := weekdayNames[t.low]
	if !ok {
		return -1, k
	}
	next = k + 1
	if isPunct(toks, next, ".") && glued(toks, next) && len(t.low) <= 4 {
		next++
	}
	if isPunct(toks, next, ",") {
		next++
	}
	return wd, next
}

func dateExpr(start, end int, p point, yearKnown bool, wd int) (expr, bool) {
	return expr{start: start, end: end, typ: Date, kind: kAbs, p: p, yearKnown: yearKnown, weekday: wd}, true
}

// ruleISODate: 2024-02-20, 2024-02.
func ruleISODate(toks []token, i int) (expr, bool) {
	t := &toks[i]
	if t.kind != tokNum || t.ndig != 4 || t.suffix != "" || (i > 0 && partOfNumberBefore(toks, i)) {
		return expr{}, false
	}
	if !isPunct(toks, i+1, "-") || !glued(toks, i+1) || !glued(toks, i+2) {
		return expr{}, false
	}
	m := tk(toks, i+2)
	if m == nil || m.kind != tokNum || m.ndig != 2 || m.num < 1 || m.num > 12 || m.suffix != "" {
		return expr{}, false
	}
	if isPunct(toks, i+3, "-") && glued(toks, i+3) && glued(toks, i+4) {
		d := tk(toks, i+4)
		if d != nil && d.kind == tokNum && d.ndig == 2 && d.num >= 1 && d.num <= daysIn(t.num, m.num) && d.suffix == "" {
			return dateExpr(i, i+5, point{g: granDay, y: t.num, m: m.num, d: d.num}, true, -1)
		}
		return expr{}, false
	}
	// YYYY-MM only with a leading zero: "2009-10" is a range of years.
	if m.text[0] != '0' || (tk(toks, i+3) != nil && glued(toks, i+3) && toks[i+3].kind != tokPunct) {
		return expr{}, false
	}
	return dateExpr(i, i+3, point{g: granMonth, y: t.num, m: m.num}, true, -1)
}

func partOfNumberBefore(toks []token, k int) bool {
	t := &toks[k]
	if t.space {
		return false
	}
	p := &toks[k-1]
	return p.kind == tokWord || p.kind == tokNum || p.text == "$" || p.text == "#" || (p.text == "," || p.text == "." || p.text == ":") && k > 1 && toks[k-2].kind == tokNum
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ruleNumericDate: 20.02.2024, 02/20/2024, 20/02/2024, 2024/02/20.
func ruleNumericDate(toks []token, i int) (expr, bool) {
	a := &toks[i]
	if a.kind != tokNum || a.suffix != "" || (i > 0 && partOfNumberBefore(toks, i)) {
		return expr{}, false
	}
	sep := tk(toks, i+1)
	if sep == nil || !glued(toks, i+1) || !glued(toks, i+2) || (sep.text != "." && sep.text != "/") {
		return expr{}, false
	}
	b := tk(toks, i+2)
	if b == nil || b.kind != tokNum || b.suffix != "" || !isPunct(toks, i+3, sep.text) || !glued(toks, i+3) || !glued(toks, i+4) {
		return expr{}, false
	}
	c := tk(toks, i+4)
	if c == nil || c.kind != tokNum || c.suffix != "" || (tk(toks, i+5) != nil && glued(toks, i+5) && (toks[i+5].kind == tokNum || isPunct(toks, i+5, sep.text))) {
		return expr{}, false
	}
	var y, m, d int
	switch {
	case a.ndig == 4:
		y, m, d = a.num, b.num, c.num
	case c.ndig == 4 && sep.text == "." && a.ndig <= 2:
		y, m, d = c.num, b.num, a.num
	case c.ndig == 2 && sep.text == "/" && a.ndig <= 2 && b.ndig <= 2:
		// 7/8/07, month first
		y, m, d = century2(c.num), a.num, b.num
	case c.ndig == 4 && sep.text == "/" && a.ndig <= 2:
		// Month first, as in American usage, unless the first number
		// cannot be a month.
		y, m, d = c.num, a.num, b.num
		if a.num > 12 {
			m, d = b.num, a.num
		}
	default:
		return expr{}, false
	}
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return expr{}, false
	}
	return dateExpr(i, i+5, point{g: granDay, y: y, m: m, d: d}, true, -1)
}

// ruleMonthDayYear: [Tuesday,] February 20[,] 2024; February 20; Feb. 20th.
func ruleMonthDayYear(toks []token, i int) (expr, bool) {
	wd, k := weekdayPrefix(toks, i)
	m, k, ok := monthAt(toks, k)
	if !ok {
		return expr{}, false
	}
	d, k2, ok := dayAt(toks, k)
	if !ok || toks[k].kind != tokNum || d > daysIn(2024, m) {
		return expr{}, false
	}
	// "May 2009" is a month: a two-digit day is never four digits.
	k3 := skipComma(toks, k2)
	if y, k4, ok := yearAt(toks, k3); ok && d <= daysIn(y, m) {
		return dateExpr(i, k4, point{g: granDay, y: y, m: m, d: d}, true, wd)
	}
	if isPunct(toks, k2, ",") && k2+1 < len(toks) && toks[k2+1].kind == tokNum {
		return expr{}, false // "March 3, 15 people": not a date
	}
	return dateExpr(i, k2, point{g: granDay, m: m, d: d}, false, wd)
}

// ruleDayMonthYear: [Tuesday,] [the] 20[th] [of] February[,] [2024].
func ruleDayMonthYear(toks []token, i int) (expr, bool) {
	wd, k := weekdayPrefix(toks, i)
	if isWord(toks, k, "the") && wd >= 0 {
		k++
	}
	d, k, ok := dayAt(toks, k)
	if !ok {
		return expr{}, false
	}
	if isWord(toks, k, "of") {
		k++
	}
	m, k, ok := monthAt(toks, k)
	if !ok || d > daysIn(2024, m) {
		return expr{}, false
	}
	k2 := skipComma(toks, k)
	if y, k3, ok := yearAt(toks, k2); ok && d <= daysIn(y, m) {
		return dateExpr(i, k3, point{g: granDay, y: y, m: m, d: d}, true, wd)
	}
	return dateExpr(i, k, point{g: granDay, m: m, d: d}, false, wd)
}

// ruleMonthYear: February 2024, February of 2024, Feb. '24.
func ruleMonthYear(toks []token, i int) (expr, bool) {
	m, k, ok := monthAt(toks, i)
	if !ok {
		return expr{}, false
	}
	k = skipComma(toks, k)
	if isWord(toks, k, "of") {
		k++
	}
	y, k2, ok := yearAt(toks, k)
	if !ok {
		// October of next year, January of this year
		if isWord(toks, k-1, "of") && isWord(toks, k, "this", "last", "next", "that", "the") && isWord(toks, k+1, "year") {
			e := expr{start: i, end: k + 2, typ: Date, kind: kAbs, p: point{g: granMonth, m: m}, weekday: -1, yearRel: true,
				yearOff: map[string]int{"last": -1, "next": 1}[lowAt(toks, k)]}
			if isWord(toks, k, "that", "the") {
				e.anchor = anchorCtx
			}
			return e, true
		}
		return expr{}, false
	}
	return dateExpr(i, k2, point{g: granMonth, y: y, m: m}, true, -1)
}

// ruleMonthAlone: "in May". A month name beside another capitalized name
// is a person ("Theresa May", "April Ryan"), not a month.
func ruleMonthAlone(toks []token, i int) (expr, bool) {
	m, k, ok := monthAt(toks, i)
	if !ok {
		return expr{}, false
	}
	t := &toks[i]
	if p := tk(toks, i-1); p != nil && p.kind == tokWord && capitalized(p) && !t.sentStart && !isMonthOrModifier(p.low) && !isWord(toks, i-1, "in", "since", "until", "by", "last", "next", "this", "from", "during", "early", "late", "mid", "through", "before", "after", "of") {
		return expr{}, false
	}
	if n := tk(toks, k); n != nil && n.kind == tokWord && capitalized(n) && !n.para && !isWord(toks, k, "and", "or") {
		return expr{}, false
	}
	if t.low == "may" && !prepositionBefore(toks, i) {
		return expr{}, false // the modal verb at the start of a sentence
	}
	return dateExpr(i, k, point{g: granMonth, m: m}, false, -1)
}

func prepositionBefore(toks []token, i int) bool {
	return isWord(toks, i-1, "in", "since", "until", "by", "last", "next", "this", "from", "during",
		"early", "late", "mid", "through", "before", "after", "of", "to", "and", "or", "till", "between", "that", "each", "every", "-")
}

// ruleYear: 2017; the second year of "1957-58" and "2009-10".
func ruleYear(toks []token, i int) (expr, bool) {
	if y, k, ok := yearAt(toks, i); ok {
		if i > 0 && partOfNumberBefore(toks, i) && toks[i].text != "'" && toks[i].text != "’" {
			return expr{}, false
		}
		return dateExpr(i, k, point{g: granYear, y: y}, true, -1)
	}
	t := &toks[i]
	if t.kind == tokNum && t.ndig == 2 && t.suffix == "" && i >= 2 && isDash(toks[i-1].text) && glued(toks, i) && glued(toks, i-1) {
		if p := &toks[i-2]; p.kind == tokNum && p.ndig == 4 && p.num >= 1000 {
			y := p.num/100*100 + t.num
			if y > p.num {
				if n := tk(toks, i+1); n != nil && !n.space && n.kind != tokPunct {
					return expr{}, false
				}
				return dateExpr(i, i+1, point{g: granYear, y: y}, true, -1)
			}
		}
	}
	return expr{}, false
}

// ruleBC: 218 BC, 480 B.C.
func ruleBC(toks []token, i int) (expr, bool) {
	t := &toks[i]
	if t.kind != tokNum || t.suffix != "" || t.ndig > 4 {
		return expr{}, false
	}
	k := i + 1
	if isWord(toks, k, "bc", "bce") {
		return expr{start: i, end: k + 1, typ: Date, kind: kAbs, p: point{g: granYear, y: t.num, bc: true}, yearKnown: true, weekday: -1}, true
	}
	if isWord(toks, k, "b") && isPunct(toks, k+1, ".") && isWord(toks, k+2, "c") {
		end := k + 3
		if isPunct(toks, end, ".") && glued(toks, end) {
			end++
		}
		return expr{start: i, end: end, typ: Date, kind: kAbs, p: point{g: granYear, y: t.num, bc: true}, yearKnown: true, weekday: -1}, true
	}
	if isWord(toks, k, "ad") && t.ndig <= 4 && t.num > 0 {
		return expr{start: i, end: k + 1, typ: Date, kind: kAbs, p: point{g: granYear, y: t.num}, yearKnown: true, weekday: -1}, true
	}
	return expr{}, false
}
