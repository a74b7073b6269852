package timeline

import "testing"

// FuzzReanchor checks that Reanchor never panics and always returns a
// span inside the text that is either re-anchored or orphaned, with a
// score in [0, 1] on the right side of the threshold.
func FuzzReanchor(f *testing.F) {
	f.Add("Kim Jong-un was “gifted a car”.\n\nKim Jong-un was \"gifted a car\".", `was "gifted a cat`, "Jong-un ", "", 8, 25)
	f.Add("a cat, a cat", "a cot", "", " cat", -1, -1)
	f.Add("서울 😀 “김정은”\u00a0위원장", `"김정은" 위원`, "😀", "", 5, 9)
	f.Add("é\xe2\x80 x\xff", "\xa9x", "\xff", "\xe2", 1, 1)
	f.Add("", "quote", "", "", 0, 5)
	f.Add("text", "   ", "", "", -1, -1)
	f.Add("abc", "abcabcabcabc", "abc", "abc", 3, 1)
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string, start, end int) {
		s := NewSourceText(text)
		got := s.Reanchor(Selector{Quote: quote, Prefix: prefix, Suffix: suffix, Start: start, End: end})
		if got.Reanchored == got.Orphaned || got.Resolved != got.Reanchored {
			t.Fatalf("flags %+v", got)
		}
		if got.Start < 0 || got.Start > got.End || got.End > s.Len() {
			t.Fatalf("span %+v out of [0, %d]", got, s.Len())
		}
		if got.Score < 0 || got.Score > 1 || got.Reanchored != (got.Score >= DriftThreshold) {
			t.Fatalf("score %+v", got)
		}
		if got.Reanchored && (got.Paragraph < 1 || got.Paragraph > s.Paragraphs()) {
			t.Fatalf("paragraph %d of %d", got.Paragraph, s.Paragraphs())
		}
	})
}
