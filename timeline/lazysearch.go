package timeline

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Search on a lazy Timeline: no index is built. Each query reads the
// candidates' own text through the source (title, summary, quotes, as the
// index would have them), after their actors' names and aliases, which
// the Timeline holds, have answered what they can. The candidates are
// every event, or the result of an earlier query when every word of that
// query starts some word of the new one: typing on narrows the last
// keystroke's result instead of reading the whole file again.

// lazySearch holds the recent results that later queries narrow, and the
// generation that lets SearchLatest abandon a superseded scan.
type lazySearch struct {
	mu     sync.Mutex // serialises scans, so a query can narrow the one before
	recent []lazyResult
	latest atomic.Uint64 // the greatest seq SearchLatest has been called with
}

type lazyResult struct {
	q    []string
	hits []int // chronological, ascending
}

// lazyRecent is how many results are kept to narrow from (and to answer
// a backspace at once).
const lazyRecent = 4

// SearchLatest is Search for a caller that wants only its latest query's
// result, such as a search typed key by key, numbering its queries by seq
// as it asks them (from 1, ascending): on a lazy Timeline a scan stops
// early, with ok false, once a call with a greater seq has started. The
// number is the caller's, not the order the calls start in, since
// commands run in goroutines in any order. On a Timeline in memory it is
// Search, always ok.
func (t *Timeline) SearchLatest(query string, seq uint64, dst []int) (hits []int, ok bool) {
	if t.lazy == nil {
		return t.Search(query, dst), true
	}
	latest := &t.lazy.search.latest
	for {
		cur := latest.Load()
		if cur >= seq || latest.CompareAndSwap(cur, seq) {
			break
		}
	}
	gen := seq
	q := parseQuery(query, true)
	if len(q) == 0 {
		return dst[:0], true
	}
	return t.lazy.searchWords(t, q, dst[:0], gen)
}

// searchWords runs the folded query words q; gen, when not 0, is the
// SearchLatest generation that a newer call makes stale.
func (lz *lazyStore) searchWords(t *Timeline, q []string, dst []int, gen uint64) ([]int, bool) {
	s := &lz.search
	s.mu.Lock()
	defer s.mu.Unlock()
	stale := func() bool { return gen != 0 && s.latest.Load() > gen }
	if stale() {
		return dst, false
	}
	var base []int // chronological candidates; nil: all
	for _, r := range slices.Backward(s.recent) {
		if slices.Equal(r.q, q) {
			return append(dst, r.hits...), true
		}
		if implies(q, r.q) && (base == nil || len(r.hits) < len(base)) {
			base = r.hits
		}
	}
	// Candidates in dataset order, so that the source reads the file
	// forwards.
	var cand []int
	if base == nil {
		cand = make([]int, len(lz.perm))
		for i := range cand {
			cand[i] = i
		}
	} else {
		cand = make([]int, len(base))
		for j, i := range base {
			cand[j] = int(lz.perm[i])
		}
		slices.Sort(cand)
	}
	match, ok := lz.matchWords(t, q, cand, stale)
	if !ok {
		return dst, false
	}
	start := len(dst)
	for _, k := range match {
		dst = append(dst, int(lz.rank[k]))
	}
	hits := dst[start:]
	slices.Sort(hits)
	s.recent = append(s.recent, lazyResult{q: q, hits: slices.Clip(slices.Clone(hits))})
	if len(s.recent) > lazyRecent {
		s.recent = slices.Delete(s.recent, 0, 1)
	}
	return dst, true
}

// implies reports whether every event matching the words q matches the
// words r too: each word of r starts some word of q.
func implies(q, r []string) bool {
	for _, w := range r {
		if !slices.ContainsFunc(q, func(v string) bool { return strings.HasPrefix(v, w) }) {
			return false
		}
	}
	return true
}

