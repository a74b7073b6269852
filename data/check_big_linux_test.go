package data

import (
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestCheckBigFile opens the file named by DATELINE_CHECK_BIG as the viewer
// does (OpenJSONLines) and then checks it (CheckJSONLines), reporting the
// heap after each and the peak anonymous memory, sampled, of both steps.
// DATELINE_CHECK_PROF, when set, is a prefix for heap profiles written
// after the check. Run it alone: go test -run TestCheckBigFile -count=1 ./data/
func TestCheckBigFile(t *testing.T) {
	path := os.Getenv("DATELINE_CHECK_BIG")
	if path == "" {
		t.Skip("set DATELINE_CHECK_BIG to a JSON Lines file")
	}
	prof := os.Getenv("DATELINE_CHECK_PROF")
	if prof != "" {
		runtime.MemProfileRate = 4096
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
	heap := func() (alloc, total uint64) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc, ms.TotalAlloc
	}
	l := OpenJSONLines(path, nil)
	if l.Timeline == nil {
		t.Fatal(l.Err())
	}
	runtime.GC()
	openAlloc, openTotal := heap()
	openPeak := peak.Load()
	peak.Store(0)
	start := time.Now()
	probs := CheckJSONLines(path, nil)
	took := time.Since(start)
	endAlloc, endTotal := heap()
	close(stop)
	wg.Wait()
	if prof != "" {
		runtime.GC() // the profile is as of the last collection
		f, err := os.Create(prof + ".heap")
		if err != nil {
			t.Fatal(err)
		}
		pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	runtime.GC()
	gcAlloc, _ := heap()
	runtime.KeepAlive(l)
	mb := func(v uint64) float64 { return float64(v) / (1 << 20) }
	t.Logf("%d MB file, %d events, %d problems, checked in %v", info.Size()>>20, l.Timeline.Len(), len(probs), took.Round(time.Millisecond))
	t.Logf("after Open: heap %.1f MiB, peak RssAnon %d MiB; check: heap %.1f MiB at its end (%.1f after GC), allocated %.1f MiB, peak RssAnon %d MiB (%.2f× the file)",
		mb(openAlloc), openPeak>>20, mb(endAlloc), mb(gcAlloc), mb(endTotal-openTotal), peak.Load()>>20, float64(peak.Load())/float64(info.Size()))
}
