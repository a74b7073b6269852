package timeline

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Search semantics, shared by Search, MatchRanges and the index.
//
// The searchable text of an event is its title, its summary, the quote of
// every citation, and the name and aliases of every actor it lists.
//
// Text is split into words: maximal runs of letters, digits and combining
// marks; everything else (spaces, punctuation, symbols, emoji) separates
// words, so "Jong-un's" is the words "jong", "un" and "s". A word never
// mixes an unspaced script with others: "K팝" is "k" and "팝".
//
// Unspaced scripts (Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer,
// Myanmar) do not put spaces between words, so every position of such a run
// that is not a combining mark also starts a word: the run "金正恩" holds the
// words "金正恩", "正恩" and "恩". A query word therefore matches anywhere
// inside such a run (substring semantics), while in spaced scripts it
// matches word starts only.
//
// Case is folded by Unicode simple folding, as strings.EqualFold does:
// "PUTIN", "Putin" and "putin" are the same word; no other normalisation
// (accents, NFC/NFD, Turkish dotted I) is applied.
//
// A query is split into words the same way (a query's unspaced run is one
// word, not its suffixes). An event matches when every query word is a
// prefix of some word of its searchable text, in any field and any order;
// one event word may serve several query words. So "pu" finds Putin and
// "north kor" finds North Korea. A query with no words (empty, or only
// spaces and punctuation) matches nothing.

// Search appends to dst[:0] the chronological indexes of the events that
// match query, ascending, and returns it; reusing dst avoids allocation.
// It is safe for concurrent use. The first Search builds the index unless
// BuildSearchIndex has (and waits for a build in progress). Its cost
// follows the posting lists of the query words' prefixes, not the number
// of events: about a millisecond a keystroke at a million events.
func (t *Timeline) Search(query string, dst []int) []int {
	dst = dst[:0]
	q := parseQuery(query, true)
	if len(q) == 0 {
		return dst // before building the index: an empty query costs nothing
	}
	if t.lazy != nil {
		dst, _ = t.lazy.searchWords(t, q, dst, 0)
		return dst
	}
	return t.searchIndex().search(t, q, dst)
}

// BuildSearchIndex builds the index that Search uses, if it is not built
// yet, and returns when it is ready. Call it off the UI goroutine after
// loading; concurrent calls build once and all wait for it.
// A lazy Timeline has no index to build.
func (t *Timeline) BuildSearchIndex() {
	if t.lazy == nil {
		t.searchIndex()
	}
}

// SearchIndexReady reports whether the search index is built, so that the
// first Search will not have to build it.
func (t *Timeline) SearchIndexReady() bool { return t.lazy != nil || t.searchHolder().ready.Load() }

