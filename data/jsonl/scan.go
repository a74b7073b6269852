package jsonl

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// Scan: the checks of Load without keeping the events, for the command
// line's list, actors and validate. The same pipeline reads the file in
// blocks; each worker decodes an event into memory it reuses, checks it
// with the domain's validator (timeline.EventChecker), places its problems
// and tests the caller's filter; the collector checks the ids in file
// order and keeps, per selected event, only where its line is and its
// chronological key, and, within a budget, the record the caller makes of
// it (the text a report prints of it, say, so that Print need not read it
// again). Memory is the header, the ids (to find duplicates), a few
// blocks, the matches' positions and at most the budget of records,
// whatever the file's size.

// Scanned is what Scan found.
type Scanned struct {
	File string
	// Header is the dataset without its events (title, actors, sources and
	// their lookups); nil when the header could not be decoded.
	Header *timeline.Timeline
	// Problems are those Load would report, in the same order.
	Problems []schema.Problem
	// OK is whether Load would have built a Timeline: no problem is an
	// error.
	OK bool
	// Events is the number of event lines.
	Events int
	// Matches are the events the filter selected, in file order, and
	// Sorted says whether that is their chronological order too.
	Matches []Match
	Sorted  bool
	// ActorEvents counts, for each actor of Header.Actors(), the events
	// that list it (as Timeline.ActorEventCount).
	ActorEvents []int

	size    int64
	modTime time.Time
	checker *timeline.Checker
	records [][]byte // the records kept, in file order (see Match.rec)
}

// Match is an event a Scan selected: its dataset index, its order key
// (timeline.OrderKey) and its line.
type Match struct {
	Index         int
	First, Second timeline.Day
	Offset        int64 // of the line in the file
	Len           int32 // of the line, without its line break (at most MaxLine)
	rec           int32 // 1 + the index of its record in Scanned.records; 0 for none
	Line          int
}

// Selection is what a scan keeps of the events. Match selects them (nil:
// none). Record, when not nil, appends to b what the caller will need of
// a selected event; the scan keeps it with its Match, for Print, when the
// records of all the matches take at most Budget bytes, and none of them
// otherwise (it drops them once they go over: a list of most of a file's
// events then takes no more memory than without). Both are called from
// several goroutines at once, with valid events only (events with
// problems are not selected), and must not keep them.
type Selection struct {
	Match  func(*timeline.Event) bool
	Record func(b []byte, e *timeline.Event) []byte
	Budget int
}

// Compare orders matches as a Timeline orders their events: as
// timeline.CompareOrder, but comparing the second key and the index only
// when it must, which makes sorting a list of them a third faster.
func (m Match) Compare(o Match) int {
	switch {
	case m.First != o.First:
		if m.First < o.First {
			return -1
		}
		return 1
	case m.Second != o.Second:
		if m.Second < o.Second {
			return -1
		}
		return 1
	case m.Index != o.Index:
		if m.Index < o.Index {
			return -1
		}
		return 1
	}
	return 0
}

// Scan reads the JSON Lines file at path as Load does, finding the same
// problems, but keeps no event. prepare is called once the header is
// decoded, with the header's Timeline, and returns the test that selects
// the events to keep in Matches (nil: none); the test is called from
// several goroutines at once, with valid events only (events with
// problems are not selected), and must not keep them.
func Scan(path string, prepare func(header *timeline.Timeline) func(*timeline.Event) bool) *Scanned {
	if prepare == nil {
		return scanPath(path, nil, nil)
	}
	return scanPath(path, func(h *timeline.Timeline) Selection { return Selection{Match: prepare(h)} }, nil)
}

// ScanSelect is Scan with records: prepare returns the Selection.
func ScanSelect(path string, prepare func(header *timeline.Timeline) Selection) *Scanned {
	return scanPath(path, prepare, nil)
}

