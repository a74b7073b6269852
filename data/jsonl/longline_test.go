package jsonl

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"dateline/data/internal/schema"
)

const longPrefix = `{"id":"b","title":"B","citations":[{"source":"s","quote":"a quote"}],"summary":"`

// longLineFile writes a dataset whose third line is an event with a
// summary of huge bytes (the line then is a little longer) between two
// ordinary events; it returns its path and size.
func longLineFile(tb testing.TB, huge int) (string, int64) {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "long.jsonl")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, `{"dateline":1,"sources":[{"id":"s","title":"S","text":"a quote here"}]}`)
	fmt.Fprintln(f, `{"id":"a","title":"A","citations":[{"source":"s","quote":"a quote"}]}`)
	fmt.Fprint(f, longPrefix)
	chunk := strings.Repeat("abcdefgh ", 1<<16)
	for n := 0; n < huge; n += len(chunk) {
		f.WriteString(chunk[:min(len(chunk), huge-n)])
	}
	fmt.Fprintln(f, `"}`)
	fmt.Fprintln(f, `{"id":"c","title":"C","citations":[{"source":"s","quote":"a quote"}]}`)
	info, err := f.Stat()
	if err != nil {
		tb.Fatal(err)
	}
	return p, info.Size()
}

// TestJSONLLongLine: a line over MaxLine is refused at its line, the lines
// after it still read (and numbered) right; one just under it is read.
func TestJSONLLongLine(t *testing.T) {
	p, _ := longLineFile(t, MaxLine+1000)
	for name, probs := range map[string][]string{
		"Load": problemStrings(Load(p, nil).Problems),
		"Scan": problemStrings(Scan(p, nil).Problems),
	} {
		want := fmt.Sprintf("%s:3:1: error: a JSON Lines record may have at most %d bytes (16 MB); this line has %d", p, MaxLine, MaxLine+1000+len(longPrefix)+len(`"}`))
		if len(probs) != 1 || !strings.HasPrefix(probs[0], want) {
			t.Errorf("%s: problems %q, want one starting %q", name, probs, want)
		}
	}
	// The line after is event 2, on line 4: a problem there says so.
	b, _ := os.ReadFile(p)
	b = []byte(strings.Replace(string(b), `{"id":"c","title":"C"`, `{"id":"c","title":"C","colour":1`, 1))
	os.WriteFile(p, b, 0o644)
	probs := problemStrings(Load(p, nil).Problems)
	if len(probs) != 2 || !strings.HasPrefix(probs[1], p+":4:") {
		t.Errorf("after a long line: %q, want the unknown field on line 4", probs)
	}

	p, _ = longLineFile(t, MaxLine-1000)
	l := Load(p, nil)
	if l.Timeline == nil || l.Timeline.Len() != 3 || len(l.Problems) != 0 {
		t.Fatalf("a line under the limit: %q", problemStrings(l.Problems))
	}
}

func problemStrings(probs []schema.Problem) []string {
	var out []string
	for _, p := range probs {
		out = append(out, p.String())
	}
	return out
}

// BenchmarkJSONLLongLine loads a file whose one line is 100 MB, refused,
// and one of 15 MB, read, and reports the bytes allocated per byte of the
// file; Load promises at most 4× the file plus 64 MB (before the refusal,
// a 100 MB line took 345 MB).
func BenchmarkJSONLLongLine(b *testing.B) {
	for _, size := range []int{100 << 20, 15 << 20} {
		p, fileSize := longLineFile(b, size)
		b.Run(fmt.Sprintf("line=%dMB", size>>20), func(b *testing.B) {
			var before, after runtime.MemStats
			var total uint64
			for b.Loop() {
				runtime.ReadMemStats(&before)
				l := Load(p, nil)
				runtime.ReadMemStats(&after)
				total += after.TotalAlloc - before.TotalAlloc
				if len(l.Problems) == 0 && l.Timeline == nil {
					b.Fatal("no Timeline and no problem")
				}
			}
			perLoad := float64(total) / float64(b.N)
			b.ReportMetric(perLoad/float64(fileSize), "alloc-bytes/file-byte")
			b.ReportMetric(perLoad/(1<<20), "alloc-MB")
			if limit := 4*float64(fileSize) + 64<<20; perLoad > limit {
				b.Errorf("allocated %.0f MB for a %d MB file: over 4× the file plus 64 MB", perLoad/(1<<20), fileSize>>20)
			}
		})
	}
}
