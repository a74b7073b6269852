package jsonl

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"dateline/data/atomicfile"
	"dateline/data/internal/schema"
	"dateline/timeline"
)

// The pipeline that decodes the event lines of a JSON Lines file. One
// goroutine (readBlocks) reads the file into a few recycled buffers of
// about a megabyte, each cut after its last line break; workers
// (decodeBlocks) decode the lines of a block; the loading goroutine
// collects the blocks in file order.
//
// Events are decoded straight into the Dataset's list when the file's size
// is known: after the first block, the reader sizes the list from the
// lines per byte so far, and gives each block the slots of its lines.
// Blank lines and broken estimates only cost a move of some events; the
// list is never copied whole.

// blockSize is the size of a read buffer; a longer line grows its buffer.
const blockSize = 1 << 20

// MaxLine is the longest line a JSON Lines file may have: a longer one is
// refused, at its line, without being held in memory, so that a file with
// lines of any length is read in bounded memory (see Load).
const MaxLine = 16 << 20

// minLineBytes is the shortest event line the list's size is estimated
// for ({"id":"…","title":"…"} is longer): the estimate never reserves more
// than one event per this many bytes of file.
const minLineBytes = 48

// job is one block of whole lines and what decoding it produced. Jobs
// and their buffers are recycled.
type job struct {
	buf       []byte // the block's storage
	data      []byte // whole lines, a prefix of buf
	firstLine int    // line number of data's first line
	lines     int    // lines in data, and the one too long
	offset    int64  // file offset of data
	readErr   error  // set on the last job when reading failed
	// tooLong is the length of the line after data when it is over
	// MaxLine: it was skipped, and is the block's last line.
	tooLong int64

	// list is the Dataset's list the reader sized, and base the slot of
	// the block's first line in it; list is nil when the block's events go
	// to own instead. out is where they went.
	list  []timeline.Event
	base  int
	slots int
	own   []timeline.Event
	out   []timeline.Event

	probs  []schema.Problem
	broken []int // events whose line is not a JSON object of ours at all
	failed error // a panic while decoding
	done   chan struct{}

	scan *scanJob // a Scan's results, instead of events
	cols *colJob  // an Open's results, instead of events
}

// decodeEvents runs the pipeline over the rest of the file, from offset
// start (line 2), putting the events in the Dataset in file order.
func (st *loader) decodeEvents(br *bufio.Reader, start, size int64) {
	st.total = max(0, size-start)
	workers := max(1, runtime.GOMAXPROCS(0))
	nJobs := 2*workers + 2
	free := make(chan *job, nJobs)
	for range nJobs {
		free <- &job{done: make(chan struct{}, 1)}
	}
	work := make(chan *job, nJobs)
	order := make(chan *job, nJobs)
	quit := make(chan struct{})
	defer close(quit) // stops the reader if this goroutine leaves early

	r := &blockReader{br: br, offset: start, line: 2, rest: st.total}
	go r.run(free, work, order, quit)
	seed := st.internSeed()
	limit := blockLimit(st.total / int64(workers))
	for range workers {
		go decodeBlocks(work, seed, limit)
	}
	for j := range order {
		<-j.done
		st.collect(j)
		free <- j
		if st.progress != nil {
			st.progress(st.done, size)
		}
	}
	st.finishList()
}

// internSeed is the start of every worker's intern table: the ids of the
// header's actors and sources, so that references share the header's strings.
func (st *loader) internSeed() map[string]string {
	m := make(map[string]string, len(st.ds.Actors)+len(st.ds.Sources))
	for i := range st.ds.Actors {
		m[st.ds.Actors[i].ID] = st.ds.Actors[i].ID
	}
	for i := range st.ds.Sources {
		m[st.ds.Sources[i].ID] = st.ds.Sources[i].ID
	}
	return m
}

