package data

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadHostile feeds generated inputs that are too big or too odd to
// commit: each must give its diagnostic, in bounded time and memory, and
// never panic.
func TestLoadHostile(t *testing.T) {
	const deep = 100_000
	big := strings.Repeat("x", 50<<20) // a single line of 50 MB
	rng := rand.New(rand.NewPCG(1, 2))
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(rng.UintN(256))
	}
	for i, c := range binary {
		if c == '\n' || c == '\r' {
			binary[i] = 1 // one line, so the position is known
		}
	}
	binary[0] = 0 // not '{', and a control character YAML refuses
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"YAML flow nesting 100,000 deep", strings.Repeat("[", deep) + strings.Repeat("]", deep),
			[]string{"1:1: error: YAML syntax error: exceeded max depth of 10000"}},
		{"YAML block nesting 100,000 deep", strings.Repeat("- ", deep) + "x\n",
			[]string{"1:1: error: YAML syntax error: exceeded max depth of 10000"}},
		{"YAML nesting beyond our cap", "dateline: 1\nevents: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n",
			[]string{"2:10: error: event must be a mapping, got a list", "2:108: error: nesting too deep (more than 100 levels)"}},
		{"JSON nesting 100,000 deep", strings.Repeat(`{"a":`, deep) + "1" + strings.Repeat("}", deep),
			[]string{"1:501: error: nesting too deep (more than 100 levels)"}},
		{"JSON list nesting 100,000 deep", `{"dateline": 1, "events":` + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "}",
			[]string{"1:125: error: nesting too deep (more than 100 levels)"}},
		{"YAML 50 MB title", "dateline: 1\ntitle: " + big + "\n", nil},
		{"JSON 50 MB title", `{"dateline": 1, "title": "` + big + `"}`, nil},
		{"YAML 50 MB line of garbage", big,
			[]string{"1:1: error: dataset must be a mapping, got a string"}},
		{"YAML 50 MB unknown key", "dateline: 1\n" + big + ": 1\n",
			[]string{`2:1: error: YAML syntax error: could not find expected ':'`}}, // keys are at most 1024 characters
		{"YAML 50 MB of tiny values", "[" + strings.Repeat("1,", 25<<20) + "1]",
			[]string{"1:1: error: too many values for the file's size"}},
		{"JSON 50 MB of tiny values", `{"x": [` + strings.Repeat("1,", 25<<20) + "1]}",
			[]string{"1:1: error: too many values for the file's size"}},
		{"binary data", string(binary), []string{"1:1: error: YAML syntax error: a NUL byte"}},
		{"YAML invalid UTF-8", "dateline: 1\ntitle: caf\xe9\n", []string{"2:11: error: YAML syntax error: invalid UTF-8 (byte 0xE9)"}},
		{"JSON invalid UTF-8", "{\"dateline\": 1,\n \"title\": \"caf\xe9\"}", []string{"2:15: error: invalid UTF-8 in a string (byte 0xe9)"}},
		{"YAML truncated", "dateline: 1\nsources:\n  - {id: a, title: [A,\n", []string{"3:1: error: YAML syntax error: did not find expected node content"}},
		{"JSON truncated", "{\"dateline\": 1,\n \"sources\": [{\"id\": \"a\", \"title\": \"A", []string{"2:35: error: JSON syntax error: unexpected end of file in the string that starts at line 2, column 35"}},
		{"JSON NUL byte", "{\"dateline\": 1,\x00}", []string{`1:16: error: JSON syntax error: unexpected '\x00', want a string key`}},
		{"YAML merge key and anchor", "dateline: 1\nbase: &b {title: T}\nevents:\n  - <<: *b\n    id: e\n",
			[]string{`2:1: error: unknown field "base"`, `4:5: error: unknown field "<<" in event (fields:`,
				`4:5: error: event is missing required field "title"`, `4:5: warning: event "e" has no citation`,
				"4:9: error: YAML alias *b is not supported"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := LoadBytes("hostile", []byte(tt.in), t.TempDir())
			checkLoaded(t, l, "hostile")
			checkProblems(t, l.Problems, tt.want, false)
		})
	}
}

// manyProblems is a dataset with n problems of each kind the decoder and the
// domain report, and n unknown keys in front of the events.
func manyProblems(n int) []byte {
	var b strings.Builder
	b.WriteString("dateline: 1\n")
	for i := range n {
		fmt.Fprintf(&b, "junk%d: x\n", i)
	}
	b.WriteString("sources: [{id: s, title: S, text: some text}]\nevents:\n  - id: e\n    title: E\n    citations: [{source: s, quote: some}]\n    actors:\n")
	for i := range n {
		fmt.Fprintf(&b, "      - nobody%d\n", i)
	}
	for i := range n {
		fmt.Fprintf(&b, "  - {id: e%d, title: T, bogus: 1, citations: [{source: s, quote: absent}]}\n", i)
	}
	return []byte(b.String())
}

// TestLoadLinear checks that time grows linearly with the number of
// problems: placing them must not scan the file once per problem. It
// measures the process's CPU time, not the wall clock: under a parallel
// `go test ./...` on two cores the other packages' processes stretched the
// wall time of the bigger load to 11× that of the smaller one.
func TestLoadLinear(t *testing.T) {
	const n = 2000
	measure := func(n int) time.Duration {
		in := manyProblems(n)
		best := time.Duration(math.MaxInt64)
		for range 5 { // the best of five: the machine is shared
			start := cpuTime(t)
			l := LoadBytes("many", in, "")
			best = min(best, cpuTime(t)-start)
			if got := len(l.Problems); got != 4*n {
				t.Fatalf("n=%d: %d problems, want %d", n, got, 4*n)
			}
		}
		return best
	}
	small, big := measure(n), measure(4*n)
	if ratio := float64(big) / float64(small); ratio > 10 {
		t.Errorf("4× the problems took %.1f× the time (%v vs %v): not linear", ratio, big, small)
	}
}

// cpuTime is the CPU time the test process has used, user and system.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
