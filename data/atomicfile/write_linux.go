package atomicfile

import (
	"io/fs"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

const haveAnonymous = true

// openAnonymous opens an unnamed regular file in dir (O_TMPFILE): until it
// is linked, nothing in the folder shows it and a crash leaves nothing.
func openAnonymous(dir string, mode fs.FileMode) (*os.File, error) {
	return os.OpenFile(dir, os.O_RDWR|unix.O_TMPFILE, mode.Perm())
}

// linkFD gives the open file f the name path; it fails if path exists.
func linkFD(f *os.File, path string) error {
	// The error is the bare errno: callers name path themselves.
	return unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW)
}
