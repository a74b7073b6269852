package timelinejs

// Reading the TimelineJS Google Sheets template saved as CSV. The header row
// is the contract, not the column order (TimelineJS3
// website/docs/using-spreadsheets.njk, src/template/my-own-timeline.csv);
// rows become slides and go through the shared import model.

import (
	"bytes"
	"dateline/data/internal/schema"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// normHeader normalises a header cell: "End Year" and "end_year" are "endyear".
func normHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if r != ' ' && r != '_' && r != '\t' && r != '\u00a0' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IsSheetsCSV reports whether b is a CSV file whose header row has the
// TimelineJS Sheets columns, in any order: at least Year and Headline.
func IsSheetsCSV(b []byte) bool {
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	if schema.IsJSON(b) {
		return false
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return false
	}
	year, headline := false, false
	for _, h := range header {
		switch normHeader(h) {
		case "year":
			year = true
		case "headline":
			headline = true
		}
	}
	return year && headline
}

// LoadSheetsCSV reads a TimelineJS Sheets CSV into a dataset; name is the
// file name its Problems give. It never returns nil. Problems name the line
// and the column (in characters) where the CSV field at fault starts. Rows
// whose Type is "title" or "era" are the title slide and eras, as in
// TimelineJS; blank rows are skipped; columns not in the template are ignored.
func LoadSheetsCSV(name string, b []byte) *schema.Loaded {
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	im := &importer{name: name}
	sr := &sheetReader{im: im, b: b, r: csv.NewReader(bytes.NewReader(b)), cols: map[string]int{}}
	sr.r.FieldsPerRecord = -1
	sr.lineStarts()
	header, err := sr.r.Read()
	if err != nil {
		sr.syntax(err)
		return &schema.Loaded{File: name, Problems: im.probs}
	}
	sr.row = header
	for i, h := range header {
		key := normHeader(h)
		if _, dup := sr.cols[key]; dup && key != "" {
			im.warnf(sr.at(i), "column %s appears twice; the first is used", schema.Clip(strings.TrimSpace(h)))
			continue
		}
		sr.cols[key] = i
	}
	if _, ok := sr.cols["group"]; !ok {
		if i, ok := sr.cols["tag"]; ok {
			sr.cols["group"] = i // the template's old name
		}
	}
	_, year := sr.cols["year"]
	_, headline := sr.cols["headline"]
	if !year || !headline {
		im.errorf(pos{1, 1}, "not a TimelineJS sheet: the header row needs Year and Headline columns (it has %s)", strings.Join(header, ", "))
		return &schema.Loaded{File: name, Problems: im.probs}
	}
	for {
		row, err := sr.r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			sr.syntax(err)
			return &schema.Loaded{File: name, Problems: im.probs}
		}
		sr.row = row
		sr.read()
	}
	return im.build()
}

// sheetReader reads the rows of one sheet.
type sheetReader struct {
	im     *importer
	b      []byte
	starts []int // byte offset of each line
	r      *csv.Reader
	cols   map[string]int // normalised header → column index
	row    []string
}

func (sr *sheetReader) lineStarts() {
	sr.starts = []int{0}
	for i, c := range sr.b {
		if c == '\n' {
			sr.starts = append(sr.starts, i+1)
		}
	}
}

// place converts the csv package's line and 1-based byte column to our
// position, whose column counts characters.
func (sr *sheetReader) place(line, byteCol int) pos {
	if line < 1 || line > len(sr.starts) {
		return pos{max(line, 1), max(byteCol, 1)}
	}
	start := sr.starts[line-1]
	end := min(start+byteCol-1, len(sr.b))
	return pos{line, utf8.RuneCount(sr.b[start:end]) + 1}
}

// at is where field i of the current row starts.
func (sr *sheetReader) at(i int) pos {
	line, col := sr.r.FieldPos(min(i, len(sr.row)-1))
	return sr.place(line, col)
}

// syntax reports a CSV syntax error at its position.
func (sr *sheetReader) syntax(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		sr.im.errorf(sr.place(pe.Line, pe.Column), "CSV syntax error: %v", pe.Err)
		return
	}
	sr.im.errorf(pos{1, 1}, "cannot read the CSV: %v", err)
}

// cell returns the trimmed value of a column of the current row and where
// it starts; "" when the sheet or the row lacks the column.
func (sr *sheetReader) cell(key string) (string, pos) {
	i, ok := sr.cols[key]
	if !ok || i >= len(sr.row) {
		return "", pos{}
	}
	return strings.TrimSpace(sr.row[i]), sr.at(i)
}

// read turns the current row into a slide.
func (sr *sheetReader) read() {
	blank := true
	for _, f := range sr.row {
		blank = blank && strings.TrimSpace(f) == ""
	}
	if blank {
		return
	}
	s := &slide{at: sr.at(0)}
	var text string
	text, s.headlineAt = sr.cell("headline")
	s.headline = htmlToText(text)
	text, _ = sr.cell("text")
	s.text = htmlToText(text)
	text, _ = sr.cell("displaydate")
	s.display = htmlToText(text)
	text, s.groupAt = sr.cell("group")
	s.group = htmlToText(text)
	m := &Media{}
	m.URL, m.at = sr.cell("media")
	text, _ = sr.cell("mediacaption")
	m.Caption = htmlToText(text)
	var credAt pos
	text, credAt = sr.cell("mediacredit")
	m.Credit = htmlToText(text)
	if m.URL != "" || m.Caption != "" || m.Credit != "" {
		if m.at.line == 0 {
			m.at = credAt
		}
		s.media = m
	}
	kind, _ := sr.cell("type")
	kind = strings.ToLower(kind)
	s.start = sr.date("", "Year", kind != "title")
	s.end = sr.date("end", "End Year", false)
	switch {
	case kind == "title" && sr.im.title == nil:
		sr.im.title = s
	case kind == "title":
		sr.im.warnf(s.at, "a second title row is read as an event, as TimelineJS does")
		sr.im.events = append(sr.im.events, s)
	case kind == "era":
		if s.end == nil && s.start != nil {
			sr.im.errorf(s.at, "era row has no End Year (TimelineJS needs both ends of an era)")
		}
		sr.im.eras = append(sr.im.eras, s)
	default:
		sr.im.events = append(sr.im.events, s)
	}
}

// date reads the Year, Month, Day and Time columns (prefix "end" for the
// end date); nil when the year is empty (reported when the row needs a date
// or gives other parts) or a part is invalid (reported).
func (sr *sheetReader) date(prefix, yearName string, needed bool) *slideDate {
	year, yearAt := sr.cell(prefix + "year")
	d := &slideDate{at: yearAt}
	if d.at.line == 0 {
		d.at = sr.at(0)
	}
	var others []string
	for _, part := range []string{"month", "day", "time"} {
		if v, _ := sr.cell(prefix + part); v != "" {
			others = append(others, v)
		}
	}
	if cleanInteger(year) == "" {
		switch {
		case needed:
			sr.im.errorf(d.at, "row has no %s (TimelineJS needs one to place it)", yearName)
		case len(others) > 0 && prefix == "end":
			sr.im.warnf(d.at, "End Year is empty, so End Month, End Day and End Time are ignored, as TimelineJS does")
		}
		return nil
	}
	good := true
	num := func(key, label string) (int64, pos, bool) {
		v, at := sr.cell(key)
		c := cleanInteger(v)
		if c == "" {
			return 0, at, false
		}
		n, err := strconv.ParseInt(c, 10, 64)
		if err != nil || (key != prefix+"year" && (n < -1<<20 || n > 1<<20)) {
			if strings.Trim(strings.TrimPrefix(c, "-"), "0123456789") == "" {
				sr.im.errorf(at, "%s %s is out of range", label, schema.Clip(v))
			} else {
				sr.im.errorf(at, "%s must be a whole number, got %s", label, schema.Clip(v))
			}
			good = false
			return 0, at, false
		}
		return n, at, true
	}
	label := func(s string) string {
		if prefix == "" {
			return s
		}
		return "End " + s
	}
	d.year, _, _ = num(prefix+"year", label("Year"))
	var m, dd int64
	m, d.monthAt, _ = num(prefix+"month", label("Month"))
	dd, d.dayAt, _ = num(prefix+"day", label("Day"))
	d.month, d.day = int(m), int(dd)
	if c, _ := sr.cell(prefix + "month"); strings.TrimSpace(c) != "" {
		d.monthGiven = true
	}
	if c, _ := sr.cell(prefix + "day"); strings.TrimSpace(c) != "" {
		d.dayGiven = true
	}
	if t, at := sr.cell(prefix + "time"); t != "" {
		d.timeAt = at
		h, mi, sec, err := parseSheetTime(t)
		if err != "" {
			sr.im.errorf(at, "%s %s: %s", label("Time"), schema.Clip(t), err)
			good = false
		}
		d.hasTime, d.hour, d.minute, d.second = true, h, mi, sec
	}
	if !good {
		return nil
	}
	return d
}

// cleanInteger drops white space and thousands commas from a number, as
// TimelineJS does with spreadsheet cells ("12,000" is 12000).
func cleanInteger(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ',' || r == ' ' || r == '\t' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// parseSheetTime reads a Time cell as TimelineJS does: "10", "10:30",
// "10:30:15", "10.30", "1030", with an optional AM or PM ("10:30 PM",
// "10:30 p.m."); fractional seconds are dropped. why is empty on success.
func parseSheetTime(s string) (hour, minute, second int, why string) {
	t := strings.TrimSpace(s)
	pm, am := false, false
	lower := strings.ToLower(t)
	for _, suffix := range []string{"a.m.", "p.m.", "am", "pm", "a.m", "p.m"} {
		if strings.HasSuffix(lower, suffix) {
			pm, am = suffix[0] == 'p', suffix[0] == 'a'
			t = strings.TrimSpace(t[:len(t)-len(suffix)])
			break
		}
	}
	var parts []string
	switch {
	case len(t) >= 3 && len(t) <= 4 && strings.Trim(t, "0123456789") == "":
		parts = []string{t[:len(t)-2], t[len(t)-2:]}
	case strings.Contains(t, ":"):
		parts = strings.Split(t, ":")
	default:
		parts = strings.Split(t, ".")
	}
	if len(parts) > 3 {
		return 0, 0, 0, "too many separators (want hh:mm:ss)"
	}
	if len(parts) == 3 {
		sec, _, _ := strings.Cut(strings.ReplaceAll(parts[2], ",", "."), ".")
		parts[2] = sec
	}
	vals := [3]int{}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 2 || strings.Trim(p, "0123456789") != "" {
			return 0, 0, 0, "want a time such as 10:30, 10:30:15 or 10:30 PM"
		}
		vals[i], _ = strconv.Atoi(p)
	}
	hour = vals[0]
	switch {
	case (am || pm) && (hour < 1 || hour > 12):
		return 0, 0, 0, "an AM or PM hour is 1 to 12"
	case pm && hour != 12:
		hour += 12
	case am && hour == 12:
		hour = 0
	}
	return hour, vals[1], vals[2], ""
}