// scanPath is Scan, calling progress, when not nil, after each block.
func scanPath(path string, prepare func(header *timeline.Timeline) Selection, progress func(done, total int64, problems int)) *Scanned {
	out := &Scanned{File: path}
	f, err := os.Open(path)
	if err != nil {
		out.Problems = readFailure(path, err).Problems
		return out
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		out.Problems = readFailure(path, err).Problems
		return out
	case info.IsDir():
		out.Problems = readFailure(path, schema.ErrIsDir).Problems
		return out
	}
	var size int64
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	out.size, out.modTime = size, info.ModTime()
	files := schema.DiskFiles{Dir: filepath.Dir(path), Seen: new([]string)}
	scanJSONL(out, f, size, files, prepare, progress)
	return out
}

// scanJSONL is Scan of the bytes of r (size bytes, 0 when unknown);
// progress, when not nil, is called after each block (see Check).
func scanJSONL(out *Scanned, r io.Reader, size int64, files schema.TextFiles, prepare func(*timeline.Timeline) Selection, progress func(done, total int64, problems int)) {
	name := out.File
	l := &schema.Loaded{File: name}
	defer func() {
		if p := recover(); p != nil {
			out.OK, out.Matches, out.records = false, nil, nil
			out.Problems = append(l.Problems, schema.Problem{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError,
				Message: fmt.Sprintf("internal error while loading: %v", p)})
		}
	}()
	st := &loader{name: name, files: files, l: l, broken: map[int]bool{}}
	br := bufio.NewReaderSize(r, 64<<10)
	head, headEnd, err := readHeader(br)
	if err != nil {
		out.Problems = readFailure(name, err).Problems
		return
	}
	if headEnd == 0 {
		out.Problems = []schema.Problem{{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError, Message: "empty file: no dataset"}}
		return
	}
	if !st.decodeHeader(head) {
		st.finishProblems()
		out.Problems = l.Problems
		return
	}
	checker := timeline.NewChecker(st.ds)
	out.Header, out.checker = checker.Header(), checker
	var sel Selection
	if prepare != nil {
		sel = prepare(out.Header)
	}
	if sel.Match == nil || sel.Budget <= 0 {
		sel.Record = nil
	}
	sc := &scanner{st: st, out: out, checker: checker, sel: sel, sorted: true, progress: progress}
	sc.recording.Store(sel.Record != nil)
	sc.run(br, headEnd, size)
	if st.failed {
		// As Load: after a read error or a panic the domain's checks are
		// not reported.
		out.Matches, out.records = nil, nil
	} else {
		for k, d := range sc.checker.Duplicates() {
			if at := sc.dupAt[k]; at >= 0 {
				sc.probs[at].Message = d.Text(nil)
			}
		}
		l.Problems = append(l.Problems, sc.headerProblems()...)
		l.Problems = append(l.Problems, sc.probs...)
	}
	st.finishProblems()
	out.Problems, out.Events, out.Sorted = l.Problems, st.n, sc.sorted
	out.OK = !st.failed && !hasError(l.Problems)
	out.ActorEvents = make([]int, len(out.Header.Actors()))
	for _, w := range sc.workers {
		for a, n := range w.counts {
			out.ActorEvents[a] += n
		}
	}
}

// scanner is the collecting side of a scan.
type scanner struct {
	st      *loader
	out     *Scanned
	checker *timeline.Checker
	sel     Selection
	workers []*scanWorker
	probs   []schema.Problem // the domain's, placed, in dataset order
	// dupAt is, for each repeated id in the order of its first repeat,
	// the index in probs of its problem (-1 when dropped), whose message
	// the Checker completes at the end.
	dupAt    []int
	sorted   bool
	progress func(done, total int64, problems int)
	// recording is whether the workers make records: until they are
	// dropped (see keep). kept is their size, arena where they are copied.
	recording atomic.Bool
	kept      int
	arena     []byte
	start     int64 // the offset of the first event line
}

// headerProblems places the header's diagnostics as the placer does.
func (sc *scanner) headerProblems() []schema.Problem {
	return headerProblems(sc.st, sc.checker.Diagnostics())
}

