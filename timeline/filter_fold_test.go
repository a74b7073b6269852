package timeline

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestContainsFoldSkipsNoMatch checks containsFold, which skips to the
// bytes that can start a match, against trying every code point
// (containsFoldRunes), on random text made of the characters that fold
// unusually: both cases, the Kelvin sign and long s, spaces, invalid bytes.
func TestContainsFoldSkipsNoMatch(t *testing.T) {
	alphabet := []string{"k", "K", "\u212a", "s", "S", "\u017f", "a", "é", "É", " ", "\t", "\n", "\xe2", "\xc5", "\x84", "1", "-", "金"}
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	checked, found := 0, 0
	for range 200000 {
		s, q := word(r.IntN(12)), foldKey(word(1+r.IntN(3)))
		if q == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(q)
		want := containsFoldRunes(s, q, first)
		if got := containsFold(s, q); got != want {
			t.Fatalf("containsFold(%q, %q) = %v, trying every code point gives %v", s, q, got, want)
		}
		checked++
		if want {
			found++
		}
	}
	if found < checked/10 || found > checked*9/10 {
		t.Fatalf("only %d of %d cases match: the test does not exercise both answers", found, checked)
	}
}
