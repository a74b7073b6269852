package jsonl

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"dateline/timeline"
	"dateline/timeline/synth"
)

// benchBytes is a generated file of 200,000 events (about 50 MB), made
// once per test binary.
var benchBytes = sync.OnceValues(func() ([]byte, error) {
	return Marshal(synth.Dataset(synth.Options{N: 200_000, Seed: 1}))
})

// benchPath writes it in the benchmark's own folder, removed after it.
func benchPath(b *testing.B) string {
	data, err := benchBytes()
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), "bench.jsonl")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	return p
}

// BenchmarkOpen opens the file to a lazy Timeline and shows a screen (40
// rows), against BenchmarkLoad, which decodes every event.
func BenchmarkOpen(b *testing.B) {
	p := benchPath(b)
	for b.Loop() {
		tl := Open(p, nil).Timeline
		if tl == nil {
			b.Fatal("no Timeline")
		}
		for i := range 40 {
			tl.Event(i)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	p := benchPath(b)
	for b.Loop() {
		if Load(p, nil).Timeline == nil {
			b.Fatal("no Timeline")
		}
	}
}

// BenchmarkLazySearch searches an opened file: a word from scratch (each
// time on a fresh Timeline, so nothing is narrowed), and the keystrokes of
// a word, each narrowing the one before.
func BenchmarkLazySearch(b *testing.B) {
	p := benchPath(b)
	b.Run("word", func(b *testing.B) {
		var tls []*timeline.Timeline
		for range 4 {
			tls = append(tls, Open(p, nil).Timeline)
		}
		k := 0
		for b.Loop() {
			// Four Timelines, so that each search starts from scratch (a
			// Timeline answers a repeated query from its recent results).
			q := []string{"merchant", "harbour", "tax", "court"}[k%4]
			tls[k%4].Search(q+string(rune('a'+k/4%26)), nil)
			k++
		}
	})
	b.Run("narrowing", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			tl := Open(p, nil).Timeline
			b.StartTimer()
			for n := 1; n <= len("merchant"); n++ {
				tl.Search("merchant"[:n], nil)
			}
		}
	})
}

// BenchmarkSkim skims the event lines, without the pipeline: the columns,
// the texts, the ids.
func BenchmarkSkim(b *testing.B) {
	p := benchPath(b)
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(data, []byte("\n"))[1:]
	actors := map[string]int32{}
	for i := range 2000 {
		actors["a"+itoa(i)] = int32(i)
	}
	var s skimmer
	b.Run("columns", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		var refs []int32
		for b.Loop() {
			for _, l := range lines {
				_, _, refs = s.columns(l, actors, refs[:0])
			}
		}
	})
	b.Run("texts", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		n := 0
		for b.Loop() {
			for k, l := range lines {
				s.texts(l, k, func(int, string) bool { n++; return true })
			}
		}
	})
	b.Run("id", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			for _, l := range lines {
				s.id(l)
			}
		}
	})
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