// scanJob is what a worker found in a block, beside the job's problems
// (decoding's, paths numbered from the block's first event) and broken.
type scanJob struct {
	_      cacheLine   // a worker writes it at every event (see scanWorker)
	events []scanEvent // every event of the block, in order
	idBuf  []byte      // their ids, one after the other
	notes  []scanNote  // the domain's diagnostics, by event
	hits   []scanHit
	recs   []byte // the hits' records, one after the other
	_      cacheLine
}

// scanEvent is an event line of a block, in 16 bytes: a block holds less
// than 2 GB (twice MaxLine at most), so 32 bits number its lines and bytes.
type scanEvent struct {
	line       int32 // counted from the block's first
	start, end int32 // of the line in the job's data
	idEnd      int32 // of its id in idBuf
}

// lineOf is the file's line number of the block's event ev.
func (j *job) lineOf(ev scanEvent) int { return j.firstLine + int(ev.line) }

// scanNote is a diagnostic of event ev of the block, placed (p) unless it
// repeats a decoding problem (dropped); unknown when it is an unknown id
// that may get a suggestion.
type scanNote struct {
	ev      int
	p       schema.Problem
	dropped bool
	unknown bool
	u       timeline.Unknown
}

type scanHit struct {
	ev            int
	first, second timeline.Day
	recEnd        int // of its record in recs; -1 for none
}

// scanWorker is one decoding goroutine's state. What it writes at every
// event (the event, the decoder's position, the checker's lists) is in
// it, between two cache lines of padding, so that no other goroutine's
// memory shares a cache line with it: two workers' decoders or checkers
// allocated next to each other share one, depending on where the
// allocations before put them, and writing it from both sides made a
// scan up to 15% slower on two cores from one build (or run) to the next.
type scanWorker struct {
	_      cacheLine
	d      eventDecoder
	ec     timeline.EventChecker
	e      timeline.Event
	counts []int // events per actor index
	noText map[string]bool
	match  func(*timeline.Event) bool
	record func(b []byte, e *timeline.Event) []byte
	// recording is the scanner's: whether to make records.
	recording *atomic.Bool
	_         cacheLine
}

// cacheLine pads what one goroutine writes often away from what others
// write: a cache line of x86-64 and arm64.
type cacheLine [64]byte

// run is decodeEvents for a scan.
func (sc *scanner) run(br *bufio.Reader, start, size int64) {
	st := sc.st
	st.total = max(0, size-start)
	st.done, sc.start = start, start
	workers := max(1, runtime.GOMAXPROCS(0))
	// A block per worker, one being read and one being collected: a scan
	// keeps nothing of a block once collected, and more blocks (a megabyte
	// each) were not faster.
	nJobs := workers + 2
	free := make(chan *job, nJobs)
	for range nJobs {
		free <- &job{done: make(chan struct{}, 1), scan: &scanJob{}}
	}
	work := make(chan *job, nJobs)
	order := make(chan *job, nJobs)
	quit := make(chan struct{})
	defer close(quit)

	r := &blockReader{br: br, offset: start, line: 2, over: true}
	go r.run(free, work, order, quit)
	for range workers {
		w := &scanWorker{
			d:      eventDecoder{transient: true},
			ec:     *sc.checker.Events(), // a new one, into the padded worker
			counts: make([]int, len(sc.out.Header.Actors())),
			noText: st.headDec.NoText,
			match:  sc.sel.Match,
			record: sc.sel.Record,

			recording: &sc.recording,
		}
		sc.workers = append(sc.workers, w)
		go w.run(work)
	}
	for j := range order {
		<-j.done
		sc.collect(j)
		free <- j
		if sc.progress != nil {
			sc.progress(st.done, size, len(st.l.Problems)+len(sc.probs))
		}
	}
}

func (w *scanWorker) run(work <-chan *job) {
	for j := range work {
		w.block(j)
		j.done <- struct{}{}
	}
}

