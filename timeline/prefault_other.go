//go:build !linux

package timeline

import "unsafe"

// prefault is for Linux only (see prefault_linux.go).
func prefault(p unsafe.Pointer, n uintptr) {}
