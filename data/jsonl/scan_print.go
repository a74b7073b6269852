package jsonl

// Print: what the reports print of a scan's matched events, made on
// several goroutines and written in order. A report of many events spends
// as long making their text as the scan spent finding them; Each does it
// on one goroutine, Print on as many as the scan had.

import (
	"fmt"
	"os"
	"runtime"
	"sync"

	"dateline/timeline"
)

// Text appends to b what is printed of ms[k], the k-th match given to
// Print: from rec, the record the scan kept of it (see Selection), or,
// when it kept none (rec is nil), from its event e, read again, decoded
// and checked as Each gives it; e is nil when rec is not, and valid only
// during the call. An error stops Print, which returns it.
type Text func(b []byte, k int, rec []byte, e *timeline.Event) ([]byte, error)

// printChunk and printChunkBytes bound the matches one goroutine makes
// the text of at once: so many, or lines of so many bytes. They are
// variables for the tests, which cut a list into many chunks.
var (
	printChunk      = 512
	printChunkBytes = 256 << 10
)

// printJob is a run of consecutive matches and the text made of them.
type printJob struct {
	_     cacheLine // a printer writes it (see scanWorker)
	first int       // index in ms of the run's first match
	ms    []Match
	out   []byte
	err   error
	done  chan struct{}
	_     cacheLine
}

// Print writes what text makes of each match of ms, a slice of this
// scan's Matches, in the order of ms: the text of consecutive matches is
// made on several goroutines, each with its own text from newText (called
// once per goroutine, before any text is made), and handed to write, on
// the calling goroutine, in order, a bounded number of runs of them at a
// time. It returns the first error of text or write, or one wrapping
// ErrChanged when a match's line is not what the scan read (as Each); the
// text written until then stays written.
func (s *Scanned) Print(ms []Match, newText func() Text, write func([]byte) error) error {
	if len(ms) == 0 {
		return nil
	}
	var f *os.File
	for _, m := range ms {
		if m.rec == 0 {
			var err error
			if f, err = os.Open(s.File); err != nil {
				return err
			}
			defer f.Close()
			if err := s.unchanged(f); err != nil {
				return err
			}
			break
		}
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), (len(ms)+printChunk-1)/printChunk))
	nJobs := 2 * workers
	free := make(chan *printJob, nJobs)
	for range nJobs {
		free <- &printJob{done: make(chan struct{}, 1)}
	}
	work := make(chan *printJob, nJobs)
	order := make(chan *printJob, nJobs)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait() // no text is made once Print returns
	defer close(quit)

	wg.Go(func() { s.cutChunks(ms, free, work, order, quit) })
	for range workers {
		p := &printer{s: s, text: newText(), r: lineReader{f: f}}
		if f != nil {
			p.d.transient = true
			p.ec = *s.checker.Events() // a new one, into the padded printer
		}
		wg.Go(func() { p.run(work) })
	}
	for j := range order {
		<-j.done
		if j.err != nil {
			return j.err
		}
		if err := write(j.out); err != nil {
			return err
		}
		free <- j
	}
	if f != nil {
		return s.unchanged(f)
	}
	return nil
}

// record is the record the scan kept of m, or nil.
func (s *Scanned) record(m Match) []byte {
	if m.rec == 0 {
		return nil
	}
	return s.records[m.rec-1]
}

// cutChunks hands out ms in runs, each to work, for its text, and to
// order, for writing in sequence; it closes both at the end or when quit
// closes.
func (s *Scanned) cutChunks(ms []Match, free <-chan *printJob, work, order chan<- *printJob, quit <-chan struct{}) {
	defer close(order)
	defer close(work)
	for first := 0; first < len(ms); {
		end, size := first+1, ms[first].Len
		for end < len(ms) && end-first < printChunk && size+ms[end].Len <= int32(printChunkBytes) {
			size += ms[end].Len
			end++
		}
		var j *printJob
		select {
		case j = <-free:
		case <-quit:
			return
		}
		j.first, j.ms = first, ms[first:end]
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
		first = end
	}
}

// printer is one goroutine making text: as Each, it reads, decodes and
// checks the lines of matches without a record. What it writes often is
// padded from what others do (see scanWorker).
type printer struct {
	_    cacheLine
	s    *Scanned
	text Text
	r    lineReader
	d    eventDecoder
	ec   timeline.EventChecker
	e    timeline.Event
	_    cacheLine
}

func (p *printer) run(work <-chan *printJob) {
	for j := range work {
		p.chunk(j)
		j.done <- struct{}{}
	}
}

// chunk makes the text of one run of matches; a panic becomes its error.
func (p *printer) chunk(j *printJob) {
	out := j.out[:0]
	j.err = nil
	defer func() {
		j.out = out
		if r := recover(); r != nil {
			j.err = fmt.Errorf("internal error while printing %s: %v", p.s.File, r)
		}
	}()
	// The lines of a run in file order (a file in date order) are read in
	// one go: the run's span of the file, a megabyte at most at a time.
	p.r.window = true
	for k := 1; k < len(j.ms); k++ {
		if j.ms[k].Offset < j.ms[k-1].Offset {
			p.r.window = false
			break
		}
	}
	last := j.ms[len(j.ms)-1]
	p.r.end = last.Offset + int64(last.Len)
	for k := range j.ms {
		m := &j.ms[k]
		rec := p.s.record(*m)
		var e *timeline.Event
		var err error
		if rec == nil {
			if e, err = p.event(*m); err != nil {
				j.err = err
				return
			}
		}
		if out, err = p.text(out, j.first+k, rec, e); err != nil {
			j.err = err
			return
		}
	}
}

// event reads m's line again and decodes and checks it as Each does.
func (p *printer) event(m Match) (*timeline.Event, error) {
	line, err := p.r.read(m)
	if err != nil {
		return nil, p.s.changed()
	}
	return p.s.decode(&p.d, &p.ec, m, line, &p.e)
}
