package timeline

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// searchIndex is an inverted index over the words of the events'
// searchable text (see Search for what a word is).
//
// The dictionary holds every distinct folded word once, sorted, so the
// words a query word starts with form one contiguous range of terms. Each
// term has a posting list of the chronological indexes of its events,
// ascending, stored as uvarint deltas, or as a bitmap of n bits when that
// is smaller (the commonest words). Keys are cut to maxKeyRunes runes, and
// the words starting inside unspaced runs to maxUnspacedKeyRunes, which
// bounds the dictionary; longer query words are checked against the
// events' text after the index has narrowed the candidates.
//
// A one- or two-rune query word would union thousands of lists, so for
// such prefixes with many postings the union is precomputed as a bitmap.
type searchIndex struct {
	n       int
	keys    string   // the sorted keys, concatenated
	keyAt   []int    // term i's key is keys[keyAt[i]:keyAt[i+1]]
	postAt  []int    // term i's postings are post[postAt[i]:postAt[i+1]]
	count   []uint32 // events per term; denseFlag marks a bitmap list
	post    []byte
	groups  map[string][]uint64 // prefix of 1 or 2 runes → union of its terms' lists
	scratch sync.Pool           // *[]uint64 of n bits, for concurrent queries
}

const (
	maxKeyRunes         = 32
	maxUnspacedKeyRunes = 4
	denseFlag           = 1 << 31

	// verifyCost is about how many postings a union decodes in the time
	// that checking one event's text for a word takes (measured: ~2 ns a
	// posting, 1–5 µs an event): with fewer candidates than a range's
	// postings / verifyCost, the candidates are checked instead.
	verifyCost = 1024
)

// indexOptions tune the build; tests use them to reach every path on
// small data.
type indexOptions struct {
	shards   int // parallel workers over contiguous event ranges
	groupMin int // sparse postings from which a short prefix's union is precomputed; 0: never
	dense    int // 0: bitmap lists when smaller; 1: always; -1: never
}

// defaultIndexOptions suits n events: one shard per core when there is
// enough work to share, and precomputed unions where a union would cost
// milliseconds. A union takes n/8 bytes and stands for at least n/2
// postings, so unions cost at most 2 bits per posting for each length.
func defaultIndexOptions(n int) indexOptions {
	o := indexOptions{shards: 1, groupMin: max(1<<16, n/2)}
	if n >= 1<<14 {
		o.shards = runtime.GOMAXPROCS(0)
	}
	return o
}

func bitmapWords(n int) int { return (n + 63) / 64 }

func (ix *searchIndex) terms() int { return len(ix.count) }

func (ix *searchIndex) key(i int) string { return ix.keys[ix.keyAt[i]:ix.keyAt[i+1]] }

// shard indexes a contiguous range of events with its own dictionary.
type shard struct {
	dict   dict
	actors map[string][]int32 // actor ID → term IDs of its name and aliases
	buf    []byte
	ids    []int32 // scratch for actorTerms
}

func (s *shard) add(id, doc int32) {
	t := &s.dict.terms[id]
	if t.last == doc {
		return
	}
	t.list = binary.AppendUvarint(t.list, uint64(doc-t.last))
	t.last = doc
	t.count++
}

// emit finds the term of key, adding it when new, and adds it to event
// doc, or appends it to s.ids when doc is -1. key must have a capacity of
// at least 16 (see keyHead).
func (s *shard) emit(key []byte, doc int32) {
	head := keyHead(key)
	h := hashKey(head, key)
	id, ok := s.dict.find(key, head, h)
	if !ok {
		id = s.dict.insert(key, head, h)
	}
	if doc >= 0 {
		s.add(id, doc)
	} else {
		s.ids = append(s.ids, id)
	}
}

// asciiKey is asciiFold for word bytes and 0 for separators.
var asciiKey = func() (k [utf8.RuneSelf]byte) {
	for c := range k {
		if asciiClass[c] != classSep {
			k[c] = asciiFold[c]
		}
	}
	return k
}()

