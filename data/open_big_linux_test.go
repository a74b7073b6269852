package data

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestOpenBigFile times OpenJSONLines on the file named by
// DATELINE_OPEN_BIG (generate one with dateline-bench -n 1000000 -gen FILE)
// to a ready Timeline and its first 40 rows decoded, and reports the peak
// anonymous memory, sampled, and the process's peak RSS. Run it alone, in
// a fresh process: go test -run TestOpenBigFile -count=1 ./data/
func TestOpenBigFile(t *testing.T) {
	path := os.Getenv("DATELINE_OPEN_BIG")
	if path == "" {
		t.Skip("set DATELINE_OPEN_BIG to a JSON Lines file")
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	var peak atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			if v := procStatus("RssAnon"); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	})
	cpu0 := processCPU()
	start := time.Now()
	var header, skimmed time.Duration
	l := OpenJSONLines(path, func(done, total int64) {
		if header == 0 {
			header = time.Since(start) // after the first block
		}
		if done == total {
			skimmed = time.Since(start)
		}
	})
	tl := l.Timeline
	if tl == nil {
		t.Fatal(l.Err())
	}
	ready := time.Since(start)
	for i := range min(40, tl.Len()) {
		if tl.Event(i) == nil || tl.EventProblem(i) != "" {
			t.Fatalf("row %d: %q", i, tl.EventProblem(i))
		}
	}
	first := time.Since(start)
	cpu := processCPU() - cpu0
	close(stop)
	wg.Wait()
	peak.Store(max(peak.Load(), procStatus("RssAnon")))
	t.Logf("%d events, %d MB: header and first block in %v, skimmed in %v, Timeline in %v, first 40 rows in %v (CPU %v); peak RssAnon %d MB (%.2f× the file), VmHWM %d MB",
		tl.Len(), info.Size()>>20, header.Round(time.Millisecond), skimmed.Round(time.Millisecond), ready.Round(time.Millisecond), first.Round(time.Millisecond), cpu.Round(time.Millisecond),
		peak.Load()>>20, float64(peak.Load())/float64(info.Size()), procStatus("VmHWM")>>20)

	// Searches, which read the file's text: one word from scratch, then a
	// word typed key by key, each narrowing the one before.
	start = time.Now()
	hits := len(tl.Search("harbour", nil))
	word := time.Since(start)
	start = time.Now()
	for n := 1; n <= len("merchant"); n++ {
		tl.Search("merchant"[:n], nil)
	}
	typed := time.Since(start)
	if err := tl.SourceErr(); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	last := tl.Event(tl.Len() - 1).ID
	_, found := tl.EventIndex(last)
	find := time.Since(start)
	t.Logf("Search(harbour): %d hits in %v (%.0f MB/s); merchant typed key by key: %v; EventIndex(%q) %v in %v",
		hits, word.Round(time.Millisecond), float64(info.Size())/word.Seconds()/1e6, typed.Round(time.Millisecond), last, found, find.Round(time.Millisecond))
}

// processCPU is the CPU time of the process so far, user and system: what
// a busy machine stretches least.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procStatus reads a field of /proc/self/status in bytes; 0 if none.
func procStatus(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			var kb int64
			for _, c := range strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")) {
				kb = kb*10 + int64(c-'0')
			}
			return kb << 10
		}
	}
	return 0
}
