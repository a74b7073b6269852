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
// The package imports only runtime, syscall and unsafe, so Go initializes
// it right after those (packages are initialized in import-path order
// once their own imports are). Everything is best effort: on other
// systems, with huge pages disabled
// (/sys/kernel/mm/transparent_hugepage/enabled "never") or on an older
// kernel, the calls fail and nothing changes.
package startup

import "runtime"

func init() {
	runtime.MemProfileRate = 0
	probe = new([16]byte)
	AdviseHeap()
}

// probe is a small heap object: its address says where the heap is.
var probe *[16]byte
