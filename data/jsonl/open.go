package jsonl

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// Open: a JSON Lines file as a lazy Timeline (timeline.NewLazy), for the
// viewer, whose first screen must not wait for a million events to be
// decoded. One pass over the file, through Load's pipeline, skims each
// event line for its date, status and actors (skim.go) and records where
// the line is; the events themselves are read again from the file when
// shown or searched (source.go). The events are not checked: Check does
// that, behind the first screen.

// Open reads the header of the JSON Lines file at path as Load does and
// builds a lazy Timeline of its events. Problems are the header's only:
// when one is an error, Timeline is nil and the Problems are those Load
// would report about the header. Dataset has the header (Events is nil).
// The file stays open for the Timeline to read, until the Timeline is
// garbage; a file that is not regular (a pipe) is loaded instead (Load).
//
// progress, when not nil, is called from the calling goroutine with the
// bytes skimmed so far and the file's size, after each block of lines and
// once at the end, before the Timeline is built.
//
// Memory: about 45 bytes per event (its line's place, its columns), plus
// the Timeline's indexes, whatever the size of the events.
func Open(path string, progress func(done, total int64)) *schema.Loaded {
	f, err := os.Open(path)
	if err != nil {
		return readFailure(path, err)
	}
	info, err := f.Stat()
	switch {
	case err != nil:
		f.Close()
		return readFailure(path, err)
	case info.IsDir():
		f.Close()
		return readFailure(path, schema.ErrIsDir)
	case !info.Mode().IsRegular():
		f.Close()
		return Load(path, progress)
	}
	files := schema.DiskFiles{Dir: filepath.Dir(path), Seen: new([]string)}
	l, keep := openJSONL(path, f, info, files, progress)
	if !keep {
		f.Close()
	}
	l.TextFiles = *files.Seen
	return l
}

// openJSONL is Open of f; keep says whether the Timeline reads f.
func openJSONL(name string, f *os.File, info os.FileInfo, files schema.TextFiles, progress func(done, total int64)) (l *schema.Loaded, keep bool) {
	l = &schema.Loaded{File: name}
	defer func() {
		if p := recover(); p != nil {
			l.Dataset, l.Timeline, keep = nil, nil, false
			l.Problems = append(l.Problems, schema.Problem{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError,
				Message: fmt.Sprintf("internal error while opening: %v", p)})
		}
	}()
	size := info.Size()
	st := &loader{name: name, files: files, l: l, progress: progress, broken: map[int]bool{}}
	br := bufio.NewReaderSize(f, 64<<10)
	head, headEnd, err := readHeader(br)
	if err != nil {
		return readFailure(name, err), false
	}
	if headEnd == 0 {
		l.Problems = []schema.Problem{{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError, Message: "empty file: no dataset"}}
		return l, false
	}
	st.done = headEnd
	if !st.decodeHeader(head) || hasError(l.Problems) {
		st.finishProblems()
		return l, false
	}
	lines, cols := st.columns(br, headEnd, size)
	if progress != nil {
		progress(st.done, size)
	}
	if st.failed {
		st.finishProblems()
		return l, false
	}
	src := &fileSource{name: name, f: f, size: size, modTime: info.ModTime(), lines: lines, checker: timeline.NewChecker(st.ds)}
	tl, diags := timeline.NewLazy(st.ds, cols, src)
	l.Problems = append(l.Problems, headerProblems(st, diags)...)
	if tl != nil && !hasError(l.Problems) {
		l.Timeline, keep = tl, true
	}
	st.finishProblems()
	return l, keep
}

// headerProblems places diagnostics of the header as the placer does,
// dropping those that repeat a decoding problem.
func headerProblems(st *loader, diags []timeline.Diagnostic) []schema.Problem {
	seen := schema.NewReported(st.l.Problems)
	lc := schema.Locator{Root: st.header}
	var out []schema.Problem
	for _, dg := range diags {
		if seen.Repeats(dg) {
			continue
		}
		line, col := lc.Locate(dg.Path)
		out = append(out, schema.Problem{Line: line, Col: col, Severity: dg.Severity, Message: dg.Message, Path: dg.Path})
	}
	return out
}

