// Command dateline-bench measures dateline against the program a Go
// developer would otherwise write, a bubbles list.Model holding every
// event, on a synthetic dataset of N events.
//
// Usage:
//
//	dateline-bench [-n N] [-seed S] [-json] [-budget D] [-first-frame R]
//	dateline-bench -first-frame-only [-first-frame R]
//	dateline-bench -gen FILE [-n N] [-seed S] [-force]
//	dateline-bench -load FILE [-reps R] [-cpuprofile PROF]
//	dateline-bench -peers FILE [-reps R] [-query Q]
//	dateline-bench -open FILE [-budget D] [-query Q] [-dates R] [-cpuprofile PROF]
//
// It generates the dataset (see package synth), writes it as JSON Lines to
// a temporary folder and times jsonl.Load on it, then drives both programs
// at 120×40 and prints, for each interaction, the median time of ours, of
// the peer with bubbles' arabic paginator and (for N ≤ 100,000) with its
// default dots paginator, and the ratio peer/ours. It also starts the real
// dateline binary (built static into a temporary folder) on its embedded
// dataset in a pseudo-terminal, -first-frame times, alternating with a
// minimal Bubble Tea program (testdata/minimal), and reports the median
// process CPU time and wall time to each one's first frame and their
// ratio (the goal: dateline within 2× of the minimal program): in the
// table, and in -json as the top-level fields first_frame_cpu_ns,
// first_frame_wall_ns and first_frame_minimal_cpu_ns (null when not
// measured). With -gen it writes the dataset to FILE instead; with -load
// it only times loading FILE. With -peers it times dateline against less,
// fzf and lnav, and its command line against rg -c, grep -c and cat, on
// FILE, skipping the tools that are not installed (see peers.go). With
// -open it times dateline's keys on FILE opened lazily, as the viewer opens
// a big JSON Lines file (see openfile.go).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/charmbracelet/bubbles/list"

	"dateline/data"
	"dateline/data/atomicfile"
	"dateline/data/jsonl"
	"dateline/timeline"
	"dateline/timeline/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// options are the command line's.
type options struct {
	n      int
	seed   uint64
	asJSON bool
	gen    string
	force  bool
	budget time.Duration
	query  string
	dates  string
	prof   string
	load   string
	peers  string
	open   string
	reps   int
	// firstFrames is how many starts of dateline measure the first frame
	// (0: none); firstOnly measures only that.
	firstFrames int
	// firstBin is a prebuilt program to time instead (-first-frame-bin).
	firstBin  string
	firstOnly bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dateline-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.IntVar(&o.n, "n", 100_000, "number of events")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the synthetic dataset")
	fs.BoolVar(&o.asJSON, "json", false, "print one JSON object instead of the table")
	fs.StringVar(&o.gen, "gen", "", "write the dataset as JSON Lines to `FILE` instead of measuring")
	fs.BoolVar(&o.force, "force", false, "with -gen, replace FILE if it exists")
	fs.DurationVar(&o.budget, "budget", 2*time.Second, "time to spend on each measurement (at least 5 runs each)")
	fs.StringVar(&o.query, "query", "merchant", "the search typed, one letter per keystroke")
	fs.StringVar(&o.dates, "dates", "1200/1300", "the date range of the date filter (EDTF)")
	fs.StringVar(&o.prof, "cpuprofile", "", "write a CPU profile of the measurements of dateline to `FILE`")
	fs.StringVar(&o.load, "load", "", "only time loading the JSON Lines `FILE` (-reps times; with -cpuprofile, profile it)")
	fs.StringVar(&o.open, "open", "", "time dateline's keys on the JSON Lines `FILE` opened lazily, as the viewer opens a big one")
	fs.IntVar(&o.reps, "reps", 5, "with -load, how many loads; with -peers, how many runs of each program")
	fs.StringVar(&o.peers, "peers", "", "time dateline against less, fzf, lnav, rg -c, grep -c and cat on `FILE` (those installed)")
	fs.IntVar(&o.firstFrames, "first-frame", 20, "start the real dateline this many `times` to time its first frame (0: do not)")
	fs.BoolVar(&o.firstOnly, "first-frame-only", false, "only time the first frames of dateline and the minimal program")
	fs.StringVar(&o.firstBin, "first-frame-bin", "", "time this `program` instead of a fresh build of dateline, against the minimal program")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || o.n < 1 || o.query == "" {
		fmt.Fprintln(stderr, "dateline-bench: want -n ≥ 1, a non-empty -query and no arguments")
		return 2
	}
	if _, err := timeline.ParseDate(o.dates); err != nil {
		fmt.Fprintln(stderr, "dateline-bench: -dates:", err)
		return 2
	}
	if o.firstOnly {
		ffs, err := measureFirstFrame(max(1, o.firstFrames), o.firstBin)
		if err != nil {
			fmt.Fprintln(stderr, "dateline-bench:", err)
			return 1
		}
		printFirstFrames(stdout, ffs)
		return 0
	}
	if o.peers != "" {
		if err := peers(stdout, o.peers, o.query, max(1, o.reps)); err != nil {
			fmt.Fprintln(stderr, "dateline-bench:", err)
			return 1
		}
		return 0
	}
	if o.open != "" {
		if err := openFile(o, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "dateline-bench:", err)
			return 1
		}
		return 0
	}
	if o.load != "" {
		if err := loadFile(o, stdout); err != nil {
			fmt.Fprintln(stderr, "dateline-bench:", err)
			return 1
		}
		return 0
	}
	if o.gen != "" {
		bytes, err := generate(o.gen, o.n, o.seed, o.force)
		if err != nil {
			fmt.Fprintln(stderr, "dateline-bench:", err)
			return 1
		}
		fmt.Fprintf(stderr, "wrote %s: %d events, %d bytes (%.0f bytes per event line)\n", o.gen, o.n, bytes.total, bytes.perEvent())
		return 0
	}
	rep, err := bench(o, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "dateline-bench:", err)
		return 1
	}
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "dateline-bench:", err)
			return 1
		}
		return 0
	}
	printTable(stdout, rep)
	return 0
}

