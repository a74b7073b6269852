package jsonl

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// fileSource is the timeline.EventSource of an opened file: it reads event
// lines again where the pass found them, with positioned reads only (a
// mapping of a file that then shrinks would fault), and refuses a file
// whose size or time changed since it was opened.
type fileSource struct {
	name    string
	f       *os.File
	size    int64
	modTime time.Time
	lines   lineIndex
	checker *timeline.Checker

	decoders sync.Pool // *eventDecoder
	checkers sync.Pool // *timeline.EventChecker: each belongs to one goroutine at a time
	readers  sync.Pool // *textReader
}

func (s *fileSource) changed() error { return fmt.Errorf("%s: %w", s.name, ErrChanged) }

// unchanged checks that the file has the size and time it had when opened.
func (s *fileSource) unchanged() error {
	info, err := s.f.Stat()
	if err != nil || info.Size() != s.size || !info.ModTime().Equal(s.modTime) {
		return s.changed()
	}
	return nil
}

// Event reads event i's line and decodes it as Load does: the fast
// decoder, else the tree decoder, whose first problem, if any, is the
// error; then the domain's checks, which resolve its citations, and
// whose first error, if any, is returned with the event.
func (s *fileSource) Event(i int) (*timeline.Event, error) {
	if i < 0 || i >= s.lines.len() {
		return nil, fmt.Errorf("%s: no event %d", s.name, i+1)
	}
	line := s.lines.line(i)
	if s.lines.n(i) < 0 {
		return nil, fmt.Errorf("line %d: a JSON Lines record may have at most %d bytes (16 MB); this line is longer and was skipped", line, MaxLine)
	}
	// A fresh buffer: the tree decoder's strings may refer to it.
	buf := make([]byte, s.lines.n(i))
	if n, _ := s.f.ReadAt(buf, s.lines.off(i)); n < len(buf) {
		return nil, s.changed()
	}
	if err := s.unchanged(); err != nil {
		return nil, err
	}
	e := new(timeline.Event)
	d, _ := s.decoders.Get().(*eventDecoder)
	if d == nil {
		// Small blocks: a decoder that lives in a pool holds them while a
		// few events are shown, not a file's worth. Its strings are copied
		// into them, not interned, which no comparison can tell.
		d = &eventDecoder{}
		d.arena.limit, d.refs.limit, d.cites.limit, d.strs.limit = 64<<10, 64<<10, 64<<10, 64<<10
	}
	ok := d.event(buf, e)
	d.b = nil
	s.decoders.Put(d)
	if !ok {
		j := &job{}
		slowEventInto(buf, line, i, j, e)
		if len(j.probs) > 0 {
			schema.SortProblems(j.probs)
			p := j.probs[0]
			return nil, fmt.Errorf("line %d: %s", cmp.Or(p.Line, line), p.Message)
		}
	}
	ec, _ := s.checkers.Get().(*timeline.EventChecker)
	if ec == nil {
		ec = s.checker.Events()
	}
	defer s.checkers.Put(ec)
	diags, _, _ := ec.Check(i, e)
	for _, dg := range diags {
		if dg.Severity == timeline.SeverityError {
			return e, fmt.Errorf("%w: line %d: %s", timeline.ErrInvalid, line, dg.Message)
		}
	}
	return e, nil
}

// textReader reads the lines of ascending events through a window of
// the file, so that lines near each other cost one read.
type textReader struct {
	buf []byte
	off int64 // of buf in the file
	sk  skimmer
}

func (s *fileSource) reader() *textReader {
	r, _ := s.readers.Get().(*textReader)
	if r == nil {
		r = &textReader{buf: make([]byte, 0, readWindow)}
	}
	r.buf, r.off = r.buf[:0], 0
	return r
}

func (s *fileSource) release(r *textReader) {
	if cap(r.buf) > 2*readWindow {
		r.buf = nil // grown for a long line: not kept
	}
	r.sk.b = nil
	s.readers.Put(r)
}

