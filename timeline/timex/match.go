package timex

// exprKind says how an expression's value is resolved.
type exprKind uint8

const (
	kAbs     exprKind = iota // a calendar date or part of one, maybe without its year
	kWeekday                 // a weekday name, maybe with last/next/this
	kOffset                  // n units from an anchor: "two weeks ago", "the next day", "this month"
	kLiteral                 // a value that needs no anchor: durations, sets
	kRef                     // PRESENT_REF, PAST_REF, FUTURE_REF
	kTime                    // a clock time on the anchor day
)

// anchorKind is what an offset counts from.
type anchorKind uint8

const (
	anchorRef anchorKind = iota // the reference (publication) date
	anchorCtx                   // the last date the text mentioned
)

// expr is an expression found in the first pass: its tokens and what it
// says, unresolved.
type expr struct {
	start, end int // token indices, end exclusive
	typ        Type
	kind       exprKind
	p          point // the written parts of the date: p.g is its granularity
	yearKnown  bool
	weekday    int // -1 when none is written
	dir        int // -1 last/previous, +1 next/following, 0 unmarked
	this       bool
	anchor     anchorKind
	n          int // the offset, in units of p.g
	lit        string
	mod        string // early, mid, late, start, end, earlier, later
	rangeEnd   bool   // the second date of "X-Y"; its year may lend the first one its year
	pod        string // part of day on a day
	hh, mm     int
	tz         string
	hasClock   bool
	yearRel    bool // the year is yearOff years from the anchor's: "the first quarter of last year"
	yearOff    int
}

// rule tries to read one expression starting at toks[i]. It returns the
// expression (start and end set) or ok false. A rule sets det when a
// leading "the" belongs to the expression ("the 1990s", but not "the 2021
// report").
type rule func(toks []token, i int) (e expr, ok bool)

// rules are tried in this order at every token; the longest match wins,
// and among equally long ones the first.
var rules = []rule{
	ruleISODate,
	ruleNumericDate,
	ruleMonthDayYear,
	ruleDayMonthYear,
	ruleMonthYear,
	ruleMonthAlone,
	ruleYear,
	ruleBC,
	ruleDecade,
	ruleCentury,
	ruleSeason,
	ruleQuarter,
	ruleFiscal,
	ruleClock,
	ruleDeictic,
	ruleThisLastNext,
	ruleWeekday,
	rulePartOfDay,
	ruleOffset,
	ruleAnaphor,
	ruleDuration,
	ruleSet,
}

// ruleNames name rules, in the same order, for rulesFor.
var ruleNames = []string{
	"ruleISODate", "ruleNumericDate", "ruleMonthDayYear", "ruleDayMonthYear",
	"ruleMonthYear", "ruleMonthAlone", "ruleYear", "ruleBC", "ruleDecade",
	"ruleCentury", "ruleSeason", "ruleQuarter", "ruleFiscal", "ruleClock",
	"ruleDeictic", "ruleThisLastNext", "ruleWeekday", "rulePartOfDay",
	"ruleOffset", "ruleAnaphor", "ruleDuration", "ruleSet",
}

// starters are the lower-case words an expression (with its modifiers) may
// begin with; any number may too. Checking them first keeps the scan fast.
func starts(t *token) bool {
	if t.kind == tokNum {
		return true
	}
	if t.kind == tokPunct {
		return t.text == "'" || t.text == "’"
	}
	if _, ok := monthNames[t.low]; ok {
		return true
	}
	if _, ok := weekdayNames[t.low]; ok {
		return true
	}
	if _, ok := numberWords[t.low]; ok {
		return true
	}
	if _, ok := ordinalWords[t.low]; ok {
		return true
	}
	if _, ok := unitNames[t.low]; ok {
		return true
	}
	if _, ok := seasonNames[t.low]; ok {
		return true
	}
	if _, ok := partOfDay[t.low]; ok {
		return true
	}
	if _, ok := setWords[t.low]; ok {
		return true
	}
	return starterWords[t.low]
}

