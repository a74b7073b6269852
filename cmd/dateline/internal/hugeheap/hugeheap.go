// Package hugeheap asks Linux, as the process starts, to back the Go heap's
// first chunk with transparent huge pages. It has no API: importing it is
// the whole effect.
//
// Why: dateline's first frame touches a few megabytes of fresh heap, and
// in a virtual machine a page fault can cost 10-15 µs; one fault per 4 KB
// page was the largest single cost of starting up (some 600 of them, about
// a quarter of the CPU time to the first frame on the machine the README's
// figures come from). With the chunk in huge pages it is one fault per
// 2 MB.
//
// The package imports only syscall and unsafe, so Go initializes it right
// after those (packages are initialized in import-path order once their
// own imports are), before the larger dependencies allocate. Everything
// is best effort: on other systems, with huge pages disabled
// (/sys/kernel/mm/transparent_hugepage/enabled "never") or on an older
// kernel, the calls fail and nothing changes.
package hugeheap
