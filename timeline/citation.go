package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is where a citation's quote lies in its source text. Start and End
// always denote the source's own characters, even when the quote matched
// only with typographic tolerance.
type Span struct {
	Resolved bool
	Start    int // code-point offset of the first character
	End      int // code-point offset just past the last character
	// Paragraph is the 1-based paragraph (paragraphs are separated by blank
	// lines) of the quote's first non-whitespace character, which is the
	// paragraph of Start unless the quote begins with whitespace.
	Paragraph int
	// Tolerant is true when the quote, its prefix or its suffix matched only
	// by the typographic-tolerant comparison.
	Tolerant bool
	// Reanchored is true when the citation was anchored before (a recorded
	// position, or a checksum its changed source no longer matches), its
	// quote is no longer found, and a fuzzy match scored at least
	// DriftThreshold: Start and End are that match, Score its score.
	Reanchored bool
	// Orphaned is true when such a citation found no match scoring
	// DriftThreshold: Resolved is false, and Score, Start and End describe
	// the best rejected match (Score 0 when there was none at all).
	Orphaned bool
	// Score is the fuzzy match's score in [0, 1] when Reanchored or
	// Orphaned, and 0 otherwise.
	Score float64
}

// Selector is what a citation says about its passage: the W3C
// TextQuoteSelector (Quote, Prefix, Suffix) and TextPositionSelector
// (Start, End; -1 when not recorded).
type Selector struct {
	Quote, Prefix, Suffix string
	Start, End            int
}

// Errors of quote resolution.
var (
	// ErrEmptyQuote is returned for a quote that is empty or only whitespace.
	ErrEmptyQuote = errors.New("empty quote")
)

// Count returns how many places quote occurs in the text before any prefix
// or suffix is considered: exact occurrences, or tolerant ones when there is
// no exact one. Overlapping occurrences count separately. A blank quote
// occurs nowhere.
func (s *SourceText) Count(quote string) int {
	if isBlank(quote) {
		return 0
	}
	n := 0
	count := func(_, _, _, _ int) { n++ }
	s.occurrences(quote, false, count)
	if n == 0 {
		s.occurrences(foldTrim(quote), true, count)
	}
	return n
}

// Resolve anchors sel in the text, following the W3C Web Annotation
// TextQuoteSelector and TextPositionSelector.
//
// The quote is searched exactly; only if no exact occurrence survives the
// prefix and suffix, it is searched with typographic tolerance (see
// [ResolveQuote]), which ignores whitespace at its ends. An occurrence is kept
// when the text just before it ends with Prefix and the text just after it
// starts with Suffix, each compared exactly and otherwise tolerantly (then
// whitespace between them and the quote is ignored); occurrences whose context
// matched exactly beat those that needed tolerance. When several remain, a
// recorded Start/End (>= 0) that equals the offsets of exactly one of them
// picks it.
//
// It returns ErrEmptyQuote for a blank quote and a *QuoteError when the
// quote is absent or ambiguous.
func (s *SourceText) Resolve(sel Selector) (Span, error) {
	if isBlank(sel.Quote) {
		return Span{}, ErrEmptyQuote
	}
	c := quoteContext{prefix: sel.Prefix, suffix: sel.Suffix}
	m := s.match(sel.Quote, false, &c)
	if len(m.best) == 0 {
		// Fall back to tolerance when nothing exact survives; if the tolerant
		// search finds nothing either, report what the exact one saw.
		if t := s.match(foldTrim(sel.Quote), true, &c); len(t.best) > 0 || m.found == 0 {
			m = t
		}
	}
	switch len(m.best) {
	case 0:
		return Span{}, s.quoteError(sel, &m)
	case 1:
		return s.span(m.best[0], &m), nil
	}
	if i, ok := s.tieBreak(m.best, sel); ok {
		return s.span(m.best[i], &m), nil
	}
	return Span{}, s.quoteError(sel, &m)
}

// ResolveQuote is NewSourceText(text).Resolve(sel).
//
// The tolerant comparison treats as equal: straight and typographic single
// quotes (' ‘ ’ ‚ ‛ ′), double quotes (" “ ” „ ‟ ″), dashes
// (- ‐ ‑ ‒ – — ― −), and any two runs of whitespace (spaces, tabs, line
// breaks, no-break and other Unicode spaces). Offsets are code points.
func ResolveQuote(text string, sel Selector) (Span, error) { return NewSourceText(text).Resolve(sel) }

// candidate is an occurrence of a quote whose prefix and suffix fit, as
// byte offsets [ob, oe) into the source text.
type candidate struct{ ob, oe int }