var starterWords = map[string]bool{
	"the": true, "this": true, "last": true, "next": true, "past": true,
	"early": true, "late": true, "mid": true, "earlier": true, "later": true,
	"today": true, "yesterday": true, "tomorrow": true, "now": true,
	"currently": true, "recently": true, "lately": true, "nowadays": true,
	"every": true, "each": true, "daily": true, "weekly": true, "monthly": true,
	"annually": true, "yearly": true, "several": true, "few": true,
	"that": true, "previous": true, "following": true, "coming": true,
	"fiscal": true, "fy": true, "q": true, "q1": true, "q2": true, "q3": true, "q4": true,
	"about": true, "around": true, "nearly": true, "almost": true,
	"more": true, "over": true, "less": true, "some": true, "at": true,
	"up": true, "roughly": true, "approximately": true, "just": true,
	"same": true, "upcoming": true, "present": true, "future": true,
	"recent": true, "term": true, "end": true, "beginning": true, "start": true,
	"middle": true, "half": true, "mid-": true, "hourly": true,
	"nightly": true, "biweekly": true, "quarterly": true, "semiannually": true,
	"biannually": true, "former": true, "these": true, "many": true,
	"decades": true, "centuries": true, "ages": true, "weeks": true,
	"months": true, "years": true, "days": true, "hours": true, "minutes": true,
	"noon": true, "midnight": true, "tonight": true, "overnight": true,
	"subsequent": true, "succeeding": true, "preceding": true, "ensuing": true,
	"latter": true, "first": true, "second": true, "third": true,
	"fourth": true, "final": true, "closing": true, "opening": true, "a": true, "an": true,
	"within": true, "once": true, "twice": true, "thrice": true, "since": false,
}

// find runs the rules over toks and returns the expressions, in order and
// not overlapping.
func find(toks []token) []expr {
	var out []expr
	for i := 0; i < len(toks); i++ {
		if !starts(&toks[i]) {
			continue
		}
		e, ok := matchAt(toks, i)
		if !ok {
			continue
		}
		if vetoed(toks, &e) {
			continue
		}
		out = append(out, e)
		i = e.end - 1
	}
	markRanges(toks, out)
	return out
}

// matchAt reads the longest expression at i, with its modifiers.
func matchAt(toks []token, i int) (expr, bool) {
	best, ok := bestRule(toks, i)
	// Modifiers: approximations ("about", "more than"), a determiner, and
	// position words ("early", "the end of").
	if m, mod, kind := modifier(toks, i); m > i && m < len(toks) {
		if e, ok2 := matchAt(toks, m); ok2 && (!ok || e.end > best.end) && acceptsModifier(toks, &e, kind) && !crossesParagraph(toks, i, e.end) {
			e.start = i
			if mod != "" {
				e.mod = mod
			}
			return e, true
		}
	}
	return best, ok
}

// rulesFor are the rules that can start at a token of each kind; trying
// only those keeps the scan fast.
var rulesFor = func() (by [3][]rule) {
	numeric := map[string]bool{}
	for _, n := range []string{"ruleISODate", "ruleNumericDate", "ruleDayMonthYear", "ruleYear", "ruleBC", "ruleDecade", "ruleCentury", "ruleQuarter", "ruleClock", "ruleOffset", "ruleDuration"} {
		numeric[n] = true
	}
	for i, r := range rules {
		name := ruleNames[i]
		if numeric[name] {
			by[tokNum] = append(by[tokNum], r)
		}
		if name == "ruleYear" || name == "ruleDecade" {
			by[tokPunct] = append(by[tokPunct], r)
		}
		if name != "ruleISODate" && name != "ruleNumericDate" && name != "ruleClock" || name == "ruleClock" {
			by[tokWord] = append(by[tokWord], r)
		}
	}
	return by
}()

func bestRule(toks []token, i int) (expr, bool) {
	var best expr
	if i >= len(toks) {
		return best, false
	}
	found := false
	for _, r := range rulesFor[toks[i].kind] {
		e, ok := r(toks, i)
		if ok && crossesParagraph(toks, e.start, e.end) {
			continue
		}
		if ok && (!found || e.end > best.end) {
			best, found = e, true
		}
	}
	return best, found
}

