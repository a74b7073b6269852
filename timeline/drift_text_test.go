package timeline

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestReanchorLongQuoteTail: a long quote is scored on the whole of it,
// not only on the 2,000 code points it is sought by.
func TestReanchorLongQuoteTail(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 6000; i++ {
		fmt.Fprintf(&b, "Sentence %d says %s. ", i, strings.Repeat("xyz"[i%3:i%3+1], 1+i%5))
	}
	passage := strings.TrimSpace(b.String())
	head := string([]rune(passage)[:2000])
	tests := []struct {
		name string
		text string
		want bool // re-anchored, else orphaned
		end  int  // the span's end when re-anchored
	}{
		{"one edit in the tail", "Before. " + strings.Replace(passage, "Sentence 150 ", "Sentense 150 ", 1) + " After.", true, 8 + utf8.RuneCountInString(passage)},
		{"tail deleted", "Before. " + head + " Then something else entirely, written later. " + strings.Repeat("Filler words here. ", 300), false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSourceText(tc.text)
			got := s.Reanchor(Selector{Quote: passage, Prefix: "Before. ", Start: 8, End: 8 + utf8.RuneCountInString(passage)})
			if got.Reanchored != tc.want || tc.want && (got.Start != 8 || got.End != tc.end) {
				t.Fatalf("got %+v, want re-anchored %v ending at %d", got, tc.want, tc.end)
			}
		})
	}
}

// TestReanchorWindow: the search near the recorded position falls back to
// the whole text when nothing there is good enough.
func TestReanchorWindow(t *testing.T) {
	filler := strings.Repeat("Unrelated words fill this page. ", 400) // 12.8 KB
	quote := "The minister resigned on Friday after the vote"
	tests := []struct {
		name  string
		text  string
		start int
	}{
		{"in the window", filler + "The minister resigned on Fryday after the vote." + filler, len(filler)},
		{"far beyond the window", filler + filler + "The minister resigned on Fryday after the vote.", 2 * len(filler)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSourceText(tc.text)
			got := s.Reanchor(Selector{Quote: quote, Start: len(filler), End: len(filler) + len(quote)})
			if !got.Reanchored || got.Start != tc.start || got.End != tc.start+len(quote) {
				t.Fatalf("got %+v (%q), want re-anchored at %d", got, s.Slice(got.Start, got.End), tc.start)
			}
		})
	}
}

// TestReanchorGrapheme: a re-anchored span keeps a whole emoji.
func TestReanchorGrapheme(t *testing.T) {
	s := NewSourceText("가족 사진 공개 👍🏿 오늘")
	got := s.Reanchor(Selector{Quote: "가족 사진 공개 👍", Start: 0, End: 10})
	if want := "가족 사진 공개 👍🏿"; !got.Reanchored || s.Slice(got.Start, got.End) != want {
		t.Fatalf("got %+v %q, want %q", got, s.Slice(got.Start, got.End), want)
	}
}

func TestDriftMessage(t *testing.T) {
	const text = "Intro. The deficit had grown to 14 million dollars on Tuesday, the mayor said. Outro."
	tests := []struct {
		name                  string
		quote, prefix, suffix string
		want                  string
	}{
		{
			name: "a number changed", quote: "The deficit had grown to 12 million dollars",
			want: `quote drifted: the source changed; re-anchored at 7–50 with score 0.98 (threshold 0.75); it now reads "14" where the quote had "12"`,
		},
		{
			name: "a word added, one dropped", quote: "The deficit grown to 14 million dollars on the Tuesday",
			want: `re-anchored at 7–61 with score 0.89 (threshold 0.75); it adds "had"; it drops "the"`,
		},
		{
			name: "many changes", quote: "A deficit has grown to 12 billion euros on Monday",
			want: `re-anchored at 11–61 with score 0.79 (threshold 0.75); it drops "A"; it now reads "had" where the quote had "has"; it now reads "14 million dollars" where the quote had "12 billion euros"; and 1 more change`,
		},
		{
			name: "quote unchanged, suffix changed", quote: "on Tuesday", suffix: ", the minister said",
			want: `quote re-anchored: the quote is unchanged; its suffix changed; now at 51–61 with score 0.`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := &Dataset{Title: "t", Sources: []Source{{ID: "s", Title: "S", Text: text}},
				Events: []Event{{ID: "e", Title: "E", Citations: []Citation{{Source: "s", Quote: tc.quote, Prefix: tc.prefix, Suffix: tc.suffix, Start: 7, End: 7 + utf8.RuneCountInString(tc.quote)}}}}}
			tl, diags := New(ds)
			if tl == nil || len(diags) != 1 {
				t.Fatalf("diags %v", diags)
			}
			if msg := diags[0].Message; !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Fatalf("message %q, want it to contain %q", msg, tc.want)
			}
		})
	}
}

func TestGraphemeBounds(t *testing.T) {
	tests := []struct {
		name, text string
		b, e       int // bytes
		want       string
	}{
		{"skin tone", "like 👍🏿 it", 5, 9, "👍🏿"},
		{"ZWJ family", "a 👨\u200d👩\u200d👧 b", 2, 6, "👨\u200d👩\u200d👧"},
		{"combining accent", "cafe\u0301 au lait", 0, 4, "cafe\u0301"},
		{"start on a combining mark", "cafe\u0301s", 4, 7, "e\u0301s"},
		{"variation selector", "I ❤\ufe0f it", 2, 5, "❤\ufe0f"},
		{"plain", "plain text", 0, 5, "plain"},
	}
	for _, tc := range tests {
		b, e := graphemeBounds(tc.text, tc.b, tc.e)
		if got := tc.text[b:e]; got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"a b c", "a b c", "[]"},
		{"a b c d", "a x c d", "[{[b] [x]}]"},
		{"a b c", "a c", "[{[b] []}]"},
		{"a c", "a b c", "[{[] [b]}]"},
		{"a b c d e", "x b c y e", "[{[a] [x]} {[d] [y]}]"},
	}
	for _, tc := range tests {
		if got := fmt.Sprint(wordDiff(strings.Fields(tc.a), strings.Fields(tc.b))); got != tc.want {
			t.Errorf("wordDiff(%q, %q) = %s, want %s", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestQuoteText: emoji sequences stay readable, control characters are
// escaped so that a message stays on one line.
func TestQuoteText(t *testing.T) {
	for in, want := range map[string]string{
		"👨\u200d👩\u200d👧": "\"👨\u200d👩\u200d👧\"",
		"a\"b\\c":         `"a\"b\\c"`,
		"line\nbreak":     `"line\nbreak"`,
	} {
		if got := quoteText(in); got != want {
			t.Errorf("quoteText(%q) = %s, want %s", in, got, want)
		}
	}
}
