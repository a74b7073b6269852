package jsonl

import (
	"syscall"
	"unsafe"
)

// hugePages asks Linux to back the 2 MB-aligned part of [p, p+n) with
// transparent huge pages when the system allows it on request
// (/sys/kernel/mm/transparent_hugepage/enabled is "madvise" or "always").
// The event list and the large blocks of a big load are written once,
// in full, right after they are allocated: one fault per 2 MB instead of
// 512 makes the first touch of a gigabyte several times cheaper. The
// hint changes nothing else; errors are ignored.
func hugePages(p unsafe.Pointer, n uintptr) {
	const huge = 2 << 20
	start := (uintptr(p) + huge - 1) &^ (huge - 1)
	end := (uintptr(p) + n) &^ (huge - 1)
	if end <= start {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 14 /* MADV_HUGEPAGE */)
}

// prefault is hugePages, then maps every page of [p, p+n) at once
// (MADV_POPULATE_WRITE, Linux 5.14) for a block that is about to be
// filled: the pages outside the 2 MB-aligned part would otherwise cost one
// page fault each, and a fault is dear in a virtual machine (the profile
// of a million-event load on a VM spent a tenth of its time entering and
// leaving them). Populating only maps zeroed pages, so it is harmless on
// pages shared with other objects; older kernels ignore it.
func prefault(p unsafe.Pointer, n uintptr) {
	hugePages(p, n)
	const page = 4 << 10
	start := uintptr(p) &^ (page - 1)
	end := (uintptr(p) + n + page - 1) &^ (page - 1)
	syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 23 /* MADV_POPULATE_WRITE */)
}
