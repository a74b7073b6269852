package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"dateline/data"
	"dateline/data/article"
	"dateline/timeline"
)

// maxPlaces bounds how many places of a repeated quote cite writes blocks for.
const maxPlaces = 10

// citeOptions are the flags of cite.
type citeOptions struct {
	dataset string // the dataset the citation goes into: its source's id, indented
	source  string // the source's id, given
}

func (a *app) newCiteCmd() *cobra.Command {
	var opts citeOptions
	cmd := &cobra.Command{
		Use:   "cite SOURCE-FILE QUOTE",
		Short: "Print a ready citation for a quote from a source text",
		Long: `Find QUOTE in the text file SOURCE-FILE (the file a source's text_file names)
and print a citation to paste under an event's "citations:", with the
shortest prefix and/or suffix that tells this place from every other place
the quote occurs (grown a word at a time), and its start and end: code-point
offsets into the text.

When the quote occurs several times, one citation is printed for each place,
each headed by a comment saying where it is: keep the one you mean. When the
quote matches only after normalising quotation marks, dashes, spaces or
accented letters, the citation uses the source's own characters and
standard error says so. When
it is absent, standard error says how much of it was found and where the
source differs.

With --dataset FILE the citation is indented to paste as it is under an
event's "citations:" in FILE, and names the source of FILE whose text_file
is SOURCE-FILE (a dataset without one is an error that lists its sources);
--source ID names the source instead, and indents the same way. With
neither, "source:" is a placeholder made from the file's name: use the
source's id.

Exit status: 0 when the quote was found, 1 when it was not or the file
cannot be read, 2 for bad usage.`,
		Example: `  dateline cite article.txt "gifted a Russian-made car"
  dateline cite article.txt 'He said "no"' >> snippets.yaml
  dateline cite article.txt "gifted a Russian-made car" --dataset timeline.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usagef("%s takes SOURCE-FILE and QUOTE, got %d arguments", cmd.CommandPath(), len(args))
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return nil, cobra.ShellCompDirectiveDefault
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			return a.cite(args[0], args[1], opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.dataset, "dataset", "", "the dataset `FILE` to paste into: the id of its source whose text_file is SOURCE-FILE, indented for an event's citations")
	f.StringVar(&opts.source, "source", "", "the source's `ID`, indented for an event's citations")
	_ = cmd.RegisterFlagCompletionFunc("dataset", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return datasetExts, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

// citedText is the text a citation of the file at path indexes. A Markdown
// or HTML article is read as extract and the viewer read it, so that the
// offsets index the text a draft of it holds, not the markup; any other
// file as a dataset reads a text_file: bounded, regular files only.
func citedText(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".html", ".htm":
		art, err := article.Read(path)
		if err != nil {
			return "", err
		}
		return art.Text, nil
	}
	return data.ReadSourceFile(path)
}

// citeSource is the source id and the comment after it for a citation of
// the file at path, whose text is text: --source's, else the source of
// --dataset whose text_file is path or, failing that, whose text is text
// (an article extract wrote inline, or the viewer saved beside its
// draft), else a placeholder made from the file's name.
// indent says whether the citation is for a dataset (pasted under an
// event's citations) rather than the placeholder form at column 0.
func (a *app) citeSource(path, text string, opts citeOptions) (id, note string, indent bool, err error) {
	if opts.source != "" {
		return opts.source, "", true, nil
	}
	if opts.dataset == "" {
		return placeholderID(path), "placeholder: the id of this source in your dataset", false, nil
	}
	l := loadArgs([]string{opts.dataset})
	if l.Dataset == nil {
		return "", "", false, a.loadFailed(l)
	}
	want, err := filepath.Abs(path)
	if err != nil {
		return "", "", false, err
	}
	var have []string
	for _, s := range l.Dataset.Sources {
		file, ok := l.SourceFiles[s.ID]
		if !ok {
			have = append(have, fmt.Sprintf("  %s: text inline, no text_file", s.ID))
			continue
		}
		if abs, err := filepath.Abs(file); err == nil && filepath.Clean(abs) == filepath.Clean(want) {
			return s.ID, "", true, nil
		}
		have = append(have, fmt.Sprintf("  %s: text_file %s", s.ID, file))
	}
	for _, s := range l.Dataset.Sources {
		if s.Text != "" && s.Text == text {
			return s.ID, "", true, nil
		}
	}
	if len(have) == 0 {
		have = append(have, "  (none)")
	}
	return "", "", false, usagef("no source of %s has %s as its text_file; pass --source ID. Its sources:\n%s",
		opts.dataset, path, strings.Join(have, "\n"))
}

// cite finds quote in the text file at path and prints its citations.
func (a *app) cite(path, quote string, opts citeOptions) error {
	if strings.TrimSpace(quote) == "" {
		return usagef("the quote is empty")
	}
	if opts.dataset != "" && opts.source != "" {
		return usagef("give --dataset or --source, not both")
	}
	text, err := citedText(path)
	if err != nil {
		return err
	}
	id, sourceNote, indent, err := a.citeSource(path, text, opts)
	if err != nil {
		return err
	}
	marshal := data.MarshalCitation
	if indent {
		marshal = data.MarshalCitationIndented
	}
	st := timeline.NewSourceText(text)
	if !strings.Contains(text, quote) {
		own, err := sourceCharacters(st, quote)
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		fmt.Fprintf(a.stderr, "dateline: the quote matches %s only after normalising quotation marks, dashes, spaces or accented letters;\n"+
			"the citation below uses the source's own characters: %s\n", path, strconv.Quote(own))
		quote = own
	}
	places := st.Occurrences(quote)
	var out bytes.Buffer
	for k, start := range places[:min(len(places), maxPlaces)] {
		prefix, suffix, unique := st.ShortestContext(quote, start)
		c := timeline.Citation{Source: id, Quote: quote, Prefix: prefix, Suffix: suffix,
			Start: start, End: start + utf8.RuneCountInString(quote)}
		b, err := marshal(c, placeComment(st, start, k, len(places), unique), sourceNote)
		if err != nil {
			return err
		}
		if k > 0 {
			out.WriteString("\n")
		}
		out.Write(b)
	}
	if _, err := a.stdout.Write(out.Bytes()); err != nil {
		return err
	}
	if len(places) > maxPlaces {
		fmt.Fprintf(a.stderr, "dateline: the quote occurs %d times; only the first %d are shown: quote more words to name one place\n", len(places), maxPlaces)
	}
	return nil
}

// placeComment says where the place at start is, for the comment above
// its citation: its paragraph, line and column, and with several places
// which one it is, and whether a prefix or suffix tells it apart.
func placeComment(st *timeline.SourceText, start, k, n int, unique bool) string {
	line, col := lineCol(st.Slice(0, start))
	where := fmt.Sprintf("paragraph %d (line %d, column %d)", st.Paragraph(start), line, col)
	if n > 1 {
		where = fmt.Sprintf("place %d of %d: %s", k+1, n, where)
		if !unique {
			where += "; no prefix or suffix within " + strconv.Itoa(timeline.MaxContextWords) + " words tells it apart, so start and end pick it"
		}
	}
	return where
}

// lineCol returns the 1-based line and column (in code points) just after before.
func lineCol(before string) (line, col int) {
	i := strings.LastIndexByte(before, '\n')
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[i+1:]) + 1
}

// placeholderID makes a source id from a file name: "Kim Car Gift.txt" is
// "kim-car-gift".
func placeholderID(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "source"
	}
	return b.String()
}

// sourceCharacters returns the source's own text for a quote found only
// tolerantly, or an error that explains why the quote is not there.
func sourceCharacters(st *timeline.SourceText, quote string) (string, error) {
	if st.Count(quote) == 0 {
		return "", absent(st, quote)
	}
	span, err := st.Resolve(timeline.Selector{Quote: quote, Start: -1, End: -1})
	if err == nil {
		return st.Slice(span.Start, span.End), nil
	}
	// Several tolerant places: take the source's characters from the first
	// paragraph that holds exactly one; the exact search then finds them all.
	qe, _ := err.(*timeline.QuoteError)
	if qe != nil {
		for _, para := range qe.Paragraphs {
			ps, pe := st.ParagraphSpan(para)
			sub := timeline.NewSourceText(st.Slice(ps, pe))
			if sp, err := sub.Resolve(timeline.Selector{Quote: quote, Start: -1, End: -1}); err == nil {
				return sub.Slice(sp.Start, sp.End), nil
			}
		}
	}
	return "", fmt.Errorf("the quote matches only after normalising quotation marks, dashes, spaces or accented letters, in %d places, "+
		"and none can be picked out: copy it from the source", st.Count(quote))
}

// absent explains a quote that is not in the source: where it stops
// matching (see timeline.SourceText.Mismatch).
func absent(st *timeline.SourceText, quote string) error {
	return fmt.Errorf("quote %s not found%s", strconv.Quote(clipText(quote, 60)), st.Mismatch(quote))
}

// clipText is s on one line, cut to n code points with an ellipsis.
func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
