package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// score fills in c's code-point span and its score (see Reanchor).
func (d *drift) score(c *driftMatch) {
	fb, fe := c.fb, c.fe
	for k := 0; k < d.rest && fe < len(d.f); k++ {
		_, w := utf8.DecodeRuneInString(d.f[fe:])
		fe += w
	}
	// An alignment may take in a space at either end, as a substitution
	// for a missing character; the span should not.
	for fb < fe && d.f[fb] == ' ' {
		fb++
	}
	for fe > fb && d.f[fe-1] == ' ' {
		fe--
	}
	if d.rest == 0 {
		b, e := d.snap(fb, fe)
		b, e = graphemeBounds(d.f, b, e)
		if b != fb || e != fe {
			fb, fe, c.edits = b, e, d.distance(b, e)
		}
	}
	c.fb, c.fe = fb, fe
	d.finish(c, len(d.quote))
}

// finish computes c's code-point span and score from [c.fb, c.fe) and
// c.edits against a quote of m code points.
func (d *drift) finish(c *driftMatch, m int) {
	fb, fe := c.fb, c.fe
	c.start = d.s.cpAt(int(d.norm.orig[fb]))
	c.end = max(c.start, d.s.cpAt(int(d.norm.orig[fe])))

	q := max(0, 1-float64(c.edits)/float64(m))
	sum, total := weightQuote*q, float64(weightQuote)
	var ctx, ctxTotal float64
	if d.prefix != nil {
		ctx += weightPrefix * d.contextSim(d.prefix, fb, true)
		ctxTotal += weightPrefix
	}
	if d.suffix != nil {
		ctx += weightSuffix * d.contextSim(d.suffix, fe, false)
		ctxTotal += weightSuffix
	}
	if d.sel.Start >= 0 {
		// Half credit however far: text inserted or removed earlier moves
		// every passage, so distance is weak evidence against a place,
		// while nearness is strong evidence for it.
		sum += weightPosition * (1 - float64(min(absInt(c.start-d.sel.Start), positionReach))/(2*positionReach))
		total += weightPosition
	}
	c.score = (sum + ctx) / (total + ctxTotal)
	if c.edits == 0 && ctx < ctxTotal && d.rest == 0 && d.uniqueAt() == fb && d.f[fb:fe] == string(d.quote) {
		// The only verbatim occurrence: its context may only confirm it.
		c.score = max(c.score, sum/total)
	}
	c.score = min(1, c.score)
}

// uniqueAt returns the folded offset of the quote's only verbatim
// occurrence in the text, or -2 when it occurs never or more than once. It
// is counted once, on first need: a plain substring search.
func (d *drift) uniqueAt() int {
	if d.unique == -1 {
		d.unique = -2
		q := string(d.quote)
		if i := strings.Index(d.f, q); i >= 0 && !strings.Contains(d.f[i+1:], q) {
			d.unique = i
		}
	}
	return d.unique
}

// scoreFull scores c again on the whole of a long quote: its span is the
// best alignment of the whole quote (up to maxScoredQuote code points)
// starting where c does, so that a quote whose tail is gone no longer
// matches by its head alone.
func (d *drift) scoreFull(c *driftMatch) {
	full := d.full[:min(len(d.full), maxScoredQuote)]
	my := newMyers(full)
	m := len(full)
	best, bestEnd, bestN := m, c.fb, 0
	for i, n := c.fb, 0; i < len(d.f) && n < m+m/2; {
		r, w := utf8.DecodeRuneInString(d.f[i:])
		i += w
		n++
		// Of equal alignments, the one whose length is closest to the quote's.
		if sc := my.step(r, true); sc < best || sc == best && absInt(n-m) < absInt(bestN-m) {
			best, bestEnd, bestN = sc, i, n
		}
	}
	fe := bestEnd
	for k := m; k < len(d.full) && fe < len(d.f); k++ {
		_, w := utf8.DecodeRuneInString(d.f[fe:])
		fe += w
	}
	for fe > c.fb && d.f[fe-1] == ' ' {
		fe--
	}
	_, fe = graphemeBounds(d.f, c.fb, fe)
	c.fe, c.edits = fe, best
	d.finish(c, m)
}

// maxSnap bounds how far snap moves an end of a span.
const maxSnap = 32

// snap widens [fb, fe) to whole words where the quote and its context say
// the passage began and ended between words: the cheapest alignment of
// "sanctions imposed" with "restrictions imposed" is "trictions imposed",
// but the passage is the whole word.
func (d *drift) snap(fb, fe int) (int, int) {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	first, last := d.quote[0], d.quote[len(d.quote)-1]
	if word(first) && !word(lastRune(d.sel.Prefix)) {
		b := fb
		for k := 0; k <= maxSnap && b > 0; k++ {
			r, w := utf8.DecodeLastRuneInString(d.f[:b])
			if !word(r) {
				fb = b
				break
			}
			b -= w
			if b == 0 {
				fb = 0
			}
		}
	}
	if word(last) && !word(firstRune(d.sel.Suffix)) {
		e := fe
		for k := 0; k <= maxSnap && e < len(d.f); k++ {
			r, w := utf8.DecodeRuneInString(d.f[e:])
			if !word(r) {
				fe = e
				break
			}
			e += w
			if e == len(d.f) {
				fe = e
			}
		}
	}
	return fb, fe
}

// distance is the edit distance between the quote and [fb, fe).
func (d *drift) distance(fb, fe int) int {
	my := d.fwd
	my.reset()
	edits := my.m
	for i := fb; i < fe; {
		r, w := utf8.DecodeRuneInString(d.f[i:])
		i += w
		edits = my.step(r, true)
	}
	return edits
}

// firstRune and lastRune return the first and last code point of str, or
// a space when it is empty.
func firstRune(str string) rune {
	if r, _ := utf8.DecodeRuneInString(str); str != "" {
		return r
	}
	return ' '
}

func lastRune(str string) rune {
	if r, _ := utf8.DecodeLastRuneInString(str); str != "" {
		return r
	}
	return ' '
}

// contextSim is 1 − edits/len for the best alignment of a prefix (read
// backwards from at, my holding it reversed) or a suffix (read forwards)
// that touches the candidate, a space between them ignored.
func (d *drift) contextSim(my *myers, at int, backwards bool) float64 {
	my.reset()
	best := my.m
	if backwards && at > 0 && d.f[at-1] == ' ' {
		at--
	} else if !backwards && at < len(d.f) && d.f[at] == ' ' {
		at++
	}
	for n := 0; n < my.m+my.m/2; n++ {
		var r rune
		var w int
		if backwards {
			if at == 0 {
				break
			}
			r, w = utf8.DecodeLastRuneInString(d.f[:at])
			at -= w
		} else {
			if at == len(d.f) {
				break
			}
			r, w = utf8.DecodeRuneInString(d.f[at:])
			at += w
		}
		best = min(best, my.step(r, true))
	}
	return 1 - float64(best)/float64(my.m)
}
