package timex

import (
	"strings"
	"testing"
	"time"

	"dateline/timeline"
)

var pub = time.Date(2024, 2, 20, 0, 0, 0, 0, time.UTC) // a Tuesday

// find1 tags text and returns the expression whose text is want.
func find1(t *testing.T, text string, ref time.Time, want string) Timex {
	t.Helper()
	for _, x := range Tag(text, ref) {
		if x.Text == want {
			return x
		}
	}
	t.Fatalf("%q: no expression %q in %s", text, want, dump(Tag(text, ref)))
	return Timex{}
}

func dump(ts []Timex) string {
	var b strings.Builder
	for _, x := range ts {
		b.WriteString("[" + x.Text + " " + string(x.Type) + " " + x.Value + " " + x.EDTF + "] ")
	}
	return b.String()
}

type tcase struct {
	text, expr string
	typ        Type
	value      string
	edtf       string
}

func runCases(t *testing.T, ref time.Time, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		x := find1(t, c.text, ref, c.expr)
		if x.Type != c.typ || x.Value != c.value || x.EDTF != c.edtf {
			t.Errorf("%q: %q = %s %s %q, want %s %s %q (note: %s)", c.text, c.expr, x.Type, x.Value, x.EDTF, c.typ, c.value, c.edtf, x.Note)
		}
		if x.Note == "" {
			t.Errorf("%q: %q has no note", c.text, c.expr)
		}
	}
}

func TestAbsoluteForms(t *testing.T) {
	runCases(t, pub, []tcase{
		{"It happened on 20 February 2024.", "20 February 2024", Date, "2024-02-20", "2024-02-20"},
		{"It happened on Feb. 20, 2024, at noon.", "Feb. 20, 2024", Date, "2024-02-20", "2024-02-20"},
		{"It happened on February 20.", "February 20", Date, "2024-02-20", "2024-02-20"},
		{"Filed 2024-02-20 in court.", "2024-02-20", Date, "2024-02-20", "2024-02-20"},
		{"Filed 20.02.2024 in court.", "20.02.2024", Date, "2024-02-20", "2024-02-20"},
		{"Sales fell in February 2023.", "February 2023", Date, "2023-02", "2023-02"},
		{"Sanctions were imposed in 2017.", "2017", Date, "2017", "2017"},
		{"Prices rose in the 1990s.", "the 1990s", Date, "199", "199X"},
		{"Prices rose in the mid-1990s.", "the mid-1990s", Date, "199", "199X"},
		{"It was built in the 20th century.", "the 20th century", Date, "19", "19XX"},
		{"The offensive began in spring 2022.", "spring 2022", Date, "2022-SP", "2022-21"},
		{"Profits rose in the third quarter of 2023.", "the third quarter of 2023", Date, "2023-Q3", "2023-07/2023-09"},
		{"Profits rose in the third quarter.", "the third quarter", Date, "2023-Q3", "2023-07/2023-09"},
		{"Profits will rise in the third quarter.", "the third quarter", Date, "2024-Q3", "2024-07/2024-09"},
		{"Profits rose in fiscal 2009.", "fiscal 2009", Date, "FY2009", "2009~"},
		{"He served in 2009-2010 as mayor.", "2009", Date, "2009", "2009"},
		{"He served in 2009-2010 as mayor.", "2010", Date, "2010", "2010"},
		{"The war of 1957-58 ended.", "1957", Date, "1957", "1957"},
		{"The war of 1957-58 ended.", "58", Date, "1958", "1958"},
		{"A 2021 United Nations report documented it.", "2021", Date, "2021", "2021"},
		{"The talks began in 218 BC.", "218 BC", Date, "BC0218", ""},
	})
}

func TestTimes(t *testing.T) {
	runCases(t, pub, []tcase{
		{"The vote closed at 3 p.m. on Tuesday.", "3 p.m.", Time, "2024-02-20T15:00", "2024-02-20"},
		{"The vote closed at 15:30 GMT.", "15:30 GMT", Time, "2024-02-20T15:30Z", "2024-02-20"},
		{"He left on Friday morning.", "Friday morning", Time, "2024-02-16TMO", "2024-02-16"},
		{"The deadline passed at midnight.", "midnight", Time, "2024-02-20T24:00", "2024-02-20"},
		{"He will speak tonight.", "tonight", Time, "2024-02-20TNI", "2024-02-20"},
	})
}

