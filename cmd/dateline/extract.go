package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"dateline/data/atomicfile"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// maxArticle bounds what extract reads from one article: far more than any
// news article, small enough that a wrong path (a disk image) fails fast.
const maxArticle = 16 << 20

type extractOptions struct {
	published string
	title     string
	out       string
	force     bool
	format    string
}

func (a *app) newExtractCmd() *cobra.Command {
	var opts extractOptions
	cmd := &cobra.Command{
		Use:   "extract ARTICLE... [-o OUT]",
		Short: "Draft a cited chronology from articles, with every date normalized and explained",
		Long: `Read articles (plain text, Markdown, or HTML pages saved from a news site)
and draft a chronology: one event per dated statement, dated against the
article's publication date with a note that says how, cited by the sentence
it comes from, with the people, organisations and states the article names
as actors. The draft is a complete dataset to check in the viewer.

The publication date is --published, else the article's own: HTML metadata,
or a date line near the top ("date 2024-02-20", "Published 20 February
2024"). What the text gets wrong or leaves open (a weekday that does not fit
its date, a date after publication in the past tense) is printed on stderr as
FILE:LINE:COL: warning: ... and kept in the event's date_note.

Without -o the dataset goes to standard output as YAML. --format json writes
dateline's JSON; --format te3-json prints the date expressions alone, in the
TempEval-3 JSON form, for one plain-text article.`,
		Example: `  dateline extract article.txt -o timeline.yaml && dateline timeline.yaml
  dateline extract --published 2024-02-20 a.txt b.html c.md -o draft.json
  dateline extract --format te3-json --published 2024-02-20 article.txt`,
		Args:              minArgs(1),
		ValidArgsFunction: fileCompletion(-1, articleExts),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.extract(args, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.published, "published", "", "the publication date of every article, YYYY-MM-DD: what \"yesterday\" and \"last year\" count from")
	f.StringVar(&opts.title, "title", "", "the source's title (one article only)")
	f.StringVarP(&opts.out, "output", "o", "", "write the dataset to OUT (refused if it exists, unless --force)")
	f.BoolVar(&opts.force, "force", false, "replace OUT if it exists")
	f.StringVar(&opts.format, "format", "", "yaml, json or te3-json (default: from OUT's extension, else yaml)")
	return cmd
}

func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs an ARTICLE", cmd.CommandPath())
		}
		return nil
	}
}

func (a *app) extract(paths []string, opts extractOptions) error {
	format := opts.format
	if format == "" {
		format = "yaml"
		if strings.HasSuffix(strings.ToLower(opts.out), ".json") {
			format = "json"
		}
	}
	if err := oneOf("--format", format, "yaml", "json", "te3-json"); err != nil {
		return err
	}
	var ref time.Time
	if opts.published != "" {
		t, err := time.Parse("2006-01-02", opts.published)
		if err != nil {
			return usagef("--published %q is not a date of the form YYYY-MM-DD", opts.published)
		}
		ref = t
	}
	if opts.title != "" && len(paths) > 1 {
		return usagef("--title names one article's source; %d articles given", len(paths))
	}
	if format == "te3-json" {
		if len(paths) != 1 {
			return usagef("--format te3-json takes one article, got %d", len(paths))
		}
		if opts.published == "" {
			return usagef("--format te3-json needs --published YYYY-MM-DD: the date \"yesterday\" and \"last year\" count from")
		}
		a.started = true
		return a.extractTE3(paths[0], ref)
	}
	a.started = true
	b, err := a.draftDataset(paths, opts, format)
	if err != nil {
		return err
	}
	if opts.out == "" {
		_, err = a.stdout.Write(b)
		return err
	}
	if err := atomicfile.WriteFile(opts.out, b, opts.force); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "dateline: wrote %s; open it with: dateline %s\n", opts.out, opts.out)
	return nil
}

// extractTE3 prints the temporal expressions of one plain-text article.
func (a *app) extractTE3(path string, ref time.Time) error {
	text, err := readArticle(path)
	if err != nil {
		return err
	}
	found := timex.Tag(text, ref)
	lines := newLineIndex(text)
	for _, t := range found {
		for _, w := range t.Warnings {
			line, col := lines.position(t.Start)
			fmt.Fprintf(a.stderr, "%s:%d:%d: warning: %s\n", path, line, col, timeline.VisibleControls(w))
		}
	}
	b, err := timex.MarshalTE3(found)
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(b)
	return err
}

// draftDataset reads the articles, drafts them and returns the dataset
// file, checked by loading it back.
func (a *app) draftDataset(paths []string, opts extractOptions, format string) ([]byte, error) {
	d, err := draftArticles(paths, opts.published, opts.title)
	if err != nil {
		return nil, err
	}
	for _, line := range d.log {
		fmt.Fprintln(a.stderr, line)
	}
	b, err := d.marshal(format, opts.out, d.besideOut(opts.out))
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(a.stderr, "dateline: %s\n", d.summary())
	return b, nil
}

// sameDir reports whether two paths are in the same folder.
func sameDir(a, b string) bool {
	da, err1 := filepath.Abs(filepath.Dir(a))
	db, err2 := filepath.Abs(filepath.Dir(b))
	return err1 == nil && err2 == nil && da == db
}

// readArticle reads a plain-text article for --format te3-json, refusing
// what is not one. It keeps the bytes as they are (data/article turns CRLF
// into LF), because TE3 offsets index the file's own code points.
func readArticle(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s: no such file", path)
		}
		return "", fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	}
	if fi.IsDir() {
		return "", fmt.Errorf("%s: is a folder, not an article", path)
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%s: not a regular file", path)
	}
	if fi.Size() > maxArticle {
		return "", fmt.Errorf("%s: %d bytes is more than the %d MB an article may have", path, fi.Size(), maxArticle>>20)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return "", fmt.Errorf("%s: empty file", path)
	case bytes.IndexByte(b, 0) >= 0 || !utf8.Valid(b):
		return "", fmt.Errorf("%s: not a UTF-8 text file (binary data)", path)
	}
	return string(b), nil
}

// lineIndex maps code-point offsets to 1-based lines and columns.
type lineIndex struct{ starts []int } // code-point offset of each line's start

func newLineIndex(text string) lineIndex {
	starts := []int{0}
	cp := 0
	for _, r := range text {
		cp++
		if r == '\n' {
			starts = append(starts, cp)
		}
	}
	return lineIndex{starts}
}

func (l lineIndex) position(off int) (line, col int) {
	lo, hi := 0, len(l.starts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, off - l.starts[lo] + 1
}
