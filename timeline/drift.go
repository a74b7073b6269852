package timeline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// DriftThreshold is the lowest fuzzy-match score at which a drifted
// citation is re-anchored rather than orphaned. See Reanchor.
//
// How much of a quote must survive (q in Reanchor's formula) depends on
// the other evidence: with prefix and suffix intact at its recorded place
// q ≥ 0.45, with them intact elsewhere 0.55; with neither, at its recorded
// place q ≥ 0.65, 1,000 code points or more from it 0.85, and given alone
// (only a source checksum) three quarters. In the tests (drift_test.go, on
// testdata/article.txt) a fixed typo or a changed word scores 0.95–0.97
// (0.83 when a 1,200-character correction moved it), an exact quote whose
// prefix gained a word 0.99, an exact quote whose suffix was rewritten
// 0.84, a 52-character quote alone with 8 edits 0.80 and with 16 edits
// 0.69 (orphaned: it says something else now), a rewritten sentence with
// its context intact in place 0.46, and a 6,000-character quote that lost
// its last 4,000 0.72 (drift_text_test.go). It errs towards orphans on
// purpose: an orphan is a citation error someone must look at, while a
// wrong re-anchoring would pass with a warning, although the warning now
// names the words that changed.
const DriftThreshold = 0.75

// The weights of the score's parts (see Reanchor). The quote counts most;
// its context and the recorded position count alike: a quote found where
// it was recorded, or near it, is as good evidence as its old context
// around it, while a place beyond positionReach code points still gets
// half credit, so that an insertion earlier in the text, which moves every
// passage, costs little.
const (
	weightQuote    = 50
	weightPrefix   = 20
	weightSuffix   = 20
	weightPosition = 20
)

// positionReach is how far, in code points, from its recorded start a
// candidate gets more than half credit for its position.
const positionReach = 1000

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
	// maxScoredQuote is how many code points of a long quote are compared
	// when its best candidates are scored (see scoreFull).
	maxScoredQuote = 1 << 15
	// maxFullScored is how many of a long quote's best candidates by its
	// head are scored again on the whole quote.
	maxFullScored = 8
	// driftWindow is how far (in bytes of the folded text, beyond the
	// quote's length) around a recorded position the text is searched
	// first; the whole text is searched only when nothing there reaches
	// the threshold.
	driftWindow = 4096
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
// alignment within len(quote)/2+16 code points of it, however poor. With a
// recorded position the search first covers only the text within
// len(quote)+4,096 bytes of it, and goes over the whole text only when no
// candidate there reaches the threshold. A candidate that starts or ends
// inside a word is widened to the whole word (up to 32 code points) when
// the quote and its context begin or end between words, and its edits are
// counted again; it is also widened so as not to split a grapheme cluster
// (combining marks, variation selectors, emoji modifiers, ZWJ sequences).
// Each candidate scores
//
//	score = (50·q + 20·p + 20·s + 20·d) / (50 + 20 + 20 + 20)
//
// where q = 1 − edits/len(quote); p = 1 − edits/len(prefix) for the best
// alignment of the prefix ending just before the candidate (whitespace
// between them ignored), s likewise for the suffix starting just after it;
// d = max(0, 1 − |start − Start|/1000): full credit in place, none beyond
// 1,000 code points. A part the selector does not give (no prefix, no
// suffix, no recorded position) is left out of both sums rather than
// counted as a match, so the score, in [0, 1], says how much of the
// evidence the selector had still matches. One exception: a quote that
// occurs verbatim (after folding) exactly once in the text is evidence
// enough by itself, so for that occurrence prefix and suffix count only
// when they raise the score: it scores (50·q + 20·d)/(50 + 20) if that is
// more. The best score wins, ties going to the candidate closest to the
// recorded position, then the earliest.
//
// Cost: one pass over the window (or the text) with ceil(len(quote)/64)
// word operations per code point, and a bounded amount per candidate.
// Quotes are sought by at most their first 2,000 code points, prefix and
// suffix compared by 256; a longer quote's 8 best candidates are scored
// again on the whole quote (up to 32,768 code points), which also finds
// where its span ends. A text too long to fold (2 GiB) or a blank quote
// gives an orphan with score 0.
func (s *SourceText) Reanchor(sel Selector) Span {
	n := s.folded()
	q := []rune(foldTrim(sel.Quote))
	if n == nil || len(q) == 0 {
		return Span{Orphaned: true}
	}
	d := drift{s: s, f: n.s, norm: n, sel: sel, hint: -1, unique: -1}
	d.full = q
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

	near := d.near()
	if d.hint >= 0 {
		// Most drift is an edit near the passage: look there first.
		reach := 4*len(q) + driftWindow
		lo, hi := max(0, d.hint-reach), min(len(d.f), d.hint+reach)
		for lo > 0 && !utf8.RuneStart(d.f[lo]) {
			lo--
		}
		for hi < len(d.f) && !utf8.RuneStart(d.f[hi]) {
			hi++
		}
		if best, ok := d.best(d.search(len(q)/2, lo, hi), near); ok && best.score >= DriftThreshold {
			return d.span(best)
		}
	}
	best, ok := d.best(d.search(len(q)/2, 0, len(d.f)), near)
	if !ok {
		return Span{Orphaned: true}
	}
	return d.span(best)
}

// best scores the candidates (merged, without duplicates) and returns the
// best, ok false when there are none.
func (d *drift) best(cands, more []driftMatch) (driftMatch, bool) {
	for _, c := range more {
		if !slices.ContainsFunc(cands, func(o driftMatch) bool { return o.fb == c.fb && o.fe == c.fe }) {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return driftMatch{}, false
	}
	for i := range cands {
		d.score(&cands[i])
	}
	sel := d.sel
	order := func(a, b driftMatch) int {
		if c := cmp.Compare(a.score, b.score); c != 0 {
			return c
		}
		if sel.Start >= 0 {
			if c := cmp.Compare(absInt(b.start-sel.Start), absInt(a.start-sel.Start)); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.start, a.start)
	}
	if d.rest > 0 {
		// The head found them; the whole quote decides between the best.
		slices.SortFunc(cands, func(a, b driftMatch) int { return order(b, a) })
		cands = cands[:min(len(cands), maxFullScored)]
		for i := range cands {
			d.scoreFull(&cands[i])
		}
	}
	return slices.MaxFunc(cands, order), true
}

// span is the outcome of Reanchor for its best candidate.
func (d *drift) span(best driftMatch) Span {
	if best.start >= best.end {
		// No passage to show: nothing came close (see validator.drift).
		return Span{Orphaned: true}
	}
	if best.score < DriftThreshold {
		return Span{Orphaned: true, Score: best.score, Start: best.start, End: best.end}
	}
	return Span{
		Resolved: true, Reanchored: true, Score: best.score,
		Start: best.start, End: best.end, Paragraph: d.s.Paragraph(best.start),
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
	full   []rune // the whole folded quote
	rest   int    // code points of the quote beyond maxDriftQuote
	unique int    // folded offset of the quote's only verbatim occurrence, -2 if none, -1 before counting
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
func (d *drift) search(k, lo, hi int) []driftMatch {
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
	for i := lo; i < hi; {
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
	if falling && prev <= k && minEnd > lo {
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
