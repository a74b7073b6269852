package timeline

import (
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
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
	hits []int32 // chronological, ascending: half the memory of ints, at a million events a keystroke
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
	t.lazy.search.claim(seq)
	gen := seq
	q := parseQuery(query, true)
	if len(q) == 0 {
		return dst[:0], true
	}
	return t.lazy.searchWords(t, q, dst[:0], gen)
}

// SearchIn is SearchLatest restricted to the events among (ascending):
// those of them that match query. On a lazy Timeline it reads only those
// events, so that a caller can show the first matches near a place, from
// a window of events there, before the whole file is read for the rest.
// Its result is not kept for later queries to narrow.
func (t *Timeline) SearchIn(query string, among []int, seq uint64) (hits []int, ok bool) {
	if t.lazy == nil {
		res := t.Search(query, nil)
		return appendIntersection(res[:0], res, among), true
	}
	t.lazy.search.claim(seq)
	q := parseQuery(query, true)
	if len(q) == 0 || len(among) == 0 {
		return nil, true
	}
	return t.lazy.searchAmong(t, q, among, seq)
}

// searchAmong is searchWords over the chronological events among.
func (lz *lazyStore) searchAmong(t *Timeline, q []string, among []int, gen uint64) ([]int, bool) {
	s := &lz.search
	s.mu.Lock()
	defer s.mu.Unlock()
	stale := func() bool { return gen != 0 && s.latest.Load() > gen }
	if stale() {
		return nil, false
	}
	base, exact := s.recentFor(q)
	if exact {
		return widen(nil, within(base, among)), true
	}
	var cand []int32
	if base != nil {
		cand = within(base, among)
	} else {
		cand = make([]int32, len(among))
		for j, i := range among {
			cand[j] = int32(i)
		}
	}
	for j, i := range cand {
		cand[j] = lz.perm[i]
	}
	slices.Sort(cand)
	match, ok := lz.matchWords(t, q, cand, stale)
	if !ok {
		return nil, false
	}
	return widen(nil, lz.ranked(match)), true
}

