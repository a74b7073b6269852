package hugeheap

import (
	"syscall"
	"unsafe"
)

const (
	madvHugePage = 14 // MADV_HUGEPAGE: back the range with huge pages from now on
	madvCollapse = 25 // MADV_COLLAPSE (Linux 6.1): turn its present 4 KB pages into one
	hugePage     = 2 << 20
	// heapChunk is how much address space the Go runtime maps for its
	// heap at a time (512 of its 8 KB pages), aligned to that size.
	heapChunk = 4 << 20
)

// probe is a small heap object: its address says where the heap is.
var probe *[16]byte

func init() {
	probe = new([16]byte)
	p := uintptr(unsafe.Pointer(probe))
	// The whole mapped chunk from now on; if the runtime mapped it
	// differently than expected, at least the huge page around the probe.
	if advise(p&^(heapChunk-1), heapChunk, madvHugePage) != nil {
		advise(p&^(hugePage-1), hugePage, madvHugePage)
	}
	// The runtime and the packages initialized so far have touched some
	// pages of the probe's huge page already; the kernel would only give
	// the rest 4 KB pages. Collapsing it copies those few into one huge
	// page (about 0.3 ms), and the rest of it costs no more faults.
	advise(p&^(hugePage-1), hugePage, madvCollapse)
}

// advise calls madvise(2) on [addr, addr+n).
func advise(addr, n uintptr, advice int) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice)); e != 0 {
		return e
	}
	return nil
}
