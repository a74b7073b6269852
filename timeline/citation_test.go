package timeline

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// citeMarked strips the markers ⟦ ⟧ from text and returns it with the
// code-point span they enclosed, so each case shows its expected span.
func citeMarked(t testing.TB, text string) (string, int, int) {
	t.Helper()
	before, rest, ok := strings.Cut(text, "⟦")
	if !ok {
		return text, -1, -1
	}
	inside, after, ok := strings.Cut(rest, "⟧")
	if !ok {
		t.Fatalf("unbalanced markers in %q", text)
	}
	start := utf8.RuneCountInString(before)
	return before + inside + after, start, start + utf8.RuneCountInString(inside)
}

// citeSel is a selector with no recorded position.
func citeSel(quote, prefix, suffix string) Selector {
	return Selector{Quote: quote, Prefix: prefix, Suffix: suffix, Start: -1, End: -1}
}

func citeArticle(t testing.TB) *SourceText {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return NewSourceText(string(b))
}

func TestSourceTextSlice(t *testing.T) {
	long := strings.Repeat("가", 150) + "x😀"
	tests := []struct {
		text       string
		len        int
		start, end int
		want       string
	}{
		{"", 0, 0, 0, ""},
		{"", 0, -5, 5, ""},
		{"hello", 5, 1, 3, "el"},
		{"hello", 5, -2, 2, "he"},
		{"hello", 5, 3, 99, "lo"},
		{"hello", 5, 4, 2, ""},
		{"hello", 5, 7, 9, ""},
		{"한국어 text", 8, 0, 3, "한국어"},
		{"한국어 text", 8, 2, 4, "어 "},
		{"a😀b", 3, 1, 2, "😀"},
		{"a😀b", 3, 2, 3, "b"},
		{long, 152, 63, 65, "가가"},
		{long, 152, 128, 129, "가"},
		{long, 152, 149, 152, "가x😀"},
		{"a\xffb", 3, 1, 2, "\xff"},
		{"é\xe2\x80", 3, 1, 3, "\xe2\x80"},
	}
	for _, tt := range tests {
		s := NewSourceText(tt.text)
		if got := s.Len(); got != tt.len {
			t.Errorf("Len(%q) = %d, want %d", tt.text, got, tt.len)
		}
		if got := s.Slice(tt.start, tt.end); got != tt.want {
			t.Errorf("Slice(%q, %d, %d) = %q, want %q", tt.text, tt.start, tt.end, got, tt.want)
		}
		if s.Text() != tt.text {
			t.Errorf("Text() = %q, want %q", s.Text(), tt.text)
		}
	}
}

