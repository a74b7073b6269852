package startup

import (
	"syscall"
	"unsafe"
)

const (
	madvHugePage = 14 // MADV_HUGEPAGE: back the range with huge pages from now on
	madvCollapse = 25 // MADV_COLLAPSE (Linux 6.1): turn its present 4 KB pages into one
	page         = 4 << 10
	hugePage     = 2 << 20
	// arena is the Go heap's unit of address space on 64-bit Linux: it is
	// reserved whole, aligned to its size, and mapped 4 MB at a time as
	// the heap grows.
	arena = 64 << 20
)

// resident is mincore's answer for the arena, one byte per 4 KB page:
// 16 KB, kept out of the initializing goroutine's small stack.
var resident [arena / page]byte

// AdviseHeap marks the heap arena that holds the program's first objects for
// huge pages and turns each of its 2 MB pieces that already has 4 KB pages
// into a huge page (those would otherwise keep faulting 4 KB at a time).
// The runtime maps more of the arena as the heap grows, and a new mapping
// does not inherit the mark: calling AdviseHeap again after a phase that grew
// the heap covers what it mapped.
func AdviseHeap() {
	base := uintptr(unsafe.Pointer(probe)) &^ (arena - 1)
	if mincore(base, arena, &resident[0]) != nil {
		return // not the layout this expects: change nothing
	}
	madvise(base, arena, madvHugePage)
	for off := uintptr(0); off < arena; off += hugePage {
		n := 0
		for _, r := range resident[off/page : (off+hugePage)/page] {
			n += int(r & 1)
		}
		// All resident: already a huge page, or nothing to gain.
		if n > 0 && n < hugePage/page {
			madvise(base+off, hugePage, madvCollapse)
		}
	}
}

func madvise(addr, n uintptr, advice int) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice)); e != 0 {
		return e
	}
	return nil
}

func mincore(addr, n uintptr, vec *byte) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, addr, n, uintptr(unsafe.Pointer(vec))); e != 0 {
		return e
	}
	return nil
}
