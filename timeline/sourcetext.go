package timeline

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// markEvery is the spacing, in code points, of the byte offsets a
// SourceText keeps for offset conversion: a conversion decodes at most this
// many runes, and the table costs one int per markEvery code points.
const markEvery = 64

// SourceText is a source's text prepared for resolving many quotes: it keeps
// what code-point offsets and paragraph numbers need, and builds the folded
// copy that tolerant matching searches on first need. It is safe for
// concurrent use. Invalid UTF-8 never panics: each invalid byte counts as one
// code point, as when ranging over a Go string.
type SourceText struct {
	text  string
	n     int        // length in code points
	marks []int      // byte offset of every markEvery-th code point; nil when text is ASCII
	paras []paraSpan // code-point spans of the paragraphs, in order
	freq  [256]int   // occurrences of each byte value, for finder

	normOnce sync.Once
	norm     *normText // nil until first tolerant need, or when text is too long to fold

	sumOnce sync.Once
	sum     [32]byte // SHA-256 of text, computed on first need (see checksum)
}

// paraSpan is a paragraph's [start, end) in code points: from the start of
// its first non-blank line to the end of its last, line break excluded.
type paraSpan struct{ start, end int }

// NewSourceText prepares text for resolution in time linear in its length.
func NewSourceText(text string) *SourceText {
	s := &SourceText{text: text}
	s.indexOffsets()
	s.indexParagraphs()
	return s
}

// Text returns the source text.
func (s *SourceText) Text() string { return s.text }

// Len returns the length of the text in code points.
func (s *SourceText) Len() int { return s.n }

// Slice returns the text between code-point offsets [start, end), clamped
// to the text; it is empty when end <= start.
func (s *SourceText) Slice(start, end int) string {
	start, end = max(0, min(start, s.n)), max(0, min(end, s.n))
	if end <= start {
		return ""
	}
	return s.text[s.byteAt(start):s.byteAt(end)]
}

// Paragraphs returns how many paragraphs the text has; it is 0 only for a
// text that is empty or all whitespace.
func (s *SourceText) Paragraphs() int { return len(s.paras) }

// Paragraph returns the 1-based paragraph containing the code-point offset.
// Blank lines between paragraphs belong to the paragraph before them;
// offsets before the first paragraph give 1 and past the last give the last.
// It returns 0 when the text has no paragraph.
func (s *SourceText) Paragraph(offset int) int {
	if len(s.paras) == 0 {
		return 0
	}
	i, _ := slices.BinarySearchFunc(s.paras, offset, func(p paraSpan, off int) int {
		if p.start <= off {
			return -1
		}
		return 1
	})
	return max(i, 1)
}

// ParagraphSpan returns the code-point span [start, end) of paragraph n,
// from its first character to the end of its last line (line break
// excluded). n is clamped to [1, Paragraphs()]; a text with no paragraph
// gives (0, 0).
func (s *SourceText) ParagraphSpan(n int) (start, end int) {
	if len(s.paras) == 0 {
		return 0, 0
	}
	p := s.paras[max(1, min(n, len(s.paras)))-1]
	return p.start, p.end
}

// finder searches a text for a needle, scanning for the needle's byte that
// is rarest in the text rather than for its first byte as strings.Index
// does: in prose a quote's first letter is common, and Resolve must visit
// every occurrence of every quote in texts of megabytes.
type finder struct {
	s, q string
	k    int // offset in q of the byte to scan for; -1 for strings.Index
}

// newFinder prepares a search of s, whose byte counts are freq, for q.
func newFinder(s string, freq *[256]int, q string) finder {
	f := finder{s: s, q: q}
	for i := range len(q) {
		if freq[q[i]] < freq[q[f.k]] {
			f.k = i
		}
	}
	switch {
	case q == "":
	case freq[q[f.k]] == 0:
		f.q = "" // a byte the text lacks: no occurrence
	case freq[q[f.k]] > len(s)/16:
		f.k = -1 // no rare byte: strings.Index has fallbacks for that
	}
	return f
}

// next returns the offset of the first occurrence at or after from, or -1.
func (f *finder) next(from int) int {
	if f.q == "" || from > len(f.s)-len(f.q) {
		return -1
	}
	if f.k < 0 {
		if i := strings.Index(f.s[from:], f.q); i >= 0 {
			return from + i
		}
		return -1
	}
	for p, c := from+f.k, f.q[f.k]; p < len(f.s); p++ {
		i := strings.IndexByte(f.s[p:], c)
		if i < 0 {
			return -1
		}
		p += i
		if start := p - f.k; start+len(f.q) <= len(f.s) && f.s[start:start+len(f.q)] == f.q {
			return start
		}
	}
	return -1
}

// indexOffsets counts the code points and, unless the text is ASCII (where
// byte and code-point offsets agree), records the byte offset of every
// markEvery-th code point.
func (s *SourceText) indexOffsets() {
	if countBytes(&s.freq, s.text) {
		s.n = len(s.text)
		return
	}
	s.marks = make([]int, 0, len(s.text)/markEvery+1)
	for i := range s.text {
		if s.n%markEvery == 0 {
			s.marks = append(s.marks, i)
		}
		s.n++
	}
}

// countBytes counts the bytes of str into freq and reports whether they are
// all ASCII.
func countBytes(freq *[256]int, str string) (ascii bool) {
	for i := 0; i < len(str); i++ {
		freq[str[i]]++
	}
	for c := utf8.RuneSelf; c < len(freq); c++ {
		if freq[c] > 0 {
			return false
		}
	}
	return true
}