// lineIndex is where each event line is: its offset in the file, its
// length without the line break (-1 for a line over MaxLine, which is not
// read), and its line number. What follows from the line before is not
// kept: a line number where no blank line was skipped (a million events
// spare 4 MB), a length where the next event line starts right after the
// line break (another 4 MB), the high 32 bits of an offset but where they
// change, once every 4 GB of file (another 4 MB).
type lineIndex struct {
	low   []uint32
	highs []highJump // ascending
	lens  []lineLen  // ascending; the last line's is last
	jumps []lineJump // ascending
}

// highJump says that from event on, offsets are high<<32 plus their low
// bits (they are 0 before the first).
type highJump struct {
	event int
	high  uint32
}

// lineLen is the length of an event line whose next event line does not
// start right after its line break, and of the last.
type lineLen struct {
	event int
	n     int32
}

// lineJump says that event is on line, and the events after it on the
// lines after, up to the next jump.
type lineJump struct{ event, line int }

// len is the number of event lines.
func (x *lineIndex) len() int { return len(x.low) }

// add appends a line at offset off, of n bytes; offsets must ascend.
func (x *lineIndex) add(off int64, n int32) {
	i := len(x.low)
	if k := len(x.lens) - 1; k >= 0 && x.lens[k].event == i-1 && int64(x.lens[k].n)+1 == off-x.off(i-1) {
		x.lens = x.lens[:k] // the last line's length follows after all
	}
	h := uint32(off >> 32)
	if k := len(x.highs); k == 0 && h != 0 || k > 0 && x.highs[k-1].high != h {
		x.highs = append(x.highs, highJump{i, h})
	}
	x.low = append(x.low, uint32(off))
	x.lens = append(x.lens, lineLen{i, n})
}

// off is the offset of event i's line.
func (x *lineIndex) off(i int) int64 {
	var h uint32
	if len(x.highs) > 0 {
		if k := sort.Search(len(x.highs), func(k int) bool { return x.highs[k].event > i }) - 1; k >= 0 {
			h = x.highs[k].high
		}
	}
	return int64(h)<<32 | int64(x.low[i])
}

// n is the length of event i's line.
func (x *lineIndex) n(i int) int32 {
	k := sort.Search(len(x.lens), func(k int) bool { return x.lens[k].event >= i })
	if k < len(x.lens) && x.lens[k].event == i {
		return x.lens[k].n
	}
	return int32(x.off(i+1) - x.off(i) - 1)
}

// reset empties x, keeping its room.
func (x *lineIndex) reset() {
	x.low, x.highs, x.lens, x.jumps = x.low[:0], x.highs[:0], x.lens[:0], x.jumps[:0]
}

// jump records that event is on line, unless that follows already.
func (x *lineIndex) jump(event, line int) {
	if k := len(x.jumps) - 1; k < 0 || x.jumps[k].line+event-x.jumps[k].event != line {
		x.jumps = append(x.jumps, lineJump{event, line})
	}
}

// line is the line number of event i.
func (x *lineIndex) line(i int) int {
	k := sort.Search(len(x.jumps), func(k int) bool { return x.jumps[k].event > i }) - 1
	if k < 0 {
		return 0
	}
	return x.jumps[k].line + i - x.jumps[k].event
}

// colJob is what a worker skimmed of a block: per event line, where it is
// and its columns, its actors' indexes one after the other.
type colJob struct {
	lines  lineIndex
	bounds []timeline.Bounds
	status []timeline.Status
	nRefs  []int32
	refs   []int32
}

