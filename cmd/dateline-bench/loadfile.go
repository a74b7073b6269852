package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"dateline/data"
	"dateline/data/jsonl"
)

// loadFile times jsonl.Load on an existing file reps times and prints each
// throughput and their median: the load alone, for profiling it (with
// -cpuprofile, the loads are what is profiled).
func loadFile(o options, stdout io.Writer) error {
	info, err := os.Stat(o.load)
	if err != nil {
		return err
	}
	if o.prof != "" {
		f, err := os.Create(o.prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var ds []time.Duration
	for range max(1, o.reps) {
		heapAfterGC()
		var l *data.Loaded
		start := time.Now()
		var decoded time.Duration
		d := timed(func() {
			l = jsonl.Load(o.load, func(done, total int64) {
				if done == total {
					decoded = time.Since(start)
				}
			})
		})
		if l.Timeline == nil {
			return fmt.Errorf("%s: %v", o.load, l.Err())
		}
		ds = append(ds, d)
		fmt.Fprintf(stdout, "load %s: %v (decoded at %v), %.1f MB/s\n", o.load, d.Round(time.Millisecond),
			decoded.Round(time.Millisecond), float64(info.Size())/1e6/d.Seconds())
	}
	med := median(ds)
	fmt.Fprintf(stdout, "median of %d: %v, %.1f MB/s\n", len(ds), med.Round(time.Millisecond), float64(info.Size())/1e6/med.Seconds())
	return nil
}
