package jsonl

import (
	"cmp"
	"unsafe"
)

// The allocators of the JSON Lines decoder: a million events must not cost
// millions of allocations, nor a copy of every repeated id.

// slab hands out the lists of many events from a few large allocations.
// A list is pushed at the end of the current block, between begin and
// end; when a block fills up, the list begun so far moves to a new one.
type slab[T any] struct {
	s     []T
	start int // where the current list begins
	next  int // elements in the next block
	limit int // the most bytes a block may have; 0 for blockMax
}

// Blocks start small, for small files, and double up to limit: big
// blocks for big files, smaller ones for smaller files, since the last
// block of each worker is partly empty.
const (
	slabFirst  = 256
	arenaFirst = 16 << 10
	blockMax   = 8 << 20
)

// blockLimit is the block size for a worker's share of a file, size bytes
// (0 if unknown): a 16th of it, between 64 KB and blockMax.
func blockLimit(size int64) int {
	if size <= 0 {
		return blockMax
	}
	return int(min(max(size/16, 64<<10), blockMax))
}

func (b *slab[T]) begin() { b.start = len(b.s) }

func (b *slab[T]) push(v T) {
	if len(b.s) == cap(b.s) {
		var zero T
		size := unsafe.Sizeof(zero)
		if b.next == 0 {
			b.next = slabFirst
		}
		part := b.s[b.start:]
		n := make([]T, len(part), max(b.next, 2*len(part)))
		b.next = min(2*b.next, max(slabFirst, cmp.Or(b.limit, blockMax)/int(size)))
		copy(n, part)
		b.s, b.start = n, 0
	}
	b.s = append(b.s, v)
}

// end returns the list, nil when empty, with its capacity cut so that
// appending to it cannot reach into the block. When !ok the list is
// dropped and end returns nil, false.
func (b *slab[T]) end(ok bool) ([]T, bool) {
	if !ok || len(b.s) == b.start {
		b.s = b.s[:b.start]
		return nil, ok
	}
	return b.s[b.start:len(b.s):len(b.s)], true
}

// arena hands out strings copied into large blocks: one allocation per
// block instead of one per string, and no size-class rounding. Its bytes
// are never written again once a string refers to them.
type arena struct {
	buf   []byte
	next  int // size of the next block
	limit int // the most bytes a block may have; 0 for blockMax
}

func (a *arena) str(b []byte) string {
	n := len(b)
	switch {
	case n == 0:
		return ""
	case n > arenaFirst/4:
		return string(b)
	case cap(a.buf)-len(a.buf) < n:
		a.next = min(max(2*a.next, arenaFirst), max(arenaFirst, cmp.Or(a.limit, blockMax)))
		a.buf = make([]byte, 0, a.next)
	}
	start := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[start], n)
}

// interner returns one copy of strings that repeat across events. Each
// worker's table starts with the header's ids (so that references share
// the header's strings) and adds what it meets, up to internLimit more
// entries so that a file of all-different tags cannot grow it without end.
type interner struct {
	m     map[string]string
	limit int
}

const internLimit = 1 << 16

func newInterner(seed map[string]string) interner {
	m := make(map[string]string, len(seed)+1024)
	for k, v := range seed {
		m[k] = v
	}
	return interner{m: m, limit: len(seed) + internLimit}
}

func (in *interner) get(b []byte, a *arena) string {
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := a.str(b)
	if in.m != nil && len(in.m) < in.limit {
		in.m[s] = s
	}
	return s
}
