package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// createTemp opens the file WriteFileFunc fills: an anonymous one (name "")
// where the system supports it, else a hidden named one in dir.
func createTemp(dir, base string, mode fs.FileMode) (f *os.File, name string, err error) {
	if useAnonymous() {
		if f, err := openAnonymous(dir, mode); err == nil {
			return f, "", nil
		}
		// The file system may not support anonymous files (some network
		// and FUSE mounts): fall back to a named one.
	}
	f, err = os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, "", err
	}
	return f, f.Name(), nil
}

// nameAnonymous gives the finished anonymous file f its place. Without
// force it is linked to path directly, which fails if path exists, and
// nameAnonymous returns "". With force it is linked to a hidden temporary
// name, returned for the caller to rename over path: a rename is the only
// atomic replacement.
func nameAnonymous(f *os.File, dir, base, path string, force bool) (string, error) {
	if !force {
		err := linkFD(f, path)
		switch {
		case err == nil:
			return "", nil
		case errors.Is(err, fs.ErrExist):
			return "", &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
		}
		return "", fmt.Errorf("write %s: %w", path, WithoutPath(err))
	}
	seed := time.Now().UnixNano()
	for try := range 100 {
		name := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatInt(seed+int64(try)*7919, 36))
		err := linkFD(f, name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("write %s: %w", path, WithoutPath(err))
		}
	}
	return "", fmt.Errorf("write %s: no free temporary name in %s", path, dir)
}

// useAnonymous is anonymousTemps, a variable so that tests can take the
// named fallback.
var useAnonymous = anonymousTemps

var (
	anonymousOnce sync.Once
	anonymousOK   bool
)

// anonymousTemps reports whether anonymous temporary files can be named
// later: the system has them and /proc/self/fd to reach them by.
func anonymousTemps() bool {
	anonymousOnce.Do(func() {
		if !haveAnonymous {
			return
		}
		_, err := os.Stat("/proc/self/fd")
		anonymousOK = err == nil
	})
	return anonymousOK
}
