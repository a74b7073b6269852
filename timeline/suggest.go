package timeline

import "strings"

// Suggestions for mistyped ids: "unknown actor "puttin" (did you mean
// "putin"?)".

// maxSuggest bounds the work: a file of many unknown references against
// many ids gets suggestions for the first few only.
const (
	maxSuggestIDs  = 5000
	maxSuggestRefs = 100
)

// pendingSuggestion is an unknown-id error that may get a "did you mean":
// diag is its index in the validator's diagnostics. Suggestions are given
// to the first maxSuggestRefs unknown ids in dataset order, once every
// validator's diagnostics are merged (see applySuggestions), so which ones
// get one does not depend on how the events were split between the cores.
type pendingSuggestion struct {
	diag   int
	id     string
	source bool // an unknown source, else an unknown actor
}

// unknownRef reports an unknown actor or source id (what names which),
// leaving its suggestion for later.
func (v *validator) unknownRef(p Path, what, id string, source bool) {
	v.add(SeverityError, p, "unknown %s %q", what, id)
	ids := v.t.actorByID
	if source {
		ids = v.t.sourceByID
	}
	if len(ids) <= maxSuggestIDs && id != "" {
		if v.cloneIDs {
			id = strings.Clone(id)
		}
		v.pending = append(v.pending, pendingSuggestion{len(v.diags) - 1, id, source})
	}
}

// suggestions hands out the "did you mean" of unknown ids in dataset
// order, to the first maxSuggestRefs of them.
type suggestions struct {
	t    *Timeline
	made int
}

// apply appends the suggestion for p, if it is among the first ones, to
// the message of its diagnostic d.
func (s *suggestions) apply(d *Diagnostic, p pendingSuggestion) {
	if s.made >= maxSuggestRefs {
		return
	}
	s.made++
	ids := s.t.actorByID
	if p.source {
		ids = s.t.sourceByID
	}
	d.Message += didYouMean(p.id, ids)
}

// didYouMean returns ` (did you mean "ID"?)` for the id nearest to id by
// edit distance, when one is near enough, or "".
func didYouMean(id string, ids map[string]int) string {
	best, bestD := "", len(id)/3+2
	for cand := range ids {
		if d := editDistance(id, cand, bestD+1); d < bestD || d == bestD && (best == "" || cand < best) {
			best, bestD = cand, d
		}
	}
	if best == "" || bestD > len(id)/3+1 {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}

// editDistance is the Levenshtein distance of a and b in bytes, or limit
// when it is at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			low = min(low, c)
		}
		if low >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
