// Package startup tunes the process as it starts, before dateline's larger
// dependencies initialize: it turns off heap profiling, which nothing in
// dateline reads, and asks Linux to back the Go heap with transparent huge
// pages. Importing it does both; main calls AdviseHeap again once the
// other packages have initialized.
//
// Why: on a virtual machine a page fault can cost 10-15 µs, and the first
// frame of the TUI touches a few megabytes of fresh heap: one fault per
// 4 KB page was the largest single cost of starting up (some 600 faults,
// about a quarter of the CPU time to the first frame on the machine the
// README's figures come from). In huge pages it is one fault per 2 MB.
// Heap profiling samples one allocation per 512 KB with a stack trace,
// which costs more than the allocation itself.
//
// The package imports only runtime, sync, syscall and unsafe, so Go
// initializes it right after those (packages are initialized in
// import-path order once their own imports are). Everything is best
// effort and bounded: a call advises one 64 MB heap arena and collapses at
// most 8 pieces of it. It does nothing outside 64-bit Linux on amd64 and
// arm64, with pages other than 4 KB, when transparent huge pages are
// "never" (/sys/kernel/mm/transparent_hugepage/enabled), or when the user
// sets DATELINE_HUGEPAGES=off: the Go runtime itself stopped asking for
// huge pages after reports of stalls on some systems (golang/go#61718), so
// the user keeps a way out; on an older kernel the calls fail and nothing
// changes.
package startup

import "runtime"

func init() {
	runtime.MemProfileRate = 0
	probe = new([16]byte)
	AdviseHeap()
}

// probe is a small heap object: its address says where the heap is.
var probe *[16]byte
