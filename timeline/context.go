package timeline

// Contexts: the prefix and suffix that pick one place of a quote. Two
// jobs choose them, with one rule for where a context may begin and end
// (WordBoundary: never inside a word or a cluster): `dateline cite` grows
// them a word at a time until they tell a place from every other
// (ShortestContext), and `validate --fix` takes a re-anchored citation's
// context again at about its old length (PrefixStart, SuffixEnd).

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxContextWords bounds how many words ShortestContext grows a prefix or
// a suffix by.
const MaxContextWords = 40

// maxContextExtend is how many code points PrefixStart and SuffixEnd may
// widen a context by to reach a word boundary.
const maxContextExtend = 8

// WordBoundary reports whether code-point offset i of the text is not
// inside a word (between two letters or digits) nor inside a cluster
// (before a combining mark or an emoji modifier, or after a zero-width
// joiner). The ends of the text are boundaries.
func (s *SourceText) WordBoundary(i int) bool {
	if i <= 0 || i >= s.n {
		return true
	}
	return s.boundaryAt(s.byteAt(i))
}

// boundaryAt is WordBoundary at byte offset b, which starts a code point.
func (s *SourceText) boundaryAt(b int) bool {
	if b <= 0 || b >= len(s.text) {
		return true
	}
	l, _ := utf8.DecodeLastRuneInString(s.text[:b])
	r, _ := utf8.DecodeRuneInString(s.text[b:])
	if l == '\u200d' || joins(r) {
		return false
	}
	return !(wordRune(l) && wordRune(r))
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || joins(r)
}

// joins reports whether r attaches to the code point before it.
func joins(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || (r >= 0x1F3FB && r <= 0x1F3FF) || r == '\u200d'
}

// PrefixStart returns where a prefix of about n code points before start
// begins: at a word boundary when one is near, widening by at most a few
// code points, else narrowing, but never to nothing but white space.
// Cut at n exactly a context often starts mid-word ("e the plan. "), which
// reads as a mistake and matches worse after the next edit.
func (s *SourceText) PrefixStart(start, n int) int {
	from := max(0, start-n)
	for i := from; i >= max(0, from-maxContextExtend); i-- {
		if s.WordBoundary(i) {
			return i
		}
	}
	for i := from + 1; i < start; i++ {
		if s.WordBoundary(i) {
			if strings.TrimSpace(s.Slice(i, start)) != "" {
				return i
			}
			break
		}
	}
	return from
}

// SuffixEnd returns where a suffix of about n code points after end ends,
// at a word boundary when one is near, as PrefixStart chooses.
func (s *SourceText) SuffixEnd(end, n int) int {
	to := min(s.n, end+n)
	for i := to; i <= min(s.n, to+maxContextExtend); i++ {
		if s.WordBoundary(i) {
			return i
		}
	}
	for i := to - 1; i > end; i-- {
		if s.WordBoundary(i) {
			if strings.TrimSpace(s.Slice(end, i)) != "" {
				return i
			}
			break
		}
	}
	return to
}

// Occurrences returns the code-point starts of every place quote occurs
// exactly in the text, overlapping ones included (as Count counts them),
// in order.
func (s *SourceText) Occurrences(quote string) []int {
	var out []int
	if quote == "" {
		return out
	}
	for from := 0; from <= len(s.text)-len(quote); {
		i := strings.Index(s.text[from:], quote)
		if i < 0 {
			break
		}
		ob := from + i
		out = append(out, s.cpAt(ob))
		_, w := utf8.DecodeRuneInString(s.text[ob:])
		from = ob + w
	}
	return out
}

// ShortestContext returns the prefix and suffix that pick the exact
// occurrence of quote at code-point offset start from every other exact
// occurrence: whole words of the text around it (words as a writer counts
// them, separated by white space, punctuation included; the word the quote
// starts or ends inside counting as one), cut only at word boundaries,
// the fewest words in all, then the fewest bytes. A
// quote that occurs once needs none. ok is false, and the context empty,
// when no context of up to MaxContextWords words on each side tells the
// place apart, or when Resolve, which also matches contexts tolerantly,
// would not pick this place with it: then only a recorded position can.
func (s *SourceText) ShortestContext(quote string, start int) (prefix, suffix string, ok bool) {
	if start < 0 || start > s.n {
		return "", "", false
	}
	ob := s.byteAt(start)
	oe := ob + len(quote)
	if oe > len(s.text) || s.text[ob:oe] != quote {
		return "", "", false
	}
	places := s.Occurrences(quote)
	if len(places) == 1 {
		return s.resolvesTo(quote, "", "", start)
	}
	starts := []int{ob}
	for len(starts) <= MaxContextWords && starts[len(starts)-1] > 0 {
		starts = append(starts, s.wordStartBefore(starts[len(starts)-1]))
	}
	ends := []int{oe}
	for len(ends) <= MaxContextWords && ends[len(ends)-1] < len(s.text) {
		ends = append(ends, s.wordEndAfter(ends[len(ends)-1]))
	}
	others := make([]int, 0, len(places)-1)
	for _, p := range places {
		if p != start {
			others = append(others, s.byteAt(p))
		}
	}
	fits := func(prefix, suffix string) bool {
		for _, b := range others {
			if strings.HasSuffix(s.text[:b], prefix) && strings.HasPrefix(s.text[b+len(quote):], suffix) {
				return false
			}
		}
		return true
	}
	for total := 1; total < len(starts)+len(ends)-1; total++ {
		found := false
		for pw := 0; pw <= total; pw++ {
			sw := total - pw
			if pw >= len(starts) || sw >= len(ends) {
				continue
			}
			p, q := s.text[starts[pw]:ob], s.text[oe:ends[sw]]
			if fits(p, q) && (!found || len(p)+len(q) < len(prefix)+len(suffix)) {
				prefix, suffix, found = p, q, true
			}
		}
		if found {
			return s.resolvesTo(quote, prefix, suffix, start)
		}
	}
	return "", "", false
}

// resolvesTo returns the context, ok, when Resolve picks the place at
// start with it, and no context, not ok, when it would not.
func (s *SourceText) resolvesTo(quote, prefix, suffix string, start int) (string, string, bool) {
	sp, err := s.Resolve(Selector{Quote: quote, Prefix: prefix, Suffix: suffix, Start: -1, End: -1})
	if err != nil || sp.Start != start {
		return "", "", false
	}
	return prefix, suffix, true
}

// wordStartBefore moves back from byte offset b over white space, then
// over one word (a run of what is not white space), to where it starts.
func (s *SourceText) wordStartBefore(b int) int {
	for b > 0 {
		r, w := utf8.DecodeLastRuneInString(s.text[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= w
	}
	for b > 0 {
		_, w := utf8.DecodeLastRuneInString(s.text[:b])
		b -= w
		if r, _ := utf8.DecodeLastRuneInString(s.text[:b]); (b == 0 || unicode.IsSpace(r)) && s.boundaryAt(b) {
			break
		}
	}
	return b
}

// wordEndAfter moves forward from byte offset b over white space, then
// over one word, to where it ends.
func (s *SourceText) wordEndAfter(b int) int {
	for b < len(s.text) {
		r, w := utf8.DecodeRuneInString(s.text[b:])
		if !unicode.IsSpace(r) {
			break
		}
		b += w
	}
	for b < len(s.text) {
		_, w := utf8.DecodeRuneInString(s.text[b:])
		b += w
		if r, _ := utf8.DecodeRuneInString(s.text[b:]); (b == len(s.text) || unicode.IsSpace(r)) && s.boundaryAt(b) {
			break
		}
	}
	return b
}