// scan finds the terms of every word of text (see forEachToken) and emits
// them. ASCII words, the bulk of most text, are folded in the pass that
// finds them; any other word goes through forEachWord.
func (s *shard) scan(text string, doc int32) {
	if cap(s.buf) < maxKeyRunes+16 {
		s.buf = make([]byte, 0, 4*maxKeyRunes)
	}
	key := s.buf[:maxKeyRunes]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && asciiKey[c] == 0 {
			i++
			continue
		}
		j, n := i, 0
		for ; j < len(text); j++ {
			c := text[j]
			if c >= utf8.RuneSelf || asciiKey[c] == 0 {
				break
			}
			if n < len(key) {
				key[n] = asciiKey[c]
				n++
			}
		}
		if j < len(text) && text[j] >= utf8.RuneSelf {
			// A non-ASCII rune at j may start or continue a word.
			i = s.scanWord(text, i, doc)
			continue
		}
		s.emit(key[:n], doc)
		i = j
	}
}

// scanWord emits the terms of the first word of text[i:] and returns where
// it ends: len(text) when there is none.
func (s *shard) scanWord(text string, i int, doc int32) int {
	end := len(text)
	forEachWord(text[i:], func(start, stop int, unspaced bool) bool {
		end = i + stop
		forWordTokens(text, i+start, end, unspaced, func(start int) {
			limit := maxKeyRunes
			if unspaced {
				limit = maxUnspacedKeyRunes
			}
			s.buf = appendFoldedKey(s.buf[:0], text[start:end], limit)
			if cap(s.buf)-len(s.buf) < 16 {
				s.buf = slices.Grow(s.buf, 16)
			}
			s.emit(s.buf, doc)
		})
		return false
	})
	return end
}

func (s *shard) run(t *Timeline, lo, hi int) {
	for i := lo; i < hi; i++ {
		doc := int32(i)
		e := &t.events[i]
		s.scan(e.Title, doc)
		s.scan(e.Summary, doc)
		for k := range e.Citations {
			s.scan(e.Citations[k].Quote, doc)
		}
		for _, ref := range e.Actors {
			for _, id := range s.actorTerms(t, ref.Actor) {
				s.add(id, doc)
			}
		}
	}
}

// actorTerms tokenizes an actor's name and aliases once per shard: actors
// recur across many events.
func (s *shard) actorTerms(t *Timeline, id string) []int32 {
	if ids, ok := s.actors[id]; ok {
		return ids
	}
	s.ids = s.ids[:0]
	if a, ok := t.Actor(id); ok {
		s.scan(a.Name, -1)
		for _, al := range a.Aliases {
			s.scan(al, -1)
		}
	}
	slices.Sort(s.ids)
	ids := slices.Clone(slices.Compact(s.ids))
	s.actors[id] = ids
	return ids
}

// keyHead returns the first 16 bytes of key as two little-endian words,
// zero-padded. It reads them at once, so key needs a capacity of 16.
func keyHead(key []byte) (h [2]uint64) {
	n := len(key)
	full := key[:16]
	h[0] = binary.LittleEndian.Uint64(full)
	h[1] = binary.LittleEndian.Uint64(full[8:])
	switch {
	case n < 8:
		h[0] &= 1<<(8*n) - 1
		h[1] = 0
	case n < 16:
		h[1] &= 1<<(8*(n-8)) - 1
	}
	return h
}

// hashKey hashes key, whose head is head: its first 16 bytes at once.
func hashKey(head [2]uint64, key []byte) uint64 {
	const k0, k1 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F
	h := (head[0]^k0)*k1 ^ (head[1]+uint64(len(key)))*k0
	for _, c := range key[min(len(key), 16):] {
		h = (h ^ uint64(c)) * k1 // longer keys are rare
	}
	h ^= h >> 31
	h *= k0
	return h ^ h>>29
}

// dict maps keys to dense term IDs with an open-addressing table. Memory
// latency dominates indexing, so a term's record holds its key's first
// bytes (most words fit), its posting list and its counters together.
type dict struct {
	slots []uint64 // hash tag << 32 | ID+1; 0 is empty
	terms []shardTerm
	arena []byte // all keys
}

