package article

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// htmlUTF8 converts a page that declares another character set (a <meta
// charset> or the byte-order mark) to UTF-8; a page that declares none is
// taken to be UTF-8, as nearly every news site now serves.
func htmlUTF8(name string, b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte("\uFEFF")) {
		return b, nil
	}
	enc, label, _ := charset.DetermineEncoding(b, "text/html")
	if label == "utf-8" || label == "" {
		return b, nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, &Error{File: name, Msg: fmt.Sprintf("cannot decode it from %s: %v", label, err), Err: ErrBinary}
	}
	return out, nil
}

// skippedElements hold no article text: code, styling, the site's
// navigation and furniture, forms, embedded media and figures (whose
// captions and credits are not the story).
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Figure: true, atom.Object: true,
	atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Dialog: true,
}

// blockElements end a paragraph where they start and where they end.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Hr: true,
	atom.Address: true, atom.Figcaption: true, atom.Details: true, atom.Summary: true,
	atom.Caption: true, atom.Center: true, atom.Fieldset: true, atom.Header: true,
	atom.Hgroup: true, atom.Body: true,
}

// voidElements never have an end tag, so they cannot start a skipped span.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// furnitureWords in a class or id mark page furniture that sites build from
// plain divs: cookie banners, share bars, related links, comments, ads.
var furnitureWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "newsletter": true, "share": true,
	"sharing": true, "social": true, "related": true, "comments": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "promo": true,
	"subscribe": true, "paywall": true, "breadcrumb": true, "breadcrumbs": true,
	"sidebar": true, "menu": true, "masthead": true, "nav": true, "navbar": true,
	"navigation": true,
}

// furnitureTokens are whole class names and ids of a site's own header
// and footer, for pages built without <header> and <footer>. Whole names
// only: "article-header" holds the headline.
var furnitureTokens = map[string]bool{
	"header": true, "site-header": true, "page-header": true, "global-header": true,
	"footer": true, "site-footer": true, "page-footer": true, "global-footer": true,
}

// furnitureRoles are ARIA landmark roles that are not the story.
var furnitureRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
}

// htmlBlock is one paragraph of a page's text.
type htmlBlock struct {
	text    string
	lines   []int // the line of the page each of its lines starts on
	article int   // which top-level <article> it is in, 0 for none
	inMain  bool
}

// htmlTime is a <time datetime> element of the page.
type htmlTime struct {
	value   string
	line    int
	article int
	pub     bool // marked as the publication time (itemprop or pubdate)
}

// pageReader gathers a page's text and metadata in one pass of the
// tokenizer, which (unlike the tree parser) says where each token is, so
// that a date found in the text can be given its line in the page.
type pageReader struct {
	line              int
	blocks            []htmlBlock
	cur               strings.Builder
	curLines          []int // the page line of each line of cur
	lineHasText       bool  // the last line of cur has a word
	spaced            bool  // the text so far ends in white space
	skip              atom.Atom
	skipName          string
	skipDepth         int
	articles          int // top-level <article> elements seen
	articleDepth      int
	mainDepth         int
	preDepth          int
	inTitle, inLDJSON bool
	title, ldJSON     strings.Builder
	meta              map[string]string // lower-cased property or name → content
	canonical         string
	times             []htmlTime
}

func readHTML(a *Article, text string) []textLine {
	p := &pageReader{line: 1, meta: map[string]string{}}
	p.read(text)
	p.flush()

	blocks := p.chosenBlocks()
	var lines []textLine
	for i, b := range blocks {
		if i > 0 {
			lines = append(lines, textLine{line: b.lines[0]}) // the blank line between paragraphs
		}
		for k, t := range strings.Split(b.text, "\n") {
			lines = append(lines, textLine{text: t, line: b.lines[k]})
		}
	}
	a.Text = joinLines(lines)
	a.URL = firstOf(p.canonical, p.meta["og:url"])
	a.Publisher = firstOf(p.meta["og:site_name"], p.meta["application-name"])
	a.Title, a.TitleFrom = p.pageTitle(a.Publisher)
	a.Published = p.published(blocks)
	return lines
}

func (p *pageReader) read(text string) {
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return // io.EOF: the tokenizer reads from a string, nothing else can fail
		}
		tokenLine := p.line
		p.line += lineBreaks(z.Raw())
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			p.start(z, tt == html.SelfClosingTagToken, tokenLine)
		case html.EndTagToken:
			p.end(z)
		case html.TextToken:
			p.text(string(z.Text()), tokenLine)
		}
	}
}

