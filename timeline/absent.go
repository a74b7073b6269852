package timeline

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mismatch explains a quote absent from the text, to follow "quote … not
// found" in a message: how many of its first words occur, where, and what
// the text has there where the quote goes on, so that a typo far into a
// long quote shows. It reads ". Its first 3 words, "…", occur in paragraph
// 5; there the source goes on with "June 2021…" where the quote has "July
// 2021…"", or ": not even its first word occurs in the source". It costs a
// few searches of the text, so it is for messages about absent quotes only.
func (s *SourceText) Mismatch(quote string) string {
	ends := wordEnds(quote)
	// A run of first words that occurs means every shorter one does.
	k := sort.Search(len(ends), func(i int) bool { return s.Count(quote[:ends[i]]) == 0 })
	if k == 0 {
		return ": not even its first word occurs in the source"
	}
	if k == len(ends) { // the whole quote occurs: only its context failed
		return ""
	}
	head := quote[:ends[k-1]]
	msg := fmt.Sprintf(". Its first word, %s, occurs", strconv.Quote(excerpt(head, 60)))
	if k > 1 {
		msg = fmt.Sprintf(". Its first %d words, %s, occur", k, strconv.Quote(excerpt(head, 60)))
	}
	// Where the head occurs: exactly, else the one tolerant place if unique.
	type at struct{ end, para int } // code-point end of the head, paragraph
	var found []at
	for _, start := range s.Occurrences(head) {
		found = append(found, at{start + utf8.RuneCountInString(head), s.Paragraph(start)})
	}
	if len(found) == 0 {
		if span, err := s.Resolve(Selector{Quote: head, Start: -1, End: -1}); err == nil {
			found = append(found, at{span.End, span.Paragraph})
		}
	}
	if len(found) == 0 {
		return fmt.Sprintf("%s %s, but none can be picked out", msg, times(s.Count(head)))
	}
	const goesOnRunes = 40
	var goesOn []string
	for _, f := range found[:min(len(found), 3)] {
		next := "the end of the text"
		if t := s.Slice(f.end, f.end+goesOnRunes); strings.TrimSpace(t) != "" {
			t = strings.Join(strings.Fields(t), " ")
			if f.end+goesOnRunes < s.Len() {
				t += "…"
			}
			next = strconv.Quote(t)
		}
		if len(found) > 1 {
			next += fmt.Sprintf(" (paragraph %d)", f.para)
		}
		goesOn = append(goesOn, next)
	}
	where := fmt.Sprintf(" in paragraph %d", found[0].para)
	if len(found) > 1 {
		where = fmt.Sprintf(" %d times", len(found))
	}
	rest := strings.TrimSpace(quote[ends[k-1]:])
	return fmt.Sprintf("%s%s; there the source goes on with %s where the quote has %s",
		msg, where, strings.Join(goesOn, ", "), strconv.Quote(excerpt(rest, goesOnRunes)))
}

// wordEnds returns the byte offsets where the words of s (runs of what is
// not white space) end, and len(s) last: how far "its first k words" go.
func wordEnds(s string) []int {
	var out []int
	for i := 0; i < len(s); {
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += w
		}
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += w
		}
		if len(out) == 0 || out[len(out)-1] != i {
			out = append(out, i)
		}
	}
	return out
}
