package timex

import (
	"testing"
	"time"
	"unicode/utf8"

	"dateline/timeline"
)

// FuzzTag feeds the tagger random text and reference dates: it must not
// panic, its spans must lie inside the text and match their Text, and
// every EDTF it returns must parse.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Russian President Vladimir Putin gave Kim a car on Tuesday (Jan 20), state media said.",
		"In 1941, a year earlier, the following spring, two days later, the day before.",
		"at 3 p.m. on Friday morning, 15:30 GMT, midnight, 2:14:09, 24/7, $1 million",
		"the mid-1990s, the 20th century, fiscal 2009, 1957-58, 2009-2010, Q3 2009",
		"every Monday, weekly, each season, the past decade, a four-day trip",
		"'82 '90s 218 BC, 20.02.2024, 2024-02-20, Feb. 29, 2023, 31 April",
	} {
		f.Add(s, int64(19772))
	}
	f.Fuzz(func(t *testing.T, text string, day int64) {
		if !utf8.ValidString(text) {
			return
		}
		// Any day from year 1 to 9999.
		d := day % 3652059
		if d < 0 {
			d = -d
		}
		ref := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(d))
		runes := []rune(text)
		last := 0
		for _, x := range Tag(text, ref) {
			if x.Start < last || x.End <= x.Start || x.End > len(runes) {
				t.Fatalf("span %d-%d out of order or outside the text (%d code points)", x.Start, x.End, len(runes))
			}
			last = x.End
			if string(runes[x.Start:x.End]) != x.Text {
				t.Fatalf("span %d-%d is %q, Text is %q", x.Start, x.End, string(runes[x.Start:x.End]), x.Text)
			}
			if x.EDTF != "" {
				if _, err := timeline.ParseDate(x.EDTF); err != nil {
					t.Fatalf("%q: EDTF %q does not parse: %v", x.Text, x.EDTF, err)
				}
			}
			if x.Value == "" {
				t.Fatalf("%q: no value", x.Text)
			}
		}
	})
}
