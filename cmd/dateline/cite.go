package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"dateline/data"
	"dateline/timeline"
)

// maxContextWords bounds how far cite grows a prefix or suffix, in words.
const maxContextWords = 40

// maxPlaces bounds how many places of a repeated quote cite writes blocks for.
const maxPlaces = 10

func (a *app) newCiteCmd() *cobra.Command {
	return &cobra.Command{
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

"source:" is a placeholder made from the file's name: use the source's id.

Exit status: 0 when the quote was found, 1 when it was not or the file
cannot be read, 2 for bad usage.`,
		Example: `  dateline cite article.txt "gifted a Russian-made car"
  dateline cite article.txt 'He said "no"' >> snippets.yaml`,
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
			return a.cite(args[0], args[1])
		},
	}
}

// cite finds quote in the text file at path and prints its citations.
func (a *app) cite(path, quote string) error {
	if strings.TrimSpace(quote) == "" {
		return usagef("the quote is empty")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %v", path, unwrapPathErr(err))
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("%s is not valid UTF-8 text", path)
	}
	text := data.SourceFileText(b) // offsets as a dataset's text_file gets them
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
	places := occurrences(text, quote)
	shown := places
	if len(places) > maxPlaces {
		shown = places[:maxPlaces]
	}
	id := placeholderID(path)
	var out bytes.Buffer
	for k, p := range shown {
		c := shortestContext(text, places, k, quote)
		// The resolver also matches context tolerantly; make sure it agrees.
		if sp, err := st.Resolve(timeline.Selector{Quote: quote, Prefix: c.prefix, Suffix: c.suffix, Start: -1, End: -1}); err != nil || sp.Start != p.start {
			c = context{} // only the recorded position tells it apart
		}
		if k > 0 {
			out.WriteString("\n")
		}
		if err := writeCitation(&out, st, id, quote, p, c, k, len(places)); err != nil {
			return err
		}
	}
	if _, err := a.stdout.Write(out.Bytes()); err != nil {
		return err
	}
	if len(places) > maxPlaces {
		fmt.Fprintf(a.stderr, "dateline: the quote occurs %d times; only the first %d are shown: quote more words to name one place\n", len(places), maxPlaces)
	}
	return nil
}

// place is one occurrence of the quote: byte offsets [ob, oe) and code-point start.
type place struct{ ob, oe, start int }

// occurrences returns every place quote occurs exactly in text, overlapping
// ones included (as the resolver counts them), in order.
func occurrences(text, quote string) []place {
	var out []place
	cp, last := 0, 0
	for from := 0; from <= len(text)-len(quote); {
		i := strings.Index(text[from:], quote)
		if i < 0 {
			break
		}
		ob := from + i
		cp += utf8.RuneCountInString(text[last:ob])
		last = ob
		out = append(out, place{ob: ob, oe: ob + len(quote), start: cp})
		_, w := utf8.DecodeRuneInString(text[ob:])
		from = ob + w
	}
	return out
}

// context is a prefix and suffix that pick one place.
type context struct {
	prefix, suffix string
	unique         bool
}

// shortestContext finds the prefix and suffix, each some whole words of the
// text around place k (the word the quote starts or ends inside counting as
// one), with the fewest words in all (then the fewest characters) that no
// other place shares. unique is false when none within maxContextWords does.
func shortestContext(text string, places []place, k int, quote string) context {
	if len(places) == 1 {
		return context{unique: true}
	}
	p := places[k]
	starts := []int{p.ob}
	for len(starts) <= maxContextWords && starts[len(starts)-1] > 0 {
		starts = append(starts, prevWordStart(text, starts[len(starts)-1]))
	}
	ends := []int{p.oe}
	for len(ends) <= maxContextWords && ends[len(ends)-1] < len(text) {
		ends = append(ends, nextWordEnd(text, ends[len(ends)-1]))
	}
	fits := func(prefix, suffix string) bool {
		for j, o := range places {
			if j != k && strings.HasSuffix(text[:o.ob], prefix) && strings.HasPrefix(text[o.oe:], suffix) {
				return false
			}
		}
		return true
	}
	for total := 1; total < len(starts)+len(ends)-1; total++ {
		var best *context
		for pw := 0; pw <= total; pw++ {
			sw := total - pw
			if pw >= len(starts) || sw >= len(ends) {
				continue
			}
			c := context{prefix: text[starts[pw]:p.ob], suffix: text[p.oe:ends[sw]], unique: true}
			if fits(c.prefix, c.suffix) && (best == nil || len(c.prefix)+len(c.suffix) < len(best.prefix)+len(best.suffix)) {
				best = &c
			}
		}
		if best != nil {
			return *best
		}
	}
	return context{}
}

// prevWordStart moves back from i over white space, then over one word.
func prevWordStart(text string, i int) int {
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= w
	}
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= w
	}
	return i
}

// nextWordEnd moves forward from i over white space, then over one word.
func nextWordEnd(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

// writeCitation writes one citation as a YAML list item, headed by a
// comment saying where the place is.
func writeCitation(out *bytes.Buffer, st *timeline.SourceText, id, quote string, p place, c context, k, n int) error {
	end := p.start + utf8.RuneCountInString(quote)
	line, col := lineCol(st.Slice(0, p.start))
	where := fmt.Sprintf("paragraph %d (line %d, column %d)", st.Paragraph(p.start), line, col)
	if n > 1 {
		where = fmt.Sprintf("place %d of %d: %s", k+1, n, where)
		if !c.unique {
			where += "; no prefix or suffix within " + strconv.Itoa(maxContextWords) + " words tells it apart, so start and end pick it"
		}
	}
	str := func(s string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
		if strings.ContainsAny(s, "\n\r") {
			n.Style = yaml.DoubleQuotedStyle // a block scalar would hide where the context ends
		}
		return n
	}
	num := func(v int) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)} }
	m := &yaml.Node{Kind: yaml.MappingNode, HeadComment: where}
	source := str(id)
	source.LineComment = "placeholder: the id of this source in your dataset"
	m.Content = append(m.Content, str("source"), source, str("quote"), str(quote))
	if c.prefix != "" {
		m.Content = append(m.Content, str("prefix"), str(c.prefix))
	}
	if c.suffix != "" {
		m.Content = append(m.Content, str("suffix"), str(c.suffix))
	}
	m.Content = append(m.Content, str("start"), num(p.start), str("end"), num(end))
	enc := yaml.NewEncoder(out)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{m}}); err != nil {
		return err
	}
	return enc.Close()
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

// absent explains a quote that is not in the source: the longest run of its
// first words that is, and what the source has where the quote goes on.
func absent(st *timeline.SourceText, quote string) error {
	ends := wordEnds(quote)
	// A run of first words that occurs means every shorter one does.
	k := sort.Search(len(ends), func(i int) bool { return st.Count(quote[:ends[i]]) == 0 })
	q := strconv.Quote(clipText(quote, 60))
	if k == 0 {
		return fmt.Errorf("quote %s not found: not even its first word occurs in the source", q)
	}
	head := quote[:ends[k-1]]
	msg := fmt.Sprintf("quote %s not found. Its first word, %s, occurs", q, strconv.Quote(clipText(head, 60)))
	if k > 1 {
		msg = fmt.Sprintf("quote %s not found. Its first %d words, %s, occur", q, k, strconv.Quote(clipText(head, 60)))
	}
	// Where the head occurs: exactly, else the one tolerant place if unique.
	type at struct{ end, para int } // code-point end of the head, paragraph
	var found []at
	for _, p := range occurrences(st.Text(), head) {
		found = append(found, at{p.start + utf8.RuneCountInString(head), st.Paragraph(p.start)})
	}
	if len(found) == 0 {
		if span, err := st.Resolve(timeline.Selector{Quote: head, Start: -1, End: -1}); err == nil {
			found = append(found, at{span.End, span.Paragraph})
		}
	}
	if len(found) == 0 {
		return fmt.Errorf("%s %d times, but none can be picked out", msg, st.Count(head))
	}
	var goesOn []string
	for _, f := range found[:min(len(found), 3)] {
		next := "the end of the text"
		if s := st.Slice(f.end, f.end+40); strings.TrimSpace(s) != "" {
			s = strings.Join(strings.Fields(s), " ")
			if f.end+40 < st.Len() {
				s += "…"
			}
			next = strconv.Quote(s)
		}
		if len(found) > 1 {
			next += fmt.Sprintf(" (paragraph %d)", f.para)
		}
		goesOn = append(goesOn, next)
	}
	where := fmt.Sprintf(" in paragraph %d", found[0].para)
	if len(found) > 1 {
		where = fmt.Sprintf(" %d times", len(found))
	}
	rest := strings.TrimSpace(quote[ends[k-1]:])
	return fmt.Errorf("%s%s; there the source goes on with %s where the quote has %s",
		msg, where, strings.Join(goesOn, ", "), strconv.Quote(clipText(rest, 40)))
}

// wordEnds returns the byte offsets where the words of s end.
func wordEnds(s string) []int {
	var out []int
	for i := 0; i < len(s); {
		i = nextWordEnd(s, i)
		if len(out) == 0 || out[len(out)-1] != i {
			out = append(out, i)
		}
	}
	return out
}

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// unwrapPathErr drops the path from an *fs.PathError, which the message names.
func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
