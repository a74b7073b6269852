package main

// list, actors and validate on a JSON Lines file: one streaming pass
// (jsonl.Scan) with every check a load makes, keeping only where the
// selected events are (and, for a text list within a budget, the strings
// it prints of each), then a second read of those lines to print them, on
// several goroutines. No Timeline is built: no event list, no indexes. The
// output is the one the loaded Timeline gives, byte for byte (scan_test.go
// compares them).

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"sync/atomic"
	"unsafe"

	"dateline/data"
	"dateline/data/jsonl"
	"dateline/timeline"
)

// scannable reports whether a command on args may scan instead of load:
// one JSON Lines file (not standard input).
func (a *app) scannable(args []string) bool {
	return !a.noScan && len(args) == 1 && data.IsJSONLinesFile(args[0])
}

// scanLoaded is what load's notices and failures need of a scan.
func scanLoaded(s *jsonl.Scanned) *data.Loaded {
	return &data.Loaded{File: s.File, Problems: s.Problems}
}

// listScan is list for a JSON Lines file. For text, the scan keeps the
// record of each match (appendEventRecord) when they all fit a budget, so
// that the events are not read again; the events are then laid out
// on several goroutines (jsonl.Scanned.Print).
func (a *app) listScan(args []string, opts listOptions, filter timeline.Filter) error {
	var (
		lookupErr error
		width     atomic.Int64 // the widest date of the matches, in columns
	)
	text := opts.format == "text"
	s := jsonl.ScanSelect(args[0], func(h *timeline.Timeline) jsonl.Selection {
		f := filter
		if f.Actors, lookupErr = lookupActors(h, opts.actors); lookupErr != nil {
			return jsonl.Selection{}
		}
		match := h.Matcher(f)
		sel := jsonl.Selection{Match: func(e *timeline.Event) bool {
			if !match(e) {
				return false
			}
			// The date column is at most maxDateColumn wide, however wide
			// the widest date: past that, no date need be measured.
			if text && width.Load() < maxDateColumn {
				w := int64(displayWidth(HumanDate(e.Date)))
				for old := width.Load(); w > old && !width.CompareAndSwap(old, w); old = width.Load() {
				}
			}
			return true
		}}
		if text {
			sel.Record = func(b []byte, e *timeline.Event) []byte { return appendEventRecord(b, h, e) }
			sel.Budget = recordBudget(args[0])
		}
		return sel
	})
	if !s.OK {
		return a.loadFailed(scanLoaded(s))
	}
	a.notice(args, scanLoaded(s))
	if lookupErr != nil {
		return lookupErr
	}
	ms := s.Matches
	if !s.Sorted {
		jsonl.SortMatches(ms)
	}
	if opts.format == "json" {
		return writeEventsJSON(a.stdout, s, ms)
	}
	return writeEventRecords(a.stdout, s, ms, int(width.Load()))
}

// recordBudget is how many bytes of records a scan of the file at path
// may keep: a sixteenth of its size, and at least minRecordBudget. A list
// whose records take more (most of a large file's events, 105 bytes each)
// reads its events again instead.
func recordBudget(path string) int {
	size := int64(0)
	if info, err := os.Stat(path); err == nil {
		size = info.Size()
	}
	return int(max(minRecordBudget, size/16))
}

// minRecordBudget is a variable for the tests, which make it 0 so that
// the scan of a small file keeps the records of few lists.
var minRecordBudget int64 = 4 << 20

// writeEventRecords is WriteEventsText for the matches ms of a scan, whose
// widest date is dateWidth columns wide. Each event's block is escaped (as
// escaped does the whole list) where it is laid out.
func writeEventRecords(w io.Writer, s *jsonl.Scanned, ms []jsonl.Match, dateWidth int) error {
	if _, err := io.WriteString(w, timeline.VisibleControls(listHeader(s.Header, s.Events, len(ms)))); err != nil {
		return err
	}
	r := newEventRenderer(dateWidth)
	newText := func() jsonl.Text {
		var own []byte // the record of an event the scan kept none of
		return func(b []byte, _ int, rec []byte, e *timeline.Event) ([]byte, error) {
			if rec == nil {
				own = appendEventRecord(own[:0], s.Header, e)
				rec = own
			}
			start := len(b)
			b = r.render(b, rec)
			// A block is whole characters, which VisibleControls escapes one
			// at a time: escaping the blocks one by one escapes the list.
			// Their strings are escaped already, so this is the safety net.
			block := unsafe.String(unsafe.SliceData(b[start:]), len(b)-start)
			if esc := timeline.VisibleControls(block); unsafe.StringData(esc) != unsafe.StringData(block) {
				b = append(b[:start], esc...)
			}
			return b, nil
		}
	}
	return s.Print(ms, newText, func(b []byte) error {
		_, err := w.Write(b)
		return err
	})
}

// writeEventsJSON writes what WriteJSON writes of the EventsJSON of the
// matches ms of a scan, DEL and C1 controls escaped (as visibleJSON), the
// events encoded on several goroutines.
func writeEventsJSON(w io.Writer, s *jsonl.Scanned, ms []jsonl.Match) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteString("{\n  \"dataset\": ")
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(DatasetJSON{File: s.File, Title: optional(s.Header.Title()), Total: s.Events}); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	write := func(b []byte) error {
		_, err := w.Write(b)
		return err
	}
	if len(ms) == 0 {
		buf.WriteString(",\n  \"events\": []\n}\n")
		return write(appendJSONControls(nil, buf.Bytes()))
	}
	buf.WriteString(",\n  \"events\": [\n")
	if err := write(appendJSONControls(nil, buf.Bytes())); err != nil {
		return err
	}
	newText := func() jsonl.Text {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		return func(b []byte, k int, _ []byte, e *timeline.Event) ([]byte, error) {
			if k > 0 {
				b = append(b, ",\n"...)
			}
			buf.Reset()
			if err := enc.Encode(newEventJSON(s.Header, e)); err != nil {
				return b, err
			}
			b = append(b, "    "...)
			// Escaped a value at a time as the whole would be: encoding/json
			// writes valid UTF-8, which jsonControls changes a character at a
			// time.
			return appendJSONControls(b, buf.Bytes()[:buf.Len()-1]), nil // without Encode's newline
		}
	}
	if err := s.Print(ms, newText, write); err != nil {
		return err
	}
	return write([]byte("\n  ]\n}\n"))
}

// actorsScan is actors for a JSON Lines file.
func (a *app) actorsScan(args []string, format string) error {
	s := jsonl.Scan(args[0], nil)
	if !s.OK {
		return a.loadFailed(scanLoaded(s))
	}
	a.notice(args, scanLoaded(s))
	actors := s.Header.Actors()
	events := func(k int) int { return s.ActorEvents[k] }
	return a.write(format,
		func() error { return writeActorsText(a.stdout, actors, events) },
		func() any { return newActorsJSON(actors, events) })
}

// validateScan is what validate needs of one JSON Lines file.
func validateScan(path string) (*data.Loaded, fileCounts) {
	s := jsonl.Scan(path, nil)
	counts := fileCounts{loaded: s.OK, events: s.Events}
	if s.Header != nil {
		counts.actors, counts.sources = len(s.Header.Actors()), len(s.Header.Sources())
	}
	return scanLoaded(s), counts
}
