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

// sentences is Sentences on the tokens of a text.
func sentences(toks []token) []Span {
	var out []Span
	for i := range toks {
		if toks[i].sentStart {
			if len(out) > 0 {
				out[len(out)-1].End = toks[i-1].end
			}
			out = append(out, Span{Start: toks[i].start})
		}
	}
	if len(out) > 0 {
		out[len(out)-1].End = toks[len(toks)-1].end
	}
	return out
}