func TestRelativeToPublication(t *testing.T) {
	runCases(t, pub, []tcase{
		{"He spoke today.", "today", Date, "2024-02-20", "2024-02-20"},
		{"He spoke yesterday.", "yesterday", Date, "2024-02-19", "2024-02-19"},
		{"The talks this week failed.", "this week", Date, "2024-W08", "2024-02-19/2024-02-25"},
		{"Prices fell last month.", "last month", Date, "2024-01", "2024-01"},
		{"Elections are due next year.", "next year", Date, "2025", "2025"},
		{"Tourists arrived earlier this month.", "earlier this month", Date, "2024-02", "2024-02-01/2024-02-19"},
		{"The plant closed late last year.", "late last year", Date, "2023", "2023"},
		{"He resigned two weeks ago.", "two weeks ago", Date, "2024-W06", "2024-02-05/2024-02-11"},
		{"The ship left three days ago.", "three days ago", Date, "2024-02-17", "2024-02-17"},
		{"The ship will dock in three days.", "three days", Date, "2024-02-23", "2024-02-23"},
		{"Prices have risen recently.", "recently", Date, "PAST_REF", "../2024-02-20"},
		{"Prices are high now.", "now", Date, "PRESENT_REF", "2024-02-20"},
		{"Sales fell in the first quarter of last year.", "the first quarter of last year", Date, "2023-Q1", "2023-01/2023-03"},
	})
}

func TestRelativeToTheText(t *testing.T) {
	runCases(t, pub, []tcase{
		{"The army crossed the river in 1941. A year earlier it had lost.", "A year earlier", Date, "1940", "1940"},
		{"The treaty was signed in 2019. The following spring it collapsed.", "The following spring", Date, "2020-SP", "2020-21"},
		{"The strike began on 3 March 2021. Two days later the mines closed.", "Two days later", Date, "2021-03-05", "2021-03-05"},
		{"The strike began on 3 March 2021. The day before, talks failed.", "The day before", Date, "2021-03-02", "2021-03-02"},
		{"The dam was finished in 2001. A decade on, it leaks.", "A decade on", Date, "2011", "2011"},
	})
}

func TestTense(t *testing.T) {
	runCases(t, pub, []tcase{
		{"The minister resigned on Tuesday.", "Tuesday", Date, "2024-02-20", "2024-02-20"},
		{"The minister resigned on Thursday.", "Thursday", Date, "2024-02-15", "2024-02-15"},
		{"The minister will resign on Thursday.", "Thursday", Date, "2024-02-22", "2024-02-22"},
		{"The minister is expected to resign on Thursday.", "Thursday", Date, "2024-02-22", "2024-02-22"},
		{"The plant opened in May.", "May", Date, "2023-05", "2023-05"},
		{"The plant will open in May.", "May", Date, "2024-05", "2024-05"},
		{"The plant is due to open in May.", "May", Date, "2024-05", "2024-05"},
		{"The plant opened last June.", "last June", Date, "2023-06", "2023-06"},
		{"The plant will open next June.", "next June", Date, "2024-06", "2024-06"},
		{"The talks collapsed on December 3.", "December 3", Date, "2023-12-03", "2023-12-03"},
		{"The talks will resume on December 3.", "December 3", Date, "2024-12-03", "2024-12-03"},
	})
	// A story published on Saturday 2025-06-14: "on Thursday" is 2025-06-12.
	sat := time.Date(2025, 6, 14, 0, 0, 0, 0, time.UTC)
	runCases(t, sat, []tcase{{"The council met on Thursday.", "Thursday", Date, "2025-06-12", "2025-06-12"}})
}

func TestNarrativeAnchor(t *testing.T) {
	// In a history the months hang on the years the text gives.
	text := "The war began in 1914. In August, the armies met. By 1916 the front was fixed. In July, the Somme offensive began. The war ended in 1918."
	runCases(t, pub, []tcase{
		{text, "August", Date, "1914-08", "1914-08"},
		{text, "July", Date, "1916-07", "1916-07"},
	})
}