// blockReader is the reading goroutine's state.
type blockReader struct {
	br     *bufio.Reader
	offset int64 // of the next block
	line   int   // of the next block's first line
	rest   int64 // bytes expected from offset on; 0 when the size is unknown
	carry  []byte
	list   []timeline.Event // the Dataset's list, once sized
	next   int              // its first free slot
	over   bool             // the list is full: later blocks use their own
}

// run reads blocks into the free jobs and hands them out, to work for
// decoding and to order for collecting in sequence. It closes both when
// the file ends, on a read error (sent in a last job, which no worker sees)
// or when quit closes.
func (r *blockReader) run(free <-chan *job, work, order chan<- *job, quit <-chan struct{}) {
	defer close(order)
	defer close(work)
	for {
		var j *job
		select {
		case j = <-free:
		case <-quit:
			return
		}
		eof, err := r.fill(j)
		if err != nil {
			j.data, j.firstLine, j.readErr = nil, r.line, err
			j.done <- struct{}{} // nothing to decode
			select {
			case order <- j:
			case <-quit:
			}
			return
		}
		j.firstLine, j.offset = r.line, r.offset
		lines := bytes.Count(j.data, []byte{'\n'})
		r.line += lines
		if n := len(j.data); n > 0 && j.data[n-1] != '\n' {
			lines++
		}
		if j.tooLong > 0 {
			lines++
			r.line++
			r.offset += j.tooLong + 1
		}
		j.lines = lines
		r.place(j, lines)
		r.offset += int64(len(j.data))
		select {
		case work <- j:
		case <-quit:
			return
		}
		select {
		case order <- j:
		case <-quit:
			return
		}
		if eof {
			return
		}
	}
}

// place gives the job the slots of its lines in the Dataset's list, sizing
// the list from the first block.
func (r *blockReader) place(j *job, lines int) {
	j.list = nil
	if r.list == nil && !r.over && r.rest > 0 && len(j.data) > 0 && len(j.data) < blockSize/2 && int64(len(j.data)) < r.rest {
		// Too few lines to tell the rest's (a long line comes next): a
		// guess could reserve a list for millions of events. Append instead.
		r.over = true
	}
	if r.list == nil && !r.over && r.rest > 0 && len(j.data) > 0 {
		perByte := float64(lines) / float64(len(j.data))
		est := int(perByte*float64(r.rest)*1.04) + lines + 64
		r.list = make([]timeline.Event, min(est, int(r.rest/minLineBytes)+lines+64))
	}
	if r.over || r.next+lines > len(r.list) {
		r.over = true
		return
	}
	j.list, j.base, j.slots = r.list, r.next, lines
	r.next += lines
}

// fill reads whole lines into j: the cut line the previous block ended
// with, then as much as fits, cut after its last line break; the rest is
// kept for the next block. A line longer than the buffer grows it. At the
// end of the file the last line is kept whole, with or without its line
// break. A panic becomes an error.
func (r *blockReader) fill(j *job) (eof bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error while reading: %v", p)
		}
	}()
	j.tooLong = 0
	if need := max(blockSize, 2*len(r.carry)); cap(j.buf) < need || cap(j.buf) > 4*need {
		// A buffer grown for a long line is not kept for the blocks after.
		j.buf = make([]byte, need)
	}
	buf := j.buf[:cap(j.buf)]
	n := copy(buf, r.carry)
	for {
		m, err := io.ReadFull(r.br, buf[n:])
		n += m
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			if n > MaxLine && bytes.IndexByte(buf[:n], '\n') < 0 {
				j.data, j.tooLong = buf[:0], int64(n)
				r.carry = r.carry[:0]
				return true, nil
			}
			j.data = buf[:n]
			return true, nil
		case err != nil:
			return false, err
		}
		if cut := bytes.LastIndexByte(buf[:n], '\n') + 1; cut > 0 {
			r.carry = append(r.carry[:0], buf[cut:n]...)
			j.data = buf[:cut]
			return false, nil
		}
		if n > MaxLine {
			// One line, too long: skip the rest of it.
			skipped, eof, err := skipLine(r.br)
			if err != nil {
				return false, err
			}
			j.data, j.tooLong = buf[:0], int64(n)+skipped
			r.carry = r.carry[:0]
			return eof, nil
		}
		bigger := make([]byte, min(2*len(buf), MaxLine+1)) // a line over MaxLine stops here
		copy(bigger, buf[:n])
		buf, j.buf = bigger, bigger
	}
}

