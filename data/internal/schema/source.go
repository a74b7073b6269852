package schema

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"dateline/data/atomicfile"
	"dateline/timeline"
)

// TextFiles reads the files that sources name in text_file. name has been
// checked to be a local, slash-separated path.
type TextFiles interface {
	Read(name string) ([]byte, error)
	// display names the file in messages as the user would find it.
	display(name string) string
}

// Errors of TextFiles.Read besides fs.ErrNotExist.
var (
	errOutside = errors.New("is outside the dataset's folder")
	ErrIsDir   = errors.New("is a folder, not a file")
	errSpecial = errors.New("is not a regular file")
)

// NewDiskFiles reads text files in dir ("" is the current folder) and
// collects the paths asked for in Seen.
func NewDiskFiles(dir string) DiskFiles {
	if dir == "" {
		dir = "."
	}
	return DiskFiles{Dir: dir, Seen: new([]string)}
}

// DiskFiles reads text files in the dataset's folder on disk. Symbolic links
// are followed but must end inside the folder.
type DiskFiles struct {
	Dir string
	// Seen collects the paths of the files asked for (Loaded.TextFiles);
	// nil when nobody needs them.
	Seen *[]string
}

func (f DiskFiles) display(name string) string { return filepath.Join(f.Dir, filepath.FromSlash(name)) }

func (f DiskFiles) Read(name string) ([]byte, error) {
	p := f.display(name)
	if f.Seen != nil && !slices.Contains(*f.Seen, p) {
		*f.Seen = append(*f.Seen, p)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, err
	}
	realDir, err := filepath.EvalSymlinks(f.Dir)
	if err != nil {
		return nil, err
	}
	if rel, err := filepath.Rel(realDir, real); err != nil || !filepath.IsLocal(rel) {
		return nil, errOutside
	}
	return ReadText(real)
}

// ReadText reads the text file at p as a source's text_file is read: it
// must be a regular file (a FIFO or device could block or never end) of at
// most MaxFileSize, checked before reading (a sparse file would exhaust
// memory) and again while reading. Its errors are fs.ErrNotExist,
// ErrIsDir, errSpecial, errTooBig or the system's; TextFileMessage words
// them.
func ReadText(p string) ([]byte, error) {
	info, err := os.Stat(p)
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, ErrIsDir
	case !info.Mode().IsRegular():
		return nil, errSpecial
	case info.Size() > MaxFileSize():
		return nil, errTooBig
	}
	return readLimited(p)
}

// TextFileMessage words an error of TextFiles.Read or ReadText for the
// file shown as display, after what, which names it ("text_file" in a
// dataset, "" for a file named on the command line).
func TextFileMessage(what, display string, err error) string {
	name := strings.TrimSpace(what + " " + display)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return name + " not found"
	case errors.Is(err, errTooBig):
		return tooBigText(name)
	case errors.Is(err, errOutside), errors.Is(err, ErrIsDir), errors.Is(err, errSpecial):
		return fmt.Sprintf("%s %v", name, err)
	default:
		return fmt.Sprintf("cannot read %s: %v", name, atomicfile.WithoutPath(err))
	}
}

// readLimited reads the file at p, refusing it with errTooBig if it holds
// more than MaxFileSize, as it may when it grew since it was checked or
// its size is not known (files in /proc say 0).
func readLimited(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize()+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > MaxFileSize() {
		return nil, errTooBig
	}
	return b, nil
}

// FsFiles reads text files from an fs.FS, such as the embedded dataset's.
type FsFiles struct {
	FS     fs.FS
	Prefix string // how display names the files, e.g. "embedded:"
}

func (f FsFiles) display(name string) string { return f.Prefix + name }

func (f FsFiles) Read(name string) ([]byte, error) {
	info, err := fs.Stat(f.FS, name)
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, ErrIsDir
	case !info.Mode().IsRegular():
		return nil, errSpecial
	case info.Size() > MaxFileSize():
		return nil, errTooBig
	}
	return fs.ReadFile(f.FS, name)
}

