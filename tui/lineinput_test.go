package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

func TestLineInputEditing(t *testing.T) {
	st := newStyles("")
	tests := []struct {
		name string
		keys []tea.KeyMsg
		want string
		pos  int
	}{
		{"typing and bursts", []tea.KeyMsg{runes("ab"), runes("c")}, "abc", 3},
		{"space key", []tea.KeyMsg{runes("a"), keyOf(tea.KeySpace), runes("b")}, "a b", 3},
		{"paste with a newline", []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("a\nb\tc\x07"), Paste: true}}, "a b c", 5},
		{"backspace", []tea.KeyMsg{runes("abc"), keyOf(tea.KeyBackspace)}, "ab", 2},
		{"left, insert", []tea.KeyMsg{runes("ac"), keyOf(tea.KeyLeft), runes("b")}, "abc", 2},
		{"home, delete", []tea.KeyMsg{runes("xabc"), keyOf(tea.KeyHome), keyOf(tea.KeyDelete)}, "abc", 0},
		{"ctrl+a, ctrl+e", []tea.KeyMsg{runes("bc"), keyOf(tea.KeyCtrlA), runes("a"), keyOf(tea.KeyCtrlE), runes("d")}, "abcd", 4},
		{"ctrl+u", []tea.KeyMsg{runes("abc def"), keyOf(tea.KeyLeft), keyOf(tea.KeyCtrlU)}, "f", 0},
		{"ctrl+k", []tea.KeyMsg{runes("abc"), keyOf(tea.KeyHome), keyOf(tea.KeyRight), keyOf(tea.KeyCtrlK)}, "a", 1},
		{"ctrl+w", []tea.KeyMsg{runes("north korea  "), keyOf(tea.KeyCtrlW)}, "north ", 6},
		{"alt+backspace", []tea.KeyMsg{runes("kim jong"), {Type: tea.KeyBackspace, Alt: true}}, "kim ", 4},
		{"alt+letter is not text", []tea.KeyMsg{runes("a"), {Type: tea.KeyRunes, Runes: []rune("b"), Alt: true}}, "a", 1},
		{"wide text", []tea.KeyMsg{runes("윤석열 🚗")}, "윤석열 🚗", 5},
		{"backspace at start", []tea.KeyMsg{keyOf(tea.KeyBackspace), keyOf(tea.KeyLeft), keyOf(tea.KeyDelete)}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := newLineInput(st, "/")
			in.Focus()
			for _, k := range tt.keys {
				in = in.Update(k)
			}
			if in.Value() != tt.want || in.pos != tt.pos {
				t.Fatalf("value %q at %d, want %q at %d", in.Value(), in.pos, tt.want, tt.pos)
			}
		})
	}
}

func TestLineInputViewFitsAndScrolls(t *testing.T) {
	in := newLineInput(newStyles(""), "dates: ")
	in.Focus()
	in.SetValue(strings.Repeat("윤석열 🚗 ", 20) + "END")
	for _, w := range []int{0, 1, 5, 8, 9, 20, 61, 200} {
		v := in.View(w)
		if lipgloss.Width(v) > w {
			t.Fatalf("width %d: view %q is %d wide", w, v, lipgloss.Width(v))
		}
		if w >= 20 && !strings.Contains(v, "END") {
			t.Fatalf("width %d: the cursor's end of the text is not shown: %q", w, v)
		}
	}
	if v := in.View(300); !strings.HasPrefix(v, "dates: 윤석열") {
		t.Fatalf("wide view %q", v)
	}
}

// A long text (a paste without bracketed paste, in bursts) must not make
// each frame cost more than the line shown: the input once trimmed one
// character at a time and measured the rest each time, so 10 KB took
// seconds a frame. The margin is wide (a frame takes microseconds).
func TestLineInputViewOfLongTextIsFast(t *testing.T) {
	in := newLineInput(newStyles(""), "/")
	in.Focus()
	in.SetValue(strings.Repeat("abc 윤석열 ", 2000)) // 20,000 runes
	start := time.Now()
	v := in.View(120)
	in.pos = len(in.value) / 2
	v2 := in.View(120)
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Fatalf("two views of a 20,000-rune text took %v", d)
	}
	for _, s := range []string{v, v2} {
		if lipgloss.Width(s) > 120 || lipgloss.Width(s) < 110 {
			t.Fatalf("view %q is %d wide, want about 120", s, lipgloss.Width(s))
		}
	}
}
