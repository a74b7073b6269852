package timex

import (
	"fmt"
	"time"
)

// resolveAbs resolves a written calendar date, finding its year when the
// text leaves it out; 29 February without a year goes to a leap year.
func (r *resolver) resolveAbs(es []expr, i int) (point, result, bool) {
	p, res, ok := r.resolveAbsYear(es, i)
	if ok && p.g >= granDay && p.d > daysIn(p.y, p.m) {
		step := -1
		if lo, _ := p.span(); lo.After(r.ref) {
			step = 1
		}
		for p.d > daysIn(p.y, p.m) {
			p.y += step
		}
		res.note += fmt.Sprintf(" (29 February: the nearest leap year, %d)", p.y)
	}
	return p, res, ok
}

func (r *resolver) resolveAbsYear(es []expr, i int) (point, result, bool) {
	e := &es[i]
	q := r.quote(e)
	p := e.p
	if e.yearKnown {
		res := result{note: q + ": as written, " + p.timex3()}
		if e.mod == "FISCAL" {
			res.value = "FY" + year4(p.y)
			res.edtf = year4(p.y) + "~"
			res.note = q + ": fiscal year " + year4(p.y) + ", which need not match the calendar year: " + res.edtf
		}
		return p, res, true
	}
	res := result{anchored: true}
	if e.yearRel {
		base, how := r.refPt, r.refNote()
		if e.anchor == anchorCtx {
			base, how = r.anchor()
		}
		p.y = base.y + e.yearOff
		res.note = fmt.Sprintf("%s, %s: %s", q, how, p.timex3())
		return p, res, true
	}
	// "14 August-24 August 1914": the first date takes the year of the second.
	if i+1 < len(es) && es[i+1].rangeEnd && es[i+1].kind == kAbs && es[i+1].yearKnown {
		p.y = es[i+1].p.y
		res.note = fmt.Sprintf("%s: the year of the range's end, %s: %s", q, r.quote(&es[i+1]), p.timex3())
		return p, res, true
	}
	if e.anchor == anchorCtx || (e.dir == 0 && !e.this && r.narrativeFor(e)) {
		base, how := r.anchor()
		p.y = base.y
		if e.dir != 0 {
			p = stepFrom(p, base, e.dir)
		}
		res.note = fmt.Sprintf("%s: no year given, %s: %s", q, how, p.timex3())
		return p, res, true
	}
	ref := r.refPt
	t := tenseAt(r.toks, e.start, e.end)
	dir := e.dir
	if dir == 0 && !e.this {
		dir = dirOf(t)
	}
	p.y = ref.y
	if e.this {
		res.note = fmt.Sprintf("%s: in the publication year, %s: %s", q, ymd(r.ref), p.timex3())
		return p, res, true
	}
	switch {
	case e.dir != 0:
		p = stepFrom(p, ref, dir)
		word := "last"
		if dir > 0 {
			word = "next"
		}
		res.note = fmt.Sprintf("%s: the %s one %s: %s", q, word, r.refNote(), p.timex3())
	case dir != 0:
		p = nearestFrom(p, ref, dir)
		side := "on or before"
		if dir > 0 {
			side = "on or after"
		}
		res.note = fmt.Sprintf("%s: no year given; the nearest %s the publication date %s (%s): %s", q, side, ymd(r.ref), t, p.timex3())
	default:
		// No tense to go by: the reading nearest the publication date.
		before, after := nearestFrom(p, ref, -1), nearestFrom(p, ref, 1)
		p = before
		if distance(after, r.ref) < distance(before, r.ref) {
			p = after
		}
		res.note = fmt.Sprintf("%s: no year given and no tense to go by; the nearest to the publication date %s: %s", q, ymd(r.ref), p.timex3())
		if p.g >= granMonth && before.timex3() != after.timex3() && e.p.g == granDay {
			other := after
			if p == after {
				other = before
			}
			res.warn = append(res.warn, fmt.Sprintf("%s has no year and could be %s or %s, either side of the publication date %s; read as %s", q, before.timex3(), after.timex3(), ymd(r.ref), p.timex3()))
			_ = other
		}
	}
	return p, res, true
}

// nearestFrom gives p (a month, day, season, quarter or half without its
// year) the year that puts it nearest ref in direction dir (ref's own
// period counts).
func nearestFrom(p point, ref point, dir int) point {
	p.y = ref.y
	lo, hi := p.span()
	rt := ref.t()
	if dir < 0 && lo.After(rt) {
		p.y--
	}
	if dir > 0 && hi.Before(rt) {
		p.y++
	}
	return p
}

// stepFrom is "last June", "next spring": strictly before or after ref's
// period.
func stepFrom(p point, ref point, dir int) point {
	p.y = ref.y
	lo, hi := p.span()
	rt := ref.t()
	rlo, rhi := ref.span()
	if dir < 0 && !hi.Before(rlo) {
		p.y--
	}
	if dir > 0 && !lo.After(rhi) {
		p.y++
	}
	_ = rt
	return p
}

func distance(p point, t time.Time) time.Duration {
	lo, hi := p.span()
	switch {
	case t.Before(lo):
		return lo.Sub(t)
	case t.After(hi):
		return t.Sub(hi)
	}
	return 0
}
