package jsonl

// Each: reading a scan's matched events again, for the reports that print
// them, and refusing a file that changed since it was scanned.

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"dateline/timeline"
)

// ErrChanged is returned by Each when the file changed since it was scanned.
var ErrChanged = errors.New("the file changed while it was read; run the command again")

// Each calls fn with each event of ms, matches of this scan, in the order
// of ms: its line is read again, decoded and its citations resolved, as
// Load would give it. The event is valid only during the call. It returns
// fn's first error, or an error wrapping ErrChanged when the file is no
// longer what was scanned.
func (s *Scanned) Each(ms []Match, fn func(*timeline.Event) error) error {
	if len(ms) == 0 {
		return nil
	}
	f, err := os.Open(s.File)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := s.unchanged(f); err != nil {
		return err
	}
	r := lineReader{f: f, window: slices.IsSortedFunc(ms, func(a, b Match) int { return cmp.Compare(a.Offset, b.Offset) })}
	d := &eventDecoder{transient: true}
	ec := s.checker.Events()
	var e timeline.Event
	for _, m := range ms {
		line, err := r.read(m)
		if err != nil {
			return s.changed()
		}
		if _, err := s.decode(d, ec, m, line, &e); err != nil {
			return err
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return s.unchanged(f)
}

// decode decodes m's line, read again, into e and checks it, as Load
// would give it: an error wrapping ErrChanged when it is not the valid
// event the scan found.
func (s *Scanned) decode(d *eventDecoder, ec *timeline.EventChecker, m Match, line []byte, e *timeline.Event) (*timeline.Event, error) {
	d.reset()
	if !d.event(line, e) {
		j := &job{}
		slowEventInto(line, m.Line, m.Index, j, e)
		if len(j.probs) > 0 || len(j.broken) > 0 {
			return nil, s.changed()
		}
	}
	diags, _, _ := ec.Check(m.Index, e)
	for _, dg := range diags {
		if dg.Severity == timeline.SeverityError {
			return nil, s.changed()
		}
	}
	return e, nil
}

func (s *Scanned) changed() error { return fmt.Errorf("%s: %w", s.File, ErrChanged) }

// unchanged checks that the file has the size and time it had when scanned.
func (s *Scanned) unchanged(f *os.File) error {
	info, err := f.Stat()
	if err != nil || info.Size() != s.size || !info.ModTime().Equal(s.modTime) {
		return s.changed()
	}
	return nil
}

// lineReader reads the lines of matches: through a window of the file
// when they come in file order, else one read each. A window stops at
// end, when set: the end of the last line wanted.
type lineReader struct {
	f      *os.File
	window bool
	end    int64
	buf    []byte
	off    int64 // of buf in the file
}

const readWindow = 1 << 20

// readGap is the most a window reads of lines it was not asked for
// between two it was: a few pages, which cost less read than one more
// system call.
const readGap = 16 << 10

func (r *lineReader) read(m Match) ([]byte, error) {
	if m.Offset >= r.off && m.Offset+int64(m.Len) <= r.off+int64(len(r.buf)) {
		at := int(m.Offset - r.off)
		return r.buf[at : at+int(m.Len)], nil
	}
	size := int(m.Len)
	if r.window {
		w := int64(readWindow)
		if r.end > 0 {
			w = min(w, r.end-m.Offset)
		}
		size = max(size, int(w))
	}
	if cap(r.buf) < size {
		r.buf = make([]byte, size)
	}
	n, err := r.f.ReadAt(r.buf[:size], m.Offset)
	if n < int(m.Len) {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		r.buf = r.buf[:0]
		return nil, err
	}
	r.buf, r.off = r.buf[:n], m.Offset
	return r.buf[:m.Len], nil
}
