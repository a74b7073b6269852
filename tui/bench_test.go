package tui

import (
	"slices"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
	"dateline/timeline/synth"
)

// bigLoaded is a 100,000-event dataset, built once per test binary.
var bigLoaded = sync.OnceValue(func() *data.Loaded {
	return loadedFor(&testing.B{}, bigDataset(100_000))
})

func BenchmarkTimelineView(b *testing.B) {
	m := readyModel(b, bigLoaded(), 120, 40)
	m = update(b, m, keyOf(tea.KeyPgDown))
	p := m.timeline
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = p.View()
	}
}

func BenchmarkCursorDown(b *testing.B) {
	m := readyModel(b, bigLoaded(), 120, 40)
	down := runes("j")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		next, _ := m.Update(down)
		m = next.(*Model)
		if m.timeline.Cursor() == m.timeline.Len()-1 {
			m = update(b, m, runes("g"))
		}
	}
}

func BenchmarkFrame(b *testing.B) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {300, 100}} {
		m := readyModel(b, bigLoaded(), sz[0], sz[1])
		b.Run(itoa(sz[0])+"x"+itoa(sz[1]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkActorFilter applies an actor filter at 100,000 events and draws
// the frame, as pressing enter in the picker does: Apply from the posting
// lists, the density strip, the search marks, then View.
func BenchmarkActorFilter(b *testing.B) {
	for _, bc := range []struct {
		name string
		f    timeline.Filter
	}{
		{"tenth", timeline.Filter{Actors: []string{"c"}}},
		{"all events", timeline.Filter{Actors: []string{"a"}}},
		{"any of two", timeline.Filter{Actors: []string{"c", "b"}}},
		{"all of two", timeline.Filter{Actors: []string{"c", "b"}, AllActors: true}},
		{"with dates", timeline.Filter{Actors: []string{"c"}, Dates: timeline.MustParseDate("1500/2000")}},
	} {
		m := readyModel(b, bigLoaded(), 120, 40)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m.filter = bc.f
				m.applyFilter()
				_ = m.View()
			}
		})
	}
}

// BenchmarkSearchKeystroke types one letter into the search at 100,000
// events and runs the search command it starts (off the event loop in the
// program), then shows the result.
func BenchmarkSearchKeystroke(b *testing.B) {
	m := drive(b, readyModel(b, bigLoaded(), 120, 40), runes("/"), runes("even"))
	b.ReportAllocs()
	for b.Loop() {
		next, cmd := m.Update(runes("t"))
		msgs := cmdMsgs(cmd)
		next, _ = next.(*Model).Update(msgs[0])
		next, _ = next.(*Model).Update(keyOf(tea.KeyBackspace))
		_ = next.(*Model).View()
	}
}

// BenchmarkDensityStrip lays the strip out over 100,000 events at 300
// cells: O(width · log N) binary searches.
func BenchmarkDensityStrip(b *testing.B) {
	l := bigLoaded()
	idx := l.Timeline.Apply(timeline.Filter{}, nil)
	b.ReportAllocs()
	for b.Loop() {
		_ = computeStrip(l.Timeline, idx, 300, timeline.Date{})
	}
}

// BenchmarkReaderFrame draws the source reader over a long source.
func BenchmarkReaderFrame(b *testing.B) {
	m := readyDriven(b, loadedFor(b, readerDataset()), 160, 50)
	m.timeline.Select(0)
	m = drive(b, m, keyOf(tea.KeyEnter), runes("}"))
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkPageDownView presses page down at 100,000 events and draws the
// frame, as dateline-bench's page_down_view does: every press brings a
// screenful of rows never drawn before.
func BenchmarkPageDownView(b *testing.B) {
	for _, bc := range []struct {
		name string
		l    func() *data.Loaded
	}{{"wide titles", bigLoaded}, {"synthetic", synthLoaded}} {
		b.Run(bc.name, func(b *testing.B) {
			m := readyModel(b, bc.l(), 120, 40)
			pgdown := keyOf(tea.KeyPgDown)
			b.ReportAllocs()
			for b.Loop() {
				next, _ := m.Update(pgdown)
				m = next.(*Model)
				_ = m.View()
				if m.timeline.Cursor() == m.timeline.Len()-1 {
					m = update(b, m, runes("g"))
				}
			}
		})
	}
}

// synthLoaded is dateline-bench's dataset of 100,000 events, built once
// per test binary.
var synthLoaded = sync.OnceValue(func() *data.Loaded {
	g := synth.New(synth.Options{N: 100_000, Seed: 1})
	ds := g.Header()
	if err := g.Events(func(e *timeline.Event) error { ds.Events = append(ds.Events, *e); return nil }); err != nil {
		panic(err)
	}
	return loadedFor(&testing.B{}, ds)
})

// BenchmarkCursorDownView moves the cursor one event down and draws the
// frame (dateline-bench's cursor_down_view).
func BenchmarkCursorDownView(b *testing.B) {
	m := readyModel(b, bigLoaded(), 120, 40)
	down := runes("j")
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(down)
		m = next.(*Model)
		_ = m.View()
		if m.timeline.Cursor() == m.timeline.Len()-1 {
			m = update(b, m, runes("g"))
		}
	}
}

// BenchmarkKeyAfterPaste types one letter and deletes it in a search input
// holding a 100 KB paste that came without bracketed paste (as bursts of
// letters), drawing the frame after each: what one key costs the event
// loop. The search itself runs off the loop and is not counted.
func BenchmarkKeyAfterPaste(b *testing.B) {
	m := readyModel(b, bigLoaded(), 120, 40)
	m = update(b, m, runes("/"))
	paste := strings.Repeat("pasted text, 윤석열 🚗 ", 4000)[:100_000]
	for chunk := range slices.Chunk([]rune(paste), 256) { // one read(2) each
		m = update(b, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: chunk})
	}
	if n := len(m.search.in.Value()); n < 99_000 {
		b.Fatalf("the input holds %d bytes, want 100 KB", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		m = update(b, m, runes("x"))
		_ = m.View()
		m = update(b, m, keyOf(tea.KeyBackspace))
		_ = m.View()
	}
}