func (p *pageReader) start(z *html.Tokenizer, selfClosing bool, line int) {
	name, hasAttr := z.TagName()
	a := atom.Lookup(name)
	attrs := map[string]string{}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		attrs[string(k)] = string(v)
	}
	void := selfClosing || voidElements[a]
	switch a {
	case atom.Title:
		if p.skip == 0 {
			p.inTitle = !void
		}
	case atom.Meta:
		key := strings.ToLower(firstOf(attrs["property"], attrs["name"], attrs["itemprop"]))
		if key != "" && attrs["content"] != "" {
			if _, dup := p.meta[key]; !dup {
				p.meta[key] = strings.TrimSpace(attrs["content"])
			}
		}
	case atom.Link:
		if strings.EqualFold(attrs["rel"], "canonical") && p.canonical == "" {
			p.canonical = strings.TrimSpace(attrs["href"])
		}
	case atom.Script:
		p.inLDJSON = !void && strings.EqualFold(strings.TrimSpace(attrs["type"]), "application/ld+json")
	}
	if p.skip != 0 {
		if string(name) == p.skipName && !void {
			p.skipDepth++
		}
		return
	}
	if !void && (skippedElements[a] || p.furniture(a, attrs)) {
		p.skip, p.skipName, p.skipDepth = a, string(name), 1
		if a == 0 {
			p.skip = atom.Div // an unknown element: any non-zero marker will do
		}
		return
	}
	if blockElements[a] {
		p.flush()
	}
	switch a {
	case atom.Br:
		if len(p.curLines) == 0 {
			p.curLines = []int{line}
		}
		p.cur.WriteByte('\n')
		p.curLines = append(p.curLines, line)
		p.spaced, p.lineHasText = true, false
	case atom.Td, atom.Th:
		p.space()
	case atom.Article:
		if p.articleDepth == 0 {
			p.articles++
		}
		p.articleDepth++
	case atom.Main:
		p.mainDepth++
	case atom.Pre:
		p.preDepth++
	case atom.Time:
		if v := strings.TrimSpace(attrs["datetime"]); v != "" {
			_, pubdate := attrs["pubdate"]
			pub := pubdate || strings.EqualFold(attrs["itemprop"], "datePublished")
			p.times = append(p.times, htmlTime{value: v, line: line, article: p.articleIndex(), pub: pub})
		}
	}
}

// furniture reports whether an element is page furniture by its hidden
// state, ARIA role or class and id words. A header is furniture outside an
// article (the site's banner) but not inside one, where it holds the
// headline and byline.
func (p *pageReader) furniture(a atom.Atom, attrs map[string]string) bool {
	if _, hidden := attrs["hidden"]; hidden || attrs["aria-hidden"] == "true" {
		return true
	}
	if a == atom.Header && p.articleDepth == 0 && p.mainDepth == 0 {
		return true
	}
	if furnitureRoles[strings.ToLower(strings.TrimSpace(attrs["role"]))] {
		return true
	}
	if a == atom.Article || a == atom.Main || a == atom.Body || a == atom.Html {
		return false // a class on the story's own container does not make it furniture
	}
	for _, token := range strings.Fields(strings.ToLower(attrs["class"] + " " + attrs["id"])) {
		if furnitureTokens[token] {
			return true
		}
	}
	for _, word := range strings.FieldsFunc(strings.ToLower(attrs["class"]+" "+attrs["id"]), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '-' || r == '_'
	}) {
		if furnitureWords[word] {
			return true
		}
	}
	return false
}

func (p *pageReader) end(z *html.Tokenizer) {
	name, _ := z.TagName()
	a := atom.Lookup(name)
	switch a {
	case atom.Title:
		p.inTitle = false
	case atom.Script:
		p.inLDJSON = false
	}
	if p.skip != 0 {
		if string(name) == p.skipName {
			if p.skipDepth--; p.skipDepth == 0 {
				p.skip, p.skipName = 0, ""
			}
		}
		return
	}
	// The paragraph ends before the element does, so that its text is
	// still counted as inside the element (an article, a pre).
	if blockElements[a] {
		p.flush()
	}
	switch a {
	case atom.Article:
		p.articleDepth = max(0, p.articleDepth-1)
	case atom.Main:
		p.mainDepth = max(0, p.mainDepth-1)
	case atom.Pre:
		p.preDepth = max(0, p.preDepth-1)
	case atom.Td, atom.Th:
		p.space()
	}
}

