package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFitASCIIMatchesTruncate checks fit's fast path for printable ASCII
// against ansi.Truncate, which it stands in for, on random lines and widths.
func TestFitASCIIMatchesTruncate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteByte(byte(0x20 + r.IntN(0x7f-0x20)))
		}
		s := b.String()
		w := 1 + r.IntN(50)
		want := s
		if ansi.StringWidth(s) > w {
			want = ansi.Truncate(s, w, "…")
		}
		want += strings.Repeat(" ", w-ansi.StringWidth(want))
		if got := fit(s, w); got != want {
			t.Fatalf("fit(%q, %d) = %q, want %q", s, w, got, want)
		}
	}
}
