package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically: see WriteFileFunc.
func WriteFile(path string, data []byte, force bool) error {
	return WriteFileFunc(path, force, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFileFunc is the one way dateline writes a file. write fills a
// temporary file in path's folder, which is synced and then moved to path in
// one step, so that readers and a crash see either the old file or the whole
// new one, never a part. Without force it refuses to replace an existing
// file, and no race can make it do so: the temporary file is hard-linked to
// path, which fails when path exists. With force, an existing file is
// replaced (keeping its permissions); a symbolic link at path is replaced by
// the file, not followed. On any error the temporary file is removed and path
// is left as it was. Errors name path; errors.Is(err, fs.ErrExist) reports
// the refusal.
//
// Where the system allows (Linux, with O_TMPFILE and /proc), the temporary
// file has no name until it is complete, so even a process killed mid-write
// leaves nothing behind; elsewhere it is a hidden ".NAME.tmp-*" file, which
// only a SIGKILL can leave behind.
func WriteFileFunc(path string, force bool, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if info, err := os.Lstat(path); err == nil && force && info.Mode()&fs.ModeSymlink != 0 {
		// Through a link, as editors write: the target is replaced in its
		// own folder, under the rules below, and the link stays. Renaming
		// over the link would have put a file in its place, and a link to
		// /dev/null would have become a copy with the device's mode.
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("write %s: %s is a symbolic link to nothing that can be written: %w", path, path, WithoutPath(err))
		}
		return WriteFileFunc(target, force, write)
	}
	// --force replaces a file, never a folder, a device, a pipe or a
	// socket: renaming over /dev/full would replace the device itself.
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0 {
		what := "not a regular file"
		if info.IsDir() {
			what = "a folder"
		}
		return fmt.Errorf("write %s: %s is %s; dateline replaces only regular files", path, path, what)
	}
	if !force {
		// Fail early, before any work; the link below is what guarantees it.
		if _, err := os.Lstat(path); err == nil {
			return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
		}
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil && force {
		mode = info.Mode().Perm()
	}
	tmp, name, err := createTemp(dir, base, mode)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, WithoutPath(err))
	}
	closed := false
	defer func() {
		if !closed {
			tmp.Close()
		}
		if err != nil && name != "" {
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, WithoutPath(err))
	}
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, WithoutPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: sync: %w", path, WithoutPath(err))
	}
	if name == "" {
		// An anonymous file is named through its descriptor, so it stays
		// open until it has a name.
		if name, err = nameAnonymous(tmp, dir, base, path, force); err != nil {
			return err
		}
		if name == "" {
			closed = true
			if err := tmp.Close(); err != nil {
				return fmt.Errorf("write %s: %w", path, WithoutPath(err))
			}
			syncDir(dir)
			return nil
		}
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, WithoutPath(err))
	}
	if force {
		if err := os.Rename(name, path); err != nil {
			return fmt.Errorf("write %s: %w", path, WithoutPath(err))
		}
	} else if err := linkInto(name, path, os.Link); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// linkInto moves the finished temporary file to path unless path exists.
// link is os.Link, a parameter so that tests can take it away.
func linkInto(tmp, path string, link func(old, new string) error) error {
	err := link(tmp, path)
	switch {
	case err == nil:
		// path and tmp are one file now; dropping the temporary name cannot
		// lose data, so a failure here only leaves a stray name behind.
		if err := os.Remove(tmp); err != nil {
			return fmt.Errorf("write %s: remove temporary file: %w", path, err)
		}
		return nil
	case errors.Is(err, fs.ErrExist):
		return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
	}
	// Some file systems (FAT, some network mounts) have no hard links.
	// Reserve the name with O_EXCL instead, then rename over our own
	// placeholder: still no existing file can be replaced.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
		}
		return fmt.Errorf("write %s: %w", path, WithoutPath(err))
	}
	f.Close()
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("write %s: %w", path, WithoutPath(err))
	}
	return nil
}

// syncDir makes the rename durable. It is best effort: the new file is
// already in place, and some systems cannot sync a directory at all.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
