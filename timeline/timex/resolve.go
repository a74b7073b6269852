package timex

import (
	"fmt"
	"time"
)

// result is a resolved expression.
type result struct {
	value, edtf, note string
	warn              []string
	anchored          bool
	drop              bool
}

// resolver walks the expressions in text order, keeping the last date
// mentioned as the anchor of anaphoric ones.
type resolver struct {
	text    string
	toks    []token
	ref     time.Time
	refPt   point
	ctx     point // the last date mentioned
	ctxSet  bool
	ctxTxt  string
	ctxSent int  // the sentence (its first token) that set ctx
	story   bool // see storyMode
	// ctxWritten: ctx came from a year the text wrote, not from an offset
	ctxWritten bool
	// the last day-precise date in the current sentence, for clock times
	sentDay   point
	sentStart int
	points    []point // resolved point of each expression, for pair checks
	ok        []bool
}

func newResolver(text string, toks []token, ref time.Time) *resolver {
	return &resolver{text: text, toks: toks, ref: ref, refPt: dayPoint(ref), sentStart: -1}
}

func (r *resolver) quote(e *expr) string {
	return "'" + textSpan(r.text, r.toks, e.start, e.end) + "'"
}

func (r *resolver) refNote() string { return "relative to the publication date " + ymd(r.ref) }

// resolve resolves es[i]; es[:i] are resolved already.
func (r *resolver) resolve(es []expr, i int) result {
	e := &es[i]
	if len(r.points) < len(es) {
		r.points = make([]point, len(es))
		r.ok = make([]bool, len(es))
	}
	if lo, _ := sentenceBounds(r.toks, e.start); lo != r.sentStart {
		r.sentStart, r.sentDay = lo, point{}
	}
	var res result
	var p point
	var ok bool
	switch e.kind {
	case kLiteral:
		res = result{value: e.lit, note: r.quote(e) + ": a " + durationOrSet(e.typ) + ", " + e.lit}
	case kRef:
		res = r.resolveRef(e)
	case kAbs:
		p, res, ok = r.resolveAbs(es, i)
	case kWeekday:
		p, res, ok = r.resolveWeekday(e)
	case kOffset:
		p, res, ok = r.resolveOffset(e)
	case kTime:
		p, res, ok = r.resolveClock(e)
	}
	if ok {
		r.points[i], r.ok[i] = p, true
		if res.value == "" {
			res.value = p.timex3()
		}
		if res.edtf == "" {
			res.edtf = p.edtf()
		}
		if p.g >= granDay {
			r.sentDay = p
		}
		if p.g >= granYear && p.g != granWeek || p.g == granWeek {
			r.ctx, r.ctxSet, r.ctxTxt, r.ctxSent = p, true, r.quote(e), r.sentStart
			r.ctxWritten = e.kind == kAbs && e.yearKnown
		}
		r.checkPast(e, p, &res)
		r.checkWeekdayPair(es, i, &res)
	}
	return res
}

func durationOrSet(t Type) string {
	if t == Set {
		return "set (a repeating time)"
	}
	return "duration"
}

func (r *resolver) resolveRef(e *expr) result {
	q := r.quote(e)
	d := ymd(r.ref)
	switch e.lit {
	case "PRESENT_REF":
		return result{value: e.lit, edtf: d, note: q + ": the present, " + r.refNote() + ": " + d, anchored: true}
	case "PAST_REF":
		return result{value: e.lit, edtf: "../" + d, note: q + ": some time before the publication date " + d + ": ../" + d, anchored: true}
	case "FUTURE_REF":
		return result{value: e.lit, edtf: d + "/..", note: q + ": some time after the publication date " + d + ": " + d + "/..", anchored: true}
	}
	return result{value: e.lit}
}

// anchor returns the date an anaphoric expression counts from.
func (r *resolver) anchor() (point, string) {
	if r.ctxSet {
		return r.ctx, "relative to the last date mentioned, " + r.ctxTxt + " (" + r.ctx.timex3() + ")"
	}
	return r.refPt, r.refNote()
}

// narrative reports that the text's own timeframe is away from the
// publication date: the last date mentioned is in another year, so a month
// or weekday without a year hangs on it (as in history and biography).
func (r *resolver) narrative() bool {
	return r.ctxSet && r.ctx.g != granCentury && r.ctx.g != granDecade && r.ctx.y != r.ref.Year() && !r.ctx.bc &&
		(r.story || r.ctxSent == r.sentStart && r.ctxWritten)
}

// narrativeFor is narrative for a date without its year.
func (r *resolver) narrativeFor(e *expr) bool { return r.narrative() }

