package fix

// Context: a re-anchored citation's prefix and suffix are taken again from
// the source around its new span, of about their old length. Cut at that
// length exactly they often start or end mid-word ("e the plan. "), which
// reads as a mistake and matches worse after the next edit; so the cut is
// moved to the nearest word boundary: outwards by at most a few code
// points, else inwards, but never to nothing but white space.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/timeline"
)

// maxContextExtend is how many code points a prefix or suffix may grow by
// to reach a word boundary.
const maxContextExtend = 8

// prefixStart returns where a prefix of about n code points before start
// begins, at a word boundary when one is near.
func prefixStart(st *timeline.SourceText, start, n int) int {
	from := max(0, start-n)
	for s := from; s >= max(0, from-maxContextExtend); s-- {
		if wordBoundary(st, s) {
			return s
		}
	}
	for s := from + 1; s < start; s++ {
		if wordBoundary(st, s) {
			if strings.TrimSpace(st.Slice(s, start)) != "" {
				return s
			}
			break
		}
	}
	return from
}

// suffixEnd returns where a suffix of about n code points after end ends,
// at a word boundary when one is near.
func suffixEnd(st *timeline.SourceText, end, n int) int {
	to := min(st.Len(), end+n)
	for s := to; s <= min(st.Len(), to+maxContextExtend); s++ {
		if wordBoundary(st, s) {
			return s
		}
	}
	for s := to - 1; s > end; s-- {
		if wordBoundary(st, s) {
			if strings.TrimSpace(st.Slice(end, s)) != "" {
				return s
			}
			break
		}
	}
	return to
}

// wordBoundary reports whether code point offset i of the text is not
// inside a word (two letters or digits) nor inside a cluster (before a
// combining mark, an emoji modifier or after a zero-width joiner).
func wordBoundary(st *timeline.SourceText, i int) bool {
	if i <= 0 || i >= st.Len() {
		return true
	}
	l, _ := utf8.DecodeRuneInString(st.Slice(i-1, i))
	r, _ := utf8.DecodeRuneInString(st.Slice(i, i+1))
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
