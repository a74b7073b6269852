//go:build linux && (amd64 || arm64)

package startup

import (
	"sync"
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

var (
	// mu guards resident, for callers other than init and main.
	mu sync.Mutex
	// resident is mincore's answer for the arena, one byte per 4 KB page:
	// 16 KB, kept out of the initializing goroutine's small stack.
	resident [arena / page]byte
	// allowed is whether to advise at all, decided once: see hugePagesAllowed.
	allowed = hugePagesAllowed()
)

// maxCollapses bounds the synchronous collapses of one call: at start the
// heap has touched a few of the arena's 2 MB pieces, and each collapse
// costs a few tenths of a millisecond.
const maxCollapses = 8

// hugePagesAllowed says whether advising is wanted and safe here: not when
// the user turned it off (DATELINE_HUGEPAGES=off), not when the
// administrator did (transparent huge pages "never"; MADV_COLLAPSE would
// not ask), and only with the 4 KB pages the arithmetic below assumes.
func hugePagesAllowed() bool {
	if v, _ := syscall.Getenv("DATELINE_HUGEPAGES"); v == "off" || syscall.Getpagesize() != page {
		return false
	}
	fd, err := syscall.Open("/sys/kernel/mm/transparent_hugepage/enabled", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return false // no transparent huge pages in this kernel
	}
	defer syscall.Close(fd)
	var buf [64]byte
	n, err := syscall.Read(fd, buf[:])
	return err == nil && n > 0 && !contains(buf[:n], "[never]")
}

// contains is bytes.Contains: importing bytes would make Go initialize
// this package after unicode and os rather than right after syscall.
func contains(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}

// AdviseHeap marks the heap arena that holds the program's first objects for
// huge pages and turns each of its 2 MB pieces that already has 4 KB pages
// into a huge page (those would otherwise keep faulting 4 KB at a time).
// The runtime maps more of the arena as the heap grows, and a new mapping
// does not inherit the mark: calling AdviseHeap again after a phase that grew
// the heap covers what it mapped.
func AdviseHeap() {
	if !allowed {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	base := uintptr(unsafe.Pointer(probe)) &^ (arena - 1)
	if mincore(base, arena, &resident[0]) != nil {
		return // not the layout this expects: change nothing
	}
	madvise(base, arena, madvHugePage)
	collapses := 0
	for off := uintptr(0); off < arena && collapses < maxCollapses; off += hugePage {
		n := 0
		for _, r := range resident[off/page : (off+hugePage)/page] {
			n += int(r & 1)
		}
		// All resident: already a huge page, or nothing to gain.
		if n > 0 && n < hugePage/page {
			madvise(base+off, hugePage, madvCollapse)
			collapses++
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
