package jsonl

// JSON Lines: a header record, then one event per line (the format is
// described on Load). The loader streams the file through a fixed set
// of reusable buffers: one goroutine reads blocks of whole lines, workers
// decode them (eventDecoder, falling back to the tree decoder for lines
// with problems), and the caller's goroutine collects the events in file
// order, then builds the Timeline and places its diagnostics
// (place.go).

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dateline/data/atomicfile"
	"dateline/data/internal/schema"
	"dateline/timeline"
)

// Load reads a JSON Lines dataset file in one pass, using every core.
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
// problem's path is the i-th event line. A line over MaxLine (16 MB) is
// refused at its line (an error) and skipped without being held whole.
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
// resolver's cost for quotes without a recorded position. Whatever the
// lines hold, a load allocates at most 4 times the file plus 64 MB
// (BenchmarkJSONLLongLine: a 100 MB line is refused with about 50 MB).
func Load(path string, progress func(done, total int64)) *schema.Loaded {
	f, err := os.Open(path)
	if err != nil {
		return readFailure(path, err)
	}
	defer f.Close()
	var size int64
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	} else if err == nil && info.IsDir() {
		return readFailure(path, schema.ErrIsDir)
	}
	files := schema.DiskFiles{Dir: filepath.Dir(path), Seen: new([]string)}
	l := loadJSONL(path, f, f, size, files, progress, true)
	l.TextFiles = *files.Seen
	return l
}

// readFailure is the Loaded of a file that could not be read at all.
func readFailure(path string, err error) *schema.Loaded {
	return &schema.Loaded{File: path, Problems: []schema.Problem{{
		File: path, Severity: timeline.SeverityError,
		Message: fmt.Sprintf("cannot read %s: %v", path, atomicfile.WithoutPath(err)),
	}}}
}

// Is reports whether b holds a JSON Lines dataset: its first line
// is a JSON object with "dateline" and no "events", and the next line that
// is not blank starts an object without "dateline" (an event, whole or
// not). A JSON dataset written on one line has "events"; one written over
// several lines does not have a whole object on its first line; two
// datasets one after the other are JSON with trailing garbage.
func Is(b []byte) bool {
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	first, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok || !isHeaderLine(first) {
		return false
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 {
			if t[0] != '{' || schema.EstimateValues(t) > schema.MaxValues(len(t)) {
				return false
			}
			root, serr := schema.ParseJSON(t)
			return serr != nil || root.Get("dateline") == nil
		}
	}
	return false
}

// isHeaderLine reports whether line is a JSON object with "dateline" and
// no "events".
func isHeaderLine(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) == 0 || t[0] != '{' || !bytes.Contains(t, []byte(`"dateline"`)) || schema.EstimateValues(t) > schema.MaxValues(len(t)) {
		return false
	}
	root, serr := schema.ParseJSON(t)
	return serr == nil && root.Kind == schema.MappingNode && root.Get("dateline") != nil && root.Get("events") == nil
}

// LoadBytes reads a JSON Lines dataset held in memory.
func LoadBytes(name string, b []byte, files schema.TextFiles) *schema.Loaded {
	r := bytes.NewReader(b)
	return loadJSONL(name, r, bytes.NewReader(b), int64(len(b)), files, nil, true)
}

