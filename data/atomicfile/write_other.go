//go:build !linux

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

const haveAnonymous = false

func openAnonymous(string, fs.FileMode) (*os.File, error) {
	return nil, errors.ErrUnsupported
}

func linkFD(*os.File, string) error { return errors.ErrUnsupported }
