package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

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
	tl := list.tl
	bw := bufio.NewWriter(w)
	header := fmt.Sprintf("%d events", list.total)
	if list.total == 1 {
		header = "1 event"
	}
	if list.n != list.total {
		header = fmt.Sprintf("%d of %d events", list.n, list.total)
	}
	if t := tl.Title(); t != "" {
		header = timeline.VisibleControls(t) + ": " + header
	}
	bw.WriteString(header + "\n")

	col := min(list.dateWidth, maxDateColumn)
	indent := strings.Repeat(" ", col+2)
	err := list.each(func(e *timeline.Event) error {
		bw.WriteString("\n")
		date := HumanDate(e.Date)
		title := e.Title
		if e.Status != timeline.StatusOccurred {
			title = "[" + e.Status.String() + "] " + title
		}
		lines := wrap(timeline.VisibleControls(title), TextWidth-len(indent)) // wrapped as printed
		if displayWidth(date) > col {
			bw.WriteString(date + "\n")
			date = ""
		}
		bw.WriteString(date + strings.Repeat(" ", col+2-displayWidth(date)) + lines[0] + "\n")
		writeLines(bw, indent, lines[1:])
		writeLabelled(bw, indent, "who:  ", timeline.VisibleControls(tl.ActorsLine(e)))
		writeLabelled(bw, indent, "when: ", timeline.VisibleControls(e.DateNote))
		writeLabelled(bw, indent, "cite: ", driftBrief(e))
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
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
