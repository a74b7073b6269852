package schema

import (
	"bytes"
	"cmp"
	"fmt"
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
	switch {
	case p.Line == 0: // no position: "FILE:0:0" would point nowhere
		return fmt.Sprintf("%s: %s: %s", p.File, p.Severity, p.Message)
	case p.Col == 0:
		return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Severity, p.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", p.File, p.Line, p.Col, p.Severity, p.Message)
}

// Loaded is the outcome of reading a dataset file.
type Loaded struct {
	File string
	// Dataset is nil when the file could not be decoded. For JSON Lines,
	// its Events are nil once the Timeline is built: the Timeline holds
	// them (see jsonl.Load).
	Dataset  *timeline.Dataset
	Timeline *timeline.Timeline // nil when any Problem has SeverityError
	Problems []Problem          // sorted by position
	// TextFiles are the paths of the source text files the dataset names
	// (text_file), read or not: what --watch looks at besides File.
	TextFiles []string
	// SourceFiles maps the id of each source whose text is a text_file to
	// that file's path (the dataset's folder joined to it), read or not;
	// nil for formats that do not record it (JSON Lines).
	SourceFiles map[string]string
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

// Memory bound. The parsers hold the whole file as a tree of values, at
// most about 300 bytes per value (yaml.v3's node and ours, or the problems
// reported about it), besides the file itself and the texts of text_file
// sources. Datasets as people write them have one value per 10 to 20 bytes,
// so they take 15 to 30 times the file's size. A file is refused before it
// is parsed when it holds more than MaxValues(size) values (estimated from
// its punctuation by EstimateValues), so no file takes more than about
// 30 MB + 75 times its size. Time is linear in the size throughout.

// MaxValues is how many values (mappings, lists, keys and scalars) a file of
// size bytes may hold: one per 4 bytes, three times the densest real dataset
// we have seen, beyond a floor that lets any small file through.
func MaxValues(size int) int { return 100_000 + size/4 }

// EstimateValues estimates the values in a YAML or JSON file by counting
// the punctuation that starts one: every value but the first follows a
// newline, ",", "[", "{", "-", "?" or ":". It over-counts text containing
// these characters, which only makes the estimate safe.
func EstimateValues(b []byte) int {
	n := 1
	for _, c := range b {
		switch c {
		case '\n', ',', '[', '{', '-', '?', ':':
			n++
		}
	}
	return n
}

// IsJSON reports whether b holds JSON: its first non-space byte is '{'.
// Anything else is read as YAML, of which JSON is nearly a subset.
func IsJSON(b []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// LoadTree reads our YAML or JSON format through the positioned tree.
func LoadTree(name string, b []byte, files TextFiles) *Loaded {
	l := &Loaded{File: name}
	var (
		root  *Node
		probs []Problem
		serr  *SyntaxError
	)
	json := IsJSON(b)
	if est, limit := EstimateValues(b), MaxValues(len(b)); est > limit {
		l.Problems = []Problem{{File: name, Line: 1, Col: 1, Severity: timeline.SeverityError, Message: fmt.Sprintf(
			"too many values for the file's size (about %d in %d bytes; at most %d): this is not a dataset as people write them", est, len(b), limit)}}
		return l
	}
	if json {
		root, serr = ParseJSON(b)
	} else {
		root, probs, serr = ParseYAML(b)
	}
	if serr != nil {
		l.Problems = []Problem{{File: name, Line: serr.Line, Col: serr.Col, Severity: timeline.SeverityError, Message: serr.Msg}}
		return l
	}
	d := &Decoder{AnyText: !json, Files: files, Probs: probs, NoText: map[string]bool{}, SourceFiles: map[string]string{}}
	l.Dataset = d.Dataset(root)
	l.SourceFiles = d.SourceFiles
	tl, diags := timeline.New(l.Dataset)
	l.Problems = append(d.Probs, place(root, l.Dataset, diags, d)...)
	failed := false
	for i := range l.Problems {
		l.Problems[i].File = name
		failed = failed || l.Problems[i].Severity == timeline.SeverityError
	}
	if !failed {
		l.Timeline = tl
	}
	SortProblems(l.Problems)
	return l
}

// SortProblems orders problems by position, then severity; the sort is
// stable, so problems at one place keep the order they were found in.
func SortProblems(probs []Problem) {
	slices.SortStableFunc(probs, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Severity, b.Severity))
	})
}

// place turns the domain's diagnostics into Problems at the positions their
// paths name, dropping those that only repeat what the decoder reported.
func place(root *Node, ds *timeline.Dataset, diags []timeline.Diagnostic, d *Decoder) []Problem {
	seen := NewReported(d.Probs)
	lc := &Locator{Root: root}
	out := make([]Problem, 0, len(diags))
	for _, dg := range diags {
		if seen.Repeats(dg) || (dg.Severity == timeline.SeverityCitation && d.NoText[CitedSource(ds, dg.Path)]) {
			continue
		}
		line, col := lc.Locate(dg.Path)
		out = append(out, Problem{Line: line, Col: col, Severity: dg.Severity, Message: dg.Text(lc.At), Path: dg.Path})
	}
	return out
}

// CitedSource returns the source id of the citation a path such as
// "events[3].citations[0].quote" is in, or "".
func CitedSource(ds *timeline.Dataset, p timeline.Path) string {
	var i, k int
	if _, err := fmt.Sscanf(string(p), "events[%d].citations[%d]", &i, &k); err != nil ||
		i < 0 || i >= len(ds.Events) || k < 0 || k >= len(ds.Events[i].Citations) {
		return ""
	}
	return ds.Events[i].Citations[k].Source
}

// Reported holds the paths of the decoder's errors, to tell which domain
// diagnostics follow from them in time linear in their number.
type Reported struct {
	at      map[timeline.Path]bool // paths of errors
	parents map[timeline.Path]bool // records and lists that contain an error
}

func NewReported(probs []Problem) Reported {
	r := Reported{at: map[timeline.Path]bool{}, parents: map[timeline.Path]bool{}}
	for _, p := range probs {
		if p.Severity != timeline.SeverityError || p.Path == "" || r.at[p.Path] {
			continue
		}
		r.at[p.Path] = true
		for q := Parent(p.Path); q != ""; q = Parent(q) {
			r.parents[q] = true
		}
	}
	return r
}

// Repeats reports whether a domain diagnostic follows from a decoding error:
// the decoder already reported its field or a field enclosing it (so the
// domain saw a zero value), or it is an error about a record in which the
// decoder found an error (a citation's start that was not an integer makes
// "start and end must be given together").
func (r Reported) Repeats(dg timeline.Diagnostic) bool {
	if dg.Path == "" {
		return false
	}
	if dg.Severity == timeline.SeverityError && r.parents[dg.Path] {
		return true
	}
	for q := dg.Path; q != ""; q = Parent(q) {
		if r.at[q] {
			return true
		}
	}
	return false
}

// Parent returns the path enclosing p: "events[3].citations" for
// "events[3].citations[0]", "events[3]" for "events[3].date", "" at the top.
func Parent(p timeline.Path) timeline.Path {
	i := strings.LastIndexAny(string(p), ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// UTF8BOM is the byte-order mark some editors put at the start of UTF-8 files.
var UTF8BOM = []byte("\xef\xbb\xbf")
