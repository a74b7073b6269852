package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Environment variables that turn TestHelperWriter into the child process
// of TestWriteKilled.
const (
	helperTarget = "DATELINE_HELPER_WRITER_TARGET"
	helperMarker = "DATELINE_HELPER_WRITER_MARKER"
)

// TestHelperWriter is not a test on its own: run by TestWriteKilled as a
// child process, it starts replacing a file with WriteFileFunc, signals
// that part of the new content is in the temporary file, and blocks until
// it is killed.
func TestHelperWriter(t *testing.T) {
	target, marker := os.Getenv(helperTarget), os.Getenv(helperMarker)
	if target == "" || marker == "" {
		return // an ordinary run: nothing to do
	}
	err := WriteFileFunc(target, true, func(w io.Writer) error {
		// More than WriteFileFunc's 64 KiB buffer, so that bytes reach the
		// temporary file before the kill.
		if _, err := w.Write(bytes.Repeat([]byte("new content\n"), 20_000)); err != nil {
			return err
		}
		if err := os.WriteFile(marker, nil, 0o644); err != nil {
			return err
		}
		// Wait for SIGKILL. (A bare select{} could end the child early as
		// a deadlock the runtime detects.)
		time.Sleep(time.Hour)
		return nil
	})
	t.Fatalf("WriteFileFunc returned %v; it should have been killed", err)
}

// anonymousTempOf returns the size of the unnamed temporary file that the
// process pid holds open in dir, or -1 if it holds none. Linux shows such a
// file in /proc as "DIR/#INODE (deleted)".
func anonymousTempOf(t *testing.T, pid int, dir string) int64 {
	t.Helper()
	fds := fmt.Sprintf("/proc/%d/fd", pid)
	entries, err := os.ReadDir(fds)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		link, err := os.Readlink(filepath.Join(fds, e.Name()))
		if err != nil || !strings.HasPrefix(link, dir+"/#") || !strings.HasSuffix(link, " (deleted)") {
			continue
		}
		info, err := os.Stat(filepath.Join(fds, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		return info.Size()
	}
	return -1
}

// TestWriteKilled kills a process with SIGKILL in the middle of
// WriteFileFunc, once part of the new content is on disk. The old file must
// be intact and nothing else left in the folder: the temporary file has no
// name until it is complete. CI runs on Linux with ext4, where that holds;
// elsewhere the test is skipped, since the named fallback cannot promise it.
func TestWriteKilled(t *testing.T) {
	dir := t.TempDir()
	if !anonymousTemps() {
		if os.Getenv("CI") == "true" {
			t.Fatal("anonymous temporary files (O_TMPFILE, /proc) are unavailable in CI")
		}
		t.Skip("this system has no anonymous temporary files; a SIGKILL leaves a hidden .NAME.tmp-* file")
	}
	target := filepath.Join(dir, "events.yaml")
	marker := filepath.Join(t.TempDir(), "ready")
	old := []byte("dateline: 1\ntitle: the old file\n")
	if err := os.WriteFile(target, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperTarget+"="+target, helperMarker+"="+marker)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := os.Stat(marker); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the child never got to the middle of the write; its output:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if size := anonymousTempOf(t, cmd.Process.Pid, dir); size <= 0 {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("mid-write the child holds no partly written temporary file in %s (size %d): the kill would prove little", dir, size)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("the child exited cleanly; it should have been killed")
	}

	if got, err := os.ReadFile(target); err != nil || !bytes.Equal(got, old) {
		t.Fatalf("after the kill the file holds %q (%v), want the old content %q", got, err, old)
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "events.yaml" {
		t.Errorf("folder holds %v after the kill, want only events.yaml", names)
	}

	fresh := []byte("dateline: 1\ntitle: the new file\n")
	if err := WriteFile(target, fresh, true); err != nil {
		t.Fatalf("write after the kill: %v", err)
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, fresh) {
		t.Errorf("after a later write the file holds %q, want %q", got, fresh)
	}
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestWriteDiskFull replaces a file on a 64 KiB tmpfs with 1 MB: the write
// must fail naming the file, leave the old file as it was and remove its
// temporary file. It needs root to mount; CI runs as root, so there a
// failure to mount fails the test instead of skipping it.
func TestWriteDiskFull(t *testing.T) {
	dir := t.TempDir()
	skip := func(why string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot run the disk-full test in CI: %s", why)
		}
		t.Skipf("disk-full test needs a small tmpfs: %s", why)
	}
	if os.Geteuid() != 0 {
		skip("not root, so cannot mount")
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir).CombinedOutput(); err != nil {
		skip("mount: " + strings.TrimSpace(string(out)) + ": " + err.Error())
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	target := filepath.Join(dir, "events.yaml")
	old := []byte("dateline: 1\ntitle: the old file\n")
	if err := os.WriteFile(target, old, 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(target, bytes.Repeat([]byte("x"), 1<<20), true)
	if err == nil {
		t.Fatal("writing 1 MB to a 64 KiB file system succeeded")
	}
	if !strings.Contains(err.Error(), target) {
		t.Errorf("error %q does not name %s", err, target)
	}
	if got, err := os.ReadFile(target); err != nil || !bytes.Equal(got, old) {
		t.Errorf("after the failed write the file holds %q (%v), want the old content", got, err)
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "events.yaml" {
		t.Errorf("folder holds %v after the failed write, want only events.yaml", names)
	}
}
