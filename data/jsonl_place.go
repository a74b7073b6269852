package data

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"dateline/timeline"
)

// jsonlPlacer turns the domain's diagnostics about a JSON Lines file into
// Problems at file positions. The event lines are not kept in memory: the
// line of an event that has a diagnostic is read again from the file,
// through a window that makes reading them in file order sequential, and
// parsed to find the field.
type jsonlPlacer struct {
	st     *jsonlLoad
	ra     io.ReaderAt
	seen   reported
	header locator

	win    []byte // a piece of the file, from winOff
	winOff int64
	winEOF bool // win reaches the end of the file

	cur     int   // the event whose line was parsed last, or -1
	curRoot *node // its tree, nil when it does not parse
}

func (st *jsonlLoad) placer(ra io.ReaderAt) *jsonlPlacer {
	p := &jsonlPlacer{st: st, ra: ra, seen: newReported(st.l.Problems), cur: -1}
	p.header.root = st.header
	return p
}

// all places the diagnostics, dropping those that follow from a problem
// already reported: by the decoder, on a line that is not an event at all,
// or about a quote in a source whose text could not be read.
func (p *jsonlPlacer) all(diags []timeline.Diagnostic) []Problem {
	out := make([]Problem, 0, len(diags))
	for _, dg := range diags {
		i, rest, isEvent := eventPath(dg.Path)
		switch {
		case p.seen.repeats(dg):
			continue
		case isEvent && (i < 0 || i >= len(p.st.lines) || p.st.broken[i]):
			continue
		case dg.Severity == timeline.SeverityCitation && len(p.st.headDec.noText) > 0 && p.st.headDec.noText[citedSource(p.st.ds, dg.Path)]:
			// A source without text is a decoding error, so the Dataset
			// still has its events in file order here.
			continue
		}
		var line, col int
		if isEvent {
			line, col = p.locateEvent(i, rest)
		} else {
			line, col = p.header.locate(dg.Path)
		}
		out = append(out, Problem{Line: line, Col: col, Severity: dg.Severity, Message: dg.Message, Path: dg.Path})
	}
	return out
}

// eventPath splits "events[3].citations[0]" into 3 and ".citations[0]".
func eventPath(p timeline.Path) (i int, rest string, ok bool) {
	s, ok := strings.CutPrefix(string(p), "events[")
	if !ok {
		return 0, "", false
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return -1, "", true
	}
	i, err := strconv.Atoi(s[:end])
	if err != nil {
		return -1, "", true
	}
	return i, s[end+1:], true
}

// locateEvent returns the position of a field (rest, such as ".date" or ""
// for the record) of event i.
func (p *jsonlPlacer) locateEvent(i int, rest string) (line, col int) {
	line = int(p.st.lines[i])
	if p.cur != i {
		p.cur, p.curRoot = i, nil
		if b := p.line(p.st.offs[i]); b != nil {
			if root, serr := parseJSONAt(b, line); serr == nil {
				p.curRoot = root
			}
		}
	}
	if p.curRoot == nil {
		return line, 1
	}
	// Wrapping the event in a one-field mapping makes locate fall back to
	// the event itself when the field is absent.
	wrap := &node{kind: mappingNode, pairs: []pair{{key: &node{text: "e"}, value: p.curRoot}}}
	lc := locator{root: wrap}
	return lc.locate(timeline.Path("e" + rest))
}

// line returns the line that starts at offset off, without its line break,
// or nil when it cannot be read.
func (p *jsonlPlacer) line(off int64) []byte {
	for size := 1 << 20; ; size *= 2 {
		if off >= p.winOff && off <= p.winOff+int64(len(p.win)) {
			rel := p.win[off-p.winOff:]
			if nl := bytes.IndexByte(rel, '\n'); nl >= 0 {
				return rel[:nl]
			}
			if p.winEOF {
				return rel
			}
		}
		if cap(p.win) < size {
			p.win = make([]byte, size)
		}
		n, err := p.ra.ReadAt(p.win[:size], off)
		p.win, p.winOff, p.winEOF = p.win[:n], off, err != nil
		if n == 0 && err != nil {
			return nil
		}
	}
}
