package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"unicode/utf8"

	"dateline/timeline"
)

// textFiles reads the files that sources name in text_file. name has been
// checked to be a local, slash-separated path.
type textFiles interface {
	read(name string) ([]byte, error)
	// display names the file in messages as the user would find it.
	display(name string) string
}

// Errors of textFiles.read besides fs.ErrNotExist.
var (
	errOutside = errors.New("is outside the dataset's folder")
	errIsDir   = errors.New("is a folder, not a file")
	errSpecial = errors.New("is not a regular file")
)

// diskFiles reads text files in the dataset's folder on disk. Symbolic links
// are followed but must end inside the folder.
type diskFiles struct {
	dir string
	// seen collects the paths of the files asked for (Loaded.TextFiles);
	// nil when nobody needs them.
	seen *[]string
}

func (f diskFiles) display(name string) string { return filepath.Join(f.dir, filepath.FromSlash(name)) }

func (f diskFiles) read(name string) ([]byte, error) {
	p := f.display(name)
	if f.seen != nil && !slices.Contains(*f.seen, p) {
		*f.seen = append(*f.seen, p)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, err
	}
	realDir, err := filepath.EvalSymlinks(f.dir)
	if err != nil {
		return nil, err
	}
	if rel, err := filepath.Rel(realDir, real); err != nil || !filepath.IsLocal(rel) {
		return nil, errOutside
	}
	info, err := os.Stat(real)
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, errIsDir
	case !info.Mode().IsRegular(): // a FIFO or device could block or never end
		return nil, errSpecial
	}
	return os.ReadFile(real)
}

// fsFiles reads text files from an fs.FS, such as the embedded dataset's.
type fsFiles struct {
	fsys   fs.FS
	prefix string // how display names the files, e.g. "embedded:"
}

func (f fsFiles) display(name string) string { return f.prefix + name }

func (f fsFiles) read(name string) ([]byte, error) {
	info, err := fs.Stat(f.fsys, name)
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, errIsDir
	case !info.Mode().IsRegular():
		return nil, errSpecial
	}
	return fs.ReadFile(f.fsys, name)
}

func (d *decoder) source(n *node, r recPath) timeline.Source {
	var s timeline.Source
	f, ok := d.record(n, r, "source", &sourceFields)
	if !ok {
		return s
	}
	v := f.vals
	s.ID = d.text(v[0], r.at("id"))
	s.Title = d.text(v[1], r.at("title"))
	s.Publisher = d.text(v[2], r.at("publisher"))
	s.Published = d.date(v[3], r.at("published"))
	s.URL = d.text(v[4], r.at("url"))
	s.Retrieved = d.date(v[5], r.at("retrieved"))
	s.ArchiveURL = d.text(v[6], r.at("archive_url"))
	text, file := v[7], v[8]
	haveText := false
	switch {
	case !absent(text) && !absent(file):
		later := f.keys[8]
		if later.line < f.keys[7].line || (later.line == f.keys[7].line && later.col < f.keys[7].col) {
			later = f.keys[7]
		}
		d.errorf(later, r.at(later.text), "source has both text and text_file; give one")
		s.Text, haveText = d.word(text, r.at("text")) // so that its citations can still be checked
	case absent(text) && absent(file):
		switch {
		case text != nil && text.isNull():
			d.errorf(text, r.at("text"), "source text is null: give text or text_file")
		case file != nil && file.isNull():
			d.errorf(file, r.at("text_file"), "text_file is null: give text or text_file")
		case text == nil && file == nil:
			d.errorf(n, r.at("text"), "source is missing its text: give text or text_file")
		}
	case !absent(text):
		s.Text, haveText = d.word(text, r.at("text"))
	default:
		s.Text, haveText = d.textFile(file, r.at("text_file"))
	}
	if !haveText && s.ID != "" {
		d.noText[s.ID] = true
	}
	if sum, ok := d.word(v[9], r.at("sha256")); ok {
		s.SHA256 = sum
		d.checkSum(v[9], r.at("sha256"), sum, s.Text, haveText)
	}
	return s
}

// textFile reads the text a source names by text_file, relative to the
// dataset's folder; ok is false when it could not (which is reported).
func (d *decoder) textFile(n *node, a at) (string, bool) {
	name, ok := d.word(n, a)
	if !ok {
		return "", false
	}
	local := filepath.FromSlash(name)
	switch {
	case name == "":
		d.errorf(n, a, "text_file is empty")
		return "", false
	case filepath.IsAbs(local) || path.IsAbs(name) || filepath.VolumeName(local) != "":
		d.errorf(n, a, "text_file %s must be a path relative to the dataset's folder", clip(name))
		return "", false
	case !filepath.IsLocal(local):
		d.errorf(n, a, "text_file %s is outside the dataset's folder", clip(name))
		return "", false
	}
	name = filepath.ToSlash(filepath.Clean(local))
	b, err := d.files.read(name)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist):
		d.errorf(n, a, "text_file %s not found", d.files.display(name))
		return "", false
	case errors.Is(err, errOutside), errors.Is(err, errIsDir), errors.Is(err, errSpecial):
		d.errorf(n, a, "text_file %s %v", d.files.display(name), err)
		return "", false
	default:
		d.errorf(n, a, "cannot read text_file %s: %v", d.files.display(name), WithoutPath(err))
		return "", false
	}
	if !utf8.Valid(b) {
		d.errorf(n, a, "text_file %s is not valid UTF-8", d.files.display(name))
		return "", false
	}
	return SourceFileText(b), true
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
func (d *decoder) checkSum(n *node, a at, sum, text string, haveText bool) {
	want, err := hex.DecodeString(sum)
	if err != nil || len(want) != sha256.Size {
		d.errorf(n, a, "sha256 must be 64 hexadecimal digits, got %s", clip(sum))
		return
	}
	if !haveText {
		return
	}
	if got := sha256.Sum256([]byte(text)); string(got[:]) != string(want) {
		d.problem(timeline.SeverityWarning, n, a, "source text changed since sha256 was recorded (its sha256 is now %s)", hex.EncodeToString(got[:]))
	}
}
