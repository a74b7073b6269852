package export

// The Markdown export: a chronology a writer can read, paste and publish,
// with every quote as a footnote naming its source and paragraph.

import (
	"bufio"
	"cmp"
	"io"
	"strconv"
	"strings"

	"dateline/data/timelinejs"
	"dateline/timeline"
)

// writeMarkdown writes the events at idx as Markdown (CommonMark with
// footnotes, as GitHub and Pandoc read it):
//
//	# Dataset title
//
//	## 20 Feb 2024 — Event title
//
//	**Status:** reported\
//	**Who:** Vladimir Putin (giver), Kim Jong-un (recipient)\
//	**Tags:** cars, sanctions
//
//	The summary.[^1]
//
//	*Date: the date note.*
//
//	[^1]: *Source title*, paragraph 3: “the quote”
//
// then a list of the sources cited. Footnotes follow the event they belong
// to, numbered through the document; each quotes the source's own text.
func writeMarkdown(w io.Writer, tl *timeline.Timeline, idx []int) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + mdEscape(timelinejs.OneLine(cmp.Or(tl.Title(), "Chronology"))) + "\n")
	note := 0
	for _, i := range idx {
		e := tl.Event(i)
		when := "Undated"
		if !e.Date.IsZero() {
			when = e.Date.Human()
		}
		bw.WriteString("\n## " + mdEscape(when) + " — " + mdEscape(timelinejs.OneLine(e.Title)) + "\n")
		var facts []string
		if e.Status != timeline.StatusOccurred {
			facts = append(facts, "**Status:** "+e.Status.String())
		}
		if who := tl.ActorsLine(e); who != "" {
			facts = append(facts, "**Who:** "+mdEscape(who))
		}
		if len(e.Tags) > 0 {
			facts = append(facts, "**Tags:** "+mdEscape(strings.Join(e.Tags, ", ")))
		}
		if len(e.Citations) == 0 {
			if m := mediaOf(tl, e); m != nil && m.URL != "" {
				facts = append(facts, "**Media:** "+mdMedia(m))
			}
		}
		if len(facts) > 0 {
			bw.WriteString("\n" + strings.Join(facts, "\\\n") + "\n")
		}
		quotes := quotesOf(tl, e)
		refs := ""
		for k := range quotes {
			refs += "[^" + strconv.Itoa(note+k+1) + "]"
		}
		paras := timelinejs.SplitParagraphs(e.Summary)
		switch {
		case len(paras) > 0:
			for k, p := range paras {
				bw.WriteString("\n" + mdEscape(p))
				if k == len(paras)-1 {
					bw.WriteString(refs)
				}
				bw.WriteString("\n")
			}
		case refs != "":
			bw.WriteString("\nCited:" + refs + "\n")
		}
		if n := timelinejs.OneLine(e.DateNote); n != "" {
			bw.WriteString("\n*Date: " + mdEscape(n) + "*\n")
		}
		if len(quotes) > 0 {
			bw.WriteString("\n")
		}
		for _, q := range quotes {
			note++
			bw.WriteString("[^" + strconv.Itoa(note) + "]: " + mdQuote(q) + "\n")
		}
	}
	if srcs := citedSources(tl, idx, true); len(srcs) > 0 {
		bw.WriteString("\n## Sources\n\n")
		for _, s := range srcs {
			bw.WriteString("- " + mdSource(s) + "\n")
		}
	}
	return bw.Flush()
}

// mdQuote is a footnote: "*Source title*, paragraph 3: “the quote”", with "(not found in the source)" for an unresolved one.
func mdQuote(q quoted) string {
	where := mdEscape(q.where(false))
	if q.source != nil {
		where = "*" + mdEscape(q.source.Title) + "*" + mdEscape(strings.TrimPrefix(q.where(false), q.source.Title))
	}
	s := where + ": “" + mdEscape(timelinejs.OneLine(q.text)) + "”"
	if q.paragraph == 0 {
		s += " (not found in the source)"
	}
	return s
}

// mdSource is an entry of the source list: "**Title**, Publisher, 20 Feb
// 2024. <https://…> (archived <https://…>)".
func mdSource(s *timeline.Source) string {
	out := "**" + mdEscape(s.Title) + "**" + mdEscape(strings.TrimPrefix(sourceLine(s), s.Title)) + "."
	if s.URL != "" {
		out += " <" + s.URL + ">"
	}
	if s.ArchiveURL != "" {
		out += " (archived <" + s.ArchiveURL + ">)"
	}
	return out
}

// mdMedia is an imported slide's media: a link with its caption, and the credit.
func mdMedia(m *timelinejs.Media) string {
	s := "<" + m.URL + ">"
	if m.Caption != "" {
		s = "[" + mdEscape(timelinejs.OneLine(m.Caption)) + "](<" + m.URL + ">)"
	}
	if m.Credit != "" {
		s += ", " + mdEscape(timelinejs.OneLine(m.Credit))
	}
	return s
}

// mdEscape escapes what Markdown would read as markup in plain text:
// emphasis, code, links, HTML and backslashes anywhere, and the markers of
// headings, quotes, lists and rules at the start of a line.
func mdEscape(s string) string {
	var b strings.Builder
	lineStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if lineStart {
			switch {
			case c == '#' || c == '>' || c == '+' || c == '-' || c == '=':
				b.WriteByte('\\')
			case c >= '0' && c <= '9':
				j := i
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				if j < len(s) && (s[j] == '.' || s[j] == ')') {
					b.WriteString(s[i:j])
					b.WriteByte('\\')
					i = j - 1
					lineStart = false
					continue
				}
			}
		}
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		lineStart = c == '\n'
	}
	return b.String()
}
