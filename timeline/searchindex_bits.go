package timeline

// Query-time operations on the index's posting lists: sizes, unions into
// a bitmap, and reading a bitmap back as event indexes.

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

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
