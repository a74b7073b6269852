package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// TestWrapSourceCoversText checks the wrapped lines of texts with wide
// characters, emoji, tabs, invalid bytes and long words at many widths:
// every code point but the line breaks is on exactly one line, in order;
// byte and code-point ranges agree; no line is wider than the width
// (its trailing spaces aside); lineOf finds each code point's line.
func TestWrapSourceCoversText(t *testing.T) {
	texts := []string{
		"",
		"one line",
		sourceText,
		"a\n\n\nb\n",
		"tab\tseparated\twords and a verylongwordthatmustbebrokensomewhere",
		"윤석열대통령은제재위반이라고말했다習近平没有发表评论",
		"family 👨‍👩‍👧 emoji ❤️ and flags 🇰🇷🇰🇵 e\u0301 combining",
		"bad \xff\xfe bytes \xe2\x82 cut",
		"   leading spaces and trailing   ",
	}
	for _, text := range texts {
		n := utf8.RuneCountInString(text)
		for w := 1; w <= 41; w += 4 {
			wt := wrapSource(text, w)
			next := 0
			for i, l := range wt.lines {
				if l.c0 != next {
					t.Fatalf("%q w %d: line %d starts at %d, want %d", text, w, i, l.c0, next)
				}
				piece := text[l.b0:l.b1]
				if got := utf8.RuneCountInString(piece); got != l.c1-l.c0 {
					t.Fatalf("%q w %d: line %d has %d code points, range says %d", text, w, i, got, l.c1-l.c0)
				}
				shown := strings.TrimRight(strings.ToValidUTF8(piece, "\uFFFD"), " \t")
				if g, _ := ansi.FirstGraphemeCluster(shown, ansi.GraphemeWidth); lipgloss.Width(shown) > w && g != shown {
					lw := lipgloss.Width(shown)
					t.Fatalf("%q w %d: line %d is %d wide: %q", text, w, i, lw, shown)
				}
				next = l.c1
				if l.b1 < len(text) && text[l.b1] == '\n' {
					next++ // the line break belongs to no line
				}
				for cp := l.c0; cp < l.c1; cp++ {
					if wt.lineOf(cp) != i {
						t.Fatalf("%q w %d: lineOf(%d) = %d, want %d", text, w, cp, wt.lineOf(cp), i)
					}
				}
			}
			if next != n {
				t.Fatalf("%q w %d: lines end at %d, text has %d code points", text, w, next, n)
			}
		}
	}
}

func TestWrapSourceBreaksAtSpaces(t *testing.T) {
	wt := wrapSource("the quick brown fox jumps", 10)
	var got []string
	for i := range wt.lines {
		got = append(got, wt.lineText(i))
	}
	want := []string{"the quick ", "brown fox ", "jumps"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("lines %q, want %q", got, want)
	}
}
