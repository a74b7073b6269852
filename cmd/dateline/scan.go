package main

// list, actors and validate on a JSON Lines file: one streaming pass
// (jsonl.Scan) with every check a load makes, keeping only where the
// selected events are, then a second read of those lines to print them.
// No Timeline is built: no event list, no indexes. The output is the one
// the loaded Timeline gives, byte for byte (scan_test.go compares them).

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"sync/atomic"

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

// listScan is list for a JSON Lines file.
func (a *app) listScan(args []string, opts listOptions, filter timeline.Filter) error {
	var (
		lookupErr error
		width     atomic.Int64 // the widest date of the matches, in columns
	)
	s := jsonl.Scan(args[0], func(h *timeline.Timeline) func(*timeline.Event) bool {
		f := filter
		if f.Actors, lookupErr = lookupActors(h, opts.actors); lookupErr != nil {
			return nil
		}
		match := h.Matcher(f)
		text := opts.format == "text"
		return func(e *timeline.Event) bool {
			if !match(e) {
				return false
			}
			if text {
				w := int64(displayWidth(HumanDate(e.Date)))
				for old := width.Load(); w > old && !width.CompareAndSwap(old, w); old = width.Load() {
				}
			}
			return true
		}
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
		slices.SortFunc(ms, jsonl.Match.Compare)
	}
	list := eventList{tl: s.Header, total: s.Events, n: len(ms), dateWidth: int(width.Load()),
		each: func(fn func(*timeline.Event) error) error { return s.Each(ms, fn) }}
	if opts.format == "json" {
		// As WriteJSON: DEL and C1 controls as \u escapes.
		vw := visibleJSON(a.stdout)
		if err := writeEventsJSON(vw, s.File, list); err != nil {
			return err
		}
		return vw.Flush()
	}
	return escaped(a.stdout, func(w io.Writer) error { return writeEventList(w, list) })
}

// writeEventsJSON writes what WriteJSON writes of the EventsJSON of list,
// one event at a time.
func writeEventsJSON(w io.Writer, file string, list eventList) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteString("{\n  \"dataset\": ")
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(DatasetJSON{File: file, Title: optional(list.tl.Title()), Total: list.total}); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	if list.n == 0 {
		buf.WriteString(",\n  \"events\": []\n}\n")
		_, err := w.Write(buf.Bytes())
		return err
	}
	buf.WriteString(",\n  \"events\": [\n")
	enc.SetIndent("    ", "  ")
	k := 0
	err := list.each(func(e *timeline.Event) error {
		if k > 0 {
			buf.WriteString(",\n")
		}
		k++
		buf.WriteString("    ")
		if err := enc.Encode(newEventJSON(list.tl, e)); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1)
		if buf.Len() >= 64<<10 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
			buf.Reset()
		}
		return nil
	})
	if err != nil {
		return err
	}
	buf.WriteString("\n  ]\n}\n")
	_, err = w.Write(buf.Bytes())
	return err
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
