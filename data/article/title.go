package article

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxTitle is the longest title taken from the text, in characters: a
// title is one line in the viewer and in `dateline list`.
const maxTitle = 80

// titleFromLines is the first non-blank line without its date line, cut to
// maxTitle characters at a word; a line that is only a date line gives way
// to the next one. It returns "" when no line has text.
func titleFromLines(lines []textLine, dl dateline, hasDateline bool) (title, from string) {
	for i, l := range lines {
		text := l.text
		if hasDateline && i == dl.index {
			text = text[:dl.start] + " " + text[dl.end:]
		}
		text = strings.Join(strings.Fields(text), " ")
		text = strings.Trim(text, " ,;:|-–—•·")
		if text == "" {
			continue
		}
		return cutAtWord(text, maxTitle), "line " + strconv.Itoa(l.line)
	}
	return "", ""
}

// cutAtWord shortens s to at most n characters, cut between words, with
// "…" to show that it was cut.
func cutAtWord(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	cut := string(runes[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}
