package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the lexical class of a token.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters (and inner apostrophes)
	tokNum                  // ASCII digits, possibly with a suffix: 1990s, 21st, 3pm
	tokPunct                // any other single rune
)

// token is one word, number or punctuation mark of the text.
type token struct {
	text       string // as written
	low        string // lower case, for lexicon look-ups
	start, end int    // code-point offsets into the text, end exclusive
	bstart     int    // byte offset of the start
	kind       tokKind
	num        int    // for tokNum: the value of the leading digits
	ndig       int    // for tokNum: how many leading digits
	suffix     string // for tokNum: lower-case letters after the digits ("s", "st", "pm")
	space      bool   // whitespace precedes the token
	para       bool   // a blank line (or the start of the text) precedes the token
	sentStart  bool   // the token starts a sentence
}

// tokenize splits text into tokens. It is a single pass over the runes and
// allocates one slice; words keep inner apostrophes ("don't", "'90s" is
// punctuation then "90s").
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	cp := 0 // code points seen so far
	space, para := false, true
	newlines := 0
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			newlines++
			space = true
			if newlines >= 2 {
				para = true
			}
			i += w
			cp++
			continue
		case unicode.IsSpace(r):
			space = true
			i += w
			cp++
			continue
		}
		newlines = 0
		t := token{start: cp, bstart: i, space: space, para: para}
		space, para = false, false
		switch {
		case r < utf8.RuneSelf && r >= '0' && r <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if t.ndig < 9 {
					n = n*10 + int(text[j]-'0')
				}
				t.ndig++
				j++
			}
			k := j
			for k < len(text) && k-j < 2 && isASCIILetter(text[k]) {
				k++
			}
			// A letter suffix only counts when the word ends there: "1990s",
			// "21st", "3pm"; not "737MAX".
			if k > j && (k == len(text) || !isASCIILetter(text[k])) {
				t.suffix = strings.ToLower(text[j:k])
				j = k
			}
			t.kind, t.num = tokNum, n
			t.text = text[i:j]
			cp += j - i
			i = j
		case unicode.IsLetter(r):
			j := i
			n := 0
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsMark(r2) {
					j += w2
					n++
					continue
				}
				// An apostrophe between letters stays in the word.
				if (r2 == '\'' || r2 == '’') && j+w2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if unicode.IsLetter(r3) {
						j += w2
						n++
						continue
					}
				}
				break
			}
			t.kind = tokWord
			t.text = text[i:j]
			cp += n
			i = j
		default:
			t.kind = tokPunct
			t.text = text[i : i+w]
			cp++
			i += w
		}
		t.end = cp
		t.low = lower(t.text)
		// A possessive is a token of its own, so "Monday's" holds the
		// weekday "Monday".
		if t.kind == tokWord {
			if n := possessiveLen(t.text); n > 0 && len(t.text) > n {
				cut := len(t.text) - n
				p := token{text: t.text[cut:], low: "'s", start: t.end - 2, end: t.end, bstart: t.bstart + cut, kind: tokWord}
				t.text, t.low, t.end = t.text[:cut], lower(t.text[:cut]), t.end-2
				toks = append(toks, t, p)
				continue
			}
		}
		toks = append(toks, t)
	}
	markSentences(toks)
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// lower lower-cases s, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// abbreviations that end with a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true,
	"st": true, "jr": true, "sr": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "vs": true, "no": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "u": true, "s": true, "p": true,
	"m": true, "a": true, "e": true, "i": true, "g": true, "etc": true, "approx": true,
}

// markSentences sets sentStart on the first token of every sentence: after
// a paragraph break, or after ., ! or ? that does not end an abbreviation.
func markSentences(toks []token) {
	next := true
	for i := range toks {
		t := &toks[i]
		if t.para {
			next = true
		}
		if next && t.kind != tokPunct {
			t.sentStart = true
			next = false
		}
		if t.kind == tokPunct && (t.text == "." || t.text == "!" || t.text == "?") {
			if t.text == "." && i > 0 && !toks[i].space && toks[i-1].kind == tokWord && abbreviations[toks[i-1].low] {
				continue
			}
			// Closing quotes and brackets after the mark belong to the
			// sentence: `speed.'' She` ends it after the quotes.
			j := i + 1
			for j < len(toks) && !toks[j].space && isCloser(toks[j].text) {
				j++
			}
			// A period followed by a lower-case word or a digit is not a
			// sentence end: "p.m. today", "3.5".
			if j < len(toks) && !toks[j].space {
				continue
			}
			if j < len(toks) && toks[j].kind == tokWord && toks[j].low == toks[j].text && !toks[j].para {
				continue
			}
			next = true
		}
	}
}

func isCloser(s string) bool {
	switch s {
	case "'", "\"", "”", "’", ")", "]", "»":
		return true
	}
	return false
}

// possessiveLen is the byte length of a trailing "'s" or "’s", or 0.
func possessiveLen(w string) int {
	switch {
	case len(w) > 2 && (w[len(w)-2:] == "'s" || w[len(w)-2:] == "'S"):
		return 2
	case len(w) > 4 && w[len(w)-4:] == "’s":
		return 4
	}
	return 0
}
