package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// extendsCluster reports whether r continues the grapheme cluster before
// it, so that a span must not end just before it (nor start at it):
// combining marks, variation selectors, emoji skin-tone modifiers and tag
// characters (emoji flags of regions).
func extendsCluster(r rune) bool {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc):
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // emoji modifiers
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tags
		return true
	}
	return false
}

const zwj = '\u200d'

// maxCluster bounds how far graphemeBounds moves an end, so that a hostile
// run of combining marks costs a bounded amount.
const maxCluster = 64

// graphemeBounds widens [b, e) of f so that it neither starts nor ends
// inside a grapheme cluster: a re-anchored "👍" must keep its skin tone
// "👍🏿", an "e" its combining accent, a family emoji its members joined
// by ZWJ. It is a simplification of UAX #29 covering what a fuzzy match
// can cut.
func graphemeBounds(f string, b, e int) (int, int) {
	for k := 0; k < maxCluster && b > 0; k++ {
		r, _ := utf8.DecodeRuneInString(f[b:])
		p, w := utf8.DecodeLastRuneInString(f[:b])
		if !extendsCluster(r) && r != zwj && p != zwj {
			break
		}
		b -= w
	}
	for k := 0; k < maxCluster && e < len(f) && e > b; k++ {
		r, w := utf8.DecodeRuneInString(f[e:])
		p, _ := utf8.DecodeLastRuneInString(f[:e])
		if !extendsCluster(r) && r != zwj && p != zwj {
			break
		}
		e += w
	}
	return b, e
}

// Bounds of the word diff of a drift warning.
const (
	// maxDiffWords is how many words of each side, once their common
	// beginning and end are set aside, are aligned word by word; a longer
	// middle is reported as one change.
	maxDiffWords = 300
	// maxDiffShown is how many changes a warning lists.
	maxDiffShown = 3
)

// wordChange is one difference between the cited quote and the text now at
// its span: old words replaced by new ones, either side possibly empty.
type wordChange struct{ old, new []string }

// wordDiff aligns the words of a and b (a longest common subsequence) and
// returns their differences in order.
func wordDiff(a, b []string) []wordChange {
	// Common beginning and end first: most drift is a word or two.
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	if len(a) > maxDiffWords || len(b) > maxDiffWords || len(a) == 0 || len(b) == 0 {
		return []wordChange{{a, b}}
	}
	// lcs[i*w+j] is the LCS length of a[i:] and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	var out []wordChange
	var cur wordChange
	flush := func() {
		if len(cur.old) > 0 || len(cur.new) > 0 {
			out = append(out, cur)
		}
		cur = wordChange{}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			flush()
			i, j = i+1, j+1
		case j == len(b) || i < len(a) && lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			cur.old = append(cur.old, a[i])
			i++
		default:
			cur.new = append(cur.new, b[j])
			j++
		}
	}
	flush()
	return out
}

// driftNote is the warning for a re-anchored citation: what changed
// between the quote and the text now at its span, word by word, or, when
// the quote's text is unchanged, what around it changed.
func driftNote(st *SourceText, c *Citation) string {
	at := fmt.Sprintf("%d–%d with score %s (threshold %.2f)", c.Span.Start, c.Span.End, FormatScore(c.Span.Score), DriftThreshold)
	oldQ, newQ := foldTrim(c.Quote), foldTrim(st.Slice(c.Span.Start, c.Span.End))
	if oldQ == newQ {
		var why string
		switch p, s := contextChanged(st, c); {
		case p && s:
			why = "its prefix and suffix changed"
		case p:
			why = "its prefix changed"
		case s:
			why = "its suffix changed"
		case c.Start >= 0 && c.Start != c.Span.Start:
			why = "it moved"
		default:
			why = "the source around it changed"
		}
		return "quote re-anchored: the quote is unchanged; " + why + "; now at " + at
	}
	var b strings.Builder
	b.WriteString("quote drifted: the source changed; re-anchored at " + at)
	changes := wordDiff(strings.Fields(oldQ), strings.Fields(newQ))
	for k, ch := range changes {
		if k == maxDiffShown {
			b.WriteString("; and " + Plural(len(changes)-k, "more change"))
			break
		}
		o, n := excerpt(strings.Join(ch.old, " "), 40), excerpt(strings.Join(ch.new, " "), 40)
		switch {
		case o == "":
			b.WriteString("; it adds " + quoteText(n))
		case n == "":
			b.WriteString("; it drops " + quoteText(o))
		default:
			b.WriteString("; it now reads " + quoteText(n) + " where the quote had " + quoteText(o))
		}
	}
	if len(changes) == 0 {
		// Only spacing or typography differs, which folding hides.
		b.WriteString("; only its spacing or punctuation marks changed")
	}
	return b.String()
}

// contextChanged reports whether the citation's prefix, resp. suffix, no
// longer surrounds its re-anchored span (typographic differences aside).
func contextChanged(st *SourceText, c *Citation) (prefix, suffix bool) {
	if p := foldTrim(c.Prefix); p != "" {
		n := utf8.RuneCountInString(c.Prefix) + 8
		before := foldTrim(st.Slice(max(0, c.Span.Start-n), c.Span.Start))
		prefix = !strings.HasSuffix(before, p)
	}
	if s := foldTrim(c.Suffix); s != "" {
		n := utf8.RuneCountInString(c.Suffix) + 8
		after := foldTrim(st.Slice(c.Span.End, min(st.Len(), c.Span.End+n)))
		suffix = !strings.HasPrefix(after, s)
	}
	return prefix, suffix
}

// quoteText puts str in double quotes as %q would, but keeps format
// characters such as the zero-width joiner of an emoji sequence, which %q
// would write as \u200d; control characters are still escaped, so the
// message stays on one line.
func quoteText(str string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range str {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r) || r == utf8.RuneError || r == '\u2028' || r == '\u2029':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
