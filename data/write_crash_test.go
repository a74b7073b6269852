package data

import (
	"bytes"
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
		select {} // wait for SIGKILL
	})
	t.Fatalf("WriteFileFunc returned %v; it should have been killed", err)
}

// tempsOf lists the temporary files WriteFileFunc names for path.
func tempsOf(t *testing.T, path string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestWriteKilled kills a process in the middle of WriteFileFunc. The old
// file must be intact. The temporary file stays behind (a SIGKILL runs no
// cleanup), but it is a hidden file in the same folder and the next write
// succeeds beside it.
func TestWriteKilled(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "events.yaml")
	marker := filepath.Join(dir, "ready")
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
	temps := tempsOf(t, target)
	if len(temps) != 1 {
		t.Fatalf("mid-write temporary files %v, want one", temps)
	}
	if info, err := os.Stat(temps[0]); err != nil || info.Size() == 0 {
		t.Fatalf("the temporary file holds nothing yet (%v): the kill would prove little", err)
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
	left := tempsOf(t, target)
	if len(left) != 1 || !strings.HasPrefix(filepath.Base(left[0]), ".") || filepath.Dir(left[0]) != dir {
		t.Errorf("temporary files after the kill: %v, want the one hidden file in %s", left, dir)
	}

	// The next write must not trip over the stale temporary file.
	fresh := []byte("dateline: 1\ntitle: the new file\n")
	if err := WriteFile(target, fresh, true); err != nil {
		t.Fatalf("write after the kill: %v", err)
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, fresh) {
		t.Errorf("after a later write the file holds %q, want %q", got, fresh)
	}
	if after := tempsOf(t, target); len(after) != 1 || after[0] != left[0] {
		t.Errorf("temporary files after the later write: %v, want only the stale %v", after, left)
	}
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
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "events.yaml" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v after the failed write, want only events.yaml", names)
	}
}
