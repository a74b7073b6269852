package timeline

// Suggestions for mistyped ids: "unknown actor "puttin" (did you mean
// "putin"?)".

// maxSuggest bounds the work: a file of many unknown references against
// many ids gets suggestions for the first few only.
const (
	maxSuggestIDs  = 5000
	maxSuggestRefs = 100
)

// didYouMean returns ` (did you mean "ID"?)` for the id nearest to id by
// edit distance, when one is near enough, or "".
func (v *validator) didYouMean(id string, ids map[string]int) string {
	if v.suggested >= maxSuggestRefs || len(ids) > maxSuggestIDs || id == "" {
		return ""
	}
	v.suggested++
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
