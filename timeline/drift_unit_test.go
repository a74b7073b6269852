package timeline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// naiveDistance is the textbook dynamic programme that myers must agree
// with: the last row's value after all of text, with row 0 free (anchored
// false) or counting the text (anchored true), and the minimum over ends.
func naiveDistance(pattern, text []rune, anchored bool) (last, best int) {
	prev := make([]int, len(pattern)+1)
	for i := range prev {
		prev[i] = i
	}
	best = len(pattern)
	for j, c := range text {
		cur := make([]int, len(pattern)+1)
		if anchored {
			cur[0] = j + 1
		}
		for i := 1; i <= len(pattern); i++ {
			sub := prev[i-1]
			if pattern[i-1] != c {
				sub++
			}
			cur[i] = min(sub, prev[i]+1, cur[i-1]+1)
		}
		prev = cur
		best = min(best, cur[len(pattern)])
	}
	return prev[len(pattern)], best
}

func TestMyersMatchesDynamicProgramming(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcé가 ")
	word := func(n int) []rune {
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return out
	}
	for _, m := range []int{1, 2, 63, 64, 65, 130} {
		for range 20 {
			pattern, text := word(m), word(rng.IntN(200))
			for _, anchored := range []bool{false, true} {
				my := newMyers(pattern)
				got, best := m, m
				for _, r := range text {
					got = my.step(r, anchored)
					best = min(best, got)
				}
				wantLast, wantBest := naiveDistance(pattern, text, anchored)
				if got != wantLast || best != wantBest {
					t.Fatalf("m=%d anchored=%v: myers %d (best %d), want %d (best %d)\npattern %q\ntext %q",
						m, anchored, got, best, wantLast, wantBest, string(pattern), string(text))
				}
			}
		}
	}
}

func TestReanchor(t *testing.T) {
	tests := []struct {
		name  string
		text  string // ⟦ ⟧ mark the expected span; none for an orphan
		sel   Selector
		below bool // the orphan still has a best match, scoring under the threshold
	}{
		{
			name: "context picks the copy whose prefix fits",
			text: "the red fox jumps over. the blue fox jumps over. Then ⟦the red fox jumped over⟧.",
			sel:  Selector{Quote: "the red fox jumps ovr", Prefix: "Then ", Suffix: ".", Start: -1, End: -1},
		},
		{
			name: "equal copies: the one nearest the recorded position",
			text: "a quick brown fox. a quick brown fox. ⟦a quick brown fox⟧. a quick brown fox.",
			sel:  Selector{Quote: "a quick brown fix", Start: 40, End: 57},
		},
		{
			name: "equal copies, no position: the first",
			text: "⟦a quick brown fox⟧. a quick brown fox.",
			sel:  Selector{Quote: "a quick brown fix", Start: -1, End: -1},
		},
		{
			name: "typographic tolerance, offsets in code points",
			text: "김정은 위원장은 “선물”을 받았다. ⟦Kim received a “gift” — a car⟧ from Putin.",
			sel:  Selector{Quote: `Kim recieved a "gift" - a car`, Suffix: " from", Start: 20, End: 48},
		},
		{
			name:  "rewritten: the recorded place is the best, too poor",
			text:  "Opening words. Nothing here resembles what was quoted. Closing words.",
			sel:   Selector{Quote: "The envoy promised new talks in spring", Prefix: "Opening words. ", Suffix: " Closing", Start: 15, End: 53},
			below: true,
		},
		{name: "empty text", text: "", sel: Selector{Quote: "anything", Start: 0, End: 8}},
		{name: "blank quote", text: "some text", sel: Selector{Quote: " \t", Start: -1, End: -1}},
		{name: "no letter in common", text: "xyz xyz", sel: Selector{Quote: "abc", Start: -1, End: -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, start, end := citeMarked(t, tc.text)
			s := NewSourceText(text)
			got := s.Reanchor(tc.sel)
			switch {
			case start >= 0:
				if !got.Reanchored || !got.Resolved || got.Orphaned || got.Start != start || got.End != end || got.Score < DriftThreshold {
					t.Fatalf("got %+v (%q), want re-anchored at %d–%d (%q)", got, s.Slice(got.Start, got.End), start, end, s.Slice(start, end))
				}
			case tc.below:
				if !got.Orphaned || got.Resolved || got.Score <= 0 || got.Score >= DriftThreshold || got.End <= got.Start {
					t.Fatalf("got %+v, want an orphan with a best match under the threshold", got)
				}
			default:
				if got != (Span{Orphaned: true}) {
					t.Fatalf("got %+v, want an orphan with nothing matched", got)
				}
			}
		})
	}
}

func TestReanchorLongQuote(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 6000; i++ {
		fmt.Fprintf(&b, "Sentence number %d of the long quoted passage. ", i)
	}
	passage := strings.TrimSpace(b.String())
	text := "Before it. " + passage + " After it."
	quote := strings.Replace(passage, "number 3 ", "nmber 3 ", 1) // one edit in the head
	s := NewSourceText(text)
	got := s.Reanchor(Selector{Quote: quote, Prefix: "Before it. ", Start: -1, End: -1})
	// The span is the head's match (which took in the lost character) and
	// then as many code points as the rest of the quote has.
	if end := 11 + utf8.RuneCountInString(passage); !got.Reanchored || got.Start != 11 || got.End != end {
		t.Fatalf("got %+v, want 11–%d", got, end)
	}
}

