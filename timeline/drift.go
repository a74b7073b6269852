package timeline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// DriftThreshold is the lowest fuzzy-match score at which a drifted
// citation is re-anchored rather than orphaned. See Reanchor.
//
// With its prefix and suffix intact a quote passes while about half of its
// code points survive (q ≥ 0.54 in Reanchor's formula); given alone it must
// keep three quarters. In the tests (drift_test.go, on testdata/article.txt)
// a fixed typo or a changed word scores 0.93–0.96, an exact quote whose
// prefix gained a word 0.81, a 52-character quote alone with 8 edits 0.81
// and with 16 edits 0.69 (orphaned: it says something else now), a
// rewritten sentence 0.36. It errs towards orphans on purpose: an orphan
// is a citation error someone must look at, while a wrong re-anchoring
// would pass with a warning.
const DriftThreshold = 0.75

// The weights of the score's parts (see Reanchor), as in Hypothesis: the
// quote counts most, its context next, and the recorded position only
// enough to break ties.
const (
	weightQuote    = 50
	weightPrefix   = 20
	weightSuffix   = 20
	weightPosition = 2
)

// Bounds of the work of one Reanchor.
const (
	// maxDriftQuote is how many code points of a quote are matched: a
	// longer quote is sought and scored by its head, its span extending by
	// the rest of its length.
	maxDriftQuote = 2000
	// maxDriftContext is how many code points of the prefix (its end) and
	// of the suffix (its start) are compared.
	maxDriftContext = 256
	// maxDriftCandidates is how many places, the closest matches first,
	// are scored.
	maxDriftCandidates = 128
)