// MatchRanges returns the byte ranges [start, end) of s to highlight for
// query: for every word of s that starts with a query word, the part of s
// that the query word matches. Words follow the rules of Search, including
// the positions inside unspaced runs. Ranges are sorted, and overlapping or
// touching ones are merged. It returns nil when nothing matches.
func MatchRanges(s, query string) [][2]int {
	q := parseQuery(query, false)
	if len(q) == 0 {
		return nil
	}
	var out [][2]int
	forEachToken(s, func(start, end int, _ bool) bool {
		for _, w := range q {
			if n := foldedPrefixLen(s[start:end], w); n >= 0 {
				out = append(out, [2]int{start, start + n})
			}
		}
		return true
	})
	if len(out) == 0 {
		return nil
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	merged := out[:1]
	for _, r := range out[1:] {
		last := &merged[len(merged)-1]
		if r[0] <= last[1] {
			last[1] = max(last[1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// searchHolder owns one Timeline's search index: built once, then shared.
type searchHolder struct {
	once  sync.Once
	ix    *searchIndex
	ready atomic.Bool
}

func (t *Timeline) searchHolder() *searchHolder { return &t.search }

func (t *Timeline) searchIndex() *searchIndex {
	h := t.searchHolder()
	h.once.Do(func() {
		h.ix = buildSearchIndex(t, defaultIndexOptions(len(t.events)))
		h.ready.Store(true)
	})
	return h.ix
}

// parseQuery returns the query's folded words, sorted, without duplicates.
// With dropImplied it also drops the words that another query word
// starts with: they select nothing more (an event word that starts with
// "putin" starts with "put"), though they still highlight.
func parseQuery(query string, dropImplied bool) []string {
	var words []string
	var buf []byte
	forEachWord(query, func(start, end int, _ bool) bool {
		buf = appendFoldedKey(buf[:0], query[start:end], len(query))
		words = append(words, string(buf))
		return true
	})
	slices.Sort(words)
	words = slices.Compact(words)
	out := words[:0]
	for i, w := range words {
		// Sorted order puts a word's extensions right after it.
		if dropImplied && i+1 < len(words) && strings.HasPrefix(words[i+1], w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// lookup is one index key of a query and the terms that start with it.
type lookup struct {
	key    string
	lo, hi int      // terms
	est    int      // postings in the range
	group  []uint64 // the precomputed union, if any (keys of 1 or 2 runes)
}

// find returns the lookup for key.
func (ix *searchIndex) find(key string) lookup {
	n := ix.terms()
	lo := sort.Search(n, func(i int) bool { return ix.key(i) >= key })
	hi := lo + sort.Search(n-lo, func(j int) bool { return !strings.HasPrefix(ix.key(lo+j), key) })
	lk := lookup{key: key, lo: lo, hi: hi, est: ix.postings(lo, hi, false)}
	if utf8.RuneCountInString(key) <= 2 {
		lk.group = ix.groups[key]
	}
	return lk
}

// lookupKeys returns the index keys that narrow the search for the folded
// query word w, and whether they are exact (else the candidates must be
// checked against the text). A word longer than the index keys is looked
// up by its start and, when unspaced, also by windows along it: every
// position of an unspaced run is indexed.
func lookupKeys(w string) (keys []string, exact bool) {
	r, _ := utf8.DecodeRuneInString(w)
	limit := maxKeyRunes
	if runeClass(r) == classUnspaced {
		limit = maxUnspacedKeyRunes
	}
	var at []int // the byte offset of every rune, then len(w)
	for i := range w {
		at = append(at, i)
	}
	at = append(at, len(w))
	runes := len(at) - 1
	if runes <= limit {
		return []string{w}, true
	}
	keys = append(keys, w[:at[limit]])
	for k := limit; limit == maxUnspacedKeyRunes && k+limit <= runes; k += limit {
		if r, _ := utf8.DecodeRuneInString(w[at[k]:]); runeClass(r) != classMark {
			keys = append(keys, w[at[k]:at[k+limit]])
		}
	}
	return keys, false
}

// search appends the events matching the folded query words q, which
// match nothing when there are none.
func (ix *searchIndex) search(t *Timeline, q []string, dst []int) []int {
	if len(q) == 0 {
		return dst
	}
	var lks []lookup
	var verify []string
	for _, w := range q {
		keys, exact := lookupKeys(w)
		for _, k := range keys {
			lk := ix.find(k)
			if lk.est == 0 {
				return dst
			}
			lks = append(lks, lk)
		}
		if !exact {
			verify = append(verify, w)
		}
	}
	// The smallest range gives the fewest candidates; the others filter them.
	slices.SortFunc(lks, func(a, b lookup) int { return a.est - b.est })
	var scratch *[]uint64 // from the pool, once a union needs it
	bitmap := func() []uint64 {
		if scratch == nil {
			if scratch, _ = ix.scratch.Get().(*[]uint64); scratch == nil {
				b := make([]uint64, bitmapWords(ix.n))
				scratch = &b
			}
		}
		clear(*scratch)
		return *scratch
	}
	defer func() {
		if scratch != nil {
			ix.scratch.Put(scratch)
		}
	}()
	switch first := lks[0]; {
	case first.group != nil:
		dst = appendBitmap(dst, first.group)
	default:
		b := bitmap()
		ix.union(first.lo, first.hi, b)
		dst = appendBitmap(dst, b)
	}
	for _, lk := range lks[1:] {
		switch {
		case len(dst) == 0:
			return dst
		case lk.group != nil:
			dst = filterBits(dst, lk.group)
		case len(dst)*verifyCost < lk.est:
			dst = t.filterPrefix(dst, lk.key)
		default:
			b := bitmap()
			ix.union(lk.lo, lk.hi, b)
			dst = filterBits(dst, b)
		}
	}
	for _, w := range verify {
		dst = t.filterPrefix(dst, w)
	}
	return dst
}

// filterPrefix keeps the events of dst with a word starting with w.
func (t *Timeline) filterPrefix(dst []int, w string) []int {
	out := dst[:0]
	for _, i := range dst {
		if t.eventHasPrefix(&t.events[i], w) {
			out = append(out, i)
		}
	}
	return out
}

// Rune classes of the tokenizer.
const (
	classSep      = iota // separates words
	classWord            // letter or digit of a spaced script
	classUnspaced        // letter or digit of an unspaced script
	classMark            // combining mark: continues the current word
)

// asciiClass and asciiFold are runeClass and foldRune for ASCII.
var asciiClass, asciiFold = func() (c [utf8.RuneSelf]uint8, f [utf8.RuneSelf]byte) {
	for r := range c {
		f[r] = byte(r)
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			c[r] = classWord
		}
		if 'a' <= r && r <= 'z' {
			f[r] -= 'a' - 'A'
		}
	}
	return c, f
}()

func runeClass(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch {
	case unicode.IsMark(r):
		return classMark
	case !unicode.IsLetter(r) && !unicode.IsNumber(r):
		return classSep
	case isUnspaced(r):
		return classUnspaced
	}
	return classWord
}

var unspacedScripts = []*unicode.RangeTable{
	unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

func isUnspaced(r rune) bool {
	// The prolonged sound marks (ー) are Common script but written inside
	// Japanese words.
	return r == 0x30FC || r == 0xFF70 || unicode.In(r, unspacedScripts...)
}

// forEachWord calls fn with the byte range of every word of s, in order,
// and whether it is a run of an unspaced script, until fn returns false.
func forEachWord(s string, fn func(start, end int, unspaced bool) bool) {
	start, cls := -1, uint8(classSep)
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		c := runeClass(r)
		switch {
		case start >= 0 && (c == cls || c == classMark):
			// The word goes on; a mark continues whatever word it follows.
		case start >= 0:
			if !fn(start, i, cls == classUnspaced) {
				return
			}
			start = -1
			fallthrough
		default:
			if c != classSep {
				start, cls = i, c
				if c == classMark {
					cls = classWord // a word that starts with a mark counts as spaced
				}
			}
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s), cls == classUnspaced)
	}
}

// forEachToken calls fn with the byte range of every word of s, including
// the words that start inside unspaced runs ([start, end) then runs to the
// end of the enclosing run), until fn returns false.
func forEachToken(s string, fn func(start, end int, unspaced bool) bool) {
	forEachWord(s, func(start, end int, unspaced bool) bool {
		more := true
		forWordTokens(s, start, end, unspaced, func(i int) {
			more = more && fn(i, end, unspaced)
		})
		return more
	})
}

// forWordTokens calls fn with the start of every token of the word
// s[start:end]: the word's own start and, in an unspaced run, every later
// rune that is not a combining mark.
func forWordTokens(s string, start, end int, unspaced bool, fn func(start int)) {
	fn(start)
	if !unspaced {
		return
	}
	_, size := utf8.DecodeRuneInString(s[start:end])
	for i := start + size; i < end; i += size {
		var r rune
		r, size = utf8.DecodeRuneInString(s[i:end])
		if runeClass(r) != classMark {
			fn(i)
		}
	}
}

// foldRune maps r to the smallest rune of its simple case-folding orbit, so
// that two runes fold alike exactly when strings.EqualFold equates them.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiFold[r])
	}
	// Kana, CJK ideographs and Hangul syllables have no case; skipping the
	// orbit walk for them speeds up indexing unspaced text.
	if 0x3040 <= r && r < 0xA000 || 0xAC00 <= r && r < 0xD7A4 {
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// appendFoldedKey appends the first limit runes of s, folded.
func appendFoldedKey(dst []byte, s string, limit int) []byte {
	for i := 0; i < len(s) && limit > 0; limit-- {
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, asciiFold[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += size
	}
	return dst
}

// foldedPrefixLen reports whether s, folded, starts with the folded word w:
// it returns the byte length of the matching part of s, or -1.
func foldedPrefixLen(s, w string) int {
	i := 0
	for j := 0; j < len(w); {
		if i >= len(s) {
			return -1
		}
		if c := s[i]; c < utf8.RuneSelf && w[j] < utf8.RuneSelf {
			if asciiFold[c] != w[j] {
				return -1
			}
			i++
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		wr, wsize := utf8.DecodeRuneInString(w[j:])
		if foldRune(r) != wr {
			return -1
		}
		i += size
		j += wsize
	}
	return i
}

// textHasPrefix reports whether some word of s (see forEachToken) starts
// with the folded word w.
func textHasPrefix(s, w string) bool {
	found := false
	forEachToken(s, func(start, end int, _ bool) bool {
		found = foldedPrefixLen(s[start:end], w) >= 0
		return !found
	})
	return found
}

// eventHasPrefix reports whether some word of the event's searchable text
// starts with the folded word w.
func (t *Timeline) eventHasPrefix(e *Event, w string) bool {
	if textHasPrefix(e.Title, w) || textHasPrefix(e.Summary, w) {
		return true
	}
	for k := range e.Citations {
		if textHasPrefix(e.Citations[k].Quote, w) {
			return true
		}
	}
	for _, ref := range e.Actors {
		a, ok := t.Actor(ref.Actor)
		if !ok {
			continue
		}
		if textHasPrefix(a.Name, w) {
			return true
		}
		for _, al := range a.Aliases {
			if textHasPrefix(al, w) {
				return true
			}
		}
	}
	return false
}