// Every slice of valid UTF-8 must agree with slicing its runes, across the
// conversion table's marks.
func TestSourceTextSliceMatchesRunes(t *testing.T) {
	text := strings.Repeat("ab가😀 “c”\n", 20)
	s, runes := NewSourceText(text), []rune(text)
	for i := 0; i <= len(runes); i++ {
		for j := i; j <= len(runes); j += 7 {
			if got, want := s.Slice(i, j), string(runes[i:j]); got != want {
				t.Fatalf("Slice(%d, %d) = %q, want %q", i, j, got, want)
			}
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		spans  [][2]int
		probes map[int]int // offset → paragraph
	}{
		{"empty", "", nil, map[int]int{0: 0, 5: 0}},
		{"blank", " \n\t\n", nil, map[int]int{0: 0}},
		{"one line", "one", [][2]int{{0, 3}}, map[int]int{0: 1, 2: 1, 3: 1, 9: 1}},
		{"two paragraphs", "one\ntwo\n\nthree", [][2]int{{0, 7}, {9, 14}},
			map[int]int{-1: 1, 3: 1, 4: 1, 7: 1, 8: 1, 9: 2, 13: 2, 99: 2}},
		{"blank lines of whitespace, CRLF, NBSP", "\n \t\nA\r\n\u00a0\r\nB\n\n\n", [][2]int{{4, 5}, {10, 11}},
			map[int]int{0: 1, 4: 1, 7: 1, 10: 2, 13: 2}},
		{"several blank lines", "a\n\n\n\nb\n \n\nc", [][2]int{{0, 1}, {5, 6}, {10, 11}},
			map[int]int{2: 1, 5: 2, 8: 2, 10: 3}},
		{"Korean", "가나\n\n다라마", [][2]int{{0, 2}, {4, 7}}, map[int]int{1: 1, 4: 2, 6: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSourceText(tt.text)
			if s.Paragraphs() != len(tt.spans) {
				t.Fatalf("Paragraphs() = %d, want %d", s.Paragraphs(), len(tt.spans))
			}
			for i, want := range tt.spans {
				if st, en := s.ParagraphSpan(i + 1); st != want[0] || en != want[1] {
					t.Errorf("ParagraphSpan(%d) = %d, %d; want %v", i+1, st, en, want)
				}
			}
			for off, want := range tt.probes {
				if got := s.Paragraph(off); got != want {
					t.Errorf("Paragraph(%d) = %d, want %d", off, got, want)
				}
			}
			// Out-of-range paragraph numbers clamp.
			first, last := [2]int{}, [2]int{}
			if n := len(tt.spans); n > 0 {
				first, last = tt.spans[0], tt.spans[n-1]
			}
			if st, en := s.ParagraphSpan(0); st != first[0] || en != first[1] {
				t.Errorf("ParagraphSpan(0) = %d, %d; want %v", st, en, first)
			}
			if st, en := s.ParagraphSpan(99); st != last[0] || en != last[1] {
				t.Errorf("ParagraphSpan(99) = %d, %d; want %v", st, en, last)
			}
		})
	}
}

type resolveCase struct {
	name string
	text string // ⟦ ⟧ mark the expected span
	sel  Selector
	para int
	tol  bool   // expected Span.Tolerant
	err  string // substring of the expected *QuoteError message
}

// Typographic tolerance, each variant in both directions.
func tolerantCases() []resolveCase {
	var cases []resolveCase
	for _, group := range []struct{ plain, variants string }{
		{"'", "‘’‚‛′"}, {`"`, "“”„‟″"}, {"-", "‐‑‒–—―−"},
	} {
		for _, v := range group.variants {
			text, quote := "well"+string(v)+"known", "well"+group.plain+"known"
			cases = append(cases,
				resolveCase{name: fmt.Sprintf("text %U", v), text: "a ⟦" + text + "⟧ b", sel: citeSel(quote, "", ""), para: 1, tol: true},
				resolveCase{name: fmt.Sprintf("quote %U", v), text: "a ⟦" + quote + "⟧ b", sel: citeSel(text, "", ""), para: 1, tol: true},
			)
		}
	}
	return cases
}

func TestResolve(t *testing.T) {
	long := strings.Repeat("가", 100)
	tests := append(tolerantCases(), []resolveCase{
		{name: "exact", text: "The ⟦cat⟧ sat.", sel: citeSel("cat", "", ""), para: 1},
		{name: "exact wins over tolerant elsewhere", text: "He said “hi” then.\n\nShe ⟦said \"hi\"⟧ too.", sel: citeSel(`said "hi"`, "", ""), para: 2},
		{name: "exact curly wins over straight elsewhere", text: "⟦“hi”⟧ and \"hi\"", sel: citeSel("“hi”", "", ""), para: 1},
		{name: "whitespace runs across lines", text: "x ⟦one\n  two\tthree⟧ y", sel: citeSel("one two three", "", ""), para: 1, tol: true},
		{name: "quote line break, text space", text: "x ⟦one two⟧", sel: citeSel("one\r\n\ntwo", "", ""), para: 1, tol: true},
		{name: "NBSP and ideographic space", text: "⟦a\u00a0b\u3000c⟧", sel: citeSel("a b c", "", ""), para: 1, tol: true},
		{name: "quote across paragraphs", text: "one\n\n⟦end.\n\nNext⟧ two", sel: citeSel("end. Next", "", ""), para: 2, tol: true},
		{name: "blank ends of quote ignored when tolerant", text: "the ⟦cat⟧", sel: citeSel("  cat \n", "", ""), para: 1, tol: true},
		{name: "quote starting with whitespace: paragraph of its text", text: "a⟦\n\nb⟧", sel: citeSel("\n\nb", "", ""), para: 2},
		{name: "paragraph number", text: "p1\n\np2 line\nmore ⟦x⟧\n\n\np3", sel: citeSel("x", "", ""), para: 2},
		{name: "ambiguous", text: "a cat, a cat", sel: citeSel("cat", "", ""), err: "ambiguous: found 2 times; add a prefix or suffix (in paragraphs 1)"},
		{name: "overlapping occurrences", text: "aaa", sel: citeSel("aa", "", ""), err: "found 2 times"},
		{name: "ambiguous tolerant", text: "it’s; it‘s", sel: citeSel("it's", "", ""), err: "ambiguous: found 2 times"},
		{name: "prefix", text: "my cat, your ⟦cat⟧", sel: citeSel("cat", "your ", ""), para: 1},
		{name: "suffix", text: "⟦cat⟧ food, cat toy", sel: citeSel("cat", "", " food"), para: 1},
		{name: "prefix and suffix", text: "a cat b, a ⟦cat⟧ c, d cat c", sel: citeSel("cat", "a ", " c"), para: 1},
		{name: "tolerant prefix", text: "He said “no” ⟦then⟧ left. She said \"yes\" then stayed.", sel: citeSel("then", `said "no" `, ""), para: 1, tol: true},
		{name: "exact prefix beats tolerant", text: "“no” then. \"no\" ⟦then⟧.", sel: citeSel("then", `"no" `, ""), para: 1},
		{name: "prefix without its space", text: "said ⟦cat⟧, did cat", sel: citeSel("cat", "said", ""), para: 1, tol: true},
		{name: "prefix space, text line break", text: "he said\n⟦cat⟧, did cat", sel: citeSel("cat", "said ", ""), para: 1, tol: true},
		{name: "suffix across line break", text: "⟦cat⟧\nfood; cat toy", sel: citeSel("cat", "", " food"), para: 1, tol: true},
		{name: "tolerant suffix dash", text: "⟦Kim⟧ Jong–un; Kim Yo Jong", sel: citeSel("Kim", "", " Jong-un"), para: 1, tol: true},
		{name: "tolerant quote rescued by prefix", text: "said the cat. Hence ⟦the\ncat⟧.", sel: citeSel("the cat", "Hence ", ""), para: 1, tol: true},
		{name: "prefix excludes all", text: "a cat, a cat", sel: citeSel("cat", "the ", ""), err: "found 2 times but none with the given prefix"},
		{name: "suffix excludes all", text: "a cat, a cat", sel: citeSel("cat", "", " dog"), err: "found 2 times but none with the given suffix"},
		{name: "prefix and suffix never together", text: "x cat y, z cat w", sel: citeSel("cat", "x ", " w"), err: "found 2 times but none with the given prefix and suffix"},
		{name: "ambiguous despite prefix", text: "a cat, a cat", sel: citeSel("cat", "a ", ""), err: "found 2 times even with the given prefix; lengthen the prefix or add a suffix"},
		{name: "recorded start/end breaks tie", text: "a cat, a ⟦cat⟧", sel: Selector{Quote: "cat", Start: 9, End: 12}, para: 1},
		{name: "recorded start alone breaks tie", text: "a ⟦cat⟧, a cat", sel: Selector{Quote: "cat", Start: 2, End: -1}, para: 1},
		{name: "recorded position matching none", text: "a cat, a cat", sel: Selector{Quote: "cat", Start: 3, End: 6}, err: "ambiguous"},
		{name: "stale recorded position ignored when unique", text: "a ⟦cat⟧", sel: Selector{Quote: "cat", Start: 40, End: 43}, para: 1},
		{name: "Korean", text: "서울에서 😀 ⟦김정은 위원장⟧이 말했다", sel: citeSel("김정은 위원장", "", ""), para: 1},
		{name: "emoji then tolerant quote", text: "😀😀\n\n😀 ⟦“hi”⟧", sel: citeSel(`"hi"`, "", ""), para: 2, tol: true},
		{name: "past the offset marks", text: long + "\n\n" + long + "⟦나 다⟧", sel: citeSel("나\u00a0다", "", ""), para: 2, tol: true},
		{name: "Korean prefix", text: "가 고양이, 나 ⟦고양이⟧", sel: citeSel("고양이", "나 ", ""), para: 1},
		{name: "invalid byte as its own code point", text: "a⟦\xff⟧b", sel: citeSel("\xff", "", ""), para: 1},
		{name: "byte match splitting a code point", text: "é", sel: citeSel("\xa9", "", ""), err: "not found"},
		{name: "absent", text: "a cat", sel: citeSel("dog", "", ""), err: `quote "dog" not found`},
		{name: "absent long quote excerpt", text: "x", sel: citeSel(strings.Repeat("word ", 20), "", ""), err: `quote "word word word word word word word word…" not found`},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, start, end := citeMarked(t, tt.text)
			s := NewSourceText(text)
			got, err := s.Resolve(tt.sel)
			if tt.err != "" {
				var qe *QuoteError
				if !errors.As(err, &qe) {
					t.Fatalf("Resolve = %+v, %v; want *QuoteError", got, err)
				}
				if !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %q does not contain %q", err, tt.err)
				}
				if qe.Absent == (qe.Count > 1) || got.Resolved {
					t.Errorf("error %+v with span %+v", qe, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			want := Span{Resolved: true, Start: start, End: end, Paragraph: tt.para, Tolerant: tt.tol}
			if got != want {
				t.Errorf("Resolve = %+v, want %+v (%q)", got, want, s.Slice(got.Start, got.End))
			}
			if !tt.tol && s.Slice(got.Start, got.End) != tt.sel.Quote {
				t.Errorf("exact span is %q, want the quote %q", s.Slice(got.Start, got.End), tt.sel.Quote)
			}
			// ResolveQuote is the same without preparation.
			if again, _ := ResolveQuote(text, tt.sel); again != got {
				t.Errorf("ResolveQuote = %+v, Resolve = %+v", again, got)
			}
		})
	}
}

func TestResolveEmptyQuote(t *testing.T) {
	for _, q := range []string{"", " ", "\n\t\u00a0\u3000"} {
		if _, err := ResolveQuote("some text", citeSel(q, "some", "")); !errors.Is(err, ErrEmptyQuote) {
			t.Errorf("Resolve(%q) error = %v, want ErrEmptyQuote", q, err)
		}
	}
}

func TestQuoteErrorFields(t *testing.T) {
	s := NewSourceText("one cat b\n\ntwo cat b\n\ncat three\n\none cat b")
	for _, tt := range []struct {
		sel           Selector
		absent        bool
		count, found  int
		context, text string
	}{
		{citeSel("dog", "", ""), true, 0, 0, "", `quote "dog" not found`},
		{citeSel("cat", "", ""), false, 4, 4, "", `quote "cat" is ambiguous: found 4 times; add a prefix or suffix (in paragraphs 1, 2, 3, 4)`},
		{citeSel("cat", "", " b"), false, 3, 4, "suffix", "found 3 times even with the given suffix; lengthen the suffix or add a prefix (in paragraphs 1, 2, 4)"},
		{citeSel("cat", "x", ""), true, 0, 4, "prefix", `quote "cat" found 4 times but none with the given prefix`},
		{citeSel("three", "x", ""), true, 0, 1, "prefix", "found once but none"},
		{citeSel("cat", "one ", " b"), false, 2, 4, "prefix and suffix", "lengthen the prefix or suffix (in paragraphs 1, 4)"},
		{citeSel("cat\u00a0three", "", ""), false, 0, 0, "", ""}, // resolves tolerantly
	} {
		_, err := s.Resolve(tt.sel)
		var qe *QuoteError
		if !errors.As(err, &qe) {
			if tt.text != "" || err != nil {
				t.Errorf("Resolve(%+v) = %v, want a *QuoteError", tt.sel, err)
			}
			continue
		}
		if qe.Absent != tt.absent || qe.Count != tt.count || qe.Found != tt.found || qe.Context != tt.context || qe.Quote != tt.sel.Quote {
			t.Errorf("Resolve(%+v) = %+v", tt.sel, qe)
		}
		if !strings.Contains(qe.Error(), tt.text) {
			t.Errorf("message %q does not contain %q", qe.Error(), tt.text)
		}
	}
	if got := (&QuoteError{Absent: true}).Error(); got != "quote not found" {
		t.Errorf("zero QuoteError message = %q", got)
	}
	many := &QuoteError{Quote: "x", Count: 9, Paragraphs: []int{1, 2, 3, 4, 5}}
	if got := many.Error(); !strings.HasSuffix(got, "(in paragraphs 1, 2, 3, 4, 5, …)") {
		t.Errorf("message %q does not elide further paragraphs", got)
	}
}

func TestCount(t *testing.T) {
	s := NewSourceText("it’s here; it's there; it‘s\n\nthe end the")
	for quote, want := range map[string]int{
		"it's": 1, "it’s": 1, "it‛s": 3, "the": 3, "the end": 1, "the\nend": 1,
		"absent": 0, " ": 0, "": 0,
	} {
		if got := s.Count(quote); got != want {
			t.Errorf("Count(%q) = %d, want %d", quote, got, want)
		}
	}
}

func TestResolveArticle(t *testing.T) {
	s := citeArticle(t)
	if st, en := s.ParagraphSpan(4); s.Slice(st, en) != "Reconciliation between Moscow and Pyongyang" {
		t.Fatalf("paragraph 4 is %q", s.Slice(st, en))
	}
	if s.Paragraphs() != 7 {
		t.Fatalf("Paragraphs() = %d, want 7", s.Paragraphs())
	}
	tests := []struct {
		sel   Selector
		para  int
		tol   bool
		slice string // the source's own characters
		err   string
	}{
		{sel: citeSel(`Kim Jong-un was "gifted a Russian-made car`, "", ""), para: 3, slice: `Kim Jong-un was "gifted a Russian-made car`},
		{sel: citeSel(`Kim Jong-un was “gifted a Russian-made car`, "", ""), para: 1, slice: `Kim Jong-un was “gifted a Russian-made car`},
		{sel: citeSel(`Kim Jong-un was „gifted a Russian-made car`, "", ""), err: "ambiguous: found 2 times"},
		{sel: citeSel("Mr. Kim’s powerful sister", "", ""), para: 3, tol: true, slice: "Mr. Kim's powerful sister"},
		{sel: citeSel("Pyongyang's state media", "", ""), para: 2, tol: true, slice: "Pyongyang’s state media"},
		{sel: citeSel("KCNA reported. Russian President", "", ""), para: 1, tol: true, slice: "KCNA reported.\n\nRussian President"},
		{sel: citeSel("the North Korean leader", "", ""), err: "ambiguous: found 2 times; add a prefix or suffix (in paragraphs 5, 7)"},
		{sel: citeSel("the North Korean leader", "Moscow since ", ""), para: 5, slice: "the North Korean leader"},
		{sel: citeSel("the North Korean leader", "During ", "'s visit"), para: 7, tol: true, slice: "the North Korean leader"},
		{sel: citeSel("the North Korean leader", "Pyongyang since ", ""), err: "found 2 times but none with the given prefix"},
		{sel: citeSel("Kim Jong-un drove", "", ""), err: "not found"},
	}
	for _, tt := range tests {
		got, err := s.Resolve(tt.sel)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Resolve(%q) = %+v, %v; want error containing %q", tt.sel.Quote, got, err, tt.err)
			}
			continue
		}
		if err != nil || got.Paragraph != tt.para || got.Tolerant != tt.tol || s.Slice(got.Start, got.End) != tt.slice {
			t.Errorf("Resolve(%q) = %+v %q, %v; want paragraph %d, tolerant %v, %q",
				tt.sel.Quote, got, s.Slice(got.Start, got.End), err, tt.para, tt.tol, tt.slice)
		}
	}
	// Concurrent first use builds the folded copy once (run with -race).
	fresh, done := NewSourceText(s.Text()), make(chan Span)
	for range 4 {
		go func() { sp, _ := fresh.Resolve(citeSel("Pyongyang's state media", "", "")); done <- sp }()
	}
	for range 4 {
		if sp := <-done; !sp.Tolerant || sp.Paragraph != 2 {
			t.Errorf("concurrent Resolve = %+v", sp)
		}
	}
	// A recorded position picks among the repeats.
	want, err := s.Resolve(citeSel("the North Korean leader", "During ", ""))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Resolve(Selector{Quote: "the North Korean leader", Start: want.Start, End: want.End})
	if err != nil || got != want {
		t.Errorf("recorded position: got %+v, %v; want %+v", got, err, want)
	}
}

