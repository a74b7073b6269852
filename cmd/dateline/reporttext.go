package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/width"

	"dateline/data"
	"dateline/timeline"
)

// TextWidth is the width, in terminal columns, that the text reports wrap
// to. It is fixed rather than taken from the terminal so that the output is
// the same on screen, in a pipe and in golden files.
const TextWidth = 80

// maxDateColumn caps the date column of the event list; a longer date gets
// a line of its own so one long interval does not push every title right.
const maxDateColumn = 22

// WriteEventsText writes the events of l at the chronological indexes idx
// for people: a header line, then one block per event, in order:
//
//	Sep 2023      [alleged] Title, wrapped under itself
//	              who:  Kim Jong-un (recipient), Vladimir Putin
//	              when: the date note, wrapped under itself
//	              cite: [2] re-anchored (score 0.83)
//
// The cite line appears only for citations whose source changed since they
// were anchored (re-anchored or orphaned); see driftBrief.
//
// l must have a Timeline.
func WriteEventsText(w io.Writer, l *data.Loaded, idx []int) error {
	return escaped(w, func(w io.Writer) error { return writeEventsText(w, l, idx) })
}

// escaped runs write on a writer that escapes control characters from the
// data (timeline.VisibleControls) on their way to w.
func escaped(w io.Writer, write func(io.Writer) error) error {
	vw := visibleText(w)
	if err := write(vw); err != nil {
		return err
	}
	return vw.Flush()
}

func writeEventsText(w io.Writer, l *data.Loaded, idx []int) error {
	tl := l.Timeline
	col := 0
	for _, i := range idx {
		col = max(col, displayWidth(HumanDate(tl.Event(i).Date)))
	}
	return writeEventList(w, eventList{tl: tl, total: tl.Len(), n: len(idx), dateWidth: col, each: func(fn func(*timeline.Event) error) error {
		for _, i := range idx {
			if err := fn(tl.Event(i)); err != nil {
				return err
			}
		}
		return nil
	}})
}

// eventList is the events a report shows: n of the dataset's total, one
// after the other through each; tl has the dataset's title, actors and
// sources (its events are not read). dateWidth is the widest of their
// dates (HumanDate), in columns.
type eventList struct {
	tl        *timeline.Timeline
	total, n  int
	dateWidth int
	each      func(fn func(*timeline.Event) error) error
}

