package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// leftovers lists the files in dir other than the ones named.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if !contains(keep, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestWriteFile(t *testing.T) {
	errWrite := errors.New("generator failed")
	tests := []struct {
		name     string
		existing string // content of the target before, "" for none
		force    bool
		write    func(io.Writer) error
		want     string // content after
		wantErr  string // substring of the error, "" for success
		exist    bool   // errors.Is(err, fs.ErrExist)
	}{
		{name: "new file", write: writeString("hello\n"), want: "hello\n"},
		{name: "no overwrite without force", existing: "old", write: writeString("new"), want: "old", wantErr: "file already exists", exist: true},
		{name: "overwrite with force", existing: "old", force: true, write: writeString("new"), want: "new"},
		{name: "write fails, nothing created", write: failAfter("partial", errWrite), wantErr: "generator failed"},
		{name: "write fails, old file kept", existing: "old", force: true, write: failAfter("partial", errWrite), want: "old", wantErr: "generator failed"},
		{name: "large streamed write", write: writeString(strings.Repeat("x", 1<<20)), want: strings.Repeat("x", 1<<20)},
	}
	for _, kind := range tempKinds() {
		for _, tt := range tests {
			t.Run(kind+"/"+tt.name, func(t *testing.T) {
				useTempKind(t, kind)
				dir := t.TempDir()
				path := filepath.Join(dir, "out.json")
				if tt.existing != "" {
					if err := os.WriteFile(path, []byte(tt.existing), 0o600); err != nil {
						t.Fatal(err)
					}
				}
				err := WriteFileFunc(path, tt.force, tt.write)
				switch {
				case tt.wantErr == "" && err != nil:
					t.Fatalf("WriteFileFunc: %v", err)
				case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), path)):
					t.Fatalf("WriteFileFunc error = %v, want one naming %s and containing %q", err, path, tt.wantErr)
				}
				if got := errors.Is(err, fs.ErrExist); got != tt.exist {
					t.Errorf("errors.Is(err, fs.ErrExist) = %v, want %v", got, tt.exist)
				}
				b, rerr := os.ReadFile(path)
				switch {
				case tt.want == "" && !errors.Is(rerr, fs.ErrNotExist):
					t.Errorf("target exists after a failed write (err %v)", rerr)
				case tt.want != "" && string(b) != tt.want:
					t.Errorf("target holds %.20q, want %.20q", b, tt.want)
				}
				if extra := leftovers(t, dir, "out.json"); len(extra) > 0 {
					t.Errorf("files left behind: %v", extra)
				}
			})
		}
	}
}

// tempKinds names the temporary files WriteFileFunc can use here:
// "anonymous" (O_TMPFILE) where the system has them, and always "named",
// the fallback.
func tempKinds() []string {
	if anonymousTemps() {
		return []string{"anonymous", "named"}
	}
	return []string{"named"}
}

// useTempKind makes WriteFileFunc use kind for the rest of the test.
func useTempKind(t *testing.T, kind string) {
	t.Helper()
	old := useAnonymous
	useAnonymous = func() bool { return kind == "anonymous" && old() }
	t.Cleanup(func() { useAnonymous = old })
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func failAfter(s string, err error) func(io.Writer) error {
	return func(w io.Writer) error {
		io.WriteString(w, s)
		return err
	}
}

func TestWriteFileModes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.yaml")
	if err := WriteFile(path, []byte("a"), false); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Fatalf("new file mode = %v (%v), want 0644", info.Mode(), err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("b"), true); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("replaced file mode = %v (%v), want the old 0600", info.Mode(), err)
	}
}

func TestWriteFileMissingDir(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no", "such", "out.json")
	err := WriteFile(path, []byte("x"), false)
	if err == nil || !strings.Contains(err.Error(), path) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("WriteFile into a missing folder: %v, want a not-exist error naming %s", err, path)
	}
	if extra := leftovers(t, dir); len(extra) != 0 {
		t.Errorf("files left behind: %v", extra)
	}
}

func TestWriteFileRelative(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := WriteFile("plain.txt", []byte("x"), false); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "plain.txt")); err != nil || string(b) != "x" {
		t.Fatalf("read back %q, %v", b, err)
	}
}

// TestWriteFileNoClobberRace checks the guarantee that matters without force:
// a file that appears after the early check is still not replaced.
func TestWriteFileNoClobberRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	err := WriteFileFunc(path, false, func(w io.Writer) error {
		// Someone else creates the target while we are writing.
		if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
			return err
		}
		_, err := io.WriteString(w, "ours")
		return err
	})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "theirs" {
		t.Errorf("target holds %q, want the other writer's file kept", b)
	}
	if extra := leftovers(t, dir, "out.txt"); len(extra) > 0 {
		t.Errorf("files left behind: %v", extra)
	}
}

// TestLinkIntoWithoutHardLinks checks the fallback for file systems that
// have no hard links: still no existing file is replaced.
func TestLinkIntoWithoutHardLinks(t *testing.T) {
	noLinks := func(old, new string) error {
		return &os.LinkError{Op: "link", Old: old, New: new, Err: errors.ErrUnsupported}
	}
	for _, existing := range []bool{false, true} {
		dir := t.TempDir()
		tmp, path := filepath.Join(dir, ".tmp"), filepath.Join(dir, "out")
		if err := os.WriteFile(tmp, []byte("new"), 0o644); err != nil {
			t.Fatal(err)
		}
		if existing {
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		err := linkInto(tmp, path, noLinks)
		b, _ := os.ReadFile(path)
		switch {
		case existing && (!errors.Is(err, fs.ErrExist) || string(b) != "old"):
			t.Errorf("over an existing file: err %v, content %q", err, b)
		case !existing && (err != nil || string(b) != "new"):
			t.Errorf("new file: err %v, content %q", err, b)
		case !existing && len(leftovers(t, dir, "out")) != 0:
			t.Errorf("temporary file left: %v", leftovers(t, dir, "out"))
		}
	}
}

// TestForceReplacesOnlyFiles: --force never replaces a folder or a device
// node (issue 17, item 15).
func TestForceReplacesOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "adir")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(sub, []byte("x"), true)
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	if info, _ := os.Stat(sub); info == nil || !info.IsDir() {
		t.Error("the folder was replaced")
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no mkfifo here:", err)
	}
	err = WriteFile(fifo, []byte("x"), true)
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("fifo: %v", err)
	}
	if info, _ := os.Lstat(fifo); info == nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
}

func TestNoForceFolderSaysFolder(t *testing.T) {
	dir := t.TempDir()
	err := WriteFile(dir, []byte("x"), false)
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("got %v, want the folder named as a folder", err)
	}
}

// TestForceThroughSymlink: --force through a symbolic link replaces its
// target in place and keeps the link; a link to a device is refused as
// the device is, and a dangling link is refused.
func TestForceThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), true); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link should stay a link: %v %v", info, err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("the target holds %q, want the new text", b)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode became %v", info.Mode().Perm())
	}

	dev := filepath.Join(dir, "nul.json")
	if err := os.Symlink(os.DevNull, dev); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dev, []byte("x"), true); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a link to %s: %v, want a refusal", os.DevNull, err)
	}
	if info, err := os.Lstat(dev); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link to the device should stay: %v", err)
	}

	dangling := filepath.Join(dir, "gone.json")
	if err := os.Symlink("nowhere/x.json", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("x"), true); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a dangling link: %v, want a refusal", err)
	}
}
