package timex

import (
	"os"
	"strings"
	"testing"
	"time"
)

// article10k is the fixture article repeated to 10,000 words.
func article10k(b *testing.B) string {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for words := 0; words < 10000; words += len(strings.Fields(string(raw))) {
		sb.Write(raw)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkTag10kWords tags a 10,000-word article; the README quotes its
// time per article and its MB/s (the target is 20 ms and 3 MB/s on one
// core: run it with -cpu 1).
func BenchmarkTag10kWords(b *testing.B) {
	text := article10k(b)
	ref := time.Date(2025, 6, 14, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tag(text, ref)
	}
}
