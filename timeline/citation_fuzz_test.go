package timeline

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzResolve(f *testing.F) {
	f.Add("Kim Jong-un was “gifted a car”.\n\nKim Jong-un was \"gifted a car\".", `was "gifted`, "Jong-un ", "")
	f.Add("a cat, a cat", "cat", "a ", " cat")
	f.Add("서울 😀 “김정은”\u00a0위원장", `"김정은" 위원장`, "😀", "")
	f.Add("é\xe2\x80 x\xff", "\xa9", "", "")
	f.Add("one\n\n  two\tthree", " two three ", "one", "")
	f.Add("Le président a dit oui.", "pre\u0301sident a dit", "Le ", "")
	f.Add("Le pre\u0301sident, re\u0301sume\u0301 é", "\u0301", "", "")
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string) {
		s := NewSourceText(text)
		sel := citeSel(quote, prefix, suffix)
		got, err := s.Resolve(sel)
		var qe *QuoteError
		switch {
		case err == nil:
		case errors.Is(err, ErrEmptyQuote):
			if !isBlank(quote) {
				t.Fatalf("ErrEmptyQuote for %q", quote)
			}
			return
		case errors.As(err, &qe):
			_ = qe.Error()
			if qe.Absent == (qe.Count > 1) {
				t.Fatalf("inconsistent %+v", qe)
			}
			return
		default:
			t.Fatalf("unexpected error %v", err)
		}
		if !got.Resolved || got.Start < 0 || got.Start > got.End || got.End > s.Len() {
			t.Fatalf("span %+v out of [0, %d]", got, s.Len())
		}
		if got.Paragraph < 1 || got.Paragraph > s.Paragraphs() {
			t.Fatalf("paragraph %d of %d", got.Paragraph, s.Paragraphs())
		}
		cited := s.Slice(got.Start, got.End)
		if !got.Tolerant && cited != quote {
			t.Fatalf("exact span %q, quote %q", cited, quote)
		}
		if foldTrim(cited) != foldTrim(quote) {
			t.Fatalf("span %q does not fold to the quote %q", cited, quote)
		}
		// A quote that occurs once, with no context to satisfy, is found there.
		if i := strings.Index(text, quote); i >= 0 && prefix == "" && suffix == "" && utf8.ValidString(text+quote) &&
			!strings.Contains(text[i+1:], quote) && (got.Start != utf8.RuneCountInString(text[:i]) || got.Tolerant) {
			t.Fatalf("unique quote at %d resolved to %+v", i, got)
		}
	})
}

// citeSynthetic is about n bytes of prose in paragraphs, mixing ASCII,
// Korean and typographic punctuation, ending with a unique sentence.
func citeSynthetic(n int) string {
	words := []string{"Pyongyang", "Moscow", "the", "leader", "“gifted”", "car", "—", "김정은", "위원장", "sanctions", "Kim’s", "visit", "2024"}
	var b strings.Builder
	for i, x := 0, uint32(1); b.Len() < n; i++ {
		x = x*1664525 + 1013904223
		b.WriteString(words[x>>24%uint32(len(words))])
		switch {
		case i%97 == 96:
			b.WriteString(".\n\n")
		case i%13 == 12:
			b.WriteString(",\n")
		default:
			b.WriteByte(' ')
		}
	}
	b.WriteString("\n\nThe unique closing sentence, “quoted” — at the very end.")
	return b.String()
}

func BenchmarkResolve(b *testing.B) {
	article := citeArticle(b)
	big := NewSourceText(citeSynthetic(1 << 20))
	for _, bm := range []struct {
		name string
		s    *SourceText
		sel  Selector
	}{
		{"article/exact", article, citeSel(`Kim Jong-un was "gifted a Russian-made car`, "", "")},
		{"article/tolerant", article, citeSel("Pyongyang's state media", "", "")},
		{"article/prefix", article, citeSel("the North Korean leader", "During ", "")},
		{"1MB/exact", big, citeSel("The unique closing sentence", "", "")},
		{"1MB/tolerant", big, citeSel(`The unique closing sentence, "quoted" - at`, "", "")},
		{"1MB/prefix", big, citeSel("sentence", "unique closing ", "")},
		{"1MB/absent", big, citeSel("the leader visited Moscow", "", "")},
	} {
		b.Run(bm.name, func(b *testing.B) {
			if _, err := bm.s.Resolve(bm.sel); (err != nil) != strings.Contains(bm.name, "absent") {
				b.Fatal(err) // also builds the folded copy outside the timing
			}
			b.ReportAllocs()
			for b.Loop() {
				_, _ = bm.s.Resolve(bm.sel)
			}
		})
	}
}

func BenchmarkNewSourceText(b *testing.B) {
	text := citeSynthetic(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		NewSourceText(text)
	}
}
