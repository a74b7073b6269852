package jsonl

import (
	"dateline/data/internal/schema"
	"encoding/binary"
	"unicode/utf8"
)

// Strings in event lines: the fast path's scanner, which takes the common
// string (no escapes, ASCII or valid UTF-8) as a slice of the line, eight
// bytes at a time.

// str reads a JSON string and returns its value, which is valid until the
// next call: a slice of the line, or of the scratch buffer when the string
// has escapes.
func (d *eventDecoder) str() ([]byte, bool) {
	if !d.eat('"') {
		return nil, false
	}
	b := d.b
	start := d.i
	i := start
	high := false
	for {
		// Eight bytes at a time while none of them is a quote, a
		// backslash, a control character or non-ASCII.
		for i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			if special(w) != 0 {
				break
			}
			i += 8
		}
		if i >= len(b) {
			return nil, false
		}
		c := b[i]
		switch {
		case c == '"':
			s := b[start:i]
			if high && !utf8.Valid(s) {
				return nil, false
			}
			d.i = i + 1
			return s, true
		case c == '\\':
			return d.unescape(start)
		case c < 0x20:
			return nil, false
		case c >= utf8.RuneSelf:
			high = true
		}
		i++
	}
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// special returns a word whose high bits mark the bytes of w that end the
// fast scan of a string: '"', '\\', control characters and non-ASCII bytes.
// It may mark other bytes after a marked one, never miss one.
func special(w uint64) uint64 {
	q := w ^ (lsb * '"')
	bs := w ^ (lsb * '\\')
	return (((q - lsb) &^ q) | ((bs - lsb) &^ bs) | ((w - lsb*0x20) &^ w) | w) & msb
}

// unescape reads the rest of a string with escapes into the scratch buffer.
// Surrogate escapes are left to the tree decoder.
func (d *eventDecoder) unescape(start int) ([]byte, bool) {
	b := d.b
	out := d.scratch[:0]
	for i := start; i < len(b); {
		c := b[i]
		switch {
		case c == '"':
			d.scratch = out
			if !utf8.Valid(out) {
				return nil, false
			}
			d.i = i + 1
			return out, true
		case c < 0x20:
			return nil, false
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(b) {
			return nil, false
		}
		if r, ok := schema.SimpleEscape(b[i+1]); ok {
			out = append(out, r)
			i += 2
			continue
		}
		if b[i+1] != 'u' || i+6 > len(b) {
			return nil, false
		}
		var r rune
		for _, h := range b[i+2 : i+6] {
			var v byte
			switch {
			case '0' <= h && h <= '9':
				v = h - '0'
			case 'a' <= h && h <= 'f':
				v = h - 'a' + 10
			case 'A' <= h && h <= 'F':
				v = h - 'A' + 10
			default:
				return nil, false
			}
			r = r<<4 | rune(v)
		}
		if 0xD800 <= r && r < 0xE000 {
			return nil, false
		}
		out = utf8.AppendRune(out, r)
		i += 6
	}
	return nil, false
}