// sizes are the bytes of a generated file.
type sizes struct {
	total, header int64
	n             int
}

// perEvent is the mean size of an event line, line break included.
func (s sizes) perEvent() float64 { return float64(s.total-s.header) / float64(max(1, s.n)) }

// countingWriter counts what goes through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// generate writes n synthetic events as JSON Lines to path, through
// atomicfile.WriteFileFunc so that a failure leaves no partial file.
func generate(path string, n int, seed uint64, force bool) (sizes, error) {
	g := synth.New(synth.Options{N: n, Seed: seed})
	s := sizes{n: n}
	err := atomicfile.WriteFileFunc(path, force, func(w io.Writer) error {
		cw := &countingWriter{w: w}
		jw, err := jsonl.NewWriter(cw, g.Header())
		if err != nil {
			return err
		}
		s.header = cw.n
		err = g.Events(func(e *timeline.Event) error { return jw.WriteEvent(e) })
		s.total = cw.n
		return err
	})
	return s, err
}

// report is the -json output.
type report struct {
	N          int       `json:"n"`
	EventBytes float64   `json:"event_bytes"`
	LoadMBPerS float64   `json:"load_mb_per_s"`
	HeapBytes  heapBytes `json:"heap_bytes"`
	Metrics    []metric  `json:"metrics"`
	// FirstFrameCPUNS is the CPU time, all threads, of the real dateline
	// process (the static build, or -first-frame-bin) started on its
	// embedded dataset in a pseudo-terminal, from its start until its
	// first frame was read; median of -first-frame runs. FirstFrameWallNS
	// is the wall time to that frame. FirstFrameMinimalCPUNS is the CPU
	// time of the minimal Bubble Tea program timed alternately with it,
	// the floor dateline is compared with. Each is null when not measured.
	// They are fields of their own, not metrics: the list has no
	// counterpart to compare.
	FirstFrameCPUNS        *int64 `json:"first_frame_cpu_ns"`
	FirstFrameWallNS       *int64 `json:"first_frame_wall_ns"`
	FirstFrameMinimalCPUNS *int64 `json:"first_frame_minimal_cpu_ns"`
	firstFrames            []firstFrame
	notes                  []string
	fileBytes              int64
	peerDefault            bool
}

type heapBytes struct {
	Ours uint64 `json:"ours"`
	Peer uint64 `json:"peer"`
}

type metric struct {
	Name          string  `json:"name"`
	OursNS        int64   `json:"ours_ns"`
	PeerNS        int64   `json:"peer_ns"`
	PeerDefaultNS *int64  `json:"peer_default_ns"`
	Ratio         float64 `json:"ratio"`
	how           string  // how ours was measured
}

// The metrics, in report order.
var metricNames = []string{"first_view", "cursor_down_view", "page_down_view", "jump_end_view",
	"actor_filter", "date_filter", "search_keystroke"}

