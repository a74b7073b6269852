package data

// JSON Lines: a header record, then one event per line (the format is
// described on LoadJSONL). The loader streams the file through a fixed set
// of reusable buffers: one goroutine reads blocks of whole lines, workers
// decode them (eventDecoder, falling back to the tree decoder for lines
// with problems), and the caller's goroutine collects the events in file
// order, then builds the Timeline and places its diagnostics
// (jsonl_place.go).

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"dateline/timeline"
)

// LoadJSONL reads a JSON Lines dataset file in one pass, using every core.
// It never returns nil and never panics; problems are placed at their line
// and column, as LoadFile's are. Sources' text_file paths are resolved in
// the file's folder.
//
// The format: line 1 is a header object with the fields of a dataset but
// its events, {"dateline": 1, "title": …, "sources": […], "actors": […]}
// ("dateline": 1 is required, the rest optional, the schema and its
// strictness as in a JSON dataset). Every later line holds one event
// object, with the schema of an item of a JSON dataset's "events". Lines
// end with "\n" or "\r\n"; lines that are empty or only white space are
// ignored; the last line may lack its line break. A UTF-8 byte-order mark
// before the header is ignored. Events are in file order: events[i] in a
// problem's path is the i-th event line.
//
// progress, when not nil, is called from the calling goroutine with the
// bytes decoded so far and the file's size (0 when unknown, as for a
// pipe), after each block of lines and once at the end of decoding, before
// the Timeline is built.
//
// Memory: the events and their strings once (no copy of the file is kept:
// strings are copied out of reused read buffers into shared blocks, and
// the ids, roles and tags that repeat are stored once), plus the indexes.
// The Timeline takes the decoded events (timeline.NewOwned) rather than
// copying them, so once it is built Dataset.Events is nil; it is kept on
// failure. A million events of about 250 bytes take about 2.2 times the
// file's size. Time is linear in the file's size, plus the citation
// resolver's cost for quotes without a recorded position.
func LoadJSONL(path string, progress func(done, total int64)) *Loaded {
	f, err := os.Open(path)
	if err != nil {
		return readFailure(path, err)
	}
	defer f.Close()
	var size int64
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	} else if err == nil && info.IsDir() {
		return readFailure(path, errIsDir)
	}
	defer pauseGC(size)()
	files := diskFiles{dir: filepath.Dir(path), seen: new([]string)}
	l := loadJSONL(path, f, f, size, files, progress, true)
	l.TextFiles = *files.seen
	return l
}

// gcPause counts the loads running with the collector paused.
var gcPause struct {
	sync.Mutex
	n              int
	percent, limit int
}

// pauseGC turns the garbage collector off for a big load and returns the
// function that turns it back on. A load allocates its dataset and little
// garbage; collecting while the heap grows from nothing to a gigabyte
// re-scans it several times and slows every write meanwhile, for nothing
// to free. A soft memory limit of the heap at the start plus four times
// the file (and 256 MB) keeps the collector ready should a hostile file
// make garbage after all; a lower limit set by the program is kept. Loads
// running at once share one pause, and small files (under 16 MB) are not
// worth one.
func pauseGC(size int64) (resume func()) {
	if size < 16<<20 {
		return func() {}
	}
	gcPause.Lock()
	defer gcPause.Unlock()
	if gcPause.n == 0 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		limit := int64(ms.HeapAlloc) + 4*size + 256<<20
		gcPause.limit = int(debug.SetMemoryLimit(-1))
		debug.SetMemoryLimit(min(int64(gcPause.limit), limit))
		gcPause.percent = debug.SetGCPercent(-1)
	}
	gcPause.n++
	return func() {
		gcPause.Lock()
		defer gcPause.Unlock()
		if gcPause.n--; gcPause.n == 0 {
			debug.SetGCPercent(gcPause.percent)
			debug.SetMemoryLimit(int64(gcPause.limit))
		}
	}
}

// readFailure is the Loaded of a file that could not be read at all.
func readFailure(path string, err error) *Loaded {
	return &Loaded{File: path, Problems: []Problem{{
		File: path, Severity: timeline.SeverityError,
		Message: fmt.Sprintf("cannot read %s: %v", path, WithoutPath(err)),
	}}}
}

