package timex

import "strings"

// tense is the time a clause speaks of, read from its verbs.
type tense uint8

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
)

func (t tense) String() string {
	switch t {
	case tensePast:
		return "past tense"
	case tensePresent:
		return "present tense"
	case tenseFuture:
		return "future tense"
	}
	return "no tense"
}

// strongCue classifies auxiliaries and phrases that fix the tense.
func strongCue(toks []token, k int) tense {
	w := toks[k].low
	switch w {
	case "will", "shall", "won't", "wo":
		return tenseFuture
	case "was", "were", "had", "did", "didn't", "wasn't", "weren't", "hadn't":
		return tensePast
	case "is", "are", "am", "isn't", "aren't":
		// "is due to", "is expected to", "is set to", "is going to"
		if isWord(toks, k+1, "due", "expected", "set", "going", "scheduled", "slated", "poised", "likely", "planning", "preparing", "about") && isWord(toks, k+2, "to", "for") {
			return tenseFuture
		}
		return tensePresent
	case "has", "have", "hasn't", "haven't":
		// the present perfect speaks of the past; "has a deadline" does
		// not, and "has been scheduled" speaks of the future
		if isWord(toks, k+1, "been") && isWord(toks, k+2, "scheduled", "slated", "set", "planned", "postponed", "delayed", "moved", "rescheduled") {
			return tenseFuture
		}
		if j := k + 1; j < len(toks) && (isWord(toks, j, "been", "not", "already", "just", "now", "since", "also") || weakPast(toks, j)) {
			return tensePast
		}
		return tensePresent
	case "may", "might", "should", "must", "could":
		return tenseFuture
	case "scheduled", "slated", "upcoming":
		return tenseFuture
	case "expected", "due", "plans", "planned", "intends", "aims", "hopes", "planning":
		if isWord(toks, k+1, "to", "for") {
			return tenseFuture
		}
	case "would":
		return tenseFuture
	}
	if strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
		return tenseFuture
	}
	return tenseNone
}

// irregularPast are common past-tense verbs not ending in -ed.
var irregularPast = map[string]bool{
	"said": true, "told": true, "met": true, "went": true, "came": true,
	"took": true, "gave": true, "made": true, "saw": true, "began": true,
	"won": true, "lost": true, "held": true, "left": true, "sent": true,
	"brought": true, "became": true, "fell": true, "rose": true, "got": true,
	"put": true, "set": true, "ran": true, "spoke": true, "wrote": true,
	"found": true, "thought": true, "knew": true, "led": true, "paid": true,
	"sold": true, "bought": true, "built": true, "struck": true, "fought": true,
	"drew": true, "flew": true, "grew": true, "hit": true, "kept": true,
	"broke": true, "chose": true, "stood": true, "fled": true, "beat": true,
	"shot": true, "overtook": true, "withdrew": true, "forbade": true,
	"undertook": true, "swept": true, "sank": true, "meant": true, "felt": true,
	"heard": true, "laid": true, "became,": true, "ended": true, "dealt": true,
	"seized": true, "spent": true, "bore": true, "forgave": true, "slid": true,
	"cut": true, "quit": true, "rode": true, "drove": true, "threw": true,
}

var notPast = map[string]bool{
	"need": true, "speed": true, "indeed": true, "proceed": true, "hundred": true,
	"red": true, "bed": true, "feed": true, "seed": true, "united": true,
	"exceed": true, "succeed": true, "shed": true, "bled": true, "wed": true,
	"expected": true, "scheduled": true, "planned": true, "proposed": true,
	"limited": true, "based": true, "related": true, "detailed": true,
	"advanced": true, "armed": true, "alleged": true, "supposed": true,
	"interested": true, "concerned": true, "used": true, "called": true,
	"named": true, "so-called": true, "owned": true, "sacred": true,
	"embed": true, "breed": true, "creed": true, "greed": true, "weed": true,
}

// weakPast reports a word that looks like a past tense or participle.
func weakPast(toks []token, k int) bool {
	t := &toks[k]
	return t.kind == tokWord && (irregularPast[t.low] || len(t.low) >= 5 && strings.HasSuffix(t.low, "ed") && !notPast[t.low])
}

// weakCue classifies a word as a past-tense verb by its form. A
// participle after a form of "be" or "have" is left to that auxiliary
// ("is set to", "to be held", "has been").
func weakCue(toks []token, k int) tense {
	t := &toks[k]
	if t.kind != tokWord {
		return tenseNone
	}
	if k > 0 && isWord(toks, k-1, "be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "get", "got") {
		if isWord(toks, k-1, "be") && isWord(toks, k-2, "to", "will", "would", "may", "might", "should", "must", "could", "can") {
			return tenseFuture
		}
		return tenseNone
	}
	if irregularPast[t.low] {
		return tensePast
	}
	if len(t.low) >= 5 && strings.HasSuffix(t.low, "ed") && !notPast[t.low] && !capitalized(t) {
		// "will be held": a participle after a future auxiliary is future.
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if c := strongCue(toks, j); c == tenseFuture {
				return tenseFuture
			}
		}
		return tensePast
	}
	if t.low == "says" || t.low == "say" || t.low == "tells" {
		return tensePresent
	}
	return tenseNone
}

// tenseAt reads the tense of the clause around tokens [a, b): the first
// verb cue before the expression within its clause ("announced on
// Tuesday", "will meet on Friday"), else the first one after it before
// the clause ends ("on Friday, the council will meet").
func tenseAt(toks []token, a, b int) tense {
	lo, hi := sentenceBounds(toks, a)
	for j := a - 1; j >= lo && a-j <= 14; j-- {
		if toks[j].text == ";" {
			break
		}
		if c := strongCue(toks, j); c != tenseNone {
			return c
		}
		if c := weakCue(toks, j); c != tenseNone {
			return c
		}
	}
	for j := b; j < hi && j-b <= 10; j++ {
		if clauseBreak(&toks[j]) {
			break
		}
		if c := strongCue(toks, j); c != tenseNone {
			return c
		}
		if c := weakCue(toks, j); c != tenseNone {
			return c
		}
	}
	return tenseNone
}

// clauseBreak reports a token that starts another clause.
func clauseBreak(t *token) bool {
	switch t.low {
	case ";", "that", "which", "who", "because", "while", "when", "although", "but", "after", "before", "since", "as", "if", "whether":
		return true
	}
	return false
}

// sentenceBounds returns the token range of the sentence holding k.
func sentenceBounds(toks []token, k int) (lo, hi int) {
	lo = k
	for lo > 0 && !toks[lo].sentStart {
		lo--
	}
	hi = k + 1
	for hi < len(toks) && !toks[hi].sentStart {
		hi++
	}
	return lo, hi
}