func (d *Decoder) Source(n *Node, r RecPath) timeline.Source {
	var s timeline.Source
	f, ok := d.Record(n, r, "source", &SourceFields)
	if !ok {
		return s
	}
	v := f.Vals
	s.ID = d.Text(v[0], r.At("id"))
	s.Title = d.Text(v[1], r.At("title"))
	s.Publisher = d.Text(v[2], r.At("publisher"))
	s.Published = d.date(v[3], r.At("published"))
	s.URL = d.Text(v[4], r.At("url"))
	s.Retrieved = d.date(v[5], r.At("retrieved"))
	s.ArchiveURL = d.Text(v[6], r.At("archive_url"))
	text, file := v[7], v[8]
	haveText := false
	switch {
	case !absent(text) && !absent(file):
		later := f.keys[8]
		if later.Line < f.keys[7].Line || (later.Line == f.keys[7].Line && later.Col < f.keys[7].Col) {
			later = f.keys[7]
		}
		d.Errorf(later, r.At(later.Text), "source has both text and text_file; give one")
		s.Text, haveText = d.word(text, r.At("text")) // so that its citations can still be checked
	case absent(text) && absent(file):
		switch {
		case text != nil && text.IsNull():
			d.Errorf(text, r.At("text"), "source text is null: give text or text_file")
		case file != nil && file.IsNull():
			d.Errorf(file, r.At("text_file"), "text_file is null: give text or text_file")
		case text == nil && file == nil:
			d.Errorf(n, r.At("text"), "source is missing its text: give text or text_file")
		}
	case !absent(text):
		s.Text, haveText = d.word(text, r.At("text"))
	default:
		var path string
		s.Text, path, haveText = d.textFile(file, r.At("text_file"))
		if path != "" && s.ID != "" && d.SourceFiles != nil {
			d.SourceFiles[s.ID] = path
		}
	}
	if !haveText && s.ID != "" {
		d.NoText[s.ID] = true
	}
	if sum, ok := d.word(v[9], r.At("sha256")); ok {
		s.SHA256 = sum
		d.checkSum(v[9], r.At("sha256"), sum, s.Text, haveText)
	}
	return s
}

// textFile reads the text a source names by text_file, relative to the
// dataset's folder, and the file's path as TextFiles shows it ("" when
// the name is not a valid one); ok is false when it could not (which is
// reported).
func (d *Decoder) textFile(n *Node, a at) (text, shown string, ok bool) {
	name, ok := d.word(n, a)
	if !ok {
		return "", "", false
	}
	local := filepath.FromSlash(name)
	switch {
	case name == "":
		d.Errorf(n, a, "text_file is empty")
		return "", shown, false
	case filepath.IsAbs(local) || path.IsAbs(name) || filepath.VolumeName(local) != "":
		d.Errorf(n, a, "text_file %s must be a path relative to the dataset's folder", Clip(name))
		return "", shown, false
	case !filepath.IsLocal(local):
		d.Errorf(n, a, "text_file %s is outside the dataset's folder", Clip(name))
		return "", shown, false
	}
	name = filepath.ToSlash(filepath.Clean(local))
	shown = d.Files.display(name)
	b, err := d.Files.Read(name)
	if err != nil {
		d.Errorf(n, a, "%s", TextFileMessage("text_file", d.Files.display(name), err))
		return "", shown, false
	}
	if !utf8.Valid(b) {
		d.Errorf(n, a, "text_file %s is not valid UTF-8", d.Files.display(name))
		return "", shown, false
	}
	return SourceFileText(b), shown, true
}

// SourceFileText is a source's text as dateline reads it from a file: a
// leading byte-order mark is dropped and CRLF line ends become LF. Offsets
// and checksums are of this text, so they do not change with the editor
// that saved the file or a Git checkout's line-end setting (core.autocrlf).
// b must be valid UTF-8.
func SourceFileText(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	return string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")))
}

// checkSum compares a recorded sha256 with the text. A malformed checksum is
// an error; a mismatch is a warning, since the text may have been edited on
// purpose and citations are re-checked anyway.
func (d *Decoder) checkSum(n *Node, a at, sum, text string, haveText bool) {
	want, err := hex.DecodeString(sum)
	if err != nil || len(want) != sha256.Size {
		d.Errorf(n, a, "sha256 must be 64 hexadecimal digits, got %s", Clip(sum))
		return
	}
	if !haveText {
		return
	}
	if got := sha256.Sum256([]byte(text)); string(got[:]) != string(want) {
		d.problem(timeline.SeverityWarning, n, a, "source text changed since sha256 was recorded (its sha256 is now %s)", hex.EncodeToString(got[:]))
	}
}