func (p *pageReader) text(s string, line int) {
	switch {
	case p.inTitle:
		p.title.WriteString(s)
		return
	case p.inLDJSON:
		p.ldJSON.WriteString(s)
		return
	case p.skip != 0:
		return
	}
	s = cleanSpaces(s)
	if p.preDepth > 0 {
		if len(p.curLines) == 0 {
			p.curLines = []int{line}
		}
		for k := range strings.Count(s, "\n") {
			p.curLines = append(p.curLines, line+k+1)
		}
		p.cur.WriteString(s)
		p.spaced = strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\n")
		p.lineHasText = true
		return
	}
	pos := 0
	for i, word := range strings.Fields(s) {
		j := pos + strings.Index(s[pos:], word)
		line += strings.Count(s[pos:j], "\n") // the word's own line, not that of the space before it
		pos = j + len(word)
		if i > 0 || startsWithSpace(s) {
			p.space()
		}
		switch {
		case len(p.curLines) == 0:
			p.curLines = []int{line}
		case !p.lineHasText:
			p.curLines[len(p.curLines)-1] = line
		}
		p.cur.WriteString(word)
		p.spaced, p.lineHasText = false, true
	}
	if endsWithSpace(s) && p.cur.Len() > 0 {
		p.space()
	}
}

// space writes one space unless the text already ends in white space.
func (p *pageReader) space() {
	if !p.spaced && p.cur.Len() > 0 {
		p.cur.WriteByte(' ')
		p.spaced = true
	}
}

// flush ends the paragraph being written.
func (p *pageReader) flush() {
	text, at := p.cur.String(), p.curLines
	p.cur.Reset()
	p.curLines, p.spaced, p.lineHasText = nil, false, false
	// Trim each line: a <br> leaves the spaces around it.
	lines := strings.Split(text, "\n")
	var kept []string
	var keptAt []int
	for k, l := range lines {
		if p.preDepth == 0 {
			l = strings.TrimSpace(l)
		}
		if strings.TrimSpace(l) != "" {
			kept = append(kept, l)
			keptAt = append(keptAt, at[min(k, len(at)-1)])
		}
	}
	if len(kept) == 0 {
		return
	}
	p.blocks = append(p.blocks, htmlBlock{
		text: strings.Join(kept, "\n"), lines: keptAt,
		article: p.articleIndex(), inMain: p.mainDepth > 0,
	})
}

func (p *pageReader) articleIndex() int {
	if p.articleDepth > 0 {
		return p.articles
	}
	return 0
}

// chosenBlocks keeps the story: the <article> with the most text when the
// page marks one (pages list other stories as <article> teasers too), else
// <main>, else the whole body.
func (p *pageReader) chosenBlocks() []htmlBlock {
	sizes := map[int]int{}
	for _, b := range p.blocks {
		if b.article > 0 {
			sizes[b.article] += len(b.text)
		}
	}
	best := 0
	for k, n := range sizes {
		if best == 0 || n > sizes[best] || n == sizes[best] && k < best {
			best = k
		}
	}
	keep := func(b htmlBlock) bool { return true }
	switch {
	case best > 0:
		keep = func(b htmlBlock) bool { return b.article == best }
	case p.anyInMain():
		keep = func(b htmlBlock) bool { return b.inMain }
	}
	var out []htmlBlock
	for _, b := range p.blocks {
		if keep(b) {
			out = append(out, b)
		}
	}
	return out
}

func (p *pageReader) anyInMain() bool {
	for _, b := range p.blocks {
		if b.inMain {
			return true
		}
	}
	return false
}

// cleanSpaces turns the characters that look like spaces but are not
// (no-break spaces) into spaces, and drops invisible ones (soft hyphens,
// zero-width spaces, word joiners), so quotes can be typed as they are
// read. Zero-width joiners and non-joiners stay: some scripts spell with them.
func cleanSpaces(s string) string {
	if !strings.ContainsAny(s, "\u00a0\u00ad\u200b\u2060\ufeff\u202f\u2007") {
		return s
	}
	return spaceReplacer.Replace(s)
}

var spaceReplacer = strings.NewReplacer(
	"\u00a0", " ", "\u202f", " ", "\u2007", " ",
	"\u00ad", "", "\u200b", "", "\u2060", "", "\ufeff", "",
)

func oneLine(s string) string { return strings.Join(strings.Fields(cleanSpaces(s)), " ") }

// lineBreaks counts the line breaks of raw HTML as its text has them: the
// tokenizer turns "\r\n" and a lone "\r" into "\n".
func lineBreaks(raw []byte) int {
	return bytes.Count(raw, []byte("\n")) + bytes.Count(raw, []byte("\r")) - bytes.Count(raw, []byte("\r\n"))
}

func startsWithSpace(s string) bool { return s != "" && strings.TrimLeft(s[:1], " \t\n\r\f") == "" }
func endsWithSpace(s string) bool {
	return s != "" && strings.TrimRight(s[len(s)-1:], " \t\n\r\f") == ""
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