// skipLine reads up to the end of the line, its line break included, and
// returns how many bytes that was, line break excluded.
func skipLine(br *bufio.Reader) (n int64, eof bool, err error) {
	for {
		b, err := br.ReadSlice('\n')
		n += int64(len(b))
		switch {
		case err == nil:
			return n - 1, false, nil
		case err == io.EOF:
			return n, true, nil
		case err != bufio.ErrBufferFull:
			return n, false, err
		}
	}
}

// decodeBlocks is a worker: it decodes the lines of each job it gets.
func decodeBlocks(work <-chan *job, seed map[string]string, limit int) {
	d := &eventDecoder{intern: newInterner(seed)}
	d.arena.limit, d.refs.limit, d.cites.limit, d.strs.limit = limit, limit, limit, limit
	for j := range work {
		decodeBlock(d, j)
		j.done <- struct{}{}
	}
}

// decodeBlock decodes one job's lines into its events and problems; a panic
// becomes the job's failure instead of ending the program.
func decodeBlock(d *eventDecoder, j *job) {
	if j.list != nil {
		// Appending stays in the job's slots: a block has no more events
		// than lines.
		j.out = j.list[j.base : j.base : j.base+j.slots]
	} else {
		j.out = j.own[:0]
	}
	j.probs, j.broken, j.failed = j.probs[:0], j.broken[:0], nil
	line := j.firstLine
	defer func() {
		if p := recover(); p != nil {
			j.failed = fmt.Errorf("internal error while decoding line %d: %v", line, p)
		}
	}()
	for rest := j.data; len(rest) > 0; line++ {
		b := rest
		if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
			b, rest = rest[:nl], rest[nl+1:]
		} else {
			rest = nil
		}
		if IsBlankLine(b) {
			continue
		}
		k := len(j.out)
		j.out = append(j.out, timeline.Event{})
		if !d.event(b, &j.out[k]) {
			slowEvent(b, line, k, j)
		}
	}
	if j.tooLong > 0 {
		k := len(j.out)
		j.out = append(j.out, timeline.Event{})
		j.refuseLine(line, k)
	}
	if j.list == nil {
		j.own = j.out
	}
}

// refuseLine reports the job's line that was too long to read (line, the
// k-th event of the job): a line that is no event, as one that does not parse.
func (j *job) refuseLine(line, k int) {
	j.probs = append(j.probs, schema.Problem{Line: line, Col: 1, Severity: timeline.SeverityError, Message: fmt.Sprintf(
		"a JSON Lines record may have at most %d bytes (16 MB); this line has %d and was skipped", MaxLine, j.tooLong)})
	j.broken = append(j.broken, k)
}

