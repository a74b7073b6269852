package tui

import (
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
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
		m = next.(Model)
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