// Reanchor looks for sel's passage in a text that changed since sel was
// anchored, when Resolve no longer finds it: first near the recorded
// position, then by a fuzzy search scored on the quote and its prefix and
// suffix. The span it returns is Reanchored when the best score reaches
// DriftThreshold and Orphaned otherwise.
//
// Like Hypothesis (approx-string-match), it compares with the resolver's
// typographic tolerance (quotes, dashes and whitespace runs folded) and
// finds candidates with Myers' bit-parallel edit-distance search: every
// place where the quote occurs with at most len(quote)/2 edits (insertions,
// deletions, substitutions of code points), the closest 128 of them; and,
// when Start/End are recorded, the recorded span itself and the best
// alignment within len(quote)/2+16 code points of it, however poor. A
// candidate that starts or ends inside a word is widened to the whole word
// (up to 32 code points) when the quote and its context begin or end
// between words, and its edits are counted again. Each candidate scores
//
//	score = (50·q + 20·p + 20·s + 2·d) / (50 + 20 + 20 + 2)
//
// where q = 1 − edits/len(quote); p = 1 − edits/len(prefix) for the best
// alignment of the prefix ending just before the candidate (whitespace
// between them ignored), s likewise for the suffix starting just after it;
// d = 1 − |start − Start|/len(text). A part the selector does not give (no
// prefix, no suffix, no recorded position) is left out of both sums rather
// than counted as a match, so the score, in [0, 1], says how much of the
// evidence the selector had still matches. The best score wins, ties going
// to the candidate closest to the recorded position, then the earliest.
//
// Cost: one pass over the text with ceil(len(quote)/64) word operations per
// code point, and a bounded amount per candidate. Quotes are matched by at
// most their first 2,000 code points, prefix and suffix by 256. A text too
// long to fold (2 GiB) or a blank quote gives an orphan with score 0.
func (s *SourceText) Reanchor(sel Selector) Span {
	n := s.folded()
	q := []rune(foldTrim(sel.Quote))
	if n == nil || len(q) == 0 {
		return Span{Orphaned: true}
	}
	d := drift{s: s, f: n.s, norm: n, sel: sel, hint: -1}
	if len(q) > maxDriftQuote {
		d.rest = len(q) - maxDriftQuote
		q = q[:maxDriftQuote]
	}
	d.quote = q
	d.fwd, d.rev = newMyers(q), newMyers(reversedRunes(q))
	if p := []rune(foldTrim(sel.Prefix)); len(p) > 0 {
		d.prefix = newMyers(reversedRunes(p[max(0, len(p)-maxDriftContext):]))
	}
	if x := []rune(foldTrim(sel.Suffix)); len(x) > 0 {
		d.suffix = newMyers(x[:min(len(x), maxDriftContext)])
	}
	if sel.Start >= 0 && sel.Start <= s.n {
		d.hint = n.folded(s.byteAt(sel.Start))
	}

	cands := d.search(len(q) / 2)
	for _, c := range d.near() {
		if !slices.ContainsFunc(cands, func(o driftMatch) bool { return o.fb == c.fb && o.fe == c.fe }) {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return Span{Orphaned: true}
	}
	for i := range cands {
		d.score(&cands[i])
	}
	best := slices.MaxFunc(cands, func(a, b driftMatch) int {
		if c := cmp.Compare(a.score, b.score); c != 0 {
			return c
		}
		if sel.Start >= 0 {
			if c := cmp.Compare(absInt(b.start-sel.Start), absInt(a.start-sel.Start)); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.start, a.start)
	})
	if best.score < DriftThreshold {
		return Span{Orphaned: true, Score: best.score, Start: best.start, End: best.end}
	}
	return Span{
		Resolved: true, Reanchored: true, Score: best.score,
		Start: best.start, End: best.end, Paragraph: s.Paragraph(best.start),
	}
}

// drift is the state of one Reanchor. All byte offsets are into the folded
// text f, which is valid UTF-8 with single spaces for whitespace runs.
type drift struct {
	s      *SourceText
	f      string
	norm   *normText
	sel    Selector
	quote  []rune // folded, at most maxDriftQuote
	rest   int    // code points of the quote beyond maxDriftQuote
	hint   int    // folded offset of the recorded start, or -1
	fwd    *myers // the quote
	rev    *myers // the quote reversed, to find where a match starts
	prefix *myers // the prefix's end reversed, or nil
	suffix *myers // the suffix's start, or nil
}

// driftMatch is a candidate: [fb, fe) in the folded text with its edits,
// then its code-point span and score once scored.
type driftMatch struct {
	fb, fe     int
	edits      int
	start, end int
	score      float64
}

// search returns the places where the quote occurs with at most k edits:
// the ends where the distance reaches a local minimum, with their starts,
// at most maxDriftCandidates of them, the fewest edits (then the closest to
// the recorded position) first.
func (d *drift) search(k int) []driftMatch {
	var ends []driftMatch
	rank := func(a, b driftMatch) int {
		if c := cmp.Compare(a.edits, b.edits); c != 0 {
			return c
		}
		if d.hint >= 0 {
			if c := cmp.Compare(absInt(a.fe-d.hint), absInt(b.fe-d.hint)); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.fe, b.fe)
	}
	emit := func(end, edits int) {
		ends = append(ends, driftMatch{fe: end, edits: edits})
		if len(ends) >= 4*maxDriftCandidates {
			// Keep the best and only accept as good from now on.
			slices.SortFunc(ends, rank)
			ends = ends[:maxDriftCandidates]
			k = ends[len(ends)-1].edits
		}
	}
	my := d.fwd
	my.reset()
	prev, falling, minEnd := my.m, true, 0
	for i := 0; i < len(d.f); {
		r, w := utf8.DecodeRuneInString(d.f[i:])
		i += w
		switch sc := my.step(r, false); {
		case sc < prev:
			falling, minEnd = true, i
			prev = sc
		case sc > prev:
			if falling && prev <= k {
				emit(minEnd, prev)
			}
			falling, prev = false, sc
		}
	}
	if falling && prev <= k && minEnd > 0 {
		emit(minEnd, prev)
	}
	slices.SortFunc(ends, rank)
	ends = ends[:min(len(ends), maxDriftCandidates)]
	for i := range ends {
		ends[i].fb, ends[i].edits = d.startOf(ends[i].fe, ends[i].edits)
	}
	return ends
}

// near returns, for a selector with a recorded position, the recorded span
// itself and the best alignment of the quote, however poor, within reach of
// it: what the passage there has become.
func (d *drift) near() []driftMatch {
	s, sel := d.s, d.sel
	if d.hint < 0 {
		return nil
	}
	end := d.norm.folded(s.byteAt(max(sel.Start, min(sel.End, s.n))))
	slack := len(d.quote)/2 + 16
	// A recorded span far longer than the quote could not match it; only
	// its beginning is worth a look (4 bytes per code point at most).
	if limit := 4 * (len(d.quote) + slack); end-d.hint > limit {
		end = d.hint + limit
		for end > d.hint && !utf8.RuneStart(d.f[end]) {
			end--
		}
	}
	var out []driftMatch
	if d.hint < end {
		// The edits turning the quote into the whole recorded span.
		out = append(out, driftMatch{fb: d.hint, fe: end, edits: d.distance(d.hint, end)})
	}

	from, to := d.hint, end
	for k := 0; k < slack && from > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(d.f[:from])
		from -= w
	}
	for k := 0; k < slack && to < len(d.f); k++ {
		_, w := utf8.DecodeRuneInString(d.f[to:])
		to += w
	}
	my := d.fwd
	my.reset()
	best, bestEnd := -1, -1
	for i := from; i < to; {
		r, w := utf8.DecodeRuneInString(d.f[i:])
		i += w
		// Ties go to the end closest to the recorded one.
		if sc := my.step(r, false); best < 0 || sc < best || sc == best && absInt(i-end) < absInt(bestEnd-end) {
			best, bestEnd = sc, i
		}
	}
	if bestEnd >= 0 {
		fb, edits := d.startOf(bestEnd, best)
		out = append(out, driftMatch{fb: fb, fe: bestEnd, edits: edits})
	}
	return out
}