func TestDurationsAndSets(t *testing.T) {
	runCases(t, pub, []tcase{
		{"They came for a four-day trip.", "four-day", Duration, "P4D", ""},
		{"He ruled for two years.", "two years", Duration, "P2Y", ""},
		{"The first 100 days were hard.", "The first 100 days", Duration, "P100D", ""},
		{"The fighting lasted several months.", "several months", Duration, "PXM", ""},
		{"The talks lasted three hours.", "three hours", Duration, "PT3H", ""},
		{"It grew over the past decade.", "the past decade", Duration, "P10Y", ""},
		{"The summit meets every year.", "every year", Set, "P1Y", ""},
		{"The paper comes out weekly.", "weekly", Set, "P1W", ""},
		{"The league plays each season.", "each season", Set, "P1S", ""},
		{"The market opens every Monday.", "every Monday", Set, "XXXX-WXX-1", ""},
	})
}

func TestNotDates(t *testing.T) {
	for _, text := range []string{
		"He drives Mercedes-Benz S-Class models.",
		"The car was worth $1 million.",
		"The jet carried 240 passengers.",
		"She won in 2:14:09 on the course.",
		"The Boeing 737 landed.",
		"Call 555-0143 or +1 202 555 0199 for help.",
		"The shop is open 24/7.",
		"They hired 1500 workers.",
		"The Airbus A380 flew.",
		"Theresa May spoke.",
		"You may march on.",
	} {
		if got := Tag(text, pub); len(got) != 0 {
			t.Errorf("%q: found %s, want nothing", text, dump(got))
		}
	}
	// The preposition is not part of the expression.
	x := find1(t, "Sanctions imposed in 2017 hold.", pub, "2017")
	if x.Start != 21 || x.End != 25 {
		t.Errorf("in 2017: span %d-%d, want 21-25", x.Start, x.End)
	}
}

func TestSpansAreCodePoints(t *testing.T) {
	text := "Kim’s “visit” in 2023 — a first."
	x := find1(t, text, pub, "2023")
	r := []rune(text)
	if string(r[x.Start:x.End]) != "2023" {
		t.Errorf("span %d-%d is %q", x.Start, x.End, string(r[x.Start:x.End]))
	}
}

func TestWarnings(t *testing.T) {
	// A weekday that does not fall on the date beside it.
	x := find1(t, "State media announced on Tuesday (Jan 20) that the car arrived.", pub, "Jan 20")
	if len(x.Warnings) != 1 || !strings.Contains(x.Warnings[0], "2024-01-20 is a Saturday, not a Tuesday") || !strings.Contains(x.Warnings[0], "2024-02-20") {
		t.Errorf("weekday warning: %q", x.Warnings)
	}
	x = find1(t, "The strike began on Monday, January 8, 2024.", pub, "Monday, January 8, 2024")
	if len(x.Warnings) != 0 {
		t.Errorf("a weekday that fits: %q", x.Warnings)
	}
	x = find1(t, "The strike began on Tuesday, January 8, 2024.", pub, "Tuesday, January 8, 2024")
	if len(x.Warnings) != 1 || !strings.Contains(x.Warnings[0], "is a Monday, not a Tuesday") {
		t.Errorf("weekday in the date: %q", x.Warnings)
	}
	// A month-day with no year and no tense to read.
	x = find1(t, "The summit: March 3.", pub, "March 3")
	if len(x.Warnings) != 1 || !strings.Contains(x.Warnings[0], "2023-03-03") || !strings.Contains(x.Warnings[0], "2024-03-03") {
		t.Errorf("either side: %q", x.Warnings)
	}
	if x.Value != "2024-03-03" {
		t.Errorf("either side: value %s, want the nearer reading 2024-03-03", x.Value)
	}
	// A date after publication in the past tense.
	x = find1(t, "The ministers met on 3 May 2024 in Rome.", pub, "3 May 2024")
	if len(x.Warnings) != 1 || !strings.Contains(x.Warnings[0], "past tense") {
		t.Errorf("future date, past tense: %q", x.Warnings)
	}
	x = find1(t, "The ministers will meet on 3 May 2024 in Rome.", pub, "3 May 2024")
	if len(x.Warnings) != 0 {
		t.Errorf("future date, future tense: %q", x.Warnings)
	}
}

func TestNotes(t *testing.T) {
	x := find1(t, "He visited Russia last year.", pub, "last year")
	if want := "'last year', relative to the publication date 2024-02-20: 2023"; x.Note != want {
		t.Errorf("note %q, want %q", x.Note, want)
	}
	if !x.Anchored {
		t.Error("last year: not marked anchored")
	}
	if x := find1(t, "He visited in 2017.", pub, "2017"); x.Anchored {
		t.Error("2017: marked anchored")
	}
}