// matches is what one search (exact or tolerant) found.
type matches struct {
	tolerant           bool
	found              int // occurrences of the quote alone
	prefixOK, suffixOK int // occurrences whose prefix, resp. suffix, fit
	rank               int // context parts of best that fit only tolerantly
	best               []candidate
}

// match searches q (folded already when tolerant) and keeps the occurrences
// whose context fits best.
func (s *SourceText) match(q string, tolerant bool, c *quoteContext) matches {
	m := matches{tolerant: tolerant}
	s.occurrences(q, tolerant, func(ob, oe, nj, nk int) {
		m.found++
		pOK, sOK, rank := s.contextFit(c, ob, oe, nj, nk)
		if pOK {
			m.prefixOK++
		}
		if sOK {
			m.suffixOK++
		}
		switch {
		case !pOK || !sOK:
		case len(m.best) == 0 || rank < m.rank:
			m.best, m.rank = append(m.best[:0], candidate{ob, oe}), rank
		case rank == m.rank:
			m.best = append(m.best, candidate{ob, oe})
		}
	})
	return m
}

// occurrences calls visit for every place q occurs, overlapping ones
// included: in the text itself, or in its folded copy when tolerant (q must
// then be folded). ob and oe are byte offsets into the text; nj and nk are
// the offsets into the folded copy, or -1 for exact occurrences.
func (s *SourceText) occurrences(q string, tolerant bool, visit func(ob, oe, nj, nk int)) {
	if !tolerant {
		f := newFinder(s.text, &s.freq, q)
		for i := f.next(0); i >= 0; i = f.next(i + 1) {
			// With invalid UTF-8 on either side a byte match can split a
			// code point; such a match is no occurrence.
			if s.atBoundary(i) && s.atBoundary(i+len(q)) {
				visit(i, i+len(q), -1, -1)
			}
		}
		return
	}
	if n := s.folded(); n != nil {
		// Both strings are valid UTF-8, so matches fall between code points.
		f := newFinder(n.s, &n.freq, q)
		for j := f.next(0); j >= 0; j = f.next(j + 1) {
			// It must begin and end where characters of the text do, not
			// inside the decomposition of one: "e" is not in "é".
			k := j + len(q)
			if (j > 0 && n.orig[j-1] == n.orig[j]) || n.orig[k-1] == n.orig[k] {
				continue
			}
			visit(int(n.orig[j]), int(n.orig[k]), j, k)
		}
	}
}

// quoteContext is a selector's prefix and suffix, with their folded forms
// computed on first need.
type quoteContext struct {
	prefix, suffix   string
	fprefix, fsuffix string
	folded           bool
}

func (c *quoteContext) fold() {
	if !c.folded {
		c.fprefix, c.fsuffix, c.folded = foldTrim(c.prefix), foldTrim(c.suffix), true
	}
}

// contextFit reports whether the prefix and suffix fit around the
// occurrence [ob, oe) and how many of them fit only tolerantly. nj and nk
// are the occurrence's offsets in the folded copy, or -1 if unknown.
func (s *SourceText) contextFit(c *quoteContext, ob, oe, nj, nk int) (prefixOK, suffixOK bool, rank int) {
	prefixOK, suffixOK = true, true
	if c.prefix != "" && !strings.HasSuffix(s.text[:ob], c.prefix) {
		rank++
		c.fold()
		if c.fprefix != "" { // a blank prefix says nothing once whitespace is ignored
			n := s.folded()
			if nj < 0 && n != nil {
				nj = n.folded(ob)
			}
			prefixOK = n != nil && strings.HasSuffix(strings.TrimRight(n.s[:nj], " "), c.fprefix)
		}
	}
	if c.suffix != "" && !strings.HasPrefix(s.text[oe:], c.suffix) {
		rank++
		c.fold()
		if c.fsuffix != "" {
			n := s.folded()
			if nk < 0 && n != nil {
				nk = n.folded(oe)
			}
			suffixOK = n != nil && strings.HasPrefix(strings.TrimLeft(n.s[nk:], " "), c.fsuffix)
		}
	}
	return prefixOK, suffixOK, rank
}

// tieBreak returns the index of the only candidate whose code-point offsets
// equal the recorded ones, if sel records any.
func (s *SourceText) tieBreak(cands []candidate, sel Selector) (int, bool) {
	if sel.Start < 0 && sel.End < 0 {
		return 0, false
	}
	found := -1
	for i, c := range cands {
		if (sel.Start < 0 || s.cpAt(c.ob) == sel.Start) && (sel.End < 0 || s.cpAt(c.oe) == sel.End) {
			if found >= 0 {
				return 0, false
			}
			found = i
		}
	}
	return found, found >= 0
}

