package data

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"dateline/timeline"
)

// Problem is a diagnostic placed in a file.
type Problem struct {
	File      string // path as given by the user, or "embedded:NAME"
	Line, Col int    // 1-based (Col counts code points); 0 when unknown
	Severity  timeline.Severity
	Message   string
	// Path is the dataset field at fault, such as "events[3].date", when the
	// problem concerns one; empty for syntax errors and unreadable files.
	Path timeline.Path
}

// String formats the problem as FILE:LINE:COL: SEVERITY: message.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", p.File, p.Line, p.Col, p.Severity, p.Message)
}

// Loaded is the outcome of reading a dataset file.
type Loaded struct {
	File string
	// Dataset is nil when the file could not be decoded. For JSON Lines,
	// its Events are nil once the Timeline is built: the Timeline holds
	// them (see LoadJSONL).
	Dataset  *timeline.Dataset
	Timeline *timeline.Timeline // nil when any Problem has SeverityError
	Problems []Problem          // sorted by position
	// TextFiles are the paths of the source text files the dataset names
	// (text_file), read or not: what --watch looks at besides File.
	TextFiles []string
}

// Err returns an error naming the first problem when the Timeline is nil.
func (l *Loaded) Err() error {
	if l.Timeline != nil {
		return nil
	}
	for _, p := range l.Problems {
		if p.Severity == timeline.SeverityError {
			return fmt.Errorf("%s", p)
		}
	}
	return fmt.Errorf("%s: cannot load", l.File)
}

// Count returns how many problems have severity s.
func (l *Loaded) Count(s timeline.Severity) int {
	n := 0
	for _, p := range l.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// LoadFile reads a dataset file: YAML, JSON or JSON Lines, by content (see
// load for the order of the checks), a name ending in ".jsonl" being
// JSON Lines whatever it holds (see LoadJSONL). It never returns
// nil; unreadable files become a Problem at line 0, column 0. Sources'
// text_file paths are resolved in the file's folder.
func LoadFile(path string) *Loaded {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") || sniffJSONL(path) {
		return LoadJSONL(path, nil) // streamed, not read into memory first
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return &Loaded{File: path, Problems: []Problem{{
			File: path, Severity: timeline.SeverityError,
			Message: fmt.Sprintf("cannot read %s: %v", path, unwrapPath(err)),
		}}}
	}
	return LoadBytes(path, b, filepath.Dir(path))
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

// LoadBytes reads a dataset from b (YAML, JSON or JSON Lines, by content). name is the
// file name Problems give; dir is the folder text_file paths are relative to
// ("" means the current folder). It never returns nil.
//
// Every problem of the file is reported in one run, sorted by position: the
// decoder keeps going after an error, and timeline.New checks the records
// that decoded. Time is linear in len(b) (plus the citation resolver's cost)
// and memory a bounded multiple of it; see "Memory bound" below.
func LoadBytes(name string, b []byte, dir string) *Loaded {
	if dir == "" {
		dir = "."
	}
	files := diskFiles{dir: dir, seen: new([]string)}
	l := load(name, b, files)
	l.TextFiles = *files.seen
	return l
}

// Memory bound. The parsers hold the whole file as a tree of values, at
// most about 300 bytes per value (yaml.v3's node and ours, or the problems
// reported about it), besides the file itself and the texts of text_file
// sources. Datasets as people write them have one value per 10 to 20 bytes,
// so they take 15 to 30 times the file's size. A file is refused before it
// is parsed when it holds more than maxValues(size) values (estimated from
// its punctuation by estimateValues), so no file takes more than about
// 30 MB + 75 times its size. Time is linear in the size throughout.

// maxValues is how many values (mappings, lists, keys and scalars) a file of
// size bytes may hold: one per 4 bytes, three times the densest real dataset
// we have seen, beyond a floor that lets any small file through.
func maxValues(size int) int { return 100_000 + size/4 }

// estimateValues estimates the values in a YAML or JSON file by counting
// the punctuation that starts one: every value but the first follows a
// newline, ",", "[", "{", "-", "?" or ":". It over-counts text containing
// these characters, which only makes the estimate safe.
func estimateValues(b []byte) int {
	n := 1
	for _, c := range b {
		switch c {
		case '\n', ',', '[', '{', '-', '?', ':':
			n++
		}
	}
	return n
}

// utf8BOM is the byte-order mark some editors put at the start of UTF-8 files.
var utf8BOM = []byte("\xef\xbb\xbf")

// isJSON reports whether b holds JSON: its first non-space byte is '{'.
// Anything else is read as YAML, of which JSON is nearly a subset.
func isJSON(b []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// load detects the file's format by content and reads it. This switch is
// the one place formats are told apart; each test looks only at b and is
// cheap when it fails, and the most specific comes first: our JSON Lines
// (a header object with "dateline" on line 1, more lines after it) before
// plain JSON, since each of its lines is JSON too; then imported formats,
// which carry no "dateline" key; then our JSON; YAML is the fallback.
func load(name string, b []byte, files textFiles) *Loaded {
	b = bytes.TrimPrefix(b, utf8BOM)
	switch {
	case isJSONLines(b):
		return loadJSONLBytes(name, b, files)
	case IsTimelineJS(b):
		return LoadTimelineJS(name, b)
	case IsSheetsCSV(b):
		return LoadSheetsCSV(name, b)
	}
	return loadTree(name, b, files)
}

// loadTree reads our YAML or JSON format through the positioned tree.
func loadTree(name string, b []byte, files textFiles) *Loaded {
	l := &Loaded{File: name}
	var (
		root  *node
		probs []Problem
		serr  *syntaxError
	)
	json := isJSON(b)
	if est, limit := estimateValues(b), maxValues(len(b)); est > limit {
		l.Problems = []Problem{{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError, Message: fmt.Sprintf(
			"too many values for the file's size (about %d in %d bytes; at most %d): this is not a dataset as people write them", est, len(b), limit)}}
		return l
	}
	if json {
		root, serr = parseJSON(b)
	} else {
		root, probs, serr = parseYAML(b)
	}
	if serr != nil {
		l.Problems = []Problem{{File: name, Line: serr.line, Col: serr.col, Severity: timeline.SeverityError, Message: serr.msg}}
		return l
	}
	d := &decoder{anyText: !json, files: files, probs: probs, noText: map[string]bool{}}
	l.Dataset = d.dataset(root)
	tl, diags := timeline.New(l.Dataset)
	l.Problems = append(d.probs, place(root, l.Dataset, diags, d)...)
	failed := false
	for i := range l.Problems {
		l.Problems[i].File = name
		failed = failed || l.Problems[i].Severity == timeline.SeverityError
	}
	if !failed {
		l.Timeline = tl
	}
	sortProblems(l.Problems)
	return l
}

// sortProblems orders problems by position, then severity; the sort is
// stable, so problems at one place keep the order they were found in.
func sortProblems(probs []Problem) {
	slices.SortStableFunc(probs, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity))
	})
}

