//go:build !linux

package startup

// AdviseHeap does nothing outside Linux.
func AdviseHeap() {}
