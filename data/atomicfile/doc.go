// Package atomicfile writes files so that a reader sees the old content or
// the new, never part of it: an unnamed temporary file in the target's
// folder (O_TMPFILE on Linux), fsync, then link or rename. It also tells
// whether two paths name one file, and strips paths from errors whose
// message already names the file. It is the only package of data/ that
// makes system calls of its own.
package atomicfile