// bench generates the dataset, times its load and measures both programs.
func bench(o options, progress io.Writer) (*report, error) {
	logf := func(format string, args ...any) { fmt.Fprintf(progress, format+"\n", args...) }
	base := heapAfterGC()
	dir, err := os.MkdirTemp("", "dateline-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "bench.jsonl")
	logf("generating %d events (seed %d)…", o.n, o.seed)
	sz, err := generate(path, o.n, o.seed, false)
	if err != nil {
		return nil, err
	}
	rep := &report{N: o.n, EventBytes: round(sz.perEvent(), 1), fileBytes: sz.total}
	if o.firstFrames > 0 {
		// First, while this process is idle.
		logf("timing dateline's first frame (%d starts)…", o.firstFrames)
		// A failure (outside the module, no /dev/ptmx) leaves the fields
		// null and says why, rather than losing the other measurements.
		if ffs, err := measureFirstFrame(o.firstFrames, o.firstBin); err != nil {
			rep.notes = append(rep.notes, "first frame not measured: "+err.Error())
		} else {
			cpu, wall, minimal := int64(ffs[0].cpu), int64(ffs[0].wall), int64(ffs[1].cpu)
			rep.FirstFrameCPUNS, rep.FirstFrameWallNS, rep.FirstFrameMinimalCPUNS, rep.firstFrames = &cpu, &wall, &minimal, ffs
		}
	}

	logf("loading %s (%.1f MB)…", filepath.Base(path), float64(sz.total)/1e6)
	loaded, took, err := timeLoads(path, o.budget)
	if err != nil {
		return nil, err
	}
	rep.LoadMBPerS = round(float64(sz.total)/1e6/took.Seconds(), 1)
	tl := loaded.Timeline
	actor := midActor(tl)
	dates := timeline.MustParseDate(o.dates)

	logf("measuring dateline…")
	ms := map[string]*metric{}
	for _, name := range metricNames {
		ms[name] = &metric{Name: name}
	}
	us, err := newOurs(loaded)
	if err != nil {
		return nil, err
	}
	if o.prof != "" {
		f, err := os.Create(o.prof)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer f.Close()
	}
	rep.HeapBytes.Ours = heapAfterGC() - base
	us.measureAll(o, ms, actor)

	if o.prof != "" {
		pprof.StopCPUProfile()
	}
	items := peerItems(tl)
	us, loaded, tl = nil, nil, nil // from here on only the peer's items are kept
	logf("measuring the bubbles list (arabic paginator)…")
	peerMetrics(o, ms, items, actor.ID, dates, false)
	pr := newPeer(items, false)
	rep.HeapBytes.Peer = heapAfterGC() - base
	pr.l.View() // keeps the list alive until the heap is measured
	if o.n <= 100_000 {
		logf("measuring the bubbles list (default dots paginator)…")
		rep.peerDefault = true
		peerMetrics(o, ms, items, actor.ID, dates, true)
	}
	for _, name := range metricNames {
		m := ms[name]
		if m.OursNS > 0 {
			m.Ratio = float64(m.PeerNS) / float64(m.OursNS)
		}
		rep.Metrics = append(rep.Metrics, *m)
	}
	rep.notes = append(rep.notes, fmt.Sprintf("actor filter: %s (%s); date filter: %s; search: %q typed one letter at a time",
		actor.ID, actor.Name, o.dates, o.query))
	return rep, nil
}

// peerMetrics measures the peer, with the dots paginator or the arabic one.
func peerMetrics(o options, ms map[string]*metric, items []list.Item, actorID string, dates timeline.Date, dots bool) {
	set := func(name string, d time.Duration) {
		if dots {
			v := int64(d)
			ms[name].PeerDefaultNS = &v
		} else {
			ms[name].PeerNS = int64(d)
		}
	}
	set("first_view", measure(o.budget, func() time.Duration { return peerFirstView(items, dots) }))
	p := newPeer(items, dots)
	d, pg, e := p.navigation(o.budget)
	set("cursor_down_view", d)
	set("page_down_view", pg)
	set("jump_end_view", e)
	set("actor_filter", p.actorFilter(o.budget, actorID))
	set("date_filter", p.dateFilter(o.budget, dates))
	set("search_keystroke", p.search(o.budget, o.query))
}

// timeLoads loads the file a few times (at least three, within about the
// budget) and returns the last load and the median time.
func timeLoads(path string, budget time.Duration) (*data.Loaded, time.Duration, error) {
	var l *data.Loaded
	d := measureN(3, budget, func() time.Duration {
		l = nil
		heapAfterGC()
		return timed(func() { l = jsonl.Load(path, nil) })
	})
	if err := l.Err(); err != nil {
		return nil, 0, err
	}
	if len(l.Problems) > 0 {
		return nil, 0, errors.New("the generated dataset has problems: " + l.Problems[0].String())
	}
	return l, d, nil
}

// midActor is the actor in about one event in a hundred: neither the
// handful that appear everywhere nor the long tail.
func midActor(tl *timeline.Timeline) *timeline.Actor {
	target := max(1, tl.Len()/100)
	var best *timeline.Actor
	bestDiff := -1
	for i := range tl.Actors() {
		a := &tl.Actors()[i]
		diff := tl.ActorEventCount(a.ID) - target
		if diff < 0 {
			diff = -diff
		}
		if bestDiff < 0 || diff < bestDiff {
			best, bestDiff = a, diff
		}
	}
	return best
}

func round(x, unit float64) float64 { return float64(int64(x/unit+0.5)) * unit }
