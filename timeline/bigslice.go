package timeline

import "unsafe"

// prefaultMin is the smallest slice makeBig maps in full: below it the
// system call costs more than the page faults it saves.
const prefaultMin = 256 << 10

// makeBig is make([]T, n, c) for the big slices of building a Timeline,
// with their memory mapped at once (prefault) rather than one page fault
// at a time as they are filled.
func makeBig[T any](n, c int) []T {
	s := make([]T, n, c)
	var zero T
	if size := uintptr(c) * unsafe.Sizeof(zero); c > 0 && size >= prefaultMin {
		prefault(unsafe.Pointer(unsafe.SliceData(s)), size)
	}
	return s
}
