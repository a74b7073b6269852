// Package article reads the articles that `dateline extract` drafts
// chronologies from: plain text, Markdown, and HTML pages saved from news
// sites. It returns the article's text (what citations will index), and what
// can be told about it: its title, when it was published and how that was
// found, its canonical URL and its publisher.
//
// Plain text is kept exactly as dateline reads a text_file, so a draft can
// cite the file itself. Markdown loses its markup, line for line, so that
// quotes read as the reader sees them (markdown.go says why and how); HTML
// keeps the story's paragraphs and drops everything else (html.go). Files
// over MaxSize, folders, empty files and binary files are refused with an
// *Error naming the file.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest article accepted, 16 MiB: far above any news
// article (a 10,000-word one is about 60 KB, a saved page with its scripts a
// few MB), and small enough that a wrong argument such as a disk image or a
// video is refused before it is read into memory.
const MaxSize = 16 << 20

// Format is the kind of file an article was read from.
type Format string

// The formats Read understands.
const (
	PlainText Format = "text"
	Markdown  Format = "markdown"
	HTML      Format = "html"
)

// Article is an article as read from one file.
type Article struct {
	// File is the name the article was read from, as given.
	File   string
	Format Format
	// Text is the article text only: for plain text the file as dateline
	// reads a source's text_file (byte-order mark dropped, CRLF made LF);
	// for Markdown and HTML the text with markup removed, paragraphs
	// separated by blank lines.
	Text string
	// Title is the page's title, else the first line without its date
	// line (at most 80 characters, cut at a word), else the file name
	// without its extension. TitleFrom says which.
	Title     string
	TitleFrom string
	// Published is when the article says it was published; its Date is
	// empty when that cannot be told.
	Published Published
	// URL is the canonical URL and Publisher the site's name (HTML
	// metadata, or Markdown front matter); empty when not given.
	URL       string
	Publisher string

	// lines are Text's lines with the lines of the file they came from;
	// starts are their offsets in Text, in code points.
	lines  []textLine
	starts []int
}

// Position is the place in the file of the character at a code-point
// offset into Text (the convention of citations), as a 1-based line and
// column, so that a warning about the text can be given as FILE:LINE:COL.
// For plain text it is exact; for Markdown and HTML the line is the file's
// line that the text's line came from and the column counts characters of
// the text, since the markup removed from the line cannot be counted back.
// An offset outside the text gives the nearest end.
func (a *Article) Position(offset int) (line, col int) {
	if len(a.lines) == 0 {
		return 1, 1
	}
	i := sort.Search(len(a.starts), func(i int) bool { return a.starts[i] > offset }) - 1
	i = max(i, 0)
	col = max(offset-a.starts[i], 0) + 1
	return a.lines[i].line, col
}

// Published is an article's publication date and where it was found.
type Published struct {
	// Date is YYYY-MM-DD (an EDTF day), or empty when no date was found.
	Date string
	// From says where the date came from, for a reader to check: "HTML
	// metadata article:published_time", "Markdown front matter date",
	// "line 3".
	From string
	// Line is the 1-based line of the file the date was read from, or 0
	// for metadata that has no useful line.
	Line int
	// Note is set when the date line contradicts itself, such as a
	// weekday that does not fall on the date beside it; the date is kept.
	Note string
}

// Known reports whether a publication date was found.
func (p Published) Known() bool { return p.Date != "" }

// Errors that Read and Parse wrap, for callers that tell them apart with
// errors.Is. A missing file wraps fs.ErrNotExist.
var (
	ErrFolder   = errors.New("is a folder, not an article")
	ErrEmpty    = errors.New("is empty")
	ErrTooLarge = fmt.Errorf("is larger than the %d MB an article may be", MaxSize>>20)
	ErrBinary   = errors.New("is not text")
	ErrNoText   = errors.New("has no article text")
)

// Error is a problem with one article file, at a line and column (1-based,
// columns in characters) where there is one.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Err       error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// Read reads the article in the file at path. The format comes from the
// file's extension (.txt, .md, .html and their variants), else from its
// content. The size limit is checked before anything is read.
func Read(path string) (*Article, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &Error{File: path, Msg: "no such file", Err: err}
	case err != nil:
		return nil, &Error{File: path, Msg: "cannot read: " + unwrapPath(err).Error(), Err: err}
	case info.IsDir():
		return nil, &Error{File: path, Msg: ErrFolder.Error(), Err: ErrFolder}
	case !info.Mode().IsRegular():
		return nil, &Error{File: path, Msg: "is not a regular file", Err: ErrBinary}
	case info.Size() > MaxSize:
		return nil, tooLarge(path, info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read: " + unwrapPath(err).Error(), Err: err}
	}
	defer f.Close()
	return ParseAs(path, f, "")
}

