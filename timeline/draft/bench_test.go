package draft

import (
	"strings"
	"testing"
	"time"
)

// BenchmarkDraft10kWords drafts a 10,000-word article made of the
// fixtures (the target is 50 ms).
func BenchmarkDraft10kWords(b *testing.B) {
	var sb strings.Builder
	for _, name := range []string{"lithium_pact.txt", "port_bribery.txt", "po_floods.txt", "seed_kim_car.txt"} {
		raw, err := readFixture(name)
		if err != nil {
			b.Fatal(err)
		}
		sb.WriteString(raw + "\n\n")
	}
	one := sb.String()
	sb.Reset()
	for len(strings.Fields(sb.String())) < 10000 {
		sb.WriteString(one)
	}
	text := sb.String()
	pub := time.Date(2024, 2, 20, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Draft([]Article{{SourceID: "a", Text: text, Published: pub}})
	}
}