// startOf returns where the best alignment of the quote ending at end
// starts, and its edits, by aligning the reversed quote with the text read
// backwards from end, at most len(quote)+edits code points. Of equally good
// starts it takes the one giving the length closest to the quote's.
func (d *drift) startOf(end, edits int) (start, best int) {
	my := d.rev
	my.reset()
	m := len(d.quote)
	start, best, bestLen := end, m, 0
	i := end
	for n := 1; n <= m+edits && i > 0; n++ {
		r, w := utf8.DecodeLastRuneInString(d.f[:i])
		i -= w
		if sc := my.step(r, true); sc < best || sc == best && absInt(n-m) < absInt(bestLen-m) {
			start, best, bestLen = i, sc, n
		}
	}
	return start, best
}

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
		if b, e := d.snap(fb, fe); b != fb || e != fe {
			fb, fe, c.edits = b, e, d.distance(b, e)
		}
	}
	c.start = d.s.cpAt(int(d.norm.orig[fb]))
	c.end = max(c.start, d.s.cpAt(int(d.norm.orig[fe])))

	sum := weightQuote * max(0, 1-float64(c.edits)/float64(len(d.quote)))
	total := float64(weightQuote)
	if d.prefix != nil {
		sum += weightPrefix * d.contextSim(d.prefix, fb, true)
		total += weightPrefix
	}
	if d.suffix != nil {
		sum += weightSuffix * d.contextSim(d.suffix, fe, false)
		total += weightSuffix
	}
	if d.sel.Start >= 0 {
		sum += weightPosition * max(0, 1-float64(absInt(c.start-d.sel.Start))/float64(max(1, d.s.n)))
		total += weightPosition
	}
	c.score = min(1, sum/total)
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

// checksum compares sum, a recorded hex SHA-256, with the text's, which it
// computes once, on first need. recorded is false when sum is empty or
// malformed (the loader reports that), which is no evidence either way.
func (s *SourceText) checksum(sum string) (recorded, changed bool) {
	if sum == "" {
		return false, false
	}
	want, err := hex.DecodeString(sum)
	if err != nil || len(want) != sha256.Size {
		return false, false
	}
	s.sumOnce.Do(func() { s.sum = sha256.Sum256([]byte(s.text)) })
	return true, string(want) != string(s.sum[:])
}

func reversedRunes(rs []rune) []rune {
	out := slices.Clone(rs)
	slices.Reverse(out)
	return out
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// FormatScore writes a drift score with two decimals, rounded down, so that
// an orphan never seems to reach the threshold (0.749 is "0.74"). The
// 1e-9 keeps a score such as 0.29, whose product with 100 falls just short
// of 29 in floating point, from showing as 0.28.
func FormatScore(score float64) string {
	return strconv.FormatFloat(math.Floor(max(0, min(1, score))*100+1e-9)/100, 'f', 2, 64)
}
