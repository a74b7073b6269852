package timeline

// Building the search index: each shard tokenizes a range of events into
// its own hash dictionary of folded words, which mergeShards then sorts
// into one.

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
)

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