// place turns the domain's diagnostics into Problems at the positions their
// paths name, dropping those that only repeat what the decoder reported.
func place(root *node, ds *timeline.Dataset, diags []timeline.Diagnostic, d *decoder) []Problem {
	seen := newReported(d.probs)
	lc := &locator{root: root}
	out := make([]Problem, 0, len(diags))
	for _, dg := range diags {
		if seen.repeats(dg) || (dg.Severity == timeline.SeverityCitation && d.noText[citedSource(ds, dg.Path)]) {
			continue
		}
		line, col := lc.locate(dg.Path)
		out = append(out, Problem{Line: line, Col: col, Severity: dg.Severity, Message: dg.Message, Path: dg.Path})
	}
	return out
}

// citedSource returns the source id of the citation a path such as
// "events[3].citations[0].quote" is in, or "".
func citedSource(ds *timeline.Dataset, p timeline.Path) string {
	var i, k int
	if _, err := fmt.Sscanf(string(p), "events[%d].citations[%d]", &i, &k); err != nil ||
		i < 0 || i >= len(ds.Events) || k < 0 || k >= len(ds.Events[i].Citations) {
		return ""
	}
	return ds.Events[i].Citations[k].Source
}

// reported holds the paths of the decoder's errors, to tell which domain
// diagnostics follow from them in time linear in their number.
type reported struct {
	at      map[timeline.Path]bool // paths of errors
	parents map[timeline.Path]bool // records and lists that contain an error
}

func newReported(probs []Problem) reported {
	r := reported{at: map[timeline.Path]bool{}, parents: map[timeline.Path]bool{}}
	for _, p := range probs {
		if p.Severity != timeline.SeverityError || p.Path == "" || r.at[p.Path] {
			continue
		}
		r.at[p.Path] = true
		for q := parent(p.Path); q != ""; q = parent(q) {
			r.parents[q] = true
		}
	}
	return r
}

// repeats reports whether a domain diagnostic follows from a decoding error:
// the decoder already reported its field or a field enclosing it (so the
// domain saw a zero value), or it is an error about a record in which the
// decoder found an error (a citation's start that was not an integer makes
// "start and end must be given together").
func (r reported) repeats(dg timeline.Diagnostic) bool {
	if dg.Path == "" {
		return false
	}
	if dg.Severity == timeline.SeverityError && r.parents[dg.Path] {
		return true
	}
	for q := dg.Path; q != ""; q = parent(q) {
		if r.at[q] {
			return true
		}
	}
	return false
}

// parent returns the path enclosing p: "events[3].citations" for
// "events[3].citations[0]", "events[3]" for "events[3].date", "" at the top.
func parent(p timeline.Path) timeline.Path {
	i := strings.LastIndexAny(string(p), ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}
