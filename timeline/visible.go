package timeline

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// VisibleControls returns s with the control characters that could drive a
// terminal written as visible escapes, as a Go string literal writes them:
// C0 controls but tab and newline, and DEL, as \x1b, \x7f; C1 controls
// (U+0080–U+009F) as \u0085; a byte that is not UTF-8 as \xff. A title
// holding ESC ] 0 ; … BEL would otherwise retitle the terminal, or with
// OSC 52 write its clipboard, when printed. Everything else, line breaks
// and wide characters included, is kept, and s itself is returned when it
// has nothing to escape.
//
// It lives here, beside Plural, because every text writer imports this
// package: the command line's reports and messages, and the Markdown and
// CSV exports (data/export). JSON output does not use it: JSON escapes are
// lossless.
func VisibleControls(s string) string {
	i := firstControl(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case isControl(r) && r < 0x80:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case isControl(r):
			b.WriteString(`\u00`)
			b.WriteString(hex2(byte(r)))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstControl is the index of the first byte VisibleControls escapes, or -1.
func firstControl(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if isControl(rune(c)) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isControl(r) {
			return i
		}
		i += size
	}
	return -1
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0)
}

func hex2(c byte) string {
	h := strconv.FormatUint(uint64(c), 16)
	if len(h) < 2 {
		h = "0" + h
	}
	return h
}
