package article

import (
	"regexp"
	"strconv"
	"strings"
)

// Markdown is read as its text with the markup removed (headings' #,
// emphasis, links to their text, images to their alt text, list and quote
// markers, inline HTML), line for line, so that a citation quotes what a
// reader sees ("the **first** group" is cited as "the first group") and a
// date line keeps the line number it has in the file. Code is kept as
// written. A YAML front matter block at the top is metadata: its title,
// date, url and publisher fields are read, and the block is left out of the
// text. Since the text differs from the file, the drafter writes it inline.

var (
	atxHeading   = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$`)
	ruleLine     = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$`)
	fenceLine    = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	tableRule    = regexp.MustCompile(`^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$|^[ \t]*:?-{3,}:?[ \t]*\|[ \t|:\-]*$`)
	listMarker   = regexp.MustCompile(`^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?`)
	quoteMarker  = regexp.MustCompile(`^[ \t]*(?:>[ \t]?)+`)
	refDef       = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$`)
	image        = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	inlineLink   = regexp.MustCompile(`\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)`)
	refLink      = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	footnoteRef  = regexp.MustCompile(`\[\^[^\]]+\]`)
	footnoteDef  = regexp.MustCompile(`^ {0,3}\[\^[^\]]+\]:[ \t]*`)
	autolink     = regexp.MustCompile(`<((?:https?|mailto|ftp):[^>\s]+)>`)
	inlineTag    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
	codeSpan     = regexp.MustCompile("(`+)(.+?)(`+)")
	escaped      = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|>~])`)
	frontMatter  = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$`)
	emphasisRuns = regexp.MustCompile(`\*+|_+`)
	placeholder  = regexp.MustCompile("\x00[0-9]+\x00")
)

func readMarkdown(a *Article, text string) []textLine {
	all := splitLines(text, 1)
	body := all
	if fm, rest, ok := cutFrontMatter(all); ok {
		body = rest
		readFrontMatter(a, fm)
	}
	out := make([]textLine, len(body))
	fence := ""
	for i, l := range body {
		out[i] = textLine{line: l.line}
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l.text), fence) {
				fence = "" // the closing fence line itself is not text
				continue
			}
			out[i].text = l.text
			continue
		}
		if m := fenceLine.FindStringSubmatch(l.text); m != nil {
			fence = m[1]
			continue
		}
		out[i].text = markdownLine(l.text)
	}
	// Dropped lines (front matter, fences, rules) can leave several blank
	// lines in a row; one blank line is what separates paragraphs.
	var kept []textLine
	for _, l := range out {
		if l.text == "" && (len(kept) == 0 || kept[len(kept)-1].text == "") {
			continue
		}
		kept = append(kept, l)
	}
	for len(kept) > 0 && kept[len(kept)-1].text == "" {
		kept = kept[:len(kept)-1]
	}
	a.Text = joinLines(kept)
	return kept
}

// markdownLine is one line of Markdown outside code blocks, unmarked.
func markdownLine(s string) string {
	switch {
	case ruleLine.MatchString(s), tableRule.MatchString(s), refDef.MatchString(s) && !footnoteDef.MatchString(s):
		return "" // a setext underline, a rule, a table's header rule or a link's URL: the blank keeps paragraphs apart
	}
	s = footnoteDef.ReplaceAllString(s, "")
	if m := atxHeading.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	s = quoteMarker.ReplaceAllString(s, "")
	s = listMarker.ReplaceAllString(s, "")
	s = strings.TrimRight(s, " \t")
	// Code spans first, so that nothing inside them is taken for markup.
	var codes []string
	s = codeSpan.ReplaceAllStringFunc(s, func(m string) string {
		sm := codeSpan.FindStringSubmatch(m)
		if len(sm[1]) != len(sm[3]) {
			return m
		}
		codes = append(codes, strings.TrimSpace(sm[2]))
		return "\x00" + strconv.Itoa(len(codes)-1) + "\x00"
	})
	// Escaped characters are literal text, kept out of the way the same way.
	s = escaped.ReplaceAllStringFunc(s, func(m string) string {
		codes = append(codes, m[1:])
		return "\x00" + strconv.Itoa(len(codes)-1) + "\x00"
	})
	s = image.ReplaceAllString(s, "$1")
	s = inlineLink.ReplaceAllString(s, "$1")
	s = refLink.ReplaceAllString(s, "$1")
	s = footnoteRef.ReplaceAllString(s, "")
	s = autolink.ReplaceAllString(s, "$1")
	s = inlineTag.ReplaceAllString(s, "")
	s = removeEmphasis(s)
	if len(codes) > 0 {
		s = placeholder.ReplaceAllStringFunc(s, func(m string) string {
			i, _ := strconv.Atoi(m[1 : len(m)-1])
			return codes[i]
		})
	}
	return s
}

// removeEmphasis drops the * and _ runs that open and close emphasis on
// the same line; a lone star ("5 * 3") or an underscore inside a word
// ("snake_case") is text and stays.
func removeEmphasis(s string) string {
	runs := emphasisRuns.FindAllStringIndex(s, -1)
	if runs == nil {
		return s
	}
	// Openers wait on a stack; a closer pairs with the nearest opener of
	// the same character and length among the last few, and the openers
	// above that one stay text. Looking only at the last few keeps a line
	// of a million stars linear.
	const reach = 16
	drop := make([]bool, len(runs))
	var open []int
	for i, r := range runs {
		if closes(s, r) {
			found := -1
			for k := len(open) - 1; k >= max(0, len(open)-reach); k-- {
				o := runs[open[k]]
				if s[o[0]] == s[r[0]] && o[1]-o[0] == r[1]-r[0] {
					found = k
					break
				}
			}
			if found >= 0 {
				drop[open[found]], drop[i] = true, true
				open = open[:found]
				continue
			}
		}
		if opens(s, r) {
			open = append(open, i)
		}
	}
	var b strings.Builder
	last := 0
	for i, r := range runs {
		if drop[i] {
			b.WriteString(s[last:r[0]])
			last = r[1]
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// opens: the run is followed by a non-space and, for _, not preceded by a
// letter or digit.
func opens(s string, r []int) bool {
	if r[1] >= len(s) || isSpaceByte(s[r[1]]) {
		return false
	}
	return s[r[0]] != '_' || r[0] == 0 || !isWordByte(s[r[0]-1])
}

// closes: the run follows a non-space and, for _, is not followed by a
// letter or digit.
func closes(s string, r []int) bool {
	if r[0] == 0 || isSpaceByte(s[r[0]-1]) {
		return false
	}
	return s[r[0]] != '_' || r[1] >= len(s) || !isWordByte(s[r[1]])
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// cutFrontMatter splits off a YAML front matter block: "---" on the first
// line, up to the next "---" or "...".
func cutFrontMatter(lines []textLine) (fm, rest []textLine, ok bool) {
	if len(lines) == 0 || strings.TrimSpace(lines[0].text) != "---" {
		return nil, lines, false
	}
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i].text); t == "---" || t == "..." {
			return lines[1:i], lines[i+1:], true
		}
	}
	return nil, lines, false
}

// readFrontMatter takes the fields of a front matter block that say what
// the article is. Only flat "key: value" lines are read: the block is
// metadata for the reader, not a dataset, and an unreadable line is left.
func readFrontMatter(a *Article, fm []textLine) {
	for _, l := range fm {
		m := frontMatter.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		key, val := strings.ToLower(m[1]), unquote(strings.TrimSpace(m[2]))
		if val == "" {
			continue
		}
		switch key {
		case "title":
			if a.Title == "" {
				a.Title, a.TitleFrom = cutAtWord(oneLine(val), maxTitle), "Markdown front matter title"
			}
		case "date", "published", "pubdate", "date_published", "published_at":
			if d, ok := metadataDate(val); ok && !a.Published.Known() {
				a.Published = Published{Date: d, From: "Markdown front matter " + key + " (line " + strconv.Itoa(l.line) + ")", Line: l.line}
			}
		case "url", "canonical", "canonical_url", "link":
			if a.URL == "" {
				a.URL = val
			}
		case "publisher", "site", "site_name", "source":
			if a.Publisher == "" {
				a.Publisher = val
			}
		}
	}
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