// writeEventList is WriteEventsText for a list of events; w escapes
// control characters (see escaped).
func writeEventList(w io.Writer, list eventList) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(listHeader(list.tl, list.total, list.n))
	r := newEventRenderer(list.dateWidth)
	var rec, out []byte
	err := list.each(func(e *timeline.Event) error {
		rec = appendEventRecord(rec[:0], list.tl, e)
		out = r.render(out[:0], rec)
		_, err := bw.Write(out)
		return err
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// listHeader is the first line of the event list: how many of the
// dataset's total it shows, after the dataset's title.
func listHeader(tl *timeline.Timeline, total, n int) string {
	header := fmt.Sprintf("%d events", total)
	if total == 1 {
		header = "1 event"
	}
	if n != total {
		header = fmt.Sprintf("%d of %d events", n, total)
	}
	if t := tl.Title(); t != "" {
		header = timeline.VisibleControls(t) + ": " + header
	}
	return header + "\n"
}

// The event list prints each event in two steps: its record, the strings
// of its block as printed (escaped), which does not depend on the other
// events, then its block, laid out for the date column, which depends on
// the widest date of all. A scan makes the records as it finds the events
// (see listScan), and lays them out at the end.

// appendEventRecord appends the record of e, an event of tl's dataset, to
// b: its date, title (after its status), actors (as tl.ActorsLine), date
// note and changed citations (see driftBrief), each as its length
// (uvarint) and its bytes, escaped by timeline.VisibleControls but the
// date and citations, which have no controls. It makes no string of its
// own but the date (and the citations', when they changed).
func appendEventRecord(b []byte, tl *timeline.Timeline, e *timeline.Event) []byte {
	b = appendRecordString(b, HumanDate(e.Date))
	// Escaping the parts of a string, joined by visible ASCII, escapes the
	// string: VisibleControls works a character at a time.
	b, at := beginRecordString(b)
	if e.Status != timeline.StatusOccurred {
		b = append(append(append(b, '['), e.Status.String()...), "] "...)
	}
	b = endRecordString(append(b, timeline.VisibleControls(e.Title)...), at)
	b, at = beginRecordString(b)
	for k, r := range e.Actors {
		if k > 0 {
			b = append(b, ", "...)
		}
		b = append(b, timeline.VisibleControls(tl.ActorName(r.Actor))...)
		if r.Role != "" {
			b = append(append(append(b, " ("...), timeline.VisibleControls(r.Role)...), ')')
		}
	}
	b = endRecordString(b, at)
	b = appendRecordString(b, timeline.VisibleControls(e.DateNote))
	return appendRecordString(b, driftBrief(e))
}

func appendRecordString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// beginRecordString makes room for the length of a string of a record
// appended next, at the returned index, which endRecordString fills in.
func beginRecordString(b []byte) ([]byte, int) {
	return append(b, make([]byte, binary.MaxVarintLen64)...), len(b)
}

func endRecordString(b []byte, at int) []byte {
	start := at + binary.MaxVarintLen64
	var n [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(n[:], uint64(len(b)-start))
	copy(b[at:], n[:k])
	m := copy(b[at+k:], b[start:])
	return b[:at+k+m]
}

// nextRecordString splits the first string off a record: a view of its
// bytes, not a copy, valid while the record is unchanged.
func nextRecordString(rec []byte) (string, []byte) {
	n, k := binary.Uvarint(rec)
	if k <= 0 || n > uint64(len(rec)-k) {
		panic("dateline: a broken event record")
	}
	end := k + int(n)
	return unsafe.String(unsafe.SliceData(rec[k:]), int(n)), rec[end:]
}

// eventRenderer lays out the records of an event list whose widest date
// is dateWidth columns wide:
//
//	Sep 2023      [alleged] Title, wrapped under itself
//	              who:  Kim Jong-un (recipient), Vladimir Putin
//
// It keeps no state: one may be used from several goroutines at once.
type eventRenderer struct {
	col    int    // the date column's width
	indent string // col+2 spaces
}

func newEventRenderer(dateWidth int) eventRenderer {
	col := min(dateWidth, maxDateColumn)
	return eventRenderer{col: col, indent: strings.Repeat(" ", col+2)}
}

// render appends the block of the event whose record is rec to b, after
// the blank line that separates it from the one before.
func (r eventRenderer) render(b, rec []byte) []byte {
	date, rec := nextRecordString(rec)
	title, rec := nextRecordString(rec)
	who, rec := nextRecordString(rec)
	when, rec := nextRecordString(rec)
	cite, _ := nextRecordString(rec)
	b = append(b, '\n')
	dw := displayWidth(date)
	if dw > r.col {
		b = append(append(b, date...), '\n')
		date, dw = "", 0
	}
	b = append(b, date...)
	b = appendSpaces(b, r.col+2-dw)
	b = appendWrapped(b, title, TextWidth-len(r.indent), r.indent, 0) // wrapped as printed
	b = r.labelled(b, "who:  ", who)
	b = r.labelled(b, "when: ", when)
	return r.labelled(b, "cite: ", cite)
}

// labelled is writeLabelled for render.
func (r eventRenderer) labelled(b []byte, label, text string) []byte {
	if strings.TrimSpace(text) == "" {
		return b
	}
	lw := displayWidth(label)
	b = append(append(b, r.indent...), label...)
	return appendWrapped(b, text, TextWidth-len(r.indent)-lw, r.indent, lw)
}

// appendWrapped appends text as wrap breaks it into lines of w columns,
// each ended by a line break and every one but the first begun with
// indent and pad spaces: writeLines of wrap's lines, without the strings.
func appendWrapped(b []byte, text string, w int, indent string, pad int) []byte {
	w = max(w, 20) // as wrap
	lineW, empty := 0, true
	for word := range strings.FieldsSeq(text) {
		ww := displayWidth(word)
		if !empty && lineW+1+ww > w {
			b = appendSpaces(append(append(b, '\n'), indent...), pad)
			lineW, empty = 0, true
		}
		if !empty {
			b = append(b, ' ')
			lineW++
		}
		b = append(b, word...)
		lineW += ww
		empty = false
	}
	return append(b, '\n')
}

func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}

// driftBrief marks the citations of an event whose source changed since
// they were anchored, by their 1-based number: "[2] re-anchored (score
// 0.83); [3] orphaned (best score 0.41)"; "" when there are none.
func driftBrief(e *timeline.Event) string {
	var parts []string
	for k, c := range e.Citations {
		score := timeline.FormatScore(c.Span.Score)
		switch {
		case c.Span.Reanchored:
			parts = append(parts, fmt.Sprintf("[%d] re-anchored (score %s)", k+1, score))
		case c.Span.Orphaned:
			parts = append(parts, fmt.Sprintf("[%d] orphaned (best score %s)", k+1, score))
		}
	}
	return strings.Join(parts, "; ")
}

// WriteActorsText writes a table of the actors in dataset order: id, name,
// kind, event count and aliases. Each actor stays on one line, however
// long its aliases, so that the output can be grepped.
func WriteActorsText(w io.Writer, tl *timeline.Timeline) error {
	return writeActorsText(w, tl.Actors(), func(k int) int { return tl.ActorEventCount(tl.Actors()[k].ID) })
}

// writeActorsText is WriteActorsText for actors whose k-th lists events(k) events.
func writeActorsText(w io.Writer, actors []timeline.Actor, events func(k int) int) error {
	rows := [][]string{{"ID", "NAME", "KIND", "EVENTS", "ALIASES"}}
	for k, a := range actors {
		rows = append(rows, []string{a.ID, a.Name, a.Kind.String(),
			strconv.Itoa(events(k)), strings.Join(a.Aliases, ", ")})
	}
	return escaped(w, func(w io.Writer) error { return writeTable(w, rows, 3) }) // right-align the counts
}

// WriteSourcesText writes each source's metadata, the size of its text and
// how many citations point into it; `sources --format json` has the text.
func WriteSourcesText(w io.Writer, tl *timeline.Timeline) error {
	return escaped(w, func(w io.Writer) error { return writeSourcesText(w, tl) })
}

func writeSourcesText(w io.Writer, tl *timeline.Timeline) error {
	cited := map[string]int{}
	for i := range tl.Len() {
		for _, c := range tl.Event(i).Citations {
			cited[c.Source]++
		}
	}
	bw := bufio.NewWriter(w)
	for n, s := range tl.Sources() {
		if n > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString(s.ID + "\n")
		field := func(label, value string) {
			if value != "" {
				writeLabelled(bw, "  ", fmt.Sprintf("%-11s", label), value)
			}
		}
		field("title", s.Title)
		field("publisher", orDefault(s.Publisher, "unknown"))
		field("published", datePair(s.Published))
		field("url", s.URL)
		field("retrieved", datePair(s.Retrieved))
		field("archive", s.ArchiveURL)
		field("text", fmt.Sprintf("%d characters, %s", utf8.RuneCountInString(s.Text), timeline.Plural(paragraphs(s.Text), "paragraph")))
		field("sha256", textSHA256(s.Text))
		field("citations", strconv.Itoa(cited[s.ID]))
	}
	return bw.Flush()
}

// datePair formats a date as "20 Feb 2024 (2024-02-20)", or "" when zero.
func datePair(d timeline.Date) string {
	if d.IsZero() {
		return ""
	}
	if h := d.Human(); h != d.String() {
		return h + " (" + d.String() + ")"
	}
	return d.String()
}

// paragraphs counts the blocks of text separated by blank lines, the unit
// of timeline.Span.Paragraph.
func paragraphs(text string) int {
	n, inPara := 0, false
	for line := range strings.SplitSeq(text, "\n") {
		blank := strings.TrimSpace(line) == ""
		if !blank && !inPara {
			n++
		}
		inPara = !blank
	}
	return n
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// writeTable writes rows as columns separated by two spaces; column right
// is right-aligned and the last column is left unpadded.
func writeTable(w io.Writer, rows [][]string, right int) error {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			r[i] = timeline.VisibleControls(c) // measured as printed
			widths[i] = max(widths[i], displayWidth(r[i]))
		}
	}
	bw := bufio.NewWriter(w)
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-displayWidth(c))
			switch {
			case i == len(r)-1:
				b.WriteString(c)
			case i == right:
				b.WriteString(pad + c + "  ")
			default:
				b.WriteString(c + pad + "  ")
			}
		}
		bw.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
	return bw.Flush()
}

