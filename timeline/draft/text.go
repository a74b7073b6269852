package draft

import (
	"strings"
	"time"
	"unicode"

	"dateline/timeline"
	"dateline/timeline/timex"
)

// statusOf reads a statement's status from its cue words.
func statusOf(s string, d timeline.Date, pub time.Time) timeline.Status {
	low := " " + strings.ToLower(s) + " "
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(low, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has(" claim", " accus", "allegedly", " alleged", " alleg"):
		return timeline.StatusAlleged
	case has(" will ", " is expected to", " are expected to", " is due to", " are due to", " plans to", " plan to", " is set to", " are set to", " is scheduled", " are scheduled", "'ll "):
		return timeline.StatusExpected
	}
	if e, ok := d.Earliest(); ok {
		y, m, dd := e.Civil()
		if time.Date(int(y), time.Month(m), dd, 0, 0, 0, 0, time.UTC).After(pub) {
			return timeline.StatusExpected
		}
	}
	if has(" according to ", " reported", " state media", " news agency", " reportedly") {
		return timeline.StatusReported
	}
	return timeline.StatusOccurred
}

var pastWords = map[string]bool{"was": true, "were": true, "had": true, "did": true, "said": true,
	"gave": true, "met": true, "told": true, "sent": true, "made": true, "took": true, "came": true,
	"went": true, "won": true, "lost": true, "held": true, "left": true, "began": true, "became": true}

// pastTense reports a past-tense verb in s.
func pastTense(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		if pastWords[lw] || len(lw) >= 5 && strings.HasSuffix(lw, "ed") && lw == w {
			return true
		}
	}
	return false
}

// titleOf makes a title from a sentence: the date phrase and a leading
// subordinate clause taken out, cut at a word to 80 characters.
func titleOf(sentence string, t timex.Timex, start int, runes []rune) string {
	s := sentence
	if t.End > t.Start && t.Start >= start {
		a, b := t.Start-start, t.End-start
		rs := []rune(s)
		if b <= len(rs) {
			before := strings.TrimRight(string(rs[:a]), " ")
			for _, prep := range []string{" in", " on", " at", " since", " by", " until", " during", " from", " of"} {
				if strings.HasSuffix(strings.ToLower(before), prep) {
					before = before[:len(before)-len(prep)]
					break
				}
			}
			s = strings.TrimSpace(before + " " + strings.TrimLeft(string(rs[b:]), " "))
		}
	}
	// "After X, Y did Z" -> "Y did Z"
	for _, lead := range []string{"After ", "Before ", "During ", "Since ", "Following ", "When ", "While ", "As ", "In ", "On ", "By "} {
		if strings.HasPrefix(s, lead) {
			if i := strings.Index(s, ", "); i > 0 && i < len(s)-10 {
				s = s[i+2:]
				s = strings.ToUpper(s[:1]) + s[1:]
			}
			break
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " ,;:.")
	if r := []rune(s); len(r) > 80 {
		cut := string(r[:80])
		if i := strings.LastIndexByte(cut, ' '); i > 40 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, " ,;:") + "…"
	}
	if s == "" {
		s = "(untitled)"
	}
	return s
}

// Slug makes a stable id from the first n words of s: "Putin gives Kim a
// car" is "putin-gives-kim".
func Slug(s string, n int) string {
	var b strings.Builder
	words := 0
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				words++
				if words >= n {
					return b.String()[:b.Len()-1]
				}
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