// within returns the elements of a that are in b, both ascending.
func within(a []int32, b []int) []int32 {
	var out []int32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case int(a[i]) < b[j]:
			i++
		case int(a[i]) > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// widen appends the elements of a to dst as ints.
func widen(dst []int, a []int32) []int {
	n := len(dst)
	dst = slices.Grow(dst, len(a))[:n+len(a)]
	out := dst[n:]
	for j, v := range a {
		out[j] = int(v)
	}
	return dst
}

// ranked turns the dataset indexes match into chronological positions,
// ascending, in place.
func (lz *lazyStore) ranked(match []int32) []int32 {
	for j, k := range match {
		match[j] = lz.rank[k]
	}
	slices.Sort(match)
	return match
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
	base, exact := s.recentFor(q) // chronological candidates; nil: all
	if exact {
		return widen(dst, base), true
	}
	// Candidates in dataset order, so that the source reads the file
	// forwards.
	var cand []int32
	if base == nil {
		cand = make([]int32, len(lz.perm))
		for i := range cand {
			cand[i] = int32(i)
		}
	} else {
		cand = make([]int32, len(base))
		for j, i := range base {
			cand[j] = lz.perm[i]
		}
		slices.Sort(cand)
	}
	match, ok := lz.matchWords(t, q, cand, stale)
	if !ok {
		return dst, false
	}
	hits := slices.Clip(lz.ranked(match))
	s.recent = append(s.recent, lazyResult{q: q, hits: hits})
	if len(s.recent) > lazyRecent {
		s.recent = slices.Delete(s.recent, 0, 1)
	}
	return widen(dst, hits), true
}

// claim records that a query numbered seq has started, so that the
// scans of smaller numbers stop.
func (s *lazySearch) claim(seq uint64) {
	for {
		cur := s.latest.Load()
		if cur >= seq || s.latest.CompareAndSwap(cur, seq) {
			return
		}
	}
}

// recentFor returns the recent result of the words q (exact true) or,
// if none, the smallest recent result that holds every match of q (nil
// when none does). The caller holds s.mu.
func (s *lazySearch) recentFor(q []string) (hits []int32, exact bool) {
	for _, r := range slices.Backward(s.recent) {
		if slices.Equal(r.q, q) {
			return r.hits, true
		}
		if implies(q, r.q) && (hits == nil || len(r.hits) < len(hits)) {
			hits = r.hits
		}
	}
	return hits, false
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
// between the cores. The words an event still needs are a bit mask, so a
// query of more than 64 words is matched 64 at a time, each part over
// the last one's matches.
func (lz *lazyStore) matchWords(t *Timeline, q []string, cand []int32, stale func() bool) ([]int32, bool) {
	for len(q) > 64 {
		var ok bool
		if cand, ok = lz.matchWords(t, q[:64], cand, stale); !ok {
			return nil, false
		}
		q = q[64:]
	}
	byActor := make([][]uint64, len(q)) // by word, the events an actor settles; nil for none
	for w, word := range q {
		byActor[w] = t.lazyActorEvents(func(a *Actor) bool { return actorHasPrefix(a, word) })
	}
	all := uint64(1)<<len(q) - 1
	if len(q) == 64 {
		all = ^uint64(0)
	}
	// The words the actors of event toRead[j] leave to its text: need[j],
	// or, while need is nil, common for every one (the usual case, which
	// spares a mask per event).
	var matched, toRead []int32
	var need []uint64
	var common uint64
	for _, k := range cand {
		m := all
		for w, set := range byActor {
			if set != nil && set[k>>6]&(1<<(k&63)) != 0 {
				m &^= 1 << w
			}
		}
		switch {
		case m == 0:
			matched = append(matched, k)
			continue
		case len(toRead) == 0:
			common = m
		case need == nil && m != common:
			need = make([]uint64, len(toRead), len(cand))
			for j := range need {
				need[j] = common
			}
		}
		toRead = append(toRead, k)
		if need != nil {
			need = append(need, m)
		}
	}
	read, ok := lz.readMatches(q, toRead, need, common, stale)
	if !ok {
		return nil, false
	}
	if len(matched) == 0 {
		return read, true
	}
	// Both are ascending; merge them.
	out := make([]int32, 0, len(matched)+len(read))
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

// lazyActorEvents returns the set of the events (dataset indexes, a bit
// each) that list an actor for which named is true, read from the actors'
// postings; nil when none does, the usual case for a word of a search.
func (t *Timeline) lazyActorEvents(named func(a *Actor) bool) []uint64 {
	t.Index()
	lz := t.lazy
	var set []uint64
	for a := range t.actors {
		l := t.postings[t.actors[a].ID]
		if len(l) == 0 || !named(&t.actors[a]) {
			continue
		}
		if set == nil {
			set = make([]uint64, (len(lz.perm)+63)/64)
		}
		for _, j := range l {
			k := lz.perm[j]
			set[k>>6] |= 1 << (k & 63)
		}
	}
	return set
}

// staleChunk is how many events a search reads between two looks at
// whether a newer query has made it stale: a few milliseconds of reading.
const staleChunk = 8192

// readMatches reads the text of the events idx (ascending), event idx[j]
// needing the words of q marked in need[j] (in common when need is nil),
// and returns those whose text has them all, ascending.
func (lz *lazyStore) readMatches(q []string, idx []int32, need []uint64, common uint64, stale func() bool) ([]int32, bool) {
	if len(idx) == 0 {
		return nil, true
	}
	words := make([]queryWord, len(q))
	for w := range q {
		words[w] = newQueryWord(q[w])
	}
	// The words every event needs, which the source can look for in the
	// bytes it reads before it decodes them.
	every := common
	for _, m := range need {
		every &= m
	}
	needles := needlesOf(q, every)
	parts := max(1, min(runtime.GOMAXPROCS(0), len(idx)/minPerWorker))
	out := make([][]int32, parts)
	errs := make([]error, parts)
	var abandoned atomic.Bool
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(idx)/parts, (p+1)*len(idx)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			var hits []int32
			// In chunks, so that a newer query stops this one within one,
			// however few of its lines the source gives fn.
			for c := lo; c < hi && !abandoned.Load(); c += staleChunk {
				if stale() {
					abandoned.Store(true)
					break
				}
				sub := idx[c:min(c+staleChunk, hi)]
				cur := -1
				var left uint64 // the words event cur still needs
				finish := func() {
					if cur >= 0 && left == 0 {
						hits = append(hits, sub[cur])
					}
				}
				err := lz.src.Texts(sub, needles, func(k int, s string) bool {
					if k != cur {
						finish()
						cur, left = k, common
						if need != nil {
							left = need[c+k]
						}
					}
					if left == 0 {
						return false
					}
					for m := left; m != 0; m &= m - 1 {
						w := bits.TrailingZeros64(m)
						if words[w].in(s) {
							left &^= 1 << w
						}
					}
					return left != 0
				})
				finish()
				if err != nil {
					errs[p] = err
					break
				}
			}
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

// queryWord is a folded query word with what rejects most text without
// splitting it into words: for a word of ASCII letters and digits, text
// that holds it at a word start holds it as a substring, ASCII case
// ignored, unless the text has a rune outside ASCII that folds into
// ASCII (the Kelvin sign, the long s), which folding then must see.
type queryWord struct {
	w     string
	ascii bool
	// at is where the substring search anchors: the byte of w rarest in
	// text, which IndexByte finds in either case (lo, up).
	at     int
	lo, up byte
	sk     bool // w has an S or a K, which the runes outside ASCII fold to
}

func newQueryWord(w string) queryWord {
	qw := queryWord{w: w, ascii: true}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			qw.ascii = false
			return qw
		}
		if letterRank(w[i]) < letterRank(w[qw.at]) {
			qw.at = i
		}
		qw.sk = qw.sk || w[i] == 'S' || w[i] == 'K'
	}
	qw.lo, qw.up = w[qw.at], w[qw.at]
	if 'A' <= qw.up && qw.up <= 'Z' {
		qw.lo = qw.up + 'a' - 'A'
	}
	return qw
}

// letterRank orders bytes by how often they occur in English text, the
// rarest first; a digit ranks with the common letters, since dates and
// ids fill the lines of a file.
func letterRank(c byte) int {
	const byFrequency = "ZQXJKVBPYGFWMUCLDRHSNIOATE"
	if 'A' <= c && c <= 'Z' {
		return strings.IndexByte(byFrequency, c)
	}
	if '0' <= c && c <= '9' {
		return len(byFrequency) - 4
	}
	return 0
}

// in reports whether some word of s starts with the query word, as
// textHasPrefix does.
func (qw *queryWord) in(s string) bool {
	if qw.ascii && !qw.mayBeIn(s) {
		return false
	}
	return textHasPrefix(s, qw.w)
}

// mayBeIn reports whether s may hold the ASCII word qw.w, folded, as a
// substring: false only when it surely does not.
func (qw *queryWord) mayBeIn(s string) bool {
	return containsASCIIFold(s, qw) || qw.sk && mayFoldToASCII(s)
}

// mayFoldToASCII reports whether s holds a rune outside ASCII whose
// simple folding is an ASCII letter: U+017F (ſ, folding to S) and U+212A
// (the Kelvin sign, to K) are the only ones (TestFoldsToASCII).
func mayFoldToASCII(s string) bool {
	return strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")
}

// containsASCIIFold reports whether s holds qw.w (ASCII, folded to upper
// case as asciiFold does) ignoring ASCII case. It walks the occurrences
// of the anchor byte in both cases, each found once.
func containsASCIIFold(s string, qw *queryWord) bool {
	n := len(qw.w)
	end := len(s) - (n - qw.at) + 1 // the anchor's positions are [qw.at, end)
	next := func(from int, c byte) int {
		if j := strings.IndexByte(s[from:end], c); j >= 0 {
			return from + j
		}
		return end
	}
	lo, up := -1, -1 // the next occurrence of each at or after i
	for i := qw.at; i < end; {
		if lo < i {
			lo = next(i, qw.lo)
		}
		if up < i {
			up = lo
			if qw.up != qw.lo {
				up = next(i, qw.up)
			}
		}
		j := min(lo, up)
		if j >= end {
			return false
		}
		if asciiFoldEqual(s[j-qw.at:j-qw.at+n], qw.w) {
			return true
		}
		i = j + 1
	}
	return false
}

func asciiFoldEqual(s, w string) bool {
	for i := 0; i < len(w); i++ {
		if s[i] >= utf8.RuneSelf || asciiFold[s[i]] != w[i] {
			return false
		}
	}
	return true
}

// Needles is what an event's text must hold for a query to match it, in
// a form a source tests on the bytes it stores, before decoding them:
// ASCII words, each of which matching text holds as a substring, ASCII
// case ignored. The zero Needles rejects nothing.
type Needles struct{ words []queryWord }

// needlesOf is the Needles of the folded words q marked in mask: those
// of ASCII only (others give no substring to look for).
func needlesOf(q []string, mask uint64) Needles {
	var n Needles
	for w := range q {
		if mask&(1<<w) != 0 {
			if qw := newQueryWord(q[w]); qw.ascii {
				n.words = append(n.words, qw)
			}
		}
	}
	return n
}

// needlesOfText is the Needles of a Filter's text, folded by foldKey: its
// runs of ASCII other than space, each of which a text that holds it
// holds too (a space matches a run of white space, which the runs leave
// out).
func needlesOfText(needle string) Needles {
	var n Needles
	var run []byte
	flush := func() {
		if len(run) > 0 {
			n.words = append(n.words, newQueryWord(string(run)))
			run = run[:0]
		}
	}
	for i := 0; i < len(needle); i++ {
		if c := needle[i]; '!' <= c && c <= '~' {
			run = append(run, asciiFold[c])
		} else {
			flush()
		}
	}
	flush()
	return n
}

// Empty reports whether n rejects nothing.
func (n Needles) Empty() bool { return len(n.words) == 0 }

// MayHold reports whether b, which holds an event's text as written
// (UTF-8 with nothing escaped, and anything else beside it), may hold
// every needle: false only when one is surely missing.
func (n Needles) MayHold(b []byte) bool {
	s := unsafe.String(unsafe.SliceData(b), len(b))
	for w := range n.words {
		if !n.words[w].mayBeIn(s) {
			return false
		}
	}
	return true
}

// lazyContains is Apply's text test on a lazy Timeline: the events of idx
// (chronological) whose title, summary, quotes or actors' names hold
// needle (folded by foldKey), in order.
func (t *Timeline) lazyContains(idx []int, needle string) []int {
	lz := t.lazy
	named := t.lazyActorEvents(func(a *Actor) bool {
		return containsFold(a.Name, needle) || slices.ContainsFunc(a.Aliases, func(al string) bool { return containsFold(al, needle) })
	})
	var keep, read []int32
	for _, i := range idx {
		k := lz.perm[i]
		if named != nil && named[k>>6]&(1<<(k&63)) != 0 {
			keep = append(keep, k)
		} else {
			read = append(read, k)
		}
	}
	slices.Sort(read)
	cur := -1
	err := lz.src.Texts(read, needlesOfText(needle), func(j int, s string) bool {
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
