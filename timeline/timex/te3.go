package timex

import "encoding/json"

// TE3Timex is one entry of the TempEval-3 JSON that the TE3 scorer reads
// (start, end, value, type, text); edtf, note and warnings are extra keys
// it ignores.
type TE3Timex struct {
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Value    string   `json:"value"`
	Type     string   `json:"type"`
	Text     string   `json:"text"`
	EDTF     string   `json:"edtf,omitempty"`
	Note     string   `json:"note"`
	Warnings []string `json:"warnings,omitempty"`
}

// MarshalTE3 encodes found as {"timexes": [...]}, one line per field.
func MarshalTE3(found []Timex) ([]byte, error) {
	out := struct {
		Timexes []TE3Timex `json:"timexes"`
	}{Timexes: make([]TE3Timex, 0, len(found))}
	for _, t := range found {
		out.Timexes = append(out.Timexes, TE3Timex{Start: t.Start, End: t.End, Value: t.Value, Type: string(t.Type),
			Text: t.Text, EDTF: t.EDTF, Note: t.Note, Warnings: t.Warnings})
	}
	b, err := json.MarshalIndent(out, "", " ")
	return append(b, '\n'), err
}

// Span is a range of code points, end exclusive.
type Span struct{ Start, End int }

// Sentences splits text into sentences the way the tagger reads them: a
// blank line ends a paragraph (a headline, a date line), and ., ! or ?
// end a sentence unless they end an abbreviation ("Mr.", "Feb.", "p.m.").
func Sentences(text string) []Span { return sentences(tokenize(text)) }

// sentences is Sentences on the tokens of a text. Closing quotes and
// brackets after the final mark end the sentence (`said.” Next`), while
// opening ones before the first word start the next (`1994. “We`): the
// tokens mark the first word, and the openers written against it are
// moved over from the sentence before.
func sentences(toks []token) []Span {
	var out []Span
	for i := range toks {
		if toks[i].sentStart {
			k := i
			for k > 0 && opensSentence(toks, k-1) && (len(out) == 0 || toks[k-1].start > out[len(out)-1].Start) {
				k--
			}
			if len(out) > 0 {
				out[len(out)-1].End = toks[k-1].end
			}
			out = append(out, Span{Start: toks[k].start})
		}
	}
	if len(out) > 0 {
		out[len(out)-1].End = toks[len(toks)-1].end
	}
	return out
}

// opensSentence reports whether toks[k] is an opening quote or bracket
// written against the token after it: “ ‘ « ( [ anywhere, a straight " or '
// only after a space (or at the start) and before a letter or digit, or
// another opener.
func opensSentence(toks []token, k int) bool {
	t := &toks[k]
	if t.kind != tokPunct || k+1 >= len(toks) || toks[k+1].space {
		return false
	}
	switch t.text {
	case "“", "‘", "«", "(", "[":
		return true
	case "\"", "'":
		return (k == 0 || t.space) && (toks[k+1].kind != tokPunct || opensSentence(toks, k+1))
	}
	return false
}
