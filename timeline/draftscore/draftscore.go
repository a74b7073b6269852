// Package draftscore measures a drafted chronology against a gold one
// written by hand from the same article, the way issue #11 counts them: a
// gold event is found when a drafted event cites its passage (their
// citations overlap in the same text), each drafted event standing for at
// most one gold event; precision is the share of drafted events that stand
// for one; and a found event's date is exact when the two EDTF dates are
// written the same.
package draftscore

import (
	"fmt"
	"slices"

	"dateline/timeline"
)

// Result is the comparison of one draft with its gold chronology.
type Result struct {
	Gold, Drafted int // events in each
	// Pairs are the gold events found, each with the drafted event that
	// stands for it, in the gold chronology's order.
	Pairs []Pair
	// Missed are the gold events no drafted event stands for; Extra the
	// drafted events that stand for none.
	Missed, Extra []*timeline.Event
}

// Pair is a gold event and the drafted event found for it.
type Pair struct {
	Gold, Drafted *timeline.Event
}

// DateExact reports whether the pair's dates are written the same.
func (p Pair) DateExact() bool { return p.Gold.Date.String() == p.Drafted.Date.String() }

// Recall is the share of gold events found.
func (r Result) Recall() float64 { return ratio(len(r.Pairs), r.Gold) }

// Precision is the share of drafted events that stand for a gold event.
func (r Result) Precision() float64 { return ratio(len(r.Pairs), r.Drafted) }

// DateAccuracy is the share of found events whose dates are exact.
func (r Result) DateAccuracy() float64 {
	n := 0
	for _, p := range r.Pairs {
		if p.DateExact() {
			n++
		}
	}
	return ratio(n, len(r.Pairs))
}

// Add pools another article's result into r, for figures over several.
func (r *Result) Add(o Result) {
	r.Gold += o.Gold
	r.Drafted += o.Drafted
	r.Pairs = append(r.Pairs, o.Pairs...)
	r.Missed = append(r.Missed, o.Missed...)
	r.Extra = append(r.Extra, o.Extra...)
}

func (r Result) String() string {
	exact := 0
	for _, p := range r.Pairs {
		if p.DateExact() {
			exact++
		}
	}
	return fmt.Sprintf("recall %d/%d (%.0f%%), precision %d/%d (%.0f%%), dates exact %d/%d (%.0f%%)",
		len(r.Pairs), r.Gold, 100*r.Recall(), len(r.Pairs), r.Drafted, 100*r.Precision(),
		exact, len(r.Pairs), 100*r.DateAccuracy())
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// Compare matches the events of draft to those of gold. Their sources are
// paired by text: a citation of the draft counts against one of the gold
// only when both sources hold the same text, whatever their ids. Unresolved
// citations count for nothing. The matching is the largest one-to-one
// pairing of events whose citations overlap, taking first the pairs whose
// dates agree, so that a date is not counted wrong only because two gold
// events share a sentence and were paired the other way round.
func Compare(gold, draft *timeline.Timeline) Result {
	sameText := map[string]map[string]bool{} // draft source id → gold source ids with its text
	for _, d := range draft.Sources() {
		for _, g := range gold.Sources() {
			if d.Text == g.Text {
				if sameText[d.ID] == nil {
					sameText[d.ID] = map[string]bool{}
				}
				sameText[d.ID][g.ID] = true
			}
		}
	}
	golds, drafts := events(gold), events(draft)
	overlap := make([][]bool, len(golds))
	for i, g := range golds {
		overlap[i] = make([]bool, len(drafts))
		for j, d := range drafts {
			overlap[i][j] = cites(g, d, sameText)
		}
	}
	m := newMatching(len(golds), len(drafts))
	m.extend(func(i, j int) bool {
		return overlap[i][j] && golds[i].Date.String() == drafts[j].Date.String()
	})
	m.extend(func(i, j int) bool { return overlap[i][j] })

	r := Result{Gold: len(golds), Drafted: len(drafts)}
	for i, g := range golds {
		if j := m.draftOf[i]; j >= 0 {
			r.Pairs = append(r.Pairs, Pair{Gold: g, Drafted: drafts[j]})
		} else {
			r.Missed = append(r.Missed, g)
		}
	}
	for j, d := range drafts {
		if m.goldOf[j] < 0 {
			r.Extra = append(r.Extra, d)
		}
	}
	return r
}

// events are a timeline's events in its own order.
func events(t *timeline.Timeline) []*timeline.Event {
	out := make([]*timeline.Event, t.Len())
	for i := range out {
		out[i] = t.Event(i)
	}
	return out
}

// cites reports whether a citation of d overlaps one of g in the same text.
func cites(g, d *timeline.Event, sameText map[string]map[string]bool) bool {
	for _, dc := range d.Citations {
		if !dc.Span.Resolved {
			continue
		}
		for _, gc := range g.Citations {
			if gc.Span.Resolved && sameText[dc.Source][gc.Source] &&
				dc.Span.Start < gc.Span.End && gc.Span.Start < dc.Span.End {
				return true
			}
		}
	}
	return false
}

// matching is a one-to-one pairing of gold and drafted events, grown by
// augmenting paths (Kuhn's algorithm): small chronologies, so the simple
// algorithm is fast enough and its result is the same on every run.
type matching struct {
	draftOf, goldOf []int // -1: unpaired
}

func newMatching(golds, drafts int) *matching {
	m := &matching{draftOf: slices.Repeat([]int{-1}, golds), goldOf: slices.Repeat([]int{-1}, drafts)}
	return m
}

// extend pairs as many more events as it can over the edges allowed,
// keeping every event already paired paired (possibly to another partner
// along an allowed edge).
func (m *matching) extend(edge func(gold, draft int) bool) {
	for i := range m.draftOf {
		if m.draftOf[i] >= 0 {
			continue
		}
		m.augment(i, make([]bool, len(m.goldOf)), edge)
	}
}

func (m *matching) augment(i int, seen []bool, edge func(int, int) bool) bool {
	for j := range m.goldOf {
		if seen[j] || !edge(i, j) {
			continue
		}
		seen[j] = true
		if m.goldOf[j] < 0 || m.augment(m.goldOf[j], seen, edge) {
			m.draftOf[i], m.goldOf[j] = j, i
			return true
		}
	}
	return false
}
