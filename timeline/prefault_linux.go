package timeline

import (
	"syscall"
	"unsafe"
)

// prefault maps every page of [p, p+n) at once, backed by transparent
// huge pages where the system allows them on request, for a big slice
// that is filled right after it is made. Building the indexes of a
// million events touches a hundred megabytes of fresh memory; one page
// fault per 4 KB page is dear in a virtual machine (the profile of such a
// load spent a tenth of its time entering and leaving faults), one system
// call for the lot is not. It only maps zeroed pages, so it is harmless
// on pages shared with other objects; errors (an older kernel) are ignored.
func prefault(p unsafe.Pointer, n uintptr) {
	const huge, page = 2 << 20, 4 << 10
	if start, end := (uintptr(p)+huge-1)&^(huge-1), (uintptr(p)+n)&^(huge-1); end > start {
		syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 14 /* MADV_HUGEPAGE */)
	}
	start := uintptr(p) &^ (page - 1)
	end := (uintptr(p) + n + page - 1) &^ (page - 1)
	syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 23 /* MADV_POPULATE_WRITE */)
}
