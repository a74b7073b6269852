package timeline

import (
	"encoding/binary"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
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
