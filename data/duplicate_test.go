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

// TestDuplicateIDsOnce: an id shared by many events is one problem, at its
// second use, with the count and the first uses' positions, not a problem
// per repeat (issue 17, item 12).
func TestDuplicateIDsOnce(t *testing.T) {
	const n = 1000
	alternate := func(i int) string { return []string{"x", "y"}[i%2] }
	for _, c := range []struct {
		name string
		file []byte
		want []string
	}{
		{"dup.yaml", yamlEvents(n, alternate), []string{
			`dup.yaml:13:9: error: duplicate event id "x": used by 500 events (first at 5:9, 13:9, 21:9, …)`,
			`dup.yaml:17:9: error: duplicate event id "y": used by 500 events (first at 9:9, 17:9, 25:9, …)`,
		}},
		{"dup2.yaml", yamlEvents(3, func(i int) string { return []string{"x", "u", "x"}[i] }), []string{
			`dup2.yaml:13:9: error: duplicate event id "x": used by 2 events (at 5:9, 13:9)`,
		}},
		{"dup.json", timelineJSSlides(n, alternate), []string{
			`dup.json:4:15: warning: unique_id "x" is used by 500 slides (first at 2:15, 4:15, 6:15, …); the slides after the first get ids made from their headlines`,
			`dup.json:5:15: warning: unique_id "y" is used by 500 slides (first at 3:15, 5:15, 7:15, …); the slides after the first get ids made from their headlines`,
		}},
	} {
		var got []string
		for _, p := range LoadBytes(c.name, c.file, "").Problems {
			if s := p.String(); strings.Contains(s, "id") && !strings.Contains(s, "no citation") {
				got = append(got, s)
			}
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %s\nwant %s", c.name, strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
		}
	}
}