// matchWords returns the events of cand (dataset indexes, ascending) in
// which every word of q starts a word of the searchable text, ascending.
// Actors answer first; the events they do not settle are read, split
// between the cores.
func (lz *lazyStore) matchWords(t *Timeline, q []string, cand []int, stale func() bool) ([]int, bool) {
	byActor := make([][]bool, len(q)) // by word, by actor index
	for w, word := range q {
		byActor[w] = make([]bool, len(t.actors))
		for a := range t.actors {
			byActor[w][a] = actorHasPrefix(&t.actors[a], word)
		}
	}
	// need[k] is the words event cand[k]'s actors leave to its text.
	var matched, toRead []int
	var needAt []int
	var need []int32
	for _, k := range cand {
		before := len(need)
		for w := range q {
			if !lz.actorsMatch(k, byActor[w]) {
				need = append(need, int32(w))
			}
		}
		if len(need) == before {
			matched = append(matched, k)
			continue
		}
		toRead = append(toRead, k)
		needAt = append(needAt, before)
	}
	needAt = append(needAt, len(need))
	read, ok := lz.readMatches(q, toRead, needAt, need, stale)
	if !ok {
		return nil, false
	}
	// Both are ascending; merge them.
	out := make([]int, 0, len(matched)+len(read))
	i, j := 0, 0
	for i < len(matched) || j < len(read) {
		if j == len(read) || i < len(matched) && matched[i] < read[j] {
			out = append(out, matched[i])
			i++
		} else {
			out = append(out, read[j])
			j++
		}
	}
	return out, true
}

func actorHasPrefix(a *Actor, w string) bool {
	return textHasPrefix(a.Name, w) || slices.ContainsFunc(a.Aliases, func(al string) bool { return textHasPrefix(al, w) })
}

// actorsMatch reports whether one of event k's actors is marked in named.
func (lz *lazyStore) actorsMatch(k int, named []bool) bool {
	c := &lz.cols
	if len(c.ActorAt) != len(lz.perm)+1 {
		return false
	}
	for _, a := range c.Actors[c.ActorAt[k]:c.ActorAt[k+1]] {
		if a >= 0 && int(a) < len(named) && named[a] {
			return true
		}
	}
	return false
}

// readMatches reads the text of the events idx (ascending), event idx[j]
// needing the words need[needAt[j]:needAt[j+1]] of q, and returns those
// whose text has them all, ascending.
func (lz *lazyStore) readMatches(q []string, idx, needAt []int, need []int32, stale func() bool) ([]int, bool) {
	if len(idx) == 0 {
		return nil, true
	}
	parts := max(1, min(runtime.GOMAXPROCS(0), len(idx)/minPerWorker))
	out := make([][]int, parts)
	errs := make([]error, parts)
	var abandoned atomic.Bool
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(idx)/parts, (p+1)*len(idx)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub := idx[lo:hi]
			found := make([]bool, len(q))
			cur, left := -1, 0
			var hits []int
			finish := func() {
				if cur >= 0 && left == 0 {
					hits = append(hits, sub[cur])
				}
			}
			errs[p] = lz.src.Texts(sub, func(k int, s string) bool {
				if k != cur {
					finish()
					if k&1023 == 0 && stale() {
						abandoned.Store(true)
					}
					cur = k
					clear(found)
					words := need[needAt[lo+k]:needAt[lo+k+1]]
					left = len(words)
					for _, w := range words {
						found[w] = true // true: still needed
					}
				}
				if left == 0 || abandoned.Load() {
					return false
				}
				for w := range q {
					if found[w] && textHasPrefix(s, q[w]) {
						found[w] = false
						left--
					}
				}
				return left > 0
			})
			finish()
			out[p] = hits
		}()
	}
	wg.Wait()
	if abandoned.Load() {
		return nil, false
	}
	for _, err := range errs {
		if err != nil {
			lz.fail(err)
			break
		}
	}
	return slices.Concat(out...), true
}

// lazyContains is Apply's text test on a lazy Timeline: the events of idx
// (chronological) whose title, summary, quotes or actors' names hold
// needle (folded by foldKey), in order.
func (t *Timeline) lazyContains(idx []int, needle string) []int {
	lz := t.lazy
	named := make([]bool, len(t.actors))
	for i := range t.actors {
		a := &t.actors[i]
		named[i] = containsFold(a.Name, needle) || slices.ContainsFunc(a.Aliases, func(al string) bool { return containsFold(al, needle) })
	}
	var keep, read []int
	for _, i := range idx {
		k := int(lz.perm[i])
		if lz.actorsMatch(k, named) {
			keep = append(keep, k)
		} else {
			read = append(read, k)
		}
	}
	slices.Sort(read)
	cur := -1
	err := lz.src.Texts(read, func(j int, s string) bool {
		if j == cur {
			return false
		}
		if containsFold(s, needle) {
			cur = j
			keep = append(keep, read[j])
			return false
		}
		return true
	})
	if err != nil {
		lz.fail(err)
	}
	out := idx[:0]
	for _, k := range keep {
		out = append(out, int(lz.rank[k]))
	}
	slices.Sort(out)
	return out
}