// isJSONLines reports whether b holds a JSON Lines dataset: its first line
// is a JSON object with "dateline" and no "events", and the next line that
// is not blank starts an object without "dateline" (an event, whole or
// not). A JSON dataset written on one line has "events"; one written over
// several lines does not have a whole object on its first line; two
// datasets one after the other are JSON with trailing garbage.
func isJSONLines(b []byte) bool {
	b = bytes.TrimPrefix(b, utf8BOM)
	first, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok || !isHeaderLine(first) {
		return false
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 {
			if t[0] != '{' || estimateValues(t) > maxValues(len(t)) {
				return false
			}
			root, serr := parseJSON(t)
			return serr != nil || root.get("dateline") == nil
		}
	}
	return false
}

// isHeaderLine reports whether line is a JSON object with "dateline" and
// no "events".
func isHeaderLine(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) == 0 || t[0] != '{' || !bytes.Contains(t, []byte(`"dateline"`)) || estimateValues(t) > maxValues(len(t)) {
		return false
	}
	root, serr := parseJSON(t)
	return serr == nil && root.kind == mappingNode && root.get("dateline") != nil && root.get("events") == nil
}

// loadJSONLBytes reads a JSON Lines dataset held in memory.
func loadJSONLBytes(name string, b []byte, files textFiles) *Loaded {
	r := bytes.NewReader(b)
	return loadJSONL(name, r, bytes.NewReader(b), int64(len(b)), files, nil, true)
}

// jsonlLoad is the state of one load.
type jsonlLoad struct {
	name    string
	files   textFiles
	l       *Loaded
	ds      *timeline.Dataset
	header  *node // the header's tree, to place problems in it
	headDec *decoder
	blocks  []block // where the events of each block are, for placing problems
	broken  map[int]bool
	failed  bool  // decoding could not complete: do not build a Timeline
	total   int64 // bytes of event lines expected; 0 when unknown
	done    int64 // bytes decoded

	// The events collected so far: n of them, in list (sized by the
	// reader, written by the workers in place; written is one past the
	// last slot they wrote), or in overflow once list is full or when the
	// file's size is unknown.
	n        int
	list     []timeline.Event
	written  int
	overflow []timeline.Event
	progress func(done, total int64)
}

// loadJSONL reads JSON Lines from r; ra reads the same bytes again, to
// place problems. With own, the Timeline takes the decoded events (see
// LoadJSONL); without, they stay in the Dataset too (for tests).
func loadJSONL(name string, r io.Reader, ra io.ReaderAt, size int64, files textFiles, progress func(done, total int64), own bool) (l *Loaded) {
	l = &Loaded{File: name}
	defer func() {
		if p := recover(); p != nil {
			l.Dataset, l.Timeline = nil, nil
			l.Problems = append(l.Problems, Problem{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError,
				Message: fmt.Sprintf("internal error while loading: %v", p)})
		}
	}()
	st := &jsonlLoad{name: name, files: files, l: l, progress: progress, broken: map[int]bool{}}
	br := bufio.NewReaderSize(r, 64<<10)
	head, headEnd, err := readHeader(br)
	if err != nil {
		return readFailure(name, err)
	}
	if headEnd == 0 {
		l.Problems = []Problem{{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError, Message: "empty file: no dataset"}}
		return l
	}
	st.done = headEnd
	if !st.decodeHeader(head) {
		st.finishProblems()
		return l
	}
	st.decodeEvents(br, headEnd, size)
	if st.progress != nil {
		st.progress(st.done, size)
	}
	if !st.failed {
		// The Timeline may take the events only when it will be kept: after
		// a decoding error the Dataset keeps them, in file order (placing
		// problems reads them too).
		var tl *timeline.Timeline
		var diags []timeline.Diagnostic
		if own && !hasError(l.Problems) {
			tl, diags = timeline.NewOwned(st.ds)
			if tl != nil {
				st.ds.Events = nil // the Timeline's now, reordered
			}
		} else {
			tl, diags = timeline.New(st.ds)
		}
		place := st.placer(ra)
		l.Problems = append(l.Problems, place.all(diags)...)
		if tl != nil && !hasError(l.Problems) {
			l.Timeline = tl
		}
	}
	st.finishProblems()
	return l
}