// storyMode reports a text whose written years are mostly far from the
// publication date (history, biography): there, a month or weekday
// without a year hangs on the last date mentioned, not on the publication
// date. In news it does so only within the sentence that names the year.
func storyMode(es []expr, ref time.Time) bool {
	far, all := 0, 0
	for i := range es {
		e := &es[i]
		if e.kind != kAbs || !e.yearKnown || e.p.g < granYear || e.p.bc {
			continue
		}
		all++
		if d := e.p.y - ref.Year(); d < -2 || d > 2 {
			far++
		}
	}
	return all >= 3 && far*2 > all
}

func (r *resolver) resolveOffset(e *expr) (point, result, bool) {
	q := r.quote(e)
	base, how := r.refPt, r.refNote()
	if e.anchor == anchorCtx {
		base, how = r.anchor()
	}
	g := e.p.g
	res := result{anchored: true}
	var p point
	if base.g < g && g != granWeek {
		// "the next day" after "in 1941": the anchor is coarser than the
		// unit, so only the anchor's own precision is known.
		p = base.shift(0)
		if e.n != 0 && base.g >= granYear {
			// keep the anchor's granularity
			p = base
		}
		res.note = fmt.Sprintf("%s, %s, known only to its precision: %s", q, how, p.timex3())
		return p, res, true
	}
	if g == granWeek && base.g < granDay && base.g != granWeek {
		p = base
		res.note = fmt.Sprintf("%s, %s, known only to its precision: %s", q, how, p.timex3())
		return p, res, true
	}
	p = base.coarsen(g).shift(e.n)
	if e.yearOff != 0 {
		// the same month a year ago: the month just mentioned, else the
		// publication month
		if r.ctxSet && r.ctx.g >= g && r.ctx.g != granWeek {
			base, how = r.ctx, "a year before the last date mentioned, "+r.ctxTxt
		}
		p = base.coarsen(g)
		switch g {
		case granWeek:
			p = weekOf(base.t().AddDate(e.yearOff, 0, 0))
		case granDay:
			p = dayPoint(base.t().AddDate(e.yearOff, 0, 0))
		default:
			p.y += e.yearOff
		}
	}
	if e.pod != "" {
		if g == granWeek && e.pod == "WE" {
			res.value = p.timex3() + "-WE"
			lo := isoWeekStart(p.y, p.part).AddDate(0, 0, 5)
			res.edtf = ymd(lo) + "/" + ymd(lo.AddDate(0, 0, 1))
		} else {
			p.g, p.pod = granPartOfDay, e.pod
		}
	}
	val := res.value
	if val == "" {
		val = p.timex3()
	}
	res.note = fmt.Sprintf("%s, %s: %s", q, how, val)
	// "earlier this month": from the start of the period to the day before.
	if (e.mod == "EARLIER" || e.mod == "LATER") && e.anchor == anchorRef && e.n == 0 && g < granDay {
		lo, hi := p.span()
		d := r.ref
		if e.mod == "EARLIER" && d.After(lo) {
			res.edtf = ymd(lo) + "/" + ymd(d.AddDate(0, 0, -1))
		} else if e.mod == "LATER" && d.Before(hi) {
			res.edtf = ymd(d.AddDate(0, 0, 1)) + "/" + ymd(hi)
		}
		if res.edtf != "" {
			res.note = fmt.Sprintf("%s, %s: %s, %s the publication date: %s", q, how, val, map[string]string{"EARLIER": "before", "LATER": "after"}[e.mod], res.edtf)
		}
	}
	return p, res, true
}

func (r *resolver) resolveClock(e *expr) (point, result, bool) {
	q := r.quote(e)
	day, how := r.refPt, r.refNote()
	if e.weekday >= 0 {
		t := tenseAt(r.toks, e.start, e.end)
		d := nearestWeekday(r.ref, e.weekday, dirOf(t))
		day, how = dayPoint(d), fmt.Sprintf("on the %s nearest the publication date %s (%s)", weekdayFull[e.weekday], ymd(r.ref), t)
	} else if r.sentDay.g >= granDay {
		day, how = r.sentDay, "on "+r.sentDay.coarsen(granDay).timex3()+", the day the sentence names"
	}
	p := point{g: granMinute, y: day.y, m: day.m, d: day.d, hh: e.hh, mm: e.mm, tz: e.tz}
	v := p.timex3()
	if e.hh == 24 {
		v = fmt.Sprintf("%s-%02d-%02dT24:00", year4(p.y), p.m, p.d)
	}
	return p, result{value: v, note: fmt.Sprintf("%s, %s: %s", q, how, v), anchored: true}, true
}

// dirOf is the direction a tense looks in: -1 back, +1 ahead, 0 either.
func dirOf(t tense) int {
	switch t {
	case tenseFuture:
		return 1
	case tensePast:
		return -1
	}
	return 0
}

