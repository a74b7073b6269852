package draft

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dateline/timeline"
	"dateline/timeline/timex"
)

// Article is one article to draft from.
type Article struct {
	SourceID  string // the id its source gets in the dataset
	Text      string
	Published time.Time
}

// Warning is something the text gets wrong or leaves open, at a
// code-point offset of an article.
type Warning struct {
	SourceID string
	Offset   int
	Message  string
}

// Result is the draft: actors and events to put beside the sources.
type Result struct {
	Actors   []timeline.Actor
	Events   []timeline.Event
	Warnings []Warning
}

// Draft drafts the events and actors of articles. The same actor in two
// articles is one actor; events stay per article.
func Draft(arts []Article) *Result {
	res := &Result{}
	actors := newActorSet()
	eventIDs := map[string]bool{} // across articles: ids are unique in the dataset
	type perArticle struct {
		a     Article
		sents []timex.Span
		tx    []timex.Timex
		ms    []mention
	}
	var all []perArticle
	for _, a := range arts {
		tx, sents := timex.TagSentences(a.Text, a.Published)
		starts := map[int]bool{}
		for _, s := range sents {
			starts[s.Start] = true
		}
		ws := words(a.Text, starts)
		ms := actors.findActors(a.Text, ws)
		all = append(all, perArticle{a, sents, tx, ms})
	}
	for _, p := range all {
		res.Events = append(res.Events, draftArticle(p.a, p.sents, p.tx, p.ms, eventIDs, res)...)
	}
	// Actor ids are slugs of their names; used actors only.
	used := map[int]bool{}
	for _, p := range all {
		for _, m := range p.ms {
			used[m.actor] = true
		}
	}
	actorIDs := map[string]bool{}
	for i := range actors.actors {
		if !used[i] {
			continue
		}
		id := Unique(Slug(actors.actors[i].Name, 5), actorIDs)
		actors.actors[i].ID = id
	}
	for i := range actors.actors {
		if used[i] {
			res.Actors = append(res.Actors, actors.actors[i])
		}
	}
	for e := range res.Events {
		for k := range res.Events[e].Actors {
			var idx int
			fmt.Sscanf(res.Events[e].Actors[k].Actor, "#%d", &idx)
			res.Events[e].Actors[k].Actor = actors.actors[idx].ID
		}
	}
	return res
}

// Unique returns id, or id-2, id-3... when seen has it, and records it.
func Unique(id string, seen map[string]bool) string {
	if id == "" {
		id = "event"
	}
	out := id
	for n := 2; seen[out]; n++ {
		out = fmt.Sprintf("%s-%d", id, n)
	}
	seen[out] = true
	return out
}

// dated is one date of a sentence: a timex, or a pair read as one.
type dated struct {
	tx   timex.Timex
	edtf string
	note string
	warn []string
}

