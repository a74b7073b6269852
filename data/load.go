package data

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dateline/data/atomicfile"
	"dateline/data/internal/schema"
	"dateline/data/jsonl"
	"dateline/data/timelinejs"
	"dateline/timeline"
)

// LoadFile reads a dataset file: YAML, JSON or JSON Lines, by content (see
// load for the order of the checks), a name ending in ".jsonl" being
// JSON Lines whatever it holds (see jsonl.Load). It never returns
// nil; unreadable files become a Problem at line 0, column 0. Sources'
// text_file paths are resolved in the file's folder.
//
// "-" and "/dev/stdin" read standard input once, up to MaxFileSize. Any
// other path must be a regular file: a FIFO would hang, a device never end.
// A YAML, JSON, TimelineJS or CSV file over MaxFileSize is refused before it is read; JSON
// Lines files are streamed and have no such limit.
func LoadFile(path string) *Loaded {
	if path == "-" || path == "/dev/stdin" {
		b, err := io.ReadAll(io.LimitReader(os.Stdin, MaxFileSize()+1))
		if err != nil {
			return unreadable(path, fmt.Sprintf("cannot read %s: %v", path, atomicfile.WithoutPath(err)))
		}
		if int64(len(b)) > MaxFileSize() {
			return unreadable(path, tooBig(path))
		}
		return LoadBytes(path, b, ".")
	}
	fi, err := os.Stat(path)
	if err != nil {
		return unreadable(path, fmt.Sprintf("cannot read %s: %v", path, atomicfile.WithoutPath(err)))
	}
	if !fi.Mode().IsRegular() {
		what := "not a regular file (a pipe, device or socket); use - for standard input"
		if fi.IsDir() {
			what = "a folder, not a dataset file"
		}
		return unreadable(path, fmt.Sprintf("cannot read %s: %s", path, what))
	}
	if strings.EqualFold(filepath.Ext(path), ".jsonl") || jsonl.Sniff(path) {
		return jsonl.Load(path, nil) // streamed, not read into memory first
	}
	if fi.Size() > MaxFileSize() {
		return unreadable(path, tooBig(path))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return unreadable(path, fmt.Sprintf("cannot read %s: %v", path, atomicfile.WithoutPath(err)))
	}
	return LoadBytes(path, b, filepath.Dir(path))
}

// MaxFileSize is the most a YAML, JSON, TimelineJS or Sheets CSV dataset,
// standard input or a source's text_file may hold: 512 MB, or
// DATELINE_MAX_FILE_MB megabytes, checked before reading.
func MaxFileSize() int64 { return schema.MaxFileSize() }

func tooBig(path string) string {
	return fmt.Sprintf("cannot read %s: more than %d MB, the limit for YAML, JSON, TimelineJS and CSV datasets (raise it with DATELINE_MAX_FILE_MB, or use JSON Lines, which is streamed)", path, MaxFileSize()>>20)
}

func unreadable(path, msg string) *Loaded {
	return &schema.Loaded{File: path, Problems: []Problem{{File: path, Severity: timeline.SeverityError, Message: msg}}}
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
	files := schema.NewDiskFiles(dir)
	l := load(name, b, files)
	l.TextFiles = *files.Seen
	return l
}

// load detects the file's format by content and reads it. This switch is
// the one place formats are told apart; each test looks only at b and is
// cheap when it fails, and the most specific comes first: our JSON Lines
// (a header object with "dateline" on line 1, more lines after it) before
// plain JSON, since each of its lines is JSON too; then imported formats,
// which carry no "dateline" key; then our JSON; YAML is the fallback.
func load(name string, b []byte, files schema.TextFiles) *Loaded {
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	switch {
	case jsonl.Is(b):
		return jsonl.LoadBytes(name, b, files)
	case timelinejs.Is(b):
		return timelinejs.Load(name, b)
	case timelinejs.IsSheetsCSV(b):
		return timelinejs.LoadSheetsCSV(name, b)
	}
	return schema.LoadTree(name, b, files)
}

// IsJSONLinesFile reports whether LoadFile would stream path as JSON
// Lines: a regular file named .jsonl, or one whose start is JSON Lines.
func IsJSONLinesFile(path string) bool {
	if path == "-" || path == "/dev/stdin" {
		return false
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	return strings.EqualFold(filepath.Ext(path), ".jsonl") || jsonl.Sniff(path)
}
