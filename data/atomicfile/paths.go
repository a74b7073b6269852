package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// SameFile reports whether a and b name one file: the same file when both
// exist, else the same absolute path. Commands use it so that what they
// write never replaces what they read.
func SameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(fa, fb)
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// WithoutPath drops the path from an *fs.PathError, for messages that
// already name the file; other errors are returned as they are.
func WithoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