// shardTerm is a term of a shard. (Offsets are 32-bit: a shard's distinct
// keys stay far below 4 GiB.)
type shardTerm struct {
	head   [2]uint64 // the key's first 16 bytes, little-endian, zero-padded
	off, n uint32    // the key is arena[off:off+n]
	last   int32     // last event added, -1 for none yet
	count  uint32
	list   []byte // uvarint deltas; the first is the event index + 1
}

func (d *dict) key(id int32) []byte {
	t := &d.terms[id]
	return d.arena[t.off : t.off+t.n]
}

// find returns the ID of key, whose head and hash are given.
func (d *dict) find(key []byte, head [2]uint64, h uint64) (int32, bool) {
	if len(d.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(d.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		v := d.slots[i]
		if v == 0 {
			return 0, false
		}
		if v>>32 != tag {
			continue
		}
		id := int32(uint32(v)) - 1
		t := &d.terms[id]
		if t.head == head && int(t.n) == len(key) && (t.n <= 16 || string(d.arena[t.off+16:t.off+t.n]) == string(key[16:])) {
			return id, true
		}
	}
}

// insert adds key, which is not in d, and returns its ID.
func (d *dict) insert(key []byte, head [2]uint64, h uint64) int32 {
	id := int32(len(d.terms))
	d.terms = append(d.terms, shardTerm{head: head, off: uint32(len(d.arena)), n: uint32(len(key)), last: -1})
	d.arena = append(d.arena, key...)
	if 2*len(d.terms) > len(d.slots) {
		// Keep the load under a half.
		d.slots = make([]uint64, 1<<bits.Len(uint(3*len(d.terms)))) // a power of two
		for k := range d.terms {
			d.place(int32(k), hashKey(d.terms[k].head, d.key(int32(k))))
		}
		return id
	}
	d.place(id, h)
	return id
}

func (d *dict) place(id int32, h uint64) {
	mask := uint64(len(d.slots) - 1)
	i := h & mask
	for d.slots[i] != 0 {
		i = (i + 1) & mask
	}
	d.slots[i] = h>>32<<32 | uint64(id+1)
}

func buildSearchIndex(t *Timeline, o indexOptions) *searchIndex {
	n := len(t.events)
	shards := max(1, min(o.shards, n))
	parts := make([]*shard, shards)
	var wg sync.WaitGroup
	for k := range parts {
		s := &shard{actors: make(map[string][]int32)}
		parts[k] = s
		wg.Go(func() { s.run(t, n*k/shards, n*(k+1)/shards) })
	}
	wg.Wait()
	return mergeShards(parts, n, o)
}

// mergeShards joins the shards' dictionaries into one sorted dictionary and
// concatenates each term's lists in shard order, which keeps them ascending.
func mergeShards(parts []*shard, n int, o indexOptions) *searchIndex {
	var all []string
	keyBytes, postBytes := 0, 0
	for _, s := range parts {
		for id := range s.dict.terms {
			all = append(all, string(s.dict.key(int32(id))))
			postBytes += len(s.dict.terms[id].list)
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	for _, k := range all {
		keyBytes += len(k)
	}
	ix := &searchIndex{
		n:      n,
		keyAt:  make([]int, len(all)+1),
		postAt: make([]int, len(all)+1),
		count:  make([]uint32, len(all)),
		post:   make([]byte, 0, postBytes),
	}
	var keys strings.Builder
	keys.Grow(keyBytes)
	dense := make([]uint64, bitmapWords(n))
	bitmapBytes := 8 * len(dense)
	var found []*shardTerm
	var kbuf []byte
	for i, k := range all {
		keys.WriteString(k)
		ix.keyAt[i+1] = keys.Len()
		found = found[:0]
		count, size := uint32(0), 0
		kb := slices.Grow(append(kbuf[:0], k...), 16)
		kbuf = kb
		head := keyHead(kb)
		h := hashKey(head, kb)
		for _, s := range parts {
			if id, ok := s.dict.find(kb, head, h); ok {
				t := &s.dict.terms[id]
				found = append(found, t)
				count += t.count
				size += len(t.list)
			}
		}
		if o.dense > 0 || o.dense == 0 && size > bitmapBytes {
			clear(dense)
			for _, t := range found {
				setBits(dense, t.list)
				t.list = nil // copied: let the collector have it
			}
			for _, w := range dense {
				ix.post = binary.LittleEndian.AppendUint64(ix.post, w)
			}
			count |= denseFlag
		} else {
			prev := int64(-1)
			for _, t := range found {
				v, w := binary.Uvarint(t.list)
				first := int64(v) - 1
				ix.post = binary.AppendUvarint(ix.post, uint64(first-prev))
				ix.post = append(ix.post, t.list[w:]...)
				prev, t.list = int64(t.last), nil
			}
		}
		ix.count[i] = count
		ix.postAt[i+1] = len(ix.post)
	}
	ix.keys = keys.String()
	if cap(ix.post)-len(ix.post) > len(ix.post)/8 {
		// Bitmaps made the lists much smaller than the shards' total.
		ix.post = slices.Clone(ix.post)
	}
	if o.groupMin > 0 {
		ix.buildGroups(o.groupMin)
	}
	return ix
}

// buildGroups precomputes the union of the lists of every prefix of one or
// two runes whose sparse lists hold at least minPostings postings: those
// unions would be the slowest keystrokes.
func (ix *searchIndex) buildGroups(minPostings int) {
	for depth := 1; depth <= 2; depth++ {
		for lo := 0; lo < ix.terms(); {
			p := runePrefix(ix.key(lo), depth)
			if p == "" {
				lo++
				continue
			}
			hi := lo + sort.Search(ix.terms()-lo, func(j int) bool {
				return !strings.HasPrefix(ix.key(lo+j), p)
			})
			if ix.postings(lo, hi, true) >= minPostings {
				b := make([]uint64, bitmapWords(ix.n))
				ix.union(lo, hi, b)
				if ix.groups == nil {
					ix.groups = make(map[string][]uint64)
				}
				ix.groups[p] = b
			}
			lo = hi
		}
	}
}

// runePrefix returns the first n runes of s, or "" when it has fewer.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	if n == 0 {
		return s
	}
	return ""
}

// postings returns how many events the lists of terms [lo, hi) hold,
// counting an event once per list; with sparse, in uvarint lists only.
func (ix *searchIndex) postings(lo, hi int, sparse bool) int {
	total := 0
	for _, c := range ix.count[lo:hi] {
		if !sparse || c&denseFlag == 0 {
			total += int(c &^ denseFlag)
		}
	}
	return total
}

// setBits sets the bits of the events of a uvarint delta list.
func setBits(b []uint64, l []byte) {
	doc := -1
	for i := 0; i < len(l); {
		v := uint64(l[i])
		if v < 0x80 {
			i++
		} else {
			var w int
			v, w = binary.Uvarint(l[i:])
			i += w
		}
		doc += int(v)
		b[doc>>6] |= 1 << (doc & 63)
	}
}

// union ORs into b the lists of terms [lo, hi).
func (ix *searchIndex) union(lo, hi int, b []uint64) {
	for i := lo; i < hi; i++ {
		l := ix.post[ix.postAt[i]:ix.postAt[i+1]]
		if ix.count[i]&denseFlag == 0 {
			setBits(b, l)
			continue
		}
		for k := range b {
			b[k] |= binary.LittleEndian.Uint64(l[8*k:])
		}
	}
}

// appendBitmap appends the indexes of the bits set in b, ascending.
func appendBitmap(dst []int, b []uint64) []int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	dst = slices.Grow(dst, n)
	for k, w := range b {
		dst = appendBits(dst, k, w)
	}
	return dst
}

// appendBits appends the indexes of the bits set in word k of a bitmap.
func appendBits(dst []int, k int, w uint64) []int {
	for w != 0 {
		dst = append(dst, k*64+bits.TrailingZeros64(w))
		w &= w - 1
	}
	return dst
}

// filterBits keeps the elements of dst whose bit is set in b.
func filterBits(dst []int, b []uint64) []int {
	out := dst[:0]
	for _, i := range dst {
		if b[i>>6]&(1<<(i&63)) != 0 {
			out = append(out, i)
		}
	}
	return out
}