// writeLabelled writes "indent label text", the text wrapped to TextWidth
// with its continuation lines aligned under its first word. Nothing is
// written when text is empty.
func writeLabelled(bw *bufio.Writer, indent, label, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	lines := wrap(text, TextWidth-len(indent)-displayWidth(label))
	bw.WriteString(indent + label + lines[0] + "\n")
	writeLines(bw, indent+strings.Repeat(" ", displayWidth(label)), lines[1:])
}

func writeLines(bw *bufio.Writer, indent string, lines []string) {
	for _, l := range lines {
		bw.WriteString(indent + l + "\n")
	}
}

// wrap breaks text into lines of at most w columns at spaces; runs of white
// space (newlines included) collapse to one space, and a word wider than w
// gets a line of its own. It returns at least one line.
func wrap(text string, w int) []string {
	w = max(w, 20) // keep something readable however deep the indent
	var lines []string
	line, lineW := "", 0
	for _, word := range strings.Fields(text) {
		ww := displayWidth(word)
		if line != "" && lineW+1+ww > w {
			lines = append(lines, line)
			line, lineW = "", 0
		}
		if line != "" {
			line += " "
			lineW++
		}
		line += word
		lineW += ww
	}
	return append(lines, line)
}

// displayWidth is the number of terminal columns s takes: two for East
// Asian wide and fullwidth characters (Korean, Chinese, most emoji), one
// otherwise. Combining marks are rare in our data and counted as one.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			n++ // ASCII is never wide; the common case, without the table
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