// byteAt converts a code-point offset in [0, Len()] to a byte offset.
func (s *SourceText) byteAt(cp int) int {
	if s.marks == nil {
		return cp
	}
	if cp >= s.n {
		return len(s.text)
	}
	b := s.marks[cp/markEvery]
	for k := cp % markEvery; k > 0; k-- {
		_, w := utf8.DecodeRuneInString(s.text[b:])
		b += w
	}
	return b
}

// cpAt converts a byte offset at a code-point boundary to a code-point offset.
func (s *SourceText) cpAt(b int) int {
	if s.marks == nil {
		return b
	}
	k, ok := slices.BinarySearch(s.marks, b)
	if ok {
		return k * markEvery
	}
	return (k-1)*markEvery + utf8.RuneCountInString(s.text[s.marks[k-1]:b])
}

// runeCount counts the code points of a piece of the text.
func (s *SourceText) runeCount(piece string) int {
	if s.marks == nil {
		return len(piece)
	}
	return utf8.RuneCountInString(piece)
}

// atBoundary reports whether byte offset b falls between code points as
// ranging over the text decodes them. Only a continuation byte can be
// inside a code point, and only if a valid encoding starting at most three
// bytes earlier spans it.
func (s *SourceText) atBoundary(b int) bool {
	if s.marks == nil || b <= 0 || b >= len(s.text) || !isContinuation(s.text[b]) {
		return true
	}
	for k := 1; k <= utf8.UTFMax-1 && k <= b; k++ {
		if _, w := utf8.DecodeRuneInString(s.text[b-k:]); w > k {
			return false
		}
	}
	return true
}

func isContinuation(c byte) bool { return c&0xC0 == 0x80 }

// indexParagraphs records the paragraphs: maximal runs of lines that are
// not blank (empty or whitespace only).
func (s *SourceText) indexParagraphs() {
	cp, open := 0, false
	for rest := s.text; ; {
		line, after, more := strings.Cut(rest, "\n")
		if isBlank(line) {
			open = false
		} else {
			if !open {
				s.paras = append(s.paras, paraSpan{start: cp})
				open = true
			}
			s.paras[len(s.paras)-1].end = cp + s.runeCount(strings.TrimSuffix(line, "\r"))
		}
		if !more {
			return
		}
		cp += s.runeCount(line) + 1
		rest = after
	}
}

// normText is the text folded for tolerant matching, with a map back.
type normText struct {
	// s is the text with typographic variants folded (see fold), composed
	// characters decomposed (see decomposition), every run of whitespace as
	// one space and each invalid byte as U+FFFD; it is valid UTF-8.
	s string
	// orig[j] is the byte offset in the source text of the character (or
	// whitespace run) that produced byte j of s; orig[len(s)] is the
	// text's length. It never decreases.
	orig []int32
	freq [256]int // occurrences of each byte value of s, for finder
}

// folded returns the first position in n.s that comes from source byte b or
// later.
func (n *normText) folded(b int) int {
	j, _ := slices.BinarySearch(n.orig, int32(b))
	return j
}

// folded returns the folded copy, building it on first use. It is nil for
// texts too long for its 32-bit offsets, which then match only exactly.
func (s *SourceText) folded() *normText {
	s.normOnce.Do(func() {
		if len(s.text) >= 1<<31-1 {
			return
		}
		orig := make([]int32, 0, len(s.text)+1)
		str := foldString(s.text, &orig)
		s.norm = &normText{s: str, orig: append(orig, int32(len(s.text)))}
		countBytes(&s.norm.freq, str)
	})
	return s.norm
}

// foldTrim folds str for tolerant comparison, without whitespace at its ends.
func foldTrim(str string) string { return foldString(strings.TrimFunc(str, unicode.IsSpace), nil) }

// foldString folds str (see normText.s). When orig is not nil it receives,
// for each output byte, the input byte offset it came from.
func foldString(str string, orig *[]int32) string {
	var b strings.Builder
	b.Grow(len(str))
	space := false
	for i := 0; i < len(str); {
		r, w := utf8.DecodeRuneInString(str[i:])
		from := b.Len()
		var d []byte
		if r >= 0xC0 { // nothing below À decomposes
			d = decomposition(str[i:])
		}
		switch {
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
		case d != nil:
			b.Write(d)
			space = false
		default:
			b.WriteRune(fold(r)) // an invalid byte decodes as, and writes, U+FFFD
			space = false
		}
		if orig != nil {
			for range b.Len() - from {
				*orig = append(*orig, int32(i))
			}
		}
		i += w
	}
	return b.String()
}

// decomposition returns the canonical decomposition of the first character
// of str (NFD), or nil when it has none, so that é written as one character
// and as e and U+0301 fold alike. Combining marks that were separate
// characters are not reordered, and Hangul syllables (decomposed by rule,
// not by table) are left whole.
func decomposition(str string) []byte { return norm.NFD.PropertiesString(str).Decomposition() }

// fold maps typographic variants of quotes and dashes to their ASCII form.
func fold(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032': // ‘ ’ ‚ ‛ ′
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033': // “ ” „ ‟ ″
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212': // ‐ ‑ ‒ – — ― −
		return '-'
	}
	return r
}