// The rare-byte scan and the strings.Index fallback must both find every
// overlapping occurrence, including ones flush with either end.
func TestFinder(t *testing.T) {
	for _, tt := range []struct{ text, q string }{
		{"abcab", "ab"}, {"aaaa", "aa"}, {"xyz", "xyzw"}, {"xyz", "z"}, {"za", "az"},
		{"the cat sat", "t"}, {"", "a"}, {"abc", ""}, {"가나가나가", "나가"}, {"end.\n\nNext", "\n\nN"},
	} {
		var want []int
		for i := 0; tt.q != "" && i+len(tt.q) <= len(tt.text); i++ {
			if tt.text[i:i+len(tt.q)] == tt.q {
				want = append(want, i)
			}
		}
		s := NewSourceText(tt.text)
		for _, scan := range []bool{true, false} {
			f := newFinder(tt.text, &s.freq, tt.q)
			if !scan {
				f.k = -1
			}
			var got []int
			for i := f.next(0); i >= 0; i = f.next(i + 1) {
				got = append(got, i)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("finder(%q, %q, rare byte %v) = %v, want %v", tt.text, tt.q, scan, got, want)
			}
		}
	}
}

// TestResolveComposedAccents: an accented letter written as one character
// (NFC, as most text is) or as a letter and a combining accent (NFD, as
// some PDFs and macOS give it) matches the other form tolerantly, with the
// span counted in the source's own code points; half a character never
// matches.
func TestResolveComposedAccents(t *testing.T) {
	const nfc, nfd = "Le président a dit oui.", "Le pre\u0301sident a dit oui."
	for _, c := range []struct {
		name, text, quote string
		start, end        int
	}{
		{"NFD quote, NFC text", nfc, "pre\u0301sident a dit", 3, 18},
		{"NFC quote, NFD text", nfd, "président a dit", 3, 19},
		{"Vietnamese, two marks", "Thủ tướng Việt Nam", "Thu\u0309 tu\u031bo\u031b\u0301ng", 0, 9},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ResolveQuote(c.text, citeSel(c.quote, "", ""))
			if err != nil {
				t.Fatal(err)
			}
			if !got.Resolved || !got.Tolerant || got.Start != c.start || got.End != c.end {
				t.Errorf("span %+v, want tolerant [%d, %d)", got, c.start, c.end)
			}
		})
	}
	for _, c := range []struct{ name, text, quote string }{
		{"accent alone", nfc, "\u0301"},
		{"base letter alone", "é", "e"},
		{"accent not dropped", nfc, "president a dit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var qe *QuoteError
			if got, err := ResolveQuote(c.text, citeSel(c.quote, "", "")); !errors.As(err, &qe) || !qe.Absent {
				t.Errorf("%q in %q: %+v, %v; want absent", c.quote, c.text, got, err)
			}
		})
	}
}
