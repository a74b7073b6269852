package tui

import (
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
)

// fuzzKeys are the keys the fuzzer presses: every key of the binding table
// and a few that no binding uses.
func fuzzKeys() []tea.KeyMsg {
	named := map[string]tea.KeyType{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc, "enter": tea.KeyEnter,
		"ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU, "ctrl+t": tea.KeyCtrlT,
		"backspace": tea.KeyBackspace, "ctrl+w": tea.KeyCtrlW, "delete": tea.KeyDelete,
	}
	var keys []tea.KeyMsg
	for _, r := range defaultKeyMap().rows() {
		for _, k := range r.binding.Keys() {
			if k == "ctrl+c" {
				continue // quits: nothing after it matters
			}
			if t, ok := named[k]; ok {
				keys = append(keys, tea.KeyMsg{Type: t})
			} else {
				keys = append(keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
			}
		}
	}
	for _, t := range []tea.KeyType{tea.KeyBackspace, tea.KeyCtrlW, tea.KeyDelete, tea.KeyLeft, tea.KeyRight} {
		keys = append(keys, tea.KeyMsg{Type: t})
	}
	return keys
}

// fuzzRunes are typed into inputs: letters that match the sample dataset,
// CJK, emoji with and without VS16 and ZWJ, a combining mark, controls.
var fuzzRunes = []string{"k", "i", "m", "2023", "윤", "习近平", "🚗", "❤️", "👩‍💻", "🇰🇷", "e\u0301", "\t", "\x1b", "!", " ", ".md", "/"}

// FuzzModel drives the root model with random message sequences over a
// CJK and emoji dataset. After every message View must not panic and must
// keep the layout invariant: exactly height lines, none wider than width
// (an empty frame when either is 0). Commands are run and their results fed
// back, as the program would, except exports (which write no file here).
func FuzzModel(f *testing.F) {
	l := loadedFor(f, sampleDataset())
	keys := fuzzKeys()
	f.Add([]byte{0, 120, 40, 9, 1, 2, 3, 4})
	f.Add([]byte{9, 0, 0, 0, 1, 1, 1, 30, 0, 60, 12, 2, 5})
	f.Add([]byte("\x00\x01\x01\x09jjjjkkk\x00\xff\xc8"))
	f.Fuzz(func(t *testing.T, ops []byte) {
		saved := writeExport
		writeExport = func(string, bool, func(io.Writer) error) error { return nil }
		defer func() { writeExport = saved }()
		m := New(Config{Load: func() *data.Loaded { return l }, Mouse: true})
		w, h := 0, 0
		next := func() int {
			if len(ops) == 0 {
				return 0
			}
			b := ops[0]
			ops = ops[1:]
			return int(b)
		}
		for steps := 0; len(ops) > 0 && steps < 200; steps++ {
			var msg tea.Msg
			switch op := next(); op % 8 {
			case 0: // any size from 0×0 to 500×200, small ones often
				w, h = next()*2%501, next()%201
				if op&8 != 0 {
					w, h = w%4, h%4
				}
				msg = tea.WindowSizeMsg{Width: w, Height: h}
			case 1, 2, 3:
				msg = keys[next()%len(keys)]
			case 4:
				s := fuzzRunes[next()%len(fuzzRunes)]
				msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: op&8 != 0}
			case 5:
				buttons := []tea.MouseButton{tea.MouseButtonLeft, tea.MouseButtonWheelUp, tea.MouseButtonWheelDown}
				msg = tea.MouseMsg{X: next() % 130, Y: next() % 50, Button: buttons[next()%len(buttons)],
					Action: tea.MouseActionPress}
			case 6:
				msg = loadedMsg{loaded: l, seq: m.load.feed.seq, reload: op&8 != 0}
			case 7:
				msg = runes(strings.Repeat("j", next()%5+1))
			}
			m = drive(t, m, msg)
			v := m.View()
			if w < 1 || h < 1 {
				if v != "" {
					t.Fatalf("%d×%d: want an empty frame, got %q", w, h, v)
				}
				continue
			}
			checkFrame(t, v, w, h)
		}
	})
}