func TestReanchorHostile(t *testing.T) {
	huge := strings.Repeat("ab", 5000)
	for _, tc := range []struct {
		text string
		sel  Selector
	}{
		{"\xff\xfe abc \xc3", Selector{Quote: "ab\xffc", Prefix: "\xfe", Suffix: "\xc3", Start: 1, End: 3}},
		{"short", Selector{Quote: huge, Start: 0, End: 5}},
		{huge, Selector{Quote: huge[:3000], Start: 5, End: 1}},
		{"abc", Selector{Quote: "abc", Start: 99, End: 120}},
		{"abc", Selector{Quote: "abd", Start: -7, End: 2}},
	} {
		s := NewSourceText(tc.text)
		got := s.Reanchor(tc.sel)
		if got.Start < 0 || got.Start > got.End || got.End > s.Len() || got.Score < 0 || got.Score > 1 || got.Reanchored == got.Orphaned {
			t.Errorf("Reanchor(%q…) = %+v", excerpt(tc.sel.Quote, 10), got)
		}
	}
}

// TestDriftCache: a drifted selector is re-anchored once per validator,
// and every citation of it gets the result and its diagnostic.
func TestDriftCache(t *testing.T) {
	text := "Intro.\n\nThe minister resigned on Friday after the vote.\n\nOutro."
	c := Citation{Source: "s", Quote: "The minister resinged on Friday", Start: 8, End: 39}
	ds := &Dataset{Title: "t", Sources: []Source{{ID: "s", Title: "S", Text: text}}}
	for i := range 3 {
		e := Event{ID: fmt.Sprint("e", i), Title: "E", Citations: []Citation{{Source: "s", Quote: "Intro.", Start: -1, End: -1}, c}}
		ds.Events = append(ds.Events, e)
	}
	tl, diags := New(ds)
	if tl == nil {
		t.Fatal(diags)
	}
	for i := range 3 {
		got := tl.Event(i).Citations[1].Span
		if !got.Reanchored || tl.Event(i).Citations[0].Span.Reanchored {
			t.Fatalf("event %d: %+v", i, got)
		}
		want := fmt.Sprintf("events[%d].citations[1].quote: warning: quote drifted: the source changed; re-anchored at 8–39 with score 0.9", i)
		if len(diags) != 3 || !strings.HasPrefix(diags[i].String(), want) {
			t.Fatalf("diagnostics %v, want %d of them starting %q", diags, 3, want)
		}
	}
	if !strings.HasSuffix(diags[0].Message, `(threshold 0.75); it now reads "resigned" where the quote had "resinged"`) {
		t.Errorf("message %q", diags[0].Message)
	}

	v := &validator{t: tl}
	sel := Selector{Quote: c.Quote, Start: c.Start, End: c.End}
	first, err := v.resolve(0, sel)
	if err != nil || !first.Reanchored {
		t.Fatalf("resolve: %+v, %v", first, err)
	}
	if r, ok := v.cache[resolveKey{0, sel.Quote, "", "", 8, 39}]; !ok || r.span != first {
		t.Fatalf("cache holds %+v, %v; want the drift result", r, ok)
	}
}

func BenchmarkReanchor(b *testing.B) {
	big := NewSourceText(citeSynthetic(1 << 20))
	short := "The unique closng sentence, “quoted”"
	long := strings.Repeat("leader visit Moscow sanctions ", 60)
	for _, bm := range []struct {
		name string
		sel  Selector
	}{
		{"1MB/short", Selector{Quote: short, Start: -1, End: -1}},
		{"1MB/short-at", Selector{Quote: short, Start: big.Len() - 60, End: big.Len() - 20}},
		{"1MB/1800", Selector{Quote: long, Start: -1, End: -1}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			big.Reanchor(bm.sel) // builds the folded copy outside the timing
			b.ReportAllocs()
			for b.Loop() {
				big.Reanchor(bm.sel)
			}
		})
	}
}

// TestDriftConcurrent: validators in parallel share each source's lazily
// computed checksum and folded copy (run with -race).
func TestDriftConcurrent(t *testing.T) {
	old := "Alpha met Beta in Paris.\n\nBeta said no to Alpha."
	now := "Alpha met with Beta in Paris.\n\nBeta said no to Alpha."
	ds := &Dataset{Title: "t"}
	for i := range 4 {
		ds.Sources = append(ds.Sources, Source{ID: fmt.Sprint("s", i), Title: "S", Text: now, SHA256: sha256Hex(old)})
	}
	n := 3 * minPerWorker
	for i := range n {
		c := Citation{Source: fmt.Sprint("s", i%4), Quote: "Alpha met Beta in Paris", Start: -1, End: -1}
		ds.Events = append(ds.Events, Event{ID: fmt.Sprint("e", i), Title: "E", Citations: []Citation{c}})
	}
	tl, diags := New(ds)
	if tl == nil || len(diags) != n {
		t.Fatalf("%d diagnostics, want %d", len(diags), n)
	}
	for i := range n {
		if sp := tl.Event(i).Citations[0].Span; !sp.Reanchored || sp.Start != 0 || sp.End != 28 {
			t.Fatalf("event %d: %+v", i, sp)
		}
	}
}

func TestFormatScore(t *testing.T) {
	for _, tt := range []struct {
		score float64
		want  string
	}{
		{0.749, "0.74"}, // an orphan never shows the threshold
		{0.75, "0.75"},
		{0.29, "0.29"}, // 0.29*100 is 28.999… in floating point
		{0.875, "0.87"},
		{1, "1.00"},
		{0, "0.00"},
		{-0.5, "0.00"},
		{1.5, "1.00"},
	} {
		if got := FormatScore(tt.score); got != tt.want {
			t.Errorf("FormatScore(%v) = %q, want %q", tt.score, got, tt.want)
		}
	}
}
