package jsonl

import (
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// placer turns the domain's diagnostics about a JSON Lines file into
// Problems at file positions. The event lines are not kept in memory: the
// block of lines of an event that has a diagnostic is read again from the
// file (diagnostics come in file order, so each block at most once), and
// the event's line parsed to find the field.
type placer struct {
	st     *loader
	ra     io.ReaderAt
	seen   schema.Reported
	header schema.Locator

	block int       // the block whose lines are in buf and lines, or -1
	buf   []byte    // that block, read again
	lines []lineRef // its event lines

	cur     int          // the event whose line was parsed last, or -1
	curRoot *schema.Node // its tree, nil when it does not parse
}

// lineRef is an event line of the block in buf: its number and its bytes.
type lineRef struct {
	line       int
	start, end int
}

func (st *loader) placer(ra io.ReaderAt) *placer {
	p := &placer{st: st, ra: ra, seen: schema.NewReported(st.l.Problems), cur: -1, block: -1}
	p.header.Root = st.header
	return p
}

// all places the diagnostics, dropping those that follow from a problem
// already reported: by the decoder, on a line that is not an event at all,
// or about a quote in a source whose text could not be read.
func (p *placer) all(diags []timeline.Diagnostic) []schema.Problem {
	out := make([]schema.Problem, 0, len(diags))
	for _, dg := range diags {
		i, rest, isEvent := eventPath(dg.Path)
		switch {
		case p.seen.Repeats(dg):
			continue
		case isEvent && (i < 0 || i >= p.st.n || p.st.broken[i]):
			continue
		case dg.Severity == timeline.SeverityCitation && len(p.st.headDec.NoText) > 0 && p.st.headDec.NoText[schema.CitedSource(p.st.ds, dg.Path)]:
			// A source without text is a decoding error, so the Dataset
			// still has its events in file order here.
			continue
		}
		var line, col int
		if isEvent {
			line, col = p.locateEvent(i, rest)
		} else {
			line, col = p.header.Locate(dg.Path)
		}
		// The uses are named by path (events[i] is the i-th event line):
		// placing them would read blocks out of file order.
		out = append(out, schema.Problem{Line: line, Col: col, Severity: dg.Severity, Message: dg.Text(nil), Path: dg.Path})
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
func (p *placer) locateEvent(i int, rest string) (line, col int) {
	line, text := p.eventLine(i)
	if p.cur != i {
		p.cur, p.curRoot = i, nil
		if text != nil {
			if root, serr := parseJSONAt(text, line); serr == nil {
				p.curRoot = root
			}
		}
	}
	if p.curRoot == nil {
		return max(line, 1), 1
	}
	// Wrapping the event in a one-field mapping makes locate fall back to
	// the event itself when the field is absent.
	wrap := &schema.Node{Kind: schema.MappingNode, Pairs: []schema.Pair{{Key: &schema.Node{Text: "e"}, Value: p.curRoot}}}
	lc := schema.Locator{Root: wrap}
	return lc.Locate(timeline.Path("e" + rest))
}

// eventLine returns the line number and the text of event i, reading its
// block again from the file; text is nil when it cannot be read.
// Diagnostics come in dataset order, so each block is read once.
func (p *placer) eventLine(i int) (line int, text []byte) {
	blocks := p.st.blocks
	b := sort.Search(len(blocks), func(k int) bool { return blocks[k].event > i }) - 1
	if b < 0 {
		return 0, nil
	}
	if b != p.block {
		p.block, p.lines = b, p.lines[:0]
		blk := blocks[b]
		if cap(p.buf) < blk.size {
			p.buf = make([]byte, blk.size)
		}
		p.buf = p.buf[:blk.size]
		if n, err := p.ra.ReadAt(p.buf, blk.offset); n < blk.size && err != nil {
			p.buf = p.buf[:n] // the file changed: place what can be
		}
		at, n := 0, blk.line
		for rest := p.buf; len(rest) > 0; n++ {
			l := rest
			if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
				l, rest = rest[:nl], rest[nl+1:]
			} else {
				rest = nil
			}
			if !IsBlankLine(l) {
				p.lines = append(p.lines, lineRef{n, at, at + len(l)})
			}
			at += len(l) + 1
		}
	}
	k := i - blocks[b].event
	if k >= len(p.lines) {
		return blocks[b].line, nil
	}
	r := p.lines[k]
	return r.line, p.buf[r.start:r.end]
}
