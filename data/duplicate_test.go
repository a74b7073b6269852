package data

import (
	"fmt"
	"strings"
	"testing"
)

// dupEvents is the size of the duplicate-id benchmarks: issue 17, item 12
// saw 100,000 events sharing one id take 390–440 MB and 6–10 s in YAML.
const dupEvents = 100_000

// yamlEvents writes a dataset of n events whose ids id(i) gives. Each
// cites its source, so that with unique ids the file has no problem at all
// and the benchmarks compare the duplicates' cost with nothing.
func yamlEvents(n int, id func(int) string) []byte {
	var b strings.Builder
	b.WriteString("dateline: 1\nsources:\n  - {id: s, title: S, text: The text.}\nevents:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: %s\n    date: 2020-01-01\n    title: Event %d\n    citations: [{source: s, quote: text}]\n", id(i), i)
	}
	return []byte(b.String())
}

// timelineJSSlides writes a TimelineJS file of n slides whose unique_ids
// id(i) gives.
func timelineJSSlides(n int, id func(int) string) []byte {
	var b strings.Builder
	b.WriteString(`{"events": [` + "\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"unique_id": %q, "start_date": {"year": 2020}, "text": {"headline": "Slide %d"}}`, id(i), i)
	}
	b.WriteString("\n]}\n")
	return []byte(b.String())
}

func sameID(int) string     { return "x" }
func uniqueID(i int) string { return fmt.Sprintf("x%d", i) }

func benchLoad(b *testing.B, name string, file []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(file)))
	for b.Loop() {
		if l := LoadBytes(name, file, ""); l.Dataset == nil {
			b.Fatal("no dataset")
		}
	}
}

// BenchmarkLoadDuplicateIDs and BenchmarkLoadUniqueIDs load the same files
// but for the ids: duplicates must cost no more than 1.1 times unique ids.
func BenchmarkLoadDuplicateIDs(b *testing.B) {
	b.Run("yaml", func(b *testing.B) { benchLoad(b, "dup.yaml", yamlEvents(dupEvents, sameID)) })
	b.Run("timelinejs", func(b *testing.B) { benchLoad(b, "dup.json", timelineJSSlides(dupEvents, sameID)) })
}

func BenchmarkLoadUniqueIDs(b *testing.B) {
	b.Run("yaml", func(b *testing.B) { benchLoad(b, "unique.yaml", yamlEvents(dupEvents, uniqueID)) })
	b.Run("timelinejs", func(b *testing.B) { benchLoad(b, "unique.json", timelineJSSlides(dupEvents, uniqueID)) })
}
