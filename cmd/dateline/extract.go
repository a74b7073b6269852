package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"dateline/timeline/timex"
)

// maxArticle bounds what extract reads from one article: far more than any
// news article, small enough that a wrong path (a disk image) fails fast.
const maxArticle = 16 << 20

type extractOptions struct {
	published string
	format    string
}

func (a *app) newExtractCmd() *cobra.Command {
	var opts extractOptions
	cmd := &cobra.Command{
		Use:   "extract --published YYYY-MM-DD ARTICLE",
		Short: "Find and normalize the dates an article states or implies",
		Long: `Read a plain-text article and find every temporal expression in it: dates,
times, durations and sets ("last year", "on Tuesday", "four-day trip",
"every year"). Each is normalized against the publication date given by
--published, with a note that says how, and every contradiction the text
holds (a weekday that does not fit its date, a date after the publication
date in the past tense) is printed on stderr as FILE:LINE:COL: warning: ...

--format te3-json prints {"timexes": [...]} in the TempEval-3 JSON form
(start and end are code-point offsets, end exclusive), each entry with its
EDTF date, derivation note and warnings.`,
		Example: `  dateline extract --format te3-json --published 2024-02-20 article.txt
  dateline extract --format te3-json --published 2024-02-20 article.txt | jq '.timexes[].edtf'`,
		Args:              exactArgs(1),
		ValidArgsFunction: fileCompletion(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.extract(args[0], opts)
		},
	}
	cmd.Flags().StringVar(&opts.published, "published", "", "the article's publication date, YYYY-MM-DD: what \"yesterday\" and \"last year\" count from")
	cmd.Flags().StringVar(&opts.format, "format", "te3-json", "output format: te3-json")
	return cmd
}

func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s takes %d argument(s), got %d", cmd.CommandPath(), n, len(args))
		}
		return nil
	}
}

func (a *app) extract(path string, opts extractOptions) error {
	if err := oneOf("--format", opts.format, "te3-json"); err != nil {
		return err
	}
	if opts.published == "" {
		return usagef("extract needs --published YYYY-MM-DD: the date \"yesterday\" and \"last year\" count from")
	}
	ref, err := time.Parse("2006-01-02", opts.published)
	if err != nil {
		return usagef("--published %q is not a date of the form YYYY-MM-DD", opts.published)
	}
	a.started = true
	text, err := readArticle(path)
	if err != nil {
		return err
	}
	found := timex.Tag(text, ref)
	lines := newLineIndex(text)
	for _, t := range found {
		for _, w := range t.Warnings {
			line, col := lines.position(t.Start)
			fmt.Fprintf(a.stderr, "%s:%d:%d: warning: %s\n", path, line, col, w)
		}
	}
	b, err := timex.MarshalTE3(found)
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(b)
	return err
}

// readArticle reads a plain-text article, refusing what is not one.
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