// Parse reads an article from r; name is used for messages and, through
// its extension, to choose the format.
func Parse(name string, r io.Reader) (*Article, error) { return ParseAs(name, r, "") }

// ParseAs is Parse with the format given; an empty format is chosen as
// Parse chooses it.
func ParseAs(name string, r io.Reader, format Format) (*Article, error) {
	// One byte more than the limit tells a file at the limit from a larger
	// one, without reading more than that.
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, &Error{File: name, Msg: "cannot read: " + unwrapPath(err).Error(), Err: err}
	}
	if len(b) > MaxSize {
		return nil, tooLarge(name, int64(len(b)))
	}
	if format == "" {
		format = formatOf(name, b)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line, col := position(b, i)
		return nil, &Error{File: name, Line: line, Col: col, Msg: "is not text: it holds a NUL byte", Err: ErrBinary}
	}
	if format == HTML {
		if b, err = htmlUTF8(name, b); err != nil {
			return nil, err
		}
	}
	if !utf8.Valid(b) {
		i := firstInvalid(b)
		line, col := position(b, i)
		return nil, &Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf("is not UTF-8 text: byte 0x%02x", b[i]), Err: ErrBinary}
	}
	text := fileText(b)
	if strings.TrimSpace(text) == "" {
		return nil, &Error{File: name, Msg: ErrEmpty.Error(), Err: ErrEmpty}
	}
	a := &Article{File: name, Format: format}
	var lines []textLine
	switch format {
	case HTML:
		lines = readHTML(a, text)
	case Markdown:
		lines = readMarkdown(a, text)
	default:
		a.Format = PlainText
		a.Text = text
		lines = splitLines(text, 1)
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, &Error{File: name, Msg: ErrNoText.Error() + " once its markup is removed", Err: ErrNoText}
	}
	a.lines = lines
	a.starts = make([]int, len(lines))
	at := 0
	for i, l := range lines {
		a.starts[i] = at
		at += utf8.RuneCountInString(l.text) + 1
	}
	dl, found := findDateline(lines)
	if !a.Published.Known() && found {
		a.Published = dl.published
	}
	if a.Title == "" {
		a.Title, a.TitleFrom = titleFromLines(lines, dl, found)
	}
	if a.Title == "" {
		base := filepath.Base(name)
		a.Title = firstOf(strings.TrimSuffix(base, filepath.Ext(base)), base)
		a.TitleFrom = "file name"
	}
	return a, nil
}

func tooLarge(name string, size int64) error {
	return &Error{File: name, Msg: fmt.Sprintf("is %.1f MB, more than the %d MB an article may be", float64(size)/(1<<20), MaxSize>>20), Err: ErrTooLarge}
}

// fileText is the text as dateline reads a source's text_file (see
// data.SourceFileText, which this must match: a .txt article is cited by
// its text_file, so its offsets and checksum must be of the same text).
func fileText(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	return string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")))
}

// formatOf chooses a format from the file's extension, else from its first
// bytes: a page saved without an extension still starts like HTML.
func formatOf(name string, b []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return PlainText
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML
	}
	head := b[:min(len(b), 1024)]
	head = bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<!--"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return HTML
		}
	}
	return PlainText
}

// position is the 1-based line and column (in characters) of byte i.
func position(b []byte, i int) (line, col int) {
	before := b[:i]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// unwrapPath drops the path from an *fs.PathError, which the message
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// textLine is one line of an article's text with the line of the file it
// came from, so that a date found in the text can be reported where the
// reader will find it.
type textLine struct {
	text string
	line int
}

func splitLines(text string, first int) []textLine {
	parts := strings.Split(text, "\n")
	lines := make([]textLine, len(parts))
	for i, p := range parts {
		lines[i] = textLine{text: p, line: first + i}
	}
	return lines
}

// joinLines is the text of lines, which is how each reader makes Text, so
// that Position can map offsets back through the lines.
func joinLines(lines []textLine) string {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	return strings.Join(texts, "\n")
}
