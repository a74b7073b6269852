package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameWords is the most words a name in the index has ("Democratic
// People's Republic of Korea" has five); longer runs are not tried.
const maxNameWords = 8

// Mention is a country's name, capital, demonym or seat of government found
// in a text.
type Mention struct {
	// Start and End are code-point offsets [Start, End) into the text, the
	// convention of citations. They cover the name only: a leading "the" and
	// a possessive "'s" are outside.
	Start, End int
	Text       string // the text at [Start, End)
	// Places are the countries it may stand for: one, or several for a
	// name two countries share ("Congolese").
	Places []Place
	// InLongerName is set when a capitalised word follows, as in
	// "Washington Post" or "Jordan Henderson": the name may be part of
	// another one. A demonym before a title ("Russian President") is not
	// flagged; that is how titles are written.
	InLongerName bool
}

// Find returns the mentions of countries in text, in order, the longest
// name at each place ("North Korean" rather than "North"), never
// overlapping. Like Lookup it needs names capitalised as news text writes
// them.
func Find(text string) []Mention {
	ix := theIndex()
	words := splitWords(text)
	var out []Mention
	var runes runeCounter
	for i := 0; i < len(words); i++ {
		w := words[i]
		first := text[w.start:trimPossessive(text, w.start, w.end)]
		if strings.ContainsAny(first, "’‘ʼ") {
			first = apostrophes.Replace(first)
		}
		n := ix.firstWords[first]
		for k := min(n, len(words)-i); k >= 1; k-- {
			if !joinedBySpaces(text, words[i:i+k]) {
				continue
			}
			end := trimPossessive(text, w.start, words[i+k-1].end)
			places := LookupAll(text[w.start:end])
			if places == nil {
				continue
			}
			m := Mention{Start: runes.at(text, w.start), End: runes.at(text, end), Text: text[w.start:end], Places: places}
			// After "U.S." a capital may start the next sentence.
			if i+k < len(words) && places[0].Kind != Demonym && !strings.HasSuffix(m.Text, ".") {
				next := words[i+k]
				m.InLongerName = joinedBySpaces(text, words[i+k-1:i+k+1]) && startsUpper(text[next.start:next.end])
			}
			out = append(out, m)
			i += k - 1
			break
		}
	}
	return out
}

// runeCounter turns increasing byte offsets into code-point offsets in one
// pass over the text.
type runeCounter struct{ bytes, runes int }

func (c *runeCounter) at(text string, b int) int {
	c.runes += utf8.RuneCountInString(text[c.bytes:b])
	c.bytes = b
	return c.runes
}

// word is a run of letters, digits and the marks inside names
// (apostrophes, hyphens, the points of "U.S."), as byte offsets.
type word struct{ start, end int }

func splitWords(text string) []word {
	var ws []word
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		// Marks join letters: "People's", "Jong-un", "U.S." (a point is
		// kept after a single capital, so "U.S." stays one word).
		if !inWord && start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '.') {
			inWord = true
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			ws = append(ws, word{start, trimMarks(text, start, i)})
			start = -1
		}
	}
	if start >= 0 {
		ws = append(ws, word{start, trimMarks(text, start, len(text))})
	}
	return ws
}

// trimMarks drops trailing apostrophes and hyphens from a word, and a
// trailing point unless the word is an abbreviation with points ("U.S.").
func trimMarks(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		switch {
		case r == '\'' || r == '’' || r == '-':
			end -= size
			continue
		case r == '.' && !strings.Contains(text[start:end-1], "."):
			end -= size
			continue
		}
		break
	}
	return end
}

// joinedBySpaces reports whether the words are separated by single spaces
// only, as the words of a name are.
func joinedBySpaces(text string, ws []word) bool {
	for k := 1; k < len(ws); k++ {
		if text[ws[k-1].end:ws[k].start] != " " {
			return false
		}
	}
	return true
}

// trimPossessive moves end back over a possessive "'s" or "’s".
func trimPossessive(text string, start, end int) int {
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(text[start:end], p) && end-len(p) > start {
			return end - len(p)
		}
	}
	return end
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
