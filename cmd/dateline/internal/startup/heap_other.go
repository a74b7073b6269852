//go:build !(linux && (amd64 || arm64))

package startup

// AdviseHeap does nothing outside 64-bit Linux on amd64 and arm64.
func AdviseHeap() {}