// block decodes, checks and filters the events of one job.
func (w *scanWorker) block(j *job) {
	s := j.scan
	// One allocation for the events, as many as lines but blank ones or
	// ones shorter than the loader estimates for (which append).
	room := min(j.lines, len(j.data)/minLineBytes+1)
	s.events, s.idBuf, s.notes, s.hits = slices.Grow(s.events[:0], room), s.idBuf[:0], s.notes[:0], s.hits[:0]
	s.recs = s.recs[:0]
	if cap(s.recs) > 4*blockSize {
		s.recs = nil // not kept for the blocks after
	}
	record := w.record != nil && w.recording.Load()
	j.probs, j.broken, j.failed = j.probs[:0], j.broken[:0], nil
	line := j.firstLine
	defer func() {
		if p := recover(); p != nil {
			j.failed = fmt.Errorf("internal error while decoding line %d: %v", line, p)
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
		k := len(s.events)
		e := &w.e
		nProbs, nBroken := len(j.probs), len(j.broken)
		w.d.reset() // nothing of the event before is kept
		if !w.d.event(b, e) {
			slowEventInto(b, line, k, j, e)
		}
		s.idBuf = append(s.idBuf, e.ID...)
		s.events = append(s.events, scanEvent{line: int32(line - j.firstLine), start: int32(start), end: int32(start + len(b)), idEnd: int32(len(s.idBuf))})
		if len(j.broken) > nBroken {
			continue // the placer drops every diagnostic of a line that is no event
		}
		diags, unknown, refs := w.ec.Check(k, e)
		w.count(refs)
		if len(diags) > 0 {
			w.place(j, k, line, b, e, diags, unknown, j.probs[nProbs:])
		}
		if w.match != nil && w.match(e) {
			first, second := timeline.OrderKey(e.Date)
			recEnd := -1
			if record {
				s.recs = w.record(s.recs, e)
				recEnd = len(s.recs)
			}
			s.hits = append(s.hits, scanHit{k, first, second, recEnd})
		}
	}
	if j.tooLong > 0 {
		s.events = append(s.events, scanEvent{line: int32(line - j.firstLine), start: int32(len(j.data)), end: int32(len(j.data)), idEnd: int32(len(s.idBuf))})
		j.refuseLine(line, len(s.events)-1)
	}
}

// count adds an event's actors (their indexes, -1 for unknown ones) to
// the counts; an actor listed twice counts once, as in the postings.
func (w *scanWorker) count(refs []int32) {
	if len(refs) > 16 {
		seen := make(map[int32]bool, len(refs))
		for _, a := range refs {
			if a >= 0 && !seen[a] {
				seen[a] = true
				w.counts[a]++
			}
		}
		return
	}
	for k, a := range refs {
		if a >= 0 && !slices.Contains(refs[:k], a) {
			w.counts[a]++
		}
	}
}

// place turns event k's diagnostics into notes, as the placer would: those
// that repeat one of its decoding problems (probs) or concern a quote in a
// source without text are dropped; the others are placed on its line.
func (w *scanWorker) place(j *job, k, line int, text []byte, e *timeline.Event, diags []timeline.Diagnostic, unknown []timeline.Unknown, probs []schema.Problem) {
	var seen schema.Reported
	if len(probs) > 0 {
		seen = schema.NewReported(probs)
	}
	var loc eventLocator
	u := 0
	for m, dg := range diags {
		n := scanNote{ev: k}
		if u < len(unknown) && unknown[u].Diag == m {
			n.unknown, n.u = true, unknown[u]
			u++
		}
		switch {
		case len(probs) > 0 && seen.Repeats(dg):
			n.dropped = true
		case dg.Severity == timeline.SeverityCitation && len(w.noText) > 0 && w.noText[citedSource(e, dg.Path)]:
			n.dropped = true
		default:
			l, c := loc.locate(text, line, dg.Path)
			n.p = schema.Problem{Line: l, Col: c, Severity: dg.Severity, Message: dg.Message, Path: dg.Path}
		}
		j.scan.notes = append(j.scan.notes, n)
	}
}

// citedSource is the source of the citation p names in e ("events[k].citations[c]…").
func citedSource(e *timeline.Event, p timeline.Path) string {
	var i, c int
	if _, err := fmt.Sscanf(string(p), "events[%d].citations[%d]", &i, &c); err != nil || c < 0 || c >= len(e.Citations) {
		return ""
	}
	return e.Citations[c].Source
}

// eventLocator finds fields on one event line, parsing it once.
type eventLocator struct {
	parsed bool
	root   *schema.Node
}

// locate is placer.locateEvent for the line text (line number line): the
// position of the field path p ("events[k].date") names.
func (lc *eventLocator) locate(text []byte, line int, p timeline.Path) (int, int) {
	_, rest, _ := eventPath(p)
	if !lc.parsed {
		lc.parsed = true
		if root, serr := parseJSONAt(text, line); serr == nil {
			lc.root = root
		}
	}
	if lc.root == nil {
		return max(line, 1), 1
	}
	wrap := &schema.Node{Kind: schema.MappingNode, Pairs: []schema.Pair{{Key: &schema.Node{Text: "e"}, Value: lc.root}}}
	l := schema.Locator{Root: wrap}
	return l.Locate(timeline.Path("e" + rest))
}

// collect takes a scanned job in file order: its decoding problems, the
// ids' checks, the domain's diagnostics with their suggestions, the matches.
func (sc *scanner) collect(j *job) {
	st := sc.st
	if j.readErr != nil || j.failed != nil {
		st.collect(j) // records the failure
		return
	}
	st.done = j.offset + int64(len(j.data))
	base := st.n
	s := j.scan
	if base == 0 && st.total > 0 && len(j.data) > 0 {
		// Size the ids' table and their copy from the events and the id
		// bytes per byte of the first block, as the loader sizes its list.
		scale := float64(st.total) * 1.04 / float64(len(j.data))
		events := min(int(float64(len(s.events))*scale)+64, int(st.total/minLineBytes)+64)
		sc.checker.ExpectEvents(events, min(int(float64(len(s.idBuf))*scale)+64, int(st.total)))
	}
	for _, k := range j.broken {
		st.broken[base+k] = true
	}
	for _, p := range j.probs {
		p.Path = rebase(p.Path, base)
		st.l.Problems = append(st.l.Problems, p)
	}
	notes, hits := s.notes, s.hits
	idStart, recStart := 0, 0
	for k, ev := range s.events {
		i := base + k
		// A view of the job's bytes, not a copy per event: CheckID keeps none.
		id := unsafe.String(unsafe.SliceData(s.idBuf[idStart:]), int(ev.idEnd)-idStart)
		idStart = int(ev.idEnd)
		if dg, dup, bad := sc.checker.CheckID(i, id); bad {
			at := sc.placeID(j, k, ev, dg)
			if dup {
				sc.dupAt = append(sc.dupAt, at)
			}
		}
		for len(notes) > 0 && notes[0].ev == k {
			n := notes[0]
			notes = notes[1:]
			var more string
			if n.unknown {
				more = sc.checker.Suggestion(n.u)
			}
			if !n.dropped {
				n.p.Message += more
				n.p.Path = rebase(n.p.Path, base)
				sc.probs = append(sc.probs, n.p)
			}
		}
		if len(hits) > 0 && hits[0].ev == k {
			h := hits[0]
			hits = hits[1:]
			m := Match{Index: i, First: h.first, Second: h.second, Offset: j.offset + int64(ev.start), Len: ev.end - ev.start, Line: j.lineOf(ev)}
			if h.recEnd >= 0 {
				m.rec = sc.keep(s.recs[recStart:h.recEnd])
				recStart = h.recEnd
			} else if sc.recording.Load() {
				sc.dropRecords() // a match without one: none is kept
			}
			if n := len(sc.out.Matches); n > 0 && sc.out.Matches[n-1].Compare(m) > 0 {
				sc.sorted = false
			}
			sc.out.Matches = append(sc.out.Matches, m)
		}
	}
	st.n += len(s.events)
	if done := st.done - sc.start; sc.recording.Load() && st.total > 0 && done >= st.total/64 &&
		float64(sc.kept)*float64(st.total)/float64(done) > 2*float64(sc.sel.Budget) {
		// At this rate the records will be over twice the budget: dropped
		// now rather than then, they take no memory the list keeps.
		sc.dropRecords()
	}
}

// keep copies a worker's record of a match and returns its Match.rec,
// unless the records kept would go over the budget: then it drops them
// all. Copied, a record takes its size and a slice header; the copies go
// to arenas of a megabyte (or one of its own for a larger record).
func (sc *scanner) keep(rec []byte) int32 {
	if !sc.recording.Load() {
		return 0
	}
	if sc.kept+len(rec) > sc.sel.Budget || len(sc.out.records) == math.MaxInt32-1 {
		sc.dropRecords()
		return 0
	}
	sc.kept += len(rec)
	if sc.arena == nil || cap(sc.arena)-len(sc.arena) < len(rec) {
		sc.arena = make([]byte, 0, max(1<<20, len(rec)))
	}
	at := len(sc.arena)
	sc.arena = append(sc.arena, rec...)
	sc.out.records = append(sc.out.records, sc.arena[at:len(sc.arena):len(sc.arena)])
	return int32(len(sc.out.records))
}

// dropRecords drops the records kept, and the workers make no more.
func (sc *scanner) dropRecords() {
	sc.recording.Store(false)
	for i := range sc.out.Matches {
		sc.out.Matches[i].rec = 0
	}
	sc.out.records, sc.arena, sc.kept = nil, nil, 0
}

// placeID places the diagnostic of event k's id, unless it follows from a
// problem decoding the event (as the placer drops it), and returns its
// index in sc.probs, or -1.
func (sc *scanner) placeID(j *job, k int, ev scanEvent, dg timeline.Diagnostic) int {
	local := timeline.FieldPath("events", k, "id")
	var probs []schema.Problem
	prefix := fmt.Sprintf("events[%d]", k)
	for _, p := range j.probs {
		if p.Path == timeline.Path(prefix) || strings.HasPrefix(string(p.Path), prefix+".") || strings.HasPrefix(string(p.Path), prefix+"[") {
			probs = append(probs, p)
		}
	}
	for _, b := range j.broken {
		if b == k {
			return -1
		}
	}
	local2 := timeline.Diagnostic{Severity: dg.Severity, Path: local, Message: dg.Message}
	if len(probs) > 0 && schema.NewReported(probs).Repeats(local2) {
		return -1
	}
	var loc eventLocator
	line, col := loc.locate(j.data[ev.start:ev.end], j.lineOf(ev), local)
	sc.probs = append(sc.probs, schema.Problem{Line: line, Col: col, Severity: dg.Severity, Message: dg.Message, Path: dg.Path})
	return len(sc.probs) - 1
}

// SortMatches sorts ms as a Timeline orders their events (Match.Compare).
// A long list is sorted in two halves on two goroutines, then merged
// through a copy of the first half (a list of up to parallelSortMax
// matches: beyond, the copy would cost more memory than the list's time
// is worth saving).
func SortMatches(ms []Match) {
	if len(ms) < 1<<14 || len(ms) > parallelSortMax || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(ms, Match.Compare)
		return
	}
	half := len(ms) / 2
	a, b := ms[:half], ms[half:]
	done := make(chan struct{})
	go func() {
		slices.SortFunc(a, Match.Compare)
		close(done)
	}()
	slices.SortFunc(b, Match.Compare)
	<-done
	a = slices.Clone(a)
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		// b's elements move down, never past the ones not yet merged.
		if b[j].Compare(a[i]) < 0 {
			ms[k] = b[j]
			j++
		} else {
			ms[k] = a[i]
			i++
		}
		k++
	}
	copy(ms[k:], a[i:]) // what is left of b is in place
}

// parallelSortMax is the longest list SortMatches sorts on two goroutines.
const parallelSortMax = 1 << 18
