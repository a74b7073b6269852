package tui

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// withProfile runs f with lipgloss's colour profile and background set,
// then restores the tests' Ascii profile.
func withProfile(t *testing.T, p termenv.Profile, dark bool, f func()) {
	t.Helper()
	wasDark := lipgloss.HasDarkBackground()
	defer func() {
		lipgloss.SetColorProfile(termenv.Ascii)
		lipgloss.SetHasDarkBackground(wasDark)
	}()
	lipgloss.SetColorProfile(p)
	lipgloss.SetHasDarkBackground(dark)
	f()
}

// styleFields returns a pointer to every lipgloss.Style of st, those of
// its frame styles included.
func styleFields(st *styles) map[string]*lipgloss.Style {
	out := map[string]*lipgloss.Style{}
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		for i := range v.NumField() {
			f := v.Field(i)
			name := prefix + v.Type().Field(i).Name
			switch f.Type() {
			case reflect.TypeFor[lipgloss.Style]():
				out[name] = (*lipgloss.Style)(unsafe.Pointer(f.UnsafeAddr()))
			case reflect.TypeFor[frameStyle]():
				walk(name+".", f)
			}
		}
	}
	walk("", reflect.ValueOf(st).Elem())
	return out
}

// TestPaintMatchesRender checks that the paint cache draws every style of
// both themes exactly as Render does, in every colour profile, and that it
// does take its fast path for plain styles and not for underlined ones.
func TestPaintMatchesRender(t *testing.T) {
	texts := []string{"", "x", " ", "a b", "  two  spaces ", "Événement ◆ ▸ 事件 🔎", "tab\there", "two\nlines",
		"cr\r\nlf", "\x1b[1mbold\x1b[0m already", "─ 2024 ─────"}
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
		for _, dark := range []bool{false, true} {
			withProfile(t, p, dark, func() {
				for _, mode := range []string{"", "light", "dark"} {
					st := newStyles(mode)
					pc := paints(st)
					fields := styleFields(st)
					if len(fields) < 40 {
						t.Fatalf("found only %d styles", len(fields))
					}
					for name, style := range fields {
						for _, s := range texts {
							if got, want := pc.render(style, s), style.Render(s); got != want {
								t.Errorf("profile %v dark %v theme %q: %s on %q: %q, want %q", p, dark, mode, name, s, got, want)
							}
						}
					}
					if p == termenv.TrueColor {
						if !pc.m[&st.date].ok || pc.m[&st.date].pre == "" {
							t.Errorf("theme %q: the date style does not take the fast path: %+v", mode, pc.m[&st.date])
						}
						if pc.m[&st.selMatch].ok {
							t.Errorf("theme %q: the underlined selMatch style takes the fast path", mode)
						}
					}
				}
			})
		}
	}
}

// TestFramesSameWithPaint draws frames in true colour, with and without
// the paint cache, browsing, searching and filtering: byte for byte equal.
func TestFramesSameWithPaint(t *testing.T) {
	withProfile(t, termenv.TrueColor, true, func() {
		l := loadedFor(t, bigDataset(2000))
		steps := [][]tea.Msg{
			nil,
			{keyOf(tea.KeyPgDown)},
			{runes("j"), runes("j")},
			{keyOf(tea.KeyTab)},
			{keyOf(tea.KeyTab), runes("/"), runes("Event 1")},
			{keyOf(tea.KeyEnter)},
			{runes("G")},
			{runes("?")},
		}
		for _, size := range [][2]int{{120, 40}, {70, 20}, {200, 60}} {
			m := readyDriven(t, l, size[0], size[1])
			for k, msgs := range steps {
				m = drive(t, m, msgs...)
				m.timeline.rows.invalidate() // rows drawn before are cached
				fast := m.View()
				m.timeline.rows.invalidate()
				paintOff = true
				slow := m.View()
				paintOff = false
				if !strings.Contains(fast, "\x1b[38;2;") {
					t.Fatalf("%v step %d: no true colour in the frame %q", size, k, fast)
				}
				if fast != slow {
					t.Fatalf("%v step %d: the frames differ\nfast %q\nslow %q", size, k, fast, slow)
				}
			}
		}
	})
}

// TestJoinColumns checks joinColumns against the line-by-line definition,
// blocks of unequal heights and trailing line breaks included.
func TestJoinColumns(t *testing.T) {
	blocks := []string{"", "a", "a\n", "a\nb", "\n", "a\nb\nc\n", "xy\n\nz"}
	for _, l := range blocks {
		for _, r := range blocks {
			ls, rs := strings.Split(l, "\n"), strings.Split(r, "\n")
			want := make([]string, max(len(ls), len(rs)))
			for i := range want {
				if i < len(ls) {
					want[i] = ls[i]
				}
				if i < len(rs) {
					want[i] += rs[i]
				}
			}
			if got := joinColumns(l, r); got != strings.Join(want, "\n") {
				t.Errorf("joinColumns(%q, %q) = %q, want %q", l, r, got, strings.Join(want, "\n"))
			}
		}
	}
}
