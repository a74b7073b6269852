//go:build !linux

package jsonl

import "unsafe"

// hugePages is a hint for Linux only (see jsonl_thp_linux.go).
func hugePages(p unsafe.Pointer, n uintptr) {}

// prefault is for Linux only (see jsonl_thp_linux.go).
func prefault(p unsafe.Pointer, n uintptr) {}