// columns runs the pipeline over the event lines, from offset start
// (line 2), skimming each, and returns where the lines are and their
// columns. A read error or a panic is recorded as Load records it, and
// sets st.failed.
func (st *loader) columns(br *bufio.Reader, start, size int64) (lineIndex, timeline.Columns) {
	st.total = max(0, size-start)
	workers := max(1, runtime.GOMAXPROCS(0))
	nJobs := 2*workers + 2
	free := make(chan *job, nJobs)
	for range nJobs {
		free <- &job{done: make(chan struct{}, 1), cols: &colJob{}}
	}
	work := make(chan *job, nJobs)
	order := make(chan *job, nJobs)
	quit := make(chan struct{})
	defer close(quit)

	actors := make(map[string]int32, len(st.ds.Actors))
	for i := range st.ds.Actors {
		if _, dup := actors[st.ds.Actors[i].ID]; !dup {
			actors[st.ds.Actors[i].ID] = int32(i)
		}
	}
	r := &blockReader{br: br, offset: start, line: 2, over: true}
	go r.run(free, work, order, quit)
	for range workers {
		go skimBlocks(work, actors)
	}
	var lines lineIndex
	cols := timeline.Columns{ActorAt: []int32{0}}
	for j := range order {
		<-j.done
		if j.readErr != nil || j.failed != nil {
			st.collect(j) // records the failure
			free <- j
			continue
		}
		st.done = j.offset + int64(len(j.data))
		c := j.cols
		if len(cols.Bounds) == 0 && st.total > 0 && len(j.data) >= min(blockSize/2, int(st.total)) {
			// Size the columns from the lines per byte of the first block,
			// as the loader sizes its list, sparing their growth; not from
			// a short block (a long line comes next), which tells nothing.
			perByte := float64(len(c.bounds)) / float64(len(j.data))
			n := min(int(perByte*float64(st.total)*1.04)+64, int(st.total/minLineBytes)+64)
			lines.low = make([]uint32, 0, n)
			cols.Bounds = make([]timeline.Bounds, 0, n)
			cols.Status = make([]timeline.Status, 0, n)
			cols.ActorAt = append(make([]int32, 0, n+1), 0)
			if len(c.bounds) > 0 {
				cols.Actors = make([]int32, 0, int(float64(len(c.refs))/float64(len(c.bounds))*float64(n)))
			}
		}
		for _, jp := range c.lines.jumps {
			lines.jump(st.n+jp.event, jp.line)
		}
		for k := range c.lines.len() {
			lines.add(c.lines.off(k), c.lines.n(k))
		}
		cols.Bounds = append(cols.Bounds, c.bounds...)
		cols.Status = append(cols.Status, c.status...)
		cols.Actors = append(cols.Actors, c.refs...)
		at := cols.ActorAt[len(cols.ActorAt)-1]
		for _, n := range c.nRefs {
			at += n
			cols.ActorAt = append(cols.ActorAt, at)
		}
		st.n += len(c.bounds)
		free <- j
		if st.progress != nil {
			st.progress(st.done, size)
		}
	}
	return lines, cols
}

// skimBlocks is a worker: it skims the lines of each job it gets.
func skimBlocks(work <-chan *job, actors map[string]int32) {
	var s skimmer
	for j := range work {
		skimBlock(&s, j, actors)
		j.done <- struct{}{}
	}
}

// skimBlock skims one job's lines; a panic becomes the job's failure.
func skimBlock(s *skimmer, j *job, actors map[string]int32) {
	c := j.cols
	c.lines.reset()
	c.bounds, c.status, c.nRefs, c.refs = c.bounds[:0], c.status[:0], c.nRefs[:0], c.refs[:0]
	j.failed = nil
	line := j.firstLine
	defer func() {
		if p := recover(); p != nil {
			j.failed = fmt.Errorf("internal error while reading line %d: %v", line, p)
		}
	}()
	at := 0
	for rest := j.data; len(rest) > 0; line++ {
		b := rest
		if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
			b, rest = rest[:nl], rest[nl+1:]
		} else {
			rest = nil
		}
		start := at
		at += len(b) + 1
		if IsBlankLine(b) {
			continue
		}
		before := len(c.refs)
		var bounds timeline.Bounds
		var status timeline.Status
		bounds, status, c.refs = s.columns(b, actors, c.refs)
		c.add(j.offset+int64(start), int32(len(b)), line, bounds, status, int32(len(c.refs)-before))
	}
	if j.tooLong > 0 {
		c.add(j.offset+int64(len(j.data)), -1, line, timeline.Bounds{Lo: timeline.NoEarliest, Hi: timeline.NoLatest}, timeline.StatusOccurred, 0)
	}
}

func (c *colJob) add(off int64, n int32, line int, b timeline.Bounds, s timeline.Status, refs int32) {
	c.lines.jump(c.lines.len(), line)
	c.lines.add(off, n)
	c.bounds = append(c.bounds, b)
	c.status = append(c.status, s)
	c.nRefs = append(c.nRefs, refs)
}
