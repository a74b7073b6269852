package draft

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDraft drafts random text: no panic, and every draft validates.
func FuzzDraft(f *testing.F) {
	f.Add("Russian President Vladimir Putin gave Kim Jong-un a car on Tuesday (Jan 20), state media said. Putin met him last year.", int64(19772))
	f.Add("date 2024-02-20 The United Nations said in 2017 that Pyongyang had sent weapons to Moscow. Mr. Kim will visit next month.", int64(19000))
	f.Add("Headline\n\nPublished 20 February 2024\n\nOn Tuesday, March 3, the council of the North met. A year earlier, Paris had agreed.", int64(2000))
	f.Fuzz(func(t *testing.T, text string, day int64) {
		if !utf8.ValidString(text) {
			return
		}
		d := day % 3000000
		if d < 0 {
			d = -d
		}
		pub := time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(d))
		r := Draft([]Article{{SourceID: "article", Text: text, Published: pub}})
		build(t, text, pub, r)
	})
}