// nearestWeekday is the day with weekday wd nearest ref in direction dir;
// ref itself counts. With dir 0, the past is preferred (news reports
// what happened).
func nearestWeekday(ref time.Time, wd, dir int) time.Time {
	diff := (wd - int(ref.Weekday()) + 7) % 7 // days ahead
	if diff == 0 {
		return ref
	}
	if dir > 0 {
		return ref.AddDate(0, 0, diff)
	}
	return ref.AddDate(0, 0, diff-7)
}

func (r *resolver) resolveWeekday(e *expr) (point, result, bool) {
	q := r.quote(e)
	t := tenseAt(r.toks, e.start, e.end)
	dir := e.dir
	base, how := r.ref, "the publication date "+ymd(r.ref)
	if r.narrative() && r.ctx.g >= granDay {
		base, how = r.ctx.t(), "the last date mentioned, "+r.ctxTxt
		if dir == 0 {
			dir = 1
		}
	}
	var d time.Time
	var why string
	switch {
	case e.this:
		d = nearestWeekday(base, e.weekday, 1)
		if dirOf(t) < 0 && d.After(base) {
			d = nearestWeekday(base, e.weekday, -1)
		}
		why = "this week's"
	case dir < 0:
		d = nearestWeekday(base.AddDate(0, 0, -1), e.weekday, -1)
		why = "the last " + weekdayFull[e.weekday] + " before"
	case dir > 0 && e.anchor == anchorRef && e.dir > 0:
		d = nearestWeekday(base.AddDate(0, 0, 1), e.weekday, 1)
		why = "the next " + weekdayFull[e.weekday] + " after"
	default:
		if dir == 0 {
			dir = dirOf(t)
		}
		d = nearestWeekday(base, e.weekday, dir)
		side := "on or before"
		if dir > 0 {
			side = "on or after"
		}
		why = fmt.Sprintf("the %s %s (%s)", weekdayFull[e.weekday], side, t)
	}
	p := dayPoint(d)
	if e.pod != "" {
		p.g, p.pod = granPartOfDay, e.pod
	}
	res := result{anchored: true, note: fmt.Sprintf("%s: %s %s: %s", q, why, how, p.timex3())}
	return p, res, true
}

// checkPast warns about a date after the publication date in a sentence
// in the past tense.
func (r *resolver) checkPast(e *expr, p point, res *result) {
	if e.kind != kAbs || !e.yearKnown || p.bc {
		return
	}
	lo, _ := p.span()
	if !lo.After(r.ref) {
		return
	}
	if t := tenseAt(r.toks, e.start, e.end); t == tensePast {
		res.warn = append(res.warn, fmt.Sprintf("%s (%s) is after the publication date %s, but the sentence is in the past tense: a typo, or a plan reported in the past?", r.quote(e), p.timex3(), ymd(r.ref)))
	}
}

// checkWeekdayPair checks a weekday written beside a day ("Tuesday (Jan
// 20)", "Tuesday, January 20") against that day.
func (r *resolver) checkWeekdayPair(es []expr, i int, res *result) {
	e := &es[i]
	if e.kind == kAbs && e.weekday >= 0 && r.points[i].g >= granDay {
		p := r.points[i]
		if actual := p.t().Weekday(); int(actual) != e.weekday {
			res.warn = append(res.warn, fmt.Sprintf("%s: %s is a %s, not a %s", r.quote(e), ymd(p.t()), actual, weekdayFull[e.weekday]))
		}
		return
	}
	if i == 0 || !r.ok[i-1] {
		return
	}
	prev := &es[i-1]
	if prev.kind != kWeekday || e.kind != kAbs || r.points[i].g < granDay || e.start-prev.end > 2 {
		return
	}
	for k := prev.end; k < e.start; k++ {
		if s := r.toks[k].text; s != "(" && s != "," && s != "-" && s != "–" {
			return
		}
	}
	p, wp := r.points[i], r.points[i-1]
	actual := p.t().Weekday()
	if int(actual) == prev.weekday {
		return
	}
	span := textSpan(r.text, r.toks, prev.start, e.end)
	if r.toks[e.end-1].end < len([]rune(r.text)) && e.end < len(r.toks) && r.toks[e.end].text == ")" {
		span += ")"
	}
	res.warn = append(res.warn, fmt.Sprintf("'%s': %s is a %s, not a %s; the %s nearest the publication date is %s. Read here as %s for '%s' and %s for the weekday; check which the text means",
		span, ymd(p.t()), actual, weekdayFull[prev.weekday], weekdayFull[prev.weekday], ymd(wp.t()), ymd(p.t()), textSpan(r.text, r.toks, e.start, e.end), ymd(wp.t())))
}