// crossesParagraph reports a match that runs over a blank line: a
// headline's last word and the date line below it are two expressions.
func crossesParagraph(toks []token, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if toks[k].para {
			return true
		}
	}
	return false
}

// modifier kinds.
const (
	modNone   = iota
	modApprox // about, more than: durations and dates
	modDet    // the
	modPos    // early, late, mid, the end of
)

// modifier reads a modifier at i and returns where what it modifies starts.
func modifier(toks []token, i int) (next int, mod string, kind int) {
	w := toks[i].low
	get := func(k int) string {
		if k < len(toks) {
			return toks[k].low
		}
		return ""
	}
	switch w {
	case "the":
		// "the end of", "the beginning of", "the first half of"
		switch get(i + 1) {
		case "end", "close":
			if get(i+2) == "of" {
				return i + 3, "END", modPos
			}
		case "beginning", "start", "dawn", "turn", "outset":
			if get(i+2) == "of" {
				return i + 3, "START", modPos
			}
		case "middle":
			if get(i+2) == "of" {
				return i + 3, "MID", modPos
			}
		case "latter", "last", "first", "second", "early", "later", "final":
			if (get(i+2) == "part" || get(i+2) == "half" || get(i+2) == "days" || get(i+2) == "months" || get(i+2) == "weeks") && get(i+3) == "of" {
				return i + 4, "", modPos
			}
		}
		return i + 1, "", modDet
	case "early", "late", "mid":
		n := i + 1
		if n < len(toks) && toks[n].text == "-" && !toks[n].space {
			n++
		}
		return n, map[string]string{"early": "START", "late": "END", "mid": "MID"}[w], modPos
	case "about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "just", "under":
		if (w == "over" || w == "under") && get(i+1) == "the" {
			return i, "", modNone // "over the past decade": a preposition
		}
		return i + 1, "", modApprox
	case "more", "less", "fewer":
		if get(i+1) == "than" {
			return i + 2, "", modApprox
		}
	case "at", "up":
		if (w == "at" && (get(i+1) == "least" || get(i+1) == "most")) || (w == "up" && get(i+1) == "to") {
			return i + 2, "", modApprox
		}
	}
	if w == "mid-" {
		return i + 1, "MID", modPos
	}
	return i, "", modNone
}

func acceptsModifier(toks []token, e *expr, kind int) bool {
	switch kind {
	case modApprox:
		return e.typ == Duration || e.kind == kOffset || e.kind == kAbs
	case modDet:
		// "the 2021 report": a bare year takes no determiner; nor do
		// adjectival durations ("the four-day trip").
		if e.kind == kAbs && e.p.g == granYear && e.end-e.start == 1 {
			return false
		}
		if e.kind == kRef && (e.lit == "PAST_REF" || e.lit == "FUTURE_REF") && (lowAt(toks, e.start) == "past" || lowAt(toks, e.start) == "future" || lowAt(toks, e.start) == "near" || lowAt(toks, e.start) == "short" || lowAt(toks, e.start) == "long") {
			return true // the past, the future, the near term
		}
		if e.kind == kWeekday || e.kind == kRef || e.kind == kTime {
			return false
		}
		if e.typ == Duration && e.lit != "" && adjectival(e) {
			return false
		}
		return e.typ != Set
	case modPos:
		return e.typ == Date || e.typ == Time
	}
	return false
}

// adjectival reports a hyphenated duration used as an adjective: "four-day".
func adjectival(e *expr) bool { return e.mod == "adj" }

// markRanges marks the second date of "X-Y" and "from X to Y" pairs.
func markRanges(toks []token, es []expr) {
	for i := 1; i < len(es); i++ {
		a, b := &es[i-1], &es[i]
		if b.start == a.end+1 && isDash(toks[a.end].text) || b.start == a.end+1 && (toks[a.end].low == "to" || toks[a.end].low == "and" || toks[a.end].low == "until") {
			b.rangeEnd = true
		}
	}
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }
