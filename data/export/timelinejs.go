package export

// Writing TimelineJS JSON and the Sheets CSV. Both are built from one list
// of slides, so that the two agree; only the keys the TimelineJS format
// documents are written.

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"

	"dateline/data/timelinejs"
	"dateline/timeline"
)

// outDate is a TimelineJS date object to write; years are TimelineJS years
// (negative for BCE, no year 0).
type outDate struct {
	Year   int64 `json:"year"`
	Month  int   `json:"month,omitempty"`
	Day    int   `json:"day,omitempty"`
	Hour   *int  `json:"hour,omitempty"`
	Minute *int  `json:"minute,omitempty"`
	Second *int  `json:"second,omitempty"`
}

type outText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type outMedia struct {
	URL     string `json:"url"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// outSlide is a TimelineJS slide to write. Headline and text are HTML.
type outSlide struct {
	StartDate   *outDate  `json:"start_date,omitempty"`
	EndDate     *outDate  `json:"end_date,omitempty"`
	DisplayDate string    `json:"display_date,omitempty"`
	Text        outText   `json:"text"`
	Media       *outMedia `json:"media,omitempty"`
	Group       string    `json:"group,omitempty"`
	UniqueID    string    `json:"unique_id,omitempty"`
	human       string    // the date for people, for display_date when the dates lose precision
}

// outFile is a TimelineJS file to write.
type outFile struct {
	Title  *outSlide  `json:"title,omitempty"`
	Scale  string     `json:"scale"`
	Eras   []outSlide `json:"eras,omitempty"`
	Events []outSlide `json:"events"`
}

// JavaScript dates, and so TimelineJS's human scale, reach from 271,821 BCE
// to 275,760 CE; beyond, a timeline needs the cosmological scale.
const (
	jsFirstYear = -271820
	jsLastYear  = 275759
)

func writeTimelineJS(w io.Writer, tl *timeline.Timeline, idx []int) error {
	f := timelineJS(tl, idx)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // the text is HTML on purpose; keep it readable
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// timelineJS builds the TimelineJS file for the events at idx.
func timelineJS(tl *timeline.Timeline, idx []int) *outFile {
	f := &outFile{Scale: "human", Events: []outSlide{}}
	f.Title = &outSlide{Text: outText{Headline: timelinejs.EscText(cmp.Or(tl.Title(), "Chronology")), Text: titleText(tl, idx)}}
	if s, ok := tl.Source(timelinejs.TitleSourceID); ok && s.URL != "" {
		f.Title.Media = &outMedia{URL: s.URL}
	}
	for _, i := range idx {
		e := tl.Event(i)
		if e.Date.IsZero() {
			continue
		}
		s := slideOf(tl, e)
		if isEra(e) {
			s.Media, s.Group, s.UniqueID = nil, "", "" // not era keys
			f.Eras = append(f.Eras, s)
			continue
		}
		f.Events = append(f.Events, s)
	}
	for _, list := range [][]outSlide{f.Events, f.Eras} {
		for _, sl := range list {
			for _, d := range []*outDate{sl.StartDate, sl.EndDate} {
				if d != nil && (d.Year < jsFirstYear || d.Year > jsLastYear) {
					f.Scale = "cosmological"
				}
			}
		}
	}
	if f.Scale == "cosmological" {
		for _, list := range [][]outSlide{f.Events, f.Eras} {
			for k := range list {
				yearOnly(&list[k])
			}
		}
	}
	return f
}

// yearOnly cuts a slide's dates to the year, which is all the cosmological
// scale reads, keeping what was finer in display_date.
func yearOnly(s *outSlide) {
	finer := false
	for _, d := range []*outDate{s.StartDate, s.EndDate} {
		if d != nil && (d.Month != 0 || d.Hour != nil) {
			finer = true
			*d = outDate{Year: d.Year}
		}
	}
	if finer && s.DisplayDate == "" {
		s.DisplayDate = s.human
	}
}

// isEra reports whether an event goes back to TimelineJS as an era: tagged
// "era" (as imported eras are), without citations (an era has no place for
// them), with both ends known.
func isEra(e *timeline.Event) bool {
	return slices.Contains(e.Tags, timelinejs.EraTag) && len(e.Citations) == 0 &&
		e.Date.StartKind() == timeline.EndDate && e.Date.EndKind() == timeline.EndDate
}

// slideOf builds the slide of a dated event.
func slideOf(tl *timeline.Timeline, e *timeline.Event) outSlide {
	display, note := splitNote(e.DateNote)
	start, end, human, lossy := tjsDates(e.Date)
	s := outSlide{StartDate: start, EndDate: end, UniqueID: e.ID, Group: groupOf(tl, e), human: human}
	switch {
	case display != "":
		s.DisplayDate = display // the display date the event was imported with
	case lossy:
		s.DisplayDate = human
	}
	s.Text = outText{Headline: timelinejs.EscText(e.Title), Text: slideText(tl, e, note)}
	if m := mediaOf(tl, e); m != nil && m.URL != "" {
		s.Media = &outMedia{URL: m.URL, Caption: timelinejs.EscText(m.Caption), Credit: timelinejs.EscText(m.Credit)}
	}
	return s
}

// slideText is the HTML of an event's slide: the status when not
// "occurred", the summary, the actors with their roles, the date note, and each
// quote as a blockquote with its source and paragraph.
func slideText(tl *timeline.Timeline, e *timeline.Event, note string) string {
	var b strings.Builder
	line := func(label, text string) {
		if text != "" {
			b.WriteString("<p><strong>" + label + ":</strong> " + timelinejs.EscText(timelinejs.OneLine(text)) + "</p>")
		}
	}
	if e.Status != timeline.StatusOccurred {
		line("Status", e.Status.String())
	}
	b.WriteString(timelinejs.TextToHTML(e.Summary))
	line("Who", tl.ActorsLine(e))
	line("Date", note)
	for _, q := range quotesOf(tl, e) {
		b.WriteString("<blockquote>" + timelinejs.TextToHTML(q.text) + "<p>— " + citeHTML(q) + "</p></blockquote>")
	}
	return b.String()
}

// citeHTML names a quote's source, linked when it has a URL, and paragraph.
func citeHTML(q quoted) string {
	if q.source == nil {
		return timelinejs.EscText(q.where(true))
	}
	title := timelinejs.EscText(q.source.Title)
	if q.source.URL != "" {
		title = `<a href="` + html.EscapeString(q.source.URL) + `">` + title + "</a>"
	}
	rest := strings.TrimPrefix(q.where(true), q.source.Title)
	return "<cite>" + title + "</cite>" + timelinejs.EscText(rest)
}

// titleText is the title slide's text: the text of an imported title slide
// when there is one, else the list of the sources the events cite.
func titleText(tl *timeline.Timeline, idx []int) string {
	if s, ok := tl.Source(timelinejs.TitleSourceID); ok {
		return timelinejs.TextToHTML(s.Text)
	}
	srcs := citedSources(tl, idx, false)
	if len(srcs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<p>Sources:</p><ul>")
	for _, s := range srcs {
		b.WriteString("<li>" + citeHTML(quoted{source: s}) + "</li>")
	}
	b.WriteString("</ul>")
	return b.String()
}

// tjsDates converts a date to TimelineJS start and end dates. lossy is true
// when they do not say all the date says (a qualifier, a time zone, "X"
// digits, a season, an open or unknown end), so that the slide needs the
// human date as display_date. TimelineJS has no open intervals: an open or
// unknown end is left out and only the known end is written.
func tjsDates(d timeline.Date) (start, end *outDate, human string, lossy bool) {
	human = d.Human()
	lossy = d.Approximate() || d.Uncertain()
	if !d.IsInterval() {
		lo, hi, exact := endParts(d)
		if exact {
			hi = nil
		}
		return lo, hi, human, lossy || !exact || hasZone(d.String())
	}
	st, en := d.Start(), d.End()
	if st.IsZero() || en.IsZero() {
		known := st
		if known.IsZero() {
			known = en
		}
		lo, hi, exact := endParts(known)
		if exact {
			hi = nil
		}
		return lo, hi, human, true
	}
	lo, _, ex1 := endParts(st)
	_, hi, ex2 := endParts(en)
	return lo, hi, human, lossy || !ex1 || !ex2
}

// endParts converts a single date to its first and last TimelineJS dates
// at its precision (a season at month precision); exact is true when they
// are equal, so that one date object says it all.
func endParts(d timeline.Date) (lo, hi *outDate, exact bool) {
	first, _ := d.Earliest()
	last, _ := d.Latest()
	lo, hi = civilParts(first, d.Precision()), civilParts(last, d.Precision())
	if d.Precision() == timeline.PrecisionSecond {
		raw := d.String()
		if i := strings.IndexByte(raw, 'T'); i >= 0 && len(raw) >= i+9 {
			h, _ := strconv.Atoi(raw[i+1 : i+3])
			m, _ := strconv.Atoi(raw[i+4 : i+6])
			sec, _ := strconv.Atoi(raw[i+7 : i+9])
			lo.Hour, lo.Minute, lo.Second = &h, &m, &sec
			hi = lo
		}
	}
	exact = lo.Year == hi.Year && lo.Month == hi.Month && lo.Day == hi.Day
	return lo, hi, exact
}

// civilParts writes a day as a TimelineJS date at precision p.
func civilParts(day timeline.Day, p timeline.Precision) *outDate {
	y, m, d := day.Civil()
	o := &outDate{Year: tjsYear(y)}
	if p == timeline.PrecisionMonth || p == timeline.PrecisionSeason || p == timeline.PrecisionDay || p == timeline.PrecisionSecond {
		o.Month = m
	}
	if p == timeline.PrecisionDay || p == timeline.PrecisionSecond {
		o.Day = d
	}
	return o
}

// tjsYear converts an astronomical year to TimelineJS's: 0 is 1 BCE, which
// TimelineJS writes -1.
func tjsYear(y int64) int64 {
	if y <= 0 {
		return y - 1
	}
	return y
}

// hasZone reports whether EDTF text has a time with a zone ("Z", "+05:30").
func hasZone(raw string) bool {
	i := strings.IndexByte(raw, 'T')
	return i >= 0 && len(raw) > i+9
}

// sheetHeader is the header row of the TimelineJS Sheets template.
var sheetHeader = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail",
	"Type", "Group", "Background"}

// writeSheetsCSV writes the slides of the TimelineJS export as the Sheets
// template: the title row, the events, then the eras.
func writeSheetsCSV(w io.Writer, tl *timeline.Timeline, idx []int) error {
	f := timelineJS(tl, idx)
	cw := csv.NewWriter(w)
	if err := cw.Write(sheetHeader); err != nil {
		return err
	}
	rows := [][]string{sheetRow(f.Title, "title")}
	for k := range f.Events {
		rows = append(rows, sheetRow(&f.Events[k], ""))
	}
	for k := range f.Eras {
		rows = append(rows, sheetRow(&f.Eras[k], "era"))
	}
	for _, r := range rows {
		for k := range r {
			r[k] = timeline.VisibleControls(r[k]) // as Markdown, see Write
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func sheetRow(s *outSlide, kind string) []string {
	row := make([]string, len(sheetHeader))
	put := func(d *outDate, at int) {
		if d == nil {
			return
		}
		row[at] = strconv.FormatInt(d.Year, 10)
		if d.Month != 0 {
			row[at+1] = strconv.Itoa(d.Month)
		}
		if d.Day != 0 {
			row[at+2] = strconv.Itoa(d.Day)
		}
		if d.Hour != nil {
			row[at+3] = timelinejs.Pad2i(*d.Hour) + ":" + timelinejs.Pad2i(*d.Minute) + ":" + timelinejs.Pad2i(*d.Second)
		}
	}
	put(s.StartDate, 0)
	put(s.EndDate, 4)
	row[8], row[9], row[10] = s.DisplayDate, s.Text.Headline, s.Text.Text
	if s.Media != nil {
		row[11], row[12], row[13] = s.Media.URL, s.Media.Credit, s.Media.Caption
	}
	row[15], row[16] = kind, s.Group
	return row
}