// IsBlankLine reports whether b, a line, holds only spaces, tabs and a
// carriage return.
func IsBlankLine(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// slowEvent decodes a line the fast path refused with the tree decoder,
// which reports every problem; k is the event's index in the job.
func slowEvent(b []byte, line, k int, j *job) { slowEventInto(b, line, k, j, &j.out[k]) }

// slowEventInto is slowEvent decoding into e.
func slowEventInto(b []byte, line, k int, j *job, e *timeline.Event) {
	*e = timeline.Event{}
	if est, limit := schema.EstimateValues(b), schema.MaxValues(len(b)); est > limit {
		j.probs = append(j.probs, schema.Problem{Line: line, Col: 1, Severity: timeline.SeverityError, Message: fmt.Sprintf(
			"too many values on one line for its size (about %d in %d bytes; at most %d)", est, len(b), limit)})
		j.broken = append(j.broken, k)
		return
	}
	root, serr := parseJSONAt(b, line)
	if serr != nil {
		// The scanner saw one line: its end is the line's, not the file's.
		msg := strings.ReplaceAll(serr.Msg, "end of file", "end of the line (each record is one line)")
		j.probs = append(j.probs, schema.Problem{Line: serr.Line, Col: serr.Col, Severity: timeline.SeverityError, Message: msg})
		j.broken = append(j.broken, k)
		return
	}
	d := &schema.Decoder{}
	*e = d.Event(root, schema.RecPath{List: "events", Index: k})
	j.probs = append(j.probs, d.Probs...)
}

// parseJSONAt is schema.ParseJSON for one line of a file, line being its number,
// so that positions (including those inside messages) are the file's.
func parseJSONAt(b []byte, line int) (*schema.Node, *schema.SyntaxError) {
	return schema.ParseJSONFrom(b, line, "JSON syntax error: empty line, want a value")
}

// collect adds a decoded job to the load: its events join the list (they
// are in place already unless blank lines or a full list moved them), its
// problems are renumbered from the job's events to the file's.
func (st *loader) collect(j *job) {
	if j.readErr != nil {
		st.failed = true
		st.l.Problems = append(st.l.Problems, schema.Problem{Line: j.firstLine, Severity: timeline.SeverityError,
			Message: fmt.Sprintf("cannot read %s: %v", st.name, atomicfile.WithoutPath(j.readErr))})
		return
	}
	st.done = j.offset + int64(len(j.data))
	if j.failed != nil {
		st.failed = true
		st.l.Problems = append(st.l.Problems, schema.Problem{Line: j.firstLine, Col: 1, Severity: timeline.SeverityError, Message: j.failed.Error()})
		return
	}
	base := st.n
	m := len(j.out)
	switch {
	case j.list != nil:
		st.list = j.list
		if j.base != st.n {
			copy(j.list[st.n:], j.out) // close the gap blank lines left
		}
		st.n += m
		st.written = max(st.written, j.base+m)
	default:
		if st.overflow == nil {
			st.overflow = append(make([]timeline.Event, 0, 2*st.n+m), st.list[:st.n]...)
			clear(st.list[:st.written]) // drop the list's references to strings
			st.list = nil
		}
		st.overflow = append(st.overflow, j.out...)
		clear(j.out) // the job's copy must not keep strings alive
		st.n += m
	}
	st.blocks = append(st.blocks, block{event: base, line: j.firstLine, offset: j.offset, size: len(j.data)})
	for _, k := range j.broken {
		st.broken[base+k] = true
	}
	for _, p := range j.probs {
		p.Path = rebase(p.Path, base)
		st.l.Problems = append(st.l.Problems, p)
	}
}

// finishList makes the collected events the Dataset's list.
func (st *loader) finishList() {
	switch {
	case st.overflow != nil:
		st.ds.Events = st.overflow
	case st.list != nil:
		clear(st.list[st.n:st.written]) // events moved down, still referenced
		st.ds.Events = st.list[:st.n:st.n]
		if st.n < len(st.list)*3/4 {
			// The first block misled the estimate: do not keep the slack.
			st.ds.Events = slices.Clone(st.ds.Events)
			clear(st.list[:st.n])
		}
	}
}

// rebase renumbers the event of a path such as "events[3].date" by base.
func rebase(p timeline.Path, base int) timeline.Path {
	rest, ok := strings.CutPrefix(string(p), "events[")
	if !ok || base == 0 {
		return p
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return p
	}
	k, err := strconv.Atoi(rest[:end])
	if err != nil {
		return p
	}
	return timeline.Path("events[" + strconv.Itoa(k+base) + rest[end:])
}
