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

// starts reports a token an expression (with its modifiers) may begin
// with. Checking it first keeps the scan fast.
func starts(t *token) bool { return tokenClass(t) != 0 }

// starterWords are the other words an expression may begin with.
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
	"within": true, "once": true, "twice": true, "thrice": true, "per": true,
	"entire": true, "whole": true, "mondays": true, "tuesdays": true, "wednesdays": true,
	"thursdays": true, "fridays": true, "saturdays": true, "sundays": true, "midday": true,
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

// Token classes: what a token can start. A token's classes are looked up
// once (classOf); each rule says which classes it can start with, so only
// those rules are tried at a token.
const (
	clsNum uint16 = 1 << iota
	clsApos
	clsMonth
	clsWeekday
	clsNumWord
	clsOrdinal
	clsUnit
	clsSeason
	clsPod
	clsSet
	clsStarter
)

var classOf = func() map[string]uint16 {
	m := map[string]uint16{}
	add := func(c uint16, words ...string) {
		for _, w := range words {
			m[w] |= c
		}
	}
	for w := range monthNames {
		add(clsMonth, w)
	}
	for w := range weekdayNames {
		add(clsWeekday, w)
	}
	for w := range numberWords {
		add(clsNumWord, w)
	}
	for w := range ordinalWords {
		add(clsOrdinal, w)
	}
	for w := range unitNames {
		add(clsUnit, w)
	}
	for w := range seasonNames {
		add(clsSeason, w)
	}
	for w := range partOfDay {
		add(clsPod, w)
	}
	for w := range setWords {
		add(clsSet, w)
	}
	for w, ok := range starterWords {
		if ok {
			add(clsStarter, w)
		}
	}
	for w := range decadeWords {
		add(clsStarter, w)
	}
	return m
}()

// tokenClass is the classes of t.
func tokenClass(t *token) uint16 {
	switch t.kind {
	case tokNum:
		return clsNum
	case tokPunct:
		if t.text == "'" || t.text == "’" {
			return clsApos
		}
		return 0
	}
	return classOf[t.low]
}

// ruleStarts is, for each rule in rules, the classes it can start with.
var ruleStarts = []uint16{
	clsNum,                           // ruleISODate
	clsNum,                           // ruleNumericDate
	clsWeekday | clsMonth,            // ruleMonthDayYear
	clsWeekday | clsNum | clsOrdinal, // ruleDayMonthYear
	clsMonth,                         // ruleMonthYear
	clsMonth,                         // ruleMonthAlone
	clsNum | clsApos,                 // ruleYear
	clsNum,                           // ruleBC
	clsNum | clsApos | clsStarter,    // ruleDecade
	clsNum | clsOrdinal,              // ruleCentury
	clsSeason,                        // ruleSeason
	clsStarter | clsOrdinal | clsNum, // ruleQuarter
	clsStarter,                       // ruleFiscal
	clsNum | clsPod,                  // ruleClock
	clsStarter,                       // ruleDeictic
	clsStarter,                       // ruleThisLastNext
	clsWeekday,                       // ruleWeekday
	clsStarter | clsPod,              // rulePartOfDay
	clsNum | clsNumWord | clsStarter, // ruleOffset
	clsUnit | clsPod | clsStarter,    // ruleAnaphor
	clsNum | clsNumWord | clsStarter | clsUnit, // ruleDuration
	clsSet | clsStarter,                        // ruleSet
}

func bestRule(toks []token, i int) (expr, bool) {
	var best expr
	if i >= len(toks) {
		return best, false
	}
	found := false
	cls := tokenClass(&toks[i])
	for k, r := range rules {
		if ruleStarts[k]&cls == 0 {
			continue
		}
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
			if (get(i+2) == "part" || get(i+2) == "days" || get(i+2) == "months" || get(i+2) == "weeks") && get(i+3) == "of" {
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
