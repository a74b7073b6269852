package timex

import (
	"time"
)

// Type is a TIMEX3 type.
type Type string

// The TIMEX3 types.
const (
	Date     Type = "DATE"
	Time     Type = "TIME"
	Duration Type = "DURATION"
	Set      Type = "SET"
)

// Timex is one temporal expression found in a text.
type Timex struct {
	Start, End int    // code-point offsets into the text, end exclusive
	Text       string // the text of the expression
	Type       Type
	Value      string // the TIMEX3 value: "2024-02-20", "2023", "P4D", "PAST_REF"...
	// EDTF is the same date as Value in EDTF levels 0 and 1 (parsed by
	// timeline.ParseDate), as precise as the text supports; "" for
	// durations, sets and dates EDTF cannot hold (BC, unknown years).
	EDTF     string
	Note     string   // how the value was derived, one line
	Warnings []string // what the text gets wrong or leaves open
	// Anchored reports that the value depends on the reference date or on
	// another date in the text (it was not written in full).
	Anchored bool
}

// Tag returns the temporal expressions of text in text order, resolved
// against ref (the publication date; only its year, month and day count).
func Tag(text string, ref time.Time) []Timex {
	return tag(text, tokenize(text), ref)
}

// TagSentences is Tag and Sentences of one text, which it reads once: the
// drafter needs both, and reading the text is a good part of either.
func TagSentences(text string, ref time.Time) ([]Timex, []Span) {
	toks := tokenize(text)
	sents := sentences(toks) // before tagging, which reads the tokens only
	return tag(text, toks, ref), sents
}

// tag is Tag on the tokens of text.
func tag(text string, toks []token, ref time.Time) []Timex {
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	exprs := find(toks)
	r := newResolver(text, toks, ref)
	r.story = storyMode(exprs, ref)
	out := make([]Timex, 0, len(exprs))
	for i := range exprs {
		e := &exprs[i]
		res := r.resolve(exprs, i)
		if res.drop {
			continue
		}
		s, en := toks[e.start].start, toks[e.end-1].end
		tx := Timex{Start: s, End: en, Text: textSpan(text, toks, e.start, e.end), Type: e.typ,
			Value: res.value, EDTF: res.edtf, Note: res.note, Warnings: res.warn, Anchored: res.anchored}
		out = append(out, tx)
	}
	return out
}

// textSpan is the text from the first byte of toks[a] to the last of toks[b-1].
func textSpan(text string, toks []token, a, b int) string {
	last := toks[b-1]
	return text[toks[a].bstart : last.bstart+len(last.text)]
}
