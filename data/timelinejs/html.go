package timelinejs

// HTML and plain text, for TimelineJS: its slide text is HTML, ours is plain.
// The import side (htmlToText) is a small tolerant scanner rather than an
// HTML parser: slide text is short, hand-written markup, and what matters is
// the words and the paragraph breaks, never the tree.

import (
	"html"
	"strings"
)

// htmlToText turns TimelineJS slide text into plain text: tags are dropped,
// entities decoded, <br> becomes a line break, block elements (<p>, <div>,
// headings, lists, <blockquote>) become blank-line paragraph breaks, list
// items start with "- ", a link keeps its text followed by its http(s) URL in
// parentheses (unless the text is the URL), and the contents of <script> and
// <style> and comments are dropped. Runs of white space collapse to one
// space, as a browser shows them.
//
// Text with no tag at all is taken as plain text: entities are decoded but
// line breaks are kept, since a spreadsheet cell or a JSON string without
// markup means its newlines.
func htmlToText(s string) string {
	if !hasTag(s) {
		t := html.UnescapeString(strings.ReplaceAll(s, "\r\n", "\n"))
		return strings.TrimSpace(strings.ReplaceAll(t, "\u00a0", " "))
	}
	var c textCollector
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			c.text(s[i : i+j])
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		t, n := scanTag(s[i:])
		if n == 0 { // a lone "<", as in "a < b"
			c.text("<")
			i++
			continue
		}
		i += n
		if (t.name == "script" || t.name == "style") && !t.closing {
			end := strings.Index(strings.ToLower(s[i:]), "</"+t.name)
			if end < 0 {
				break
			}
			i += end
			continue
		}
		c.tag(t)
	}
	return c.String()
}

// hasTag reports whether s contains something that starts an HTML tag or
// comment: "<" followed by a letter, "/" or "!".
func hasTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; isASCIILetter(c) || c == '/' || c == '!' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// htmlTag is a scanned start or end tag.
type htmlTag struct {
	name    string // lower case
	closing bool
	href    string // for <a>
}

// scanTag reads the tag at the start of s ("<name attrs>" or "</name>") and
// returns it with its length in bytes; n is 0 when s does not start a tag.
// Quoted attribute values may contain ">".
func scanTag(s string) (t htmlTag, n int) {
	i := 1
	if i < len(s) && s[i] == '/' {
		t.closing = true
		i++
	}
	start := i
	for i < len(s) && (isASCIILetter(s[i]) || (i > start && s[i] >= '0' && s[i] <= '9')) {
		i++
	}
	if i == start {
		if start < len(s) && s[start] == '!' { // <!DOCTYPE …>
			if end := strings.IndexByte(s, '>'); end >= 0 {
				return htmlTag{}, end + 1
			}
		}
		return htmlTag{}, 0
	}
	t.name = strings.ToLower(s[start:i])
	attrs := i
	var quote byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			if t.name == "a" {
				t.href = attr(s[attrs:i], "href")
			}
			return t, i + 1
		}
	}
	return htmlTag{}, 0 // never closed: not a tag
}

// attr returns the value of the attribute name in the attribute text of a
// tag, entities decoded, or "".
func attr(s, name string) string {
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '/') {
			i++
		}
		start := i
		for i < len(s) && s[i] != '=' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '>' {
			i++
		}
		key := strings.ToLower(s[start:i])
		if i >= len(s) || s[i] != '=' {
			if i == start {
				i++
			}
			continue
		}
		i++
		var val string
		if i < len(s) && (s[i] == '"' || s[i] == '\'') {
			q := s[i]
			end := strings.IndexByte(s[i+1:], q)
			if end < 0 {
				return ""
			}
			val, i = s[i+1:i+1+end], i+2+end
		} else {
			start := i
			for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' {
				i++
			}
			val = s[start:i]
		}
		if key == name {
			return html.UnescapeString(val)
		}
	}
	return ""
}

// textCollector builds the plain text of htmlToText. Breaks and spaces are
// held back until the next word, so that markup at the ends of the text or
// around a break adds no stray white space.
type textCollector struct {
	b      strings.Builder
	brk    int  // pending break: 0 none, 1 line, 2 paragraph
	space  bool // pending space
	hrefs  []string
	linked []int // output length where each open <a> began
}

// blockTags become paragraph breaks.
var blockTags = map[string]bool{
	"p": true, "div": true, "blockquote": true, "ul": true, "ol": true, "dl": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "tr": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "pre": true, "hr": true,
	"address": true, "aside": true, "main": true, "nav": true,
}

func (c *textCollector) text(raw string) {
	t := strings.ReplaceAll(html.UnescapeString(raw), "\u00a0", " ")
	if startsWithSpace(t) && c.b.Len() > 0 {
		c.space = true
	}
	for i, w := range strings.Fields(t) {
		c.word(w, i > 0)
	}
	if endsWithSpace(t) && c.b.Len() > 0 {
		c.space = true
	}
}

func startsWithSpace(s string) bool { return s != "" && strings.TrimLeft(s, " \t\r\n\f") != s }
func endsWithSpace(s string) bool   { return s != "" && strings.TrimRight(s, " \t\r\n\f") != s }

// word writes w, preceded by the pending break, or by a space when spaced.
func (c *textCollector) word(w string, spaced bool) {
	switch {
	case c.b.Len() == 0:
	case c.brk == 2:
		c.b.WriteString("\n\n")
	case c.brk == 1:
		c.b.WriteString("\n")
	case spaced || c.space:
		c.b.WriteByte(' ')
	}
	c.brk, c.space = 0, false
	c.b.WriteString(w)
}

func (c *textCollector) breakAt(level int) {
	c.brk = max(c.brk, level)
	c.space = false
}

func (c *textCollector) tag(t htmlTag) {
	switch {
	case t.name == "br":
		// Two <br> in a row read as a paragraph break.
		if c.brk >= 1 {
			c.breakAt(2)
		} else {
			c.breakAt(1)
		}
	case t.name == "li" && !t.closing:
		c.breakAt(1)
		c.word("-", false)
		c.space = true
	case t.name == "li":
		c.breakAt(1)
	case blockTags[t.name]:
		c.breakAt(2)
	case t.name == "a" && !t.closing:
		c.hrefs = append(c.hrefs, t.href)
		c.linked = append(c.linked, c.b.Len())
	case t.name == "a" && len(c.hrefs) > 0:
		href, from := c.hrefs[len(c.hrefs)-1], c.linked[len(c.linked)-1]
		c.hrefs, c.linked = c.hrefs[:len(c.hrefs)-1], c.linked[:len(c.linked)-1]
		linkText := c.b.String()[from:]
		web := strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://")
		if web && !strings.Contains(linkText, href) {
			c.word("("+href+")", true)
		}
	}
}

// String returns the collected text.
func (c *textCollector) String() string { return c.b.String() }

// TextToHTML writes plain text as HTML paragraphs: blank lines separate
// paragraphs, single line breaks become <br>, and every special character
// is escaped.
func TextToHTML(s string) string {
	var b strings.Builder
	for _, para := range SplitParagraphs(s) {
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br>")
			}
			b.WriteString(EscText(line))
		}
		b.WriteString("</p>")
	}
	return b.String()
}

// SplitParagraphs splits text at blank lines, trimming each paragraph and
// dropping empty ones.
func SplitParagraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// EscText escapes text for HTML element content: &, < and >. Quotation
// marks stay as they are, readable in JSON and spreadsheets; attribute
// values use html.EscapeString.
func EscText(s string) string { return textEscaper.Replace(s) }

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