// TestValueAndEDTFAgree checks, over a text with every kind of date, that
// each EDTF parses and covers no day outside its TIMEX3 value.
func TestValueAndEDTFAgree(t *testing.T) {
	text := `Published 20 February 2024. In 2017 the UN acted; in February 2023 and
on 3 March 2021 it did again. The 1990s, the 20th century, spring 2022,
the third quarter of 2023, this week, last month, next year, earlier this
month, later this year, two weeks ago, yesterday, on Tuesday, in May, last
June, the following spring, a year earlier, recently, now, tonight, at 3 p.m.
on Friday morning, the weekend, this weekend.`
	for _, x := range Tag(text, pub) {
		if x.EDTF == "" {
			continue
		}
		d, err := timeline.ParseDate(x.EDTF)
		if err != nil {
			t.Errorf("%q: EDTF %q: %v", x.Text, x.EDTF, err)
			continue
		}
		lo, hi, ok := timex3Bounds(x.Value)
		if !ok {
			continue // PAST_REF and the like: checked by their own cases
		}
		if e, ok := d.Earliest(); ok && civil(e).Before(lo) {
			t.Errorf("%q: EDTF %s starts before its value %s", x.Text, x.EDTF, x.Value)
		}
		if l, ok := d.Latest(); ok && civil(l).After(hi) {
			t.Errorf("%q: EDTF %s ends after its value %s", x.Text, x.EDTF, x.Value)
		}
	}
}

// timex3Bounds reads a TIMEX3 date value back into its first and last day,
// independently of the code that wrote it.
func timex3Bounds(v string) (lo, hi time.Time, ok bool) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	var y, m, d, n int
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	v = strings.TrimSuffix(v, "-WE")
	switch {
	case scan(v, "%4d-%2d-%2d", &y, &m, &d):
		return day(y, m, d), day(y, m, d), true
	case scan(v, "%4d-W%2d", &y, &n):
		w := isoWeekStart(y, n)
		return w, w.AddDate(0, 0, 6), true
	case scan(v, "%4d-Q%1d", &y, &n):
		return day(y, 3*n-2, 1), day(y, 3*n+1, 0), true
	case scan(v, "%4d-%2d", &y, &m):
		return day(y, m, 1), day(y, m+1, 0), true
	case len(v) == 7 && v[4] == '-' && scan(v[:4], "%4d", &y):
		s := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[v[5:]]
		return day(y, s, 1), day(y, s+3, 0), s > 0
	case len(v) == 4 && scan(v, "%4d", &y):
		return day(y, 1, 1), day(y, 12, 31), true
	case len(v) == 3 && scan(v, "%3d", &y):
		return day(y*10, 1, 1), day(y*10+9, 12, 31), true
	case len(v) == 2 && scan(v, "%2d", &y):
		return day(y*100, 1, 1), day(y*100+99, 12, 31), true
	}
	return lo, hi, false
}

func civil(d timeline.Day) time.Time {
	y, m, dd := d.Civil()
	return time.Date(int(y), time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

func TestRuleStartsMatchRules(t *testing.T) {
	if len(ruleStarts) != len(rules) {
		t.Fatalf("%d start classes for %d rules", len(ruleStarts), len(rules))
	}
}

func TestReadmeForms(t *testing.T) {
	ref := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	runCases(t, ref, []tcase{
		{"In the '70s prices rose.", "the '70s", Date, "197", "197X"},
		{"On 7/8/07 he left.", "7/8/07", Date, "2007-07-08", "2007-07-08"},
		{"They meet twice a year.", "twice a year", Set, "P1Y", ""},
		{"They met for half an hour.", "half an hour", Duration, "PT30M", ""},
		{"Sales in Q3 2009 fell.", "Q3 2009", Date, "2009-Q3", "2009-07/2009-09"},
		{"Sales in the first half of 2009 fell.", "the first half of 2009", Date, "2009-H1", "2009-01/2009-06"},
		{"The siege ran 14 August-24 August 1914.", "14 August", Date, "1914-08-14", "1914-08-14"},
		{"At 0800 UTC the ship left.", "0800 UTC", Time, "2010-01-01T08:00Z", "2010-01-01"},
		{"The war began in 1914. That year was hard.", "That year", Date, "1914", "1914"},
	})
}