func draftArticle(art Article, sents []timex.Span, tx []timex.Timex, ms []mention, seen map[string]bool, res *Result) []timeline.Event {
	pub := art.Published.Format("2006-01-02")
	src := timeline.NewSourceText(art.Text)
	runes := []rune(art.Text)
	a := struct {
		Article
		DateLine [2]int
	}{art, dateLine(runes, tx, pub)}
	var out []timeline.Event
	ti := 0
	said := map[string]bool{}
	for si, s := range sents {
		start := s.Start
		// The date line is the article's, not an event's; a sentence that
		// runs on from it starts after it.
		if a.DateLine[1] > a.DateLine[0] && start <= a.DateLine[0] && s.End > a.DateLine[1] {
			start = a.DateLine[1]
			for start < s.End && unicode.IsSpace(runes[start]) {
				start++
			}
		}
		if a.DateLine[1] > a.DateLine[0] && start >= a.DateLine[0] && s.End <= a.DateLine[1]+1 {
			continue
		}
		sentence := string(runes[start:s.End])
		// The same sentence again (a lead repeated in the body) is the
		// same statement.
		key := foldQuotes(sentence)
		if said[key] {
			continue
		}
		said[key] = true
		if si == 0 && len(sents) > 1 && !endsSentence(sentence) {
			continue // a headline
		}
		var ds []dated
		for ; ti < len(tx) && tx[ti].Start < s.End; ti++ {
			t := tx[ti]
			if t.Start < start || t.EDTF == "" || (t.Type != timex.Date && t.Type != timex.Time) || t.Value == "PRESENT_REF" {
				continue
			}
			if t.Start >= a.DateLine[0] && t.End <= a.DateLine[1] && a.DateLine[1] > 0 {
				continue
			}
			for _, w := range t.Warnings {
				res.Warnings = append(res.Warnings, Warning{a.SourceID, t.Start, w})
			}
			d := dated{tx: t, edtf: t.EDTF, note: t.Note, warn: t.Warnings}
			// "Tuesday (Jan 20)", "2009-2010": two timexes, one date.
			if n := len(ds); n > 0 && t.Start-ds[n-1].tx.End <= 3 {
				prev := &ds[n-1]
				between := string(runes[prev.tx.End:t.Start])
				if strings.TrimSpace(strings.Trim(between, " (,")) == "" && len(t.Warnings) > 0 {
					prev.edtf, prev.note, prev.warn = t.EDTF, prev.note+"; "+t.Note, t.Warnings
					prev.tx.End = t.End
					continue
				}
				if strings.TrimSpace(between) == "-" || strings.TrimSpace(between) == "–" || strings.TrimSpace(between) == "to" {
					if iv := interval(prev.edtf, t.EDTF); iv != "" {
						prev.edtf, prev.note = iv, prev.note+"; "+t.Note
						prev.tx.End = t.End
						continue
					}
				}
			}
			ds = append(ds, d)
		}
		actorRefs := actorsIn(ms, start, s.End)
		if len(ds) == 0 {
			// An undated statement the article reports as done.
			if len(actorRefs) == 0 || !pastTense(sentence) {
				continue
			}
			if statusOf(sentence, timeline.Date{}, art.Published) == timeline.StatusExpected {
				ds = append(ds, dated{edtf: pub + "/..", note: "undated; the article expects it after its publication date, " + pub})
			} else {
				ds = append(ds, dated{edtf: "../" + pub, note: "undated; the article reports it as done by its publication date, " + pub})
			}
		}
		for _, d := range ds {
			note := d.note
			for _, w := range d.warn {
				note += ". Warning: " + w
			}
			date, err := timeline.ParseDate(d.edtf)
			if err != nil {
				continue
			}
			title := titleOf(sentence, d.tx, start, runes)
			ev := timeline.Event{
				ID:       Unique(Slug(title, 6), seen),
				Date:     date,
				DateNote: note,
				Title:    title,
				Summary:  sentence,
				Status:   statusOf(sentence, date, a.Published),
				// A copy each: the ids are filled in later per event, and a
				// sentence with two dates gives two events.
				Actors: slices.Clone(actorRefs),
				Citations: []timeline.Citation{
					citation(a.SourceID, src, sentence, start),
				},
			}
			out = append(out, ev)
		}
	}
	return out
}

// citation cites sentence at start, with the shortest context that tells it
// from other places the same words occur.
func citation(source string, src *timeline.SourceText, sentence string, start int) timeline.Citation {
	c := timeline.Citation{Source: source, Quote: sentence, Start: start, End: start + utf8.RuneCountInString(sentence)}
	if len(src.Occurrences(sentence)) > 1 {
		if p, s, ok := src.ShortestContext(sentence, start); ok {
			c.Prefix, c.Suffix = p, s
		}
	}
	return c
}

// interval joins two single EDTF dates into "a/b", or "" when either is
// an interval already or they are out of order.
func interval(a, b string) string {
	if strings.Contains(a, "/") || strings.Contains(b, "/") {
		return ""
	}
	iv := a + "/" + b
	if _, err := timeline.ParseDate(iv); err != nil {
		return ""
	}
	return iv
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \n\"”’')")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func actorsIn(ms []mention, start, end int) []timeline.ActorRef {
	var refs []timeline.ActorRef
	seen := map[int]bool{}
	for _, m := range ms {
		if m.start >= start && m.end <= end && !seen[m.actor] {
			seen[m.actor] = true
			role := ""
			if len(refs) == 0 && m.start-start < 40 {
				role = "subject"
			}
			refs = append(refs, timeline.ActorRef{Actor: fmt.Sprintf("#%d", m.actor), Role: role})
		}
	}
	return refs
}

// dateLine finds the article's own date line near its top ("date
// 2024-02-20", "Published 20 February 2024"): the span of the publication
// date there, with the word that introduces it. It dates the article, not
// an event.
func dateLine(runes []rune, tx []timex.Timex, pub string) [2]int {
	for _, t := range tx {
		if t.Start > 400 {
			break
		}
		if t.Value != pub || t.Type != timex.Date || t.Anchored {
			continue
		}
		lines := 0
		for _, r := range runes[:t.Start] {
			if r == '\n' {
				lines++
			}
		}
		if lines > 4 {
			continue
		}
		start := t.Start
		before := strings.ToLower(strings.TrimRight(string(runes[max(0, start-12):start]), " :,"))
		for _, w := range []string{"date", "published", "updated", "posted", "published on", "updated on"} {
			if strings.HasSuffix(before, w) {
				start = max(0, t.Start-12) + utf8.RuneCountInString(before) - len(w)
				break
			}
		}
		return [2]int{start, t.End}
	}
	return [2]int{}
}

func foldQuotes(s string) string {
	return strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'").Replace(s)
}
