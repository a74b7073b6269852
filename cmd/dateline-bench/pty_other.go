//go:build !linux

package main

import (
	"errors"
	"os"
	"syscall"
)

// openPTY is for Linux only: the first frame is not measured elsewhere.
func openPTY(cols, rows int) (master, slave *os.File, err error) {
	return nil, nil, errors.New("first frame: measured on Linux only")
}

func ctty() *syscall.SysProcAttr { return nil }