// loader is the state of one load.
type loader struct {
	name    string
	files   schema.TextFiles
	l       *schema.Loaded
	ds      *timeline.Dataset
	header  *schema.Node // the header's tree, to place problems in it
	headDec *schema.Decoder
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
// Load); without, they stay in the Dataset too (for tests).
func loadJSONL(name string, r io.Reader, ra io.ReaderAt, size int64, files schema.TextFiles, progress func(done, total int64), own bool) (l *schema.Loaded) {
	l = &schema.Loaded{File: name}
	defer func() {
		if p := recover(); p != nil {
			l.Dataset, l.Timeline = nil, nil
			l.Problems = append(l.Problems, schema.Problem{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError,
				Message: fmt.Sprintf("internal error while loading: %v", p)})
		}
	}()
	st := &loader{name: name, files: files, l: l, progress: progress, broken: map[int]bool{}}
	br := bufio.NewReaderSize(r, 64<<10)
	head, headEnd, err := readHeader(br)
	if err != nil {
		return readFailure(name, err)
	}
	if headEnd == 0 {
		l.Problems = []schema.Problem{{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError, Message: "empty file: no dataset"}}
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

func hasError(probs []schema.Problem) bool {
	for i := range probs {
		if probs[i].Severity == timeline.SeverityError {
			return true
		}
	}
	return false
}

// finishProblems names the file in every problem and sorts them by position.
func (st *loader) finishProblems() {
	for i := range st.l.Problems {
		st.l.Problems[i].File = st.name
	}
	schema.SortProblems(st.l.Problems)
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
	return bytes.TrimPrefix(line, schema.UTF8BOM), end, nil
}

// headerFields are the fields of the header: a dataset's but its events.
var headerFields = schema.Spec("dateline", "title", "sources", "actors")

// decodeHeader decodes line 1 into the Dataset; it returns false when the
// header is not a JSON object, after which nothing else can be checked.
func (st *loader) decodeHeader(b []byte) bool {
	st.ds = &timeline.Dataset{}
	st.l.Dataset = st.ds
	if len(bytes.TrimSpace(b)) == 0 {
		st.l.Problems = append(st.l.Problems, schema.Problem{Line: 1, Col: 1, Severity: timeline.SeverityError,
			Message: "empty first line: a JSON Lines dataset starts with its header, {\"dateline\": 1, …}"})
		return false
	}
	if est, limit := schema.EstimateValues(b), schema.MaxValues(len(b)); est > limit {
		st.l.Problems = append(st.l.Problems, schema.Problem{Line: 1, Col: 1, Severity: timeline.SeverityError, Message: fmt.Sprintf(
			"too many values in the header for its size (about %d in %d bytes; at most %d)", est, len(b), limit)})
		return false
	}
	root, serr := schema.ParseJSON(b)
	if serr != nil {
		msg := serr.Msg
		if serr.Line > 1 || strings.Contains(msg, "end of file") {
			msg += " (in JSON Lines the header is one object on line 1, and each event one object on a line of its own)"
		}
		st.l.Problems = append(st.l.Problems, schema.Problem{Line: serr.Line, Col: serr.Col, Severity: timeline.SeverityError, Message: msg})
		return false
	}
	if root.Kind != schema.MappingNode {
		st.l.Problems = append(st.l.Problems, schema.Problem{Line: root.Line, Col: root.Col, Severity: timeline.SeverityError,
			Message: "the header must be an object {\"dateline\": 1, …}, got " + root.Describe()})
		return false
	}
	st.header = root
	d := &schema.Decoder{Files: st.files, NoText: map[string]bool{}}
	st.headDec = d
	// "events" in the header is a JSON dataset put on one line: say so
	// rather than call it an unknown field.
	kept := root.Pairs[:0:0]
	for _, kv := range root.Pairs {
		if kv.Key.Kind == schema.ScalarNode && kv.Key.Text == "events" {
			d.Errorf(kv.Key, schema.NoPath, "events do not belong in the header of a JSON Lines file: write one event per line after it")
			continue
		}
		kept = append(kept, kv)
	}
	hdr := *root
	hdr.Pairs = kept
	f, _ := d.Record(&hdr, schema.RecPath{}, "header", &headerFields)
	d.Version(root, f.Vals[0])
	st.ds.Title = d.Text(f.Vals[1], schema.RecPath{}.At("title"))
	for i, it := range d.List(f.Vals[2], schema.RecPath{}.At("sources")) {
		st.ds.Sources = append(st.ds.Sources, d.Source(it, schema.RecPath{List: "sources", Index: i}))
	}
	for i, it := range d.List(f.Vals[3], schema.RecPath{}.At("actors")) {
		st.ds.Actors = append(st.ds.Actors, d.Actor(it, schema.RecPath{List: "actors", Index: i}))
	}
	st.l.Problems = append(st.l.Problems, d.Probs...)
	return true
}

// Sniff reports whether the file at path starts like a JSON Lines
// dataset (see Is), reading only its first block. A header longer
// than that is found by load's switch instead, after a whole read.
func Sniff(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 256<<10)
	n, _ := io.ReadFull(f, buf)
	return Is(buf[:n])
}
