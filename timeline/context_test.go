package timeline

import (
	"testing"
)

// TestFixContextWords: a prefix or suffix of about its old length
// is cut between words: widened by at most eight code points, else
// narrowed, never to white space only, and never inside a cluster.
func TestFixContextWords(t *testing.T) {
	for _, c := range []struct {
		name, text   string
		start, end   int // the span, in code points
		n            int // the old prefix's and suffix's length
		prefix, suff string
	}{
		// "…we propose the plan. [quote] It was …": 12 code points before
		// the quote end mid-word in "propose".
		{"widened", "So we propose the plan. We vote now. It was late.", 24, 36, 12, "propose the plan. ", " It was late"},
		{"at a boundary", "So we propose the plan. We vote now. It was late.", 24, 36, 10, "the plan. ", " It was late"},
		// A word too long to take whole: the cut moves inside the context,
		// unless that would leave only white space.
		{"narrowed", "Antidisestablishmentarianism is long. Quote here. Supercalifragilisticexpialidocious!", 38, 49, 12, " is long. ", " Supercalifr"},
		{"text edge", "ab Quote cd", 3, 8, 10, "ab ", " cd"},
		// Never between an emoji and its skin tone, nor a letter and its accent.
		{"clusters", "x \U0001F44D\U0001F3FD Quote e\u0301te y", 5, 10, 2, "\U0001F44D\U0001F3FD ", " e\u0301te"},
		// No boundary at all within reach (CJK): the old length is kept.
		{"no spaces", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥", 14, 16, 3, "乙丙丁", "庚辛壬"},
	} {
		st := NewSourceText(c.text)
		from, to := st.PrefixStart(c.start, c.n), st.SuffixEnd(c.end, c.n)
		if p, s := st.Slice(from, c.start), st.Slice(c.end, to); p != c.prefix || s != c.suff {
			t.Errorf("%s: prefix %q, suffix %q; want %q, %q", c.name, p, s, c.prefix, c.suff)
		}
	}
}

// TestCiteShortestContext checks that the context grows by whole words and
// stays the shortest that tells the places apart.
func TestCiteShortestContext(t *testing.T) {
	st := NewSourceText("a b X c d\nz b X c e\n")
	places := st.Occurrences("X")
	if len(places) != 2 || places[0] != 4 || places[1] != 14 {
		t.Fatalf("places %v, want [4 14]", places)
	}
	tests := []struct {
		k              int
		prefix, suffix string
	}{
		// " b " before and " c " after are shared; two words of context tell them apart.
		{0, "", " c d"},
		{1, "", " c e"},
	}
	for _, tt := range tests {
		prefix, suffix, ok := st.ShortestContext("X", places[tt.k])
		if !ok || prefix != tt.prefix || suffix != tt.suffix {
			t.Errorf("place %d: %q, %q, %v; want prefix %q suffix %q", tt.k, prefix, suffix, ok, tt.prefix, tt.suffix)
		}
	}
	// Identical surroundings as far as the text goes: nothing tells them apart.
	same := NewSourceText("q X q X q")
	if prefix, suffix, ok := same.ShortestContext("X", same.Occurrences("X")[0]); ok && prefix == "" && suffix == "" {
		t.Errorf("empty context claimed unique: %q, %q", prefix, suffix)
	}
	// Words are separated by white space, their punctuation included.
	punct := NewSourceText("X it. X is")
	if _, suffix, ok := punct.ShortestContext("X", 0); !ok || suffix != " it." {
		t.Errorf("suffix %q, %v; want \" it.\"", suffix, ok)
	}
	// A place that is not an occurrence of the quote has no context.
	if _, _, ok := st.ShortestContext("X", 5); ok {
		t.Error("a context for a place the quote is not at")
	}
}