// line returns event i's line, reading, when it is not in the window, a
// new window from it up to the end of the last of the next lines that
// fits in readWindow with no gap over readGap before it; count and at
// give those next lines (at(0) is i): their dataset indexes, ascending.
// Lines far apart (a search's first window of events in date order, in a
// file in another order) are read one by one, not a megabyte each.
func (r *textReader) line(s *fileSource, count int, at func(j int) int) ([]byte, error) {
	i := at(0)
	off, n := s.lines.off(i), int64(s.lines.n(i))
	if off >= r.off && off+n <= r.off+int64(len(r.buf)) {
		return r.buf[off-r.off:][:n], nil
	}
	end := off + n
	for j := 1; j < count; j++ {
		k := at(j)
		if s.lines.n(k) < 0 {
			continue
		}
		start := s.lines.off(k)
		stop := start + int64(s.lines.n(k))
		if start-end > readGap || stop-off > readWindow {
			break
		}
		end = max(end, stop)
	}
	size := int(end - off)
	if cap(r.buf) < size {
		r.buf = make([]byte, size)
	}
	got, _ := s.f.ReadAt(r.buf[:size], off)
	if got < size {
		r.buf = r.buf[:0]
		return nil, s.changed()
	}
	r.buf, r.off = r.buf[:size], off
	return r.buf[:n], nil
}

// Texts skims the lines of the events idx for their title, summary and
// quotes (see skimmer.texts); the string fn gets is a view of a buffer
// this call reuses, valid only during the call. Each call has its own
// buffers, so calls on disjoint idx may run at once. A line with no
// escape holds its texts as written, so need tests the whole line, and
// most lines of a search for a word are left without being skimmed.
func (s *fileSource) Texts(idx []int32, need timeline.Needles, fn func(k int, s string) bool) error {
	if len(idx) == 0 {
		return nil
	}
	if err := s.unchanged(); err != nil {
		return err
	}
	r := s.reader()
	defer s.release(r)
	for k, i := range idx {
		if i < 0 || int(i) >= s.lines.len() || s.lines.n(int(i)) <= 0 {
			continue
		}
		rest := idx[k:]
		b, err := r.line(s, len(rest), func(j int) int { return int(rest[j]) })
		if err != nil {
			return err
		}
		if !need.Empty() && bytes.IndexByte(b, '\\') < 0 && !need.MayHold(b) {
			continue
		}
		r.sk.texts(b, k, fn)
	}
	return s.unchanged()
}

// Find returns the dataset index of the first event whose id is id,
// reading every line, split between the cores.
func (s *fileSource) Find(id string) (int, bool, error) {
	n := s.lines.len()
	if err := s.unchanged(); err != nil {
		return 0, false, err
	}
	parts := max(1, min(runtime.GOMAXPROCS(0), n/4096))
	found := make([]int, parts)
	errs := make([]error, parts)
	var first atomic.Int64 // the lowest part that found it, so later parts stop
	first.Store(int64(parts))
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		found[p] = -1
		wg.Go(func() {
			r := s.reader()
			defer s.release(r)
			for i := lo; i < hi; i++ {
				if i&1023 == 0 && first.Load() < int64(p) {
					return
				}
				if s.lines.n(i) <= 0 {
					continue
				}
				b, err := r.line(s, hi-i, func(j int) int { return i + j })
				if err != nil {
					errs[p] = err
					return
				}
				if v, ok := r.sk.id(b); ok && string(v) == id {
					found[p] = i
					for {
						f := first.Load()
						if f <= int64(p) || first.CompareAndSwap(f, int64(p)) {
							return
						}
					}
				}
			}
		})
	}
	wg.Wait()
	for p := range parts {
		if errs[p] != nil {
			return 0, false, errs[p]
		}
		if found[p] >= 0 {
			return found[p], true, nil
		}
	}
	return 0, false, s.unchanged()
}