// span turns a chosen candidate into a Span.
func (s *SourceText) span(c candidate, m *matches) Span {
	start := s.cpAt(c.ob)
	quote := s.text[c.ob:c.oe]
	lead := quote[:len(quote)-len(strings.TrimLeftFunc(quote, unicode.IsSpace))]
	return Span{
		Resolved:  true,
		Start:     start,
		End:       start + s.runeCount(quote),
		Paragraph: s.Paragraph(start + s.runeCount(lead)),
		Tolerant:  m.tolerant || m.rank > 0,
	}
}

// isBlank reports whether str is empty or only whitespace.
func isBlank(str string) bool { return strings.TrimFunc(str, unicode.IsSpace) == "" }

// QuoteError says a non-empty quote is absent from the source or ambiguous.
// Found tells an absent quote (0) from one that the prefix or suffix ruled
// out, which matters to anything that later tries to re-anchor it.
type QuoteError struct {
	Absent bool
	Count  int    // places it was found, when ambiguous
	Quote  string // the quote as cited
	Found  int    // occurrences of the quote alone, ignoring prefix and suffix
	// Context names the parts of the selector that excluded every occurrence
	// (when absent) or that were given yet did not decide (when ambiguous):
	// "prefix", "suffix", "prefix and suffix" or "".
	Context string
	// Paragraphs lists the distinct paragraphs of the places found when
	// ambiguous, at most maxListed of them.
	Paragraphs []int
	// Mismatch, when set, follows "not found" for a quote absent from the
	// text (see SourceText.Mismatch). Resolve leaves it empty, as finding
	// it costs more searches; the validator fills it in for its message.
	Mismatch string
}

// maxListed bounds the paragraphs an ambiguity error lists.
const maxListed = 5

func (e *QuoteError) Error() string {
	var b strings.Builder
	b.WriteString("quote")
	if e.Quote != "" {
		b.WriteString(" " + strconv.Quote(excerpt(e.Quote, 40)))
	}
	switch {
	case e.Absent && e.Found == 0:
		b.WriteString(" not found" + e.Mismatch)
	case e.Absent:
		fmt.Fprintf(&b, " found %s but none with the given %s", times(e.Found), cmp.Or(e.Context, "prefix and suffix"))
	default:
		fmt.Fprintf(&b, " is ambiguous: found %s", times(e.Count))
		advice := "add a prefix or suffix"
		if e.Context != "" {
			fmt.Fprintf(&b, " even with the given %s", e.Context)
			advice = map[string]string{
				"prefix": "lengthen the prefix or add a suffix",
				"suffix": "lengthen the suffix or add a prefix",
			}[e.Context]
			advice = cmp.Or(advice, "lengthen the prefix or suffix")
		}
		b.WriteString("; " + advice)
		if len(e.Paragraphs) > 0 {
			b.WriteString(" (in paragraphs ")
			for i, p := range e.Paragraphs {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(strconv.Itoa(p))
			}
			if e.Count > len(e.Paragraphs) && len(e.Paragraphs) == maxListed {
				b.WriteString(", …")
			}
			b.WriteString(")")
		}
	}
	return b.String()
}

// quoteError explains why m has no single best candidate.
func (s *SourceText) quoteError(sel Selector, m *matches) *QuoteError {
	e := &QuoteError{Quote: sel.Quote, Found: m.found}
	given := func(prefix, suffix bool) string {
		switch {
		case prefix && suffix:
			return "prefix and suffix"
		case prefix:
			return "prefix"
		case suffix:
			return "suffix"
		}
		return ""
	}
	if len(m.best) == 0 {
		e.Absent = true
		if m.found > 0 {
			p, x := sel.Prefix != "" && m.prefixOK == 0, sel.Suffix != "" && m.suffixOK == 0
			if !p && !x { // each fits somewhere, never both around one occurrence
				p, x = true, true
			}
			e.Context = given(p, x)
		}
		return e
	}
	e.Count = len(m.best)
	e.Context = given(sel.Prefix != "", sel.Suffix != "")
	for _, c := range m.best {
		p := s.Paragraph(s.cpAt(c.ob))
		if !slices.Contains(e.Paragraphs, p) {
			if len(e.Paragraphs) == maxListed {
				break
			}
			e.Paragraphs = append(e.Paragraphs, p)
		}
	}
	return e
}

// times says "once", "2 times", ...
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return strconv.Itoa(n) + " times"
}

// excerpt shortens str to its first n code points, whitespace runs shown
// as one space, for messages.
func excerpt(str string, n int) string {
	str = strings.Join(strings.Fields(str), " ")
	if utf8.RuneCountInString(str) <= n {
		return str
	}
	return strings.TrimRight(string([]rune(str)[:n]), " ") + "…"
}