func hasError(probs []Problem) bool {
	for i := range probs {
		if probs[i].Severity == timeline.SeverityError {
			return true
		}
	}
	return false
}

// finishProblems names the file in every problem and sorts them by position.
func (st *jsonlLoad) finishProblems() {
	for i := range st.l.Problems {
		st.l.Problems[i].File = st.name
	}
	sortProblems(st.l.Problems)
}

// block is where the events of one block of lines are in the file: event
// is the index of the first, line and offset those of the block's first
// line, size its length in bytes. The events' own lines are found again by
// reading the block when a problem has to be placed in one; a million
// events keep no positions.
type block struct {
	event, line int
	offset      int64
	size        int
}

// readHeader reads the first line, without its line break and a leading
// byte-order mark, and returns the offset just past it.
func readHeader(br *bufio.Reader) ([]byte, int64, error) {
	line, err := br.ReadBytes('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, 0, err
	}
	end := int64(len(line))
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimPrefix(line, utf8BOM), end, nil
}

// headerFields are the fields of the header: a dataset's but its events.
var headerFields = spec("dateline", "title", "sources", "actors")

// decodeHeader decodes line 1 into the Dataset; it returns false when the
// header is not a JSON object, after which nothing else can be checked.
func (st *jsonlLoad) decodeHeader(b []byte) bool {
	st.ds = &timeline.Dataset{}
	st.l.Dataset = st.ds
	if len(bytes.TrimSpace(b)) == 0 {
		st.l.Problems = append(st.l.Problems, Problem{Line: 1, Col: 1, Severity: timeline.SeverityError,
			Message: "empty first line: a JSON Lines dataset starts with its header, {\"dateline\": 1, …}"})
		return false
	}
	if est, limit := estimateValues(b), maxValues(len(b)); est > limit {
		st.l.Problems = append(st.l.Problems, Problem{Line: 1, Col: 1, Severity: timeline.SeverityError, Message: fmt.Sprintf(
			"too many values in the header for its size (about %d in %d bytes; at most %d)", est, len(b), limit)})
		return false
	}
	root, serr := parseJSON(b)
	if serr != nil {
		msg := serr.msg
		if serr.line > 1 || strings.Contains(msg, "end of file") {
			msg += " (in JSON Lines the header is one object on line 1, and each event one object on a line of its own)"
		}
		st.l.Problems = append(st.l.Problems, Problem{Line: serr.line, Col: serr.col, Severity: timeline.SeverityError, Message: msg})
		return false
	}
	if root.kind != mappingNode {
		st.l.Problems = append(st.l.Problems, Problem{Line: root.line, Col: root.col, Severity: timeline.SeverityError,
			Message: "the header must be an object {\"dateline\": 1, …}, got " + root.describe()})
		return false
	}
	st.header = root
	d := &decoder{files: st.files, noText: map[string]bool{}}
	st.headDec = d
	// "events" in the header is a JSON dataset put on one line: say so
	// rather than call it an unknown field.
	kept := root.pairs[:0:0]
	for _, kv := range root.pairs {
		if kv.key.kind == scalarNode && kv.key.text == "events" {
			d.errorf(kv.key, noPath, "events do not belong in the header of a JSON Lines file: write one event per line after it")
			continue
		}
		kept = append(kept, kv)
	}
	hdr := *root
	hdr.pairs = kept
	f, _ := d.record(&hdr, recPath{}, "header", &headerFields)
	d.version(root, f.vals[0])
	st.ds.Title = d.text(f.vals[1], recPath{}.at("title"))
	for i, it := range d.list(f.vals[2], recPath{}.at("sources")) {
		st.ds.Sources = append(st.ds.Sources, d.source(it, recPath{list: "sources", i: i}))
	}
	for i, it := range d.list(f.vals[3], recPath{}.at("actors")) {
		st.ds.Actors = append(st.ds.Actors, d.actor(it, recPath{list: "actors", i: i}))
	}
	st.l.Problems = append(st.l.Problems, d.probs...)
	return true
}

// sniffJSONL reports whether the file at path starts like a JSON Lines
// dataset (see isJSONLines), reading only its first block. A header longer
// than that is found by load's switch instead, after a whole read.
func sniffJSONL(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 256<<10)
	n, _ := io.ReadFull(f, buf)
	return isJSONLines(buf[:n])
}
