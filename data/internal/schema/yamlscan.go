package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yaml.v3 reads its input in chunks and reports a bad character at the
// line of the chunk's end, often the last line of the file, without a
// column. scanYAMLText finds such faults first, at their line and column
// (in code points, as everywhere else), with a message that says what to do.

// scanYAMLText returns the first character yaml.v3's reader would refuse in
// b: a NUL, invalid UTF-8, or a character outside YAML's printable set
// (C0 controls but tab, line feed and carriage return; DEL; C1 controls
// but NEL; U+FFFE and U+FFFF). A file in UTF-16 without a byte-order mark
// is told apart. It returns nil when yaml.v3 would read every character,
// and for UTF-16 files with a byte-order mark, which yaml.v3 decodes.
func scanYAMLText(b []byte) *SyntaxError {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return nil
	}
	if e := utf16Sniff(b); e != "" {
		return &SyntaxError{Line: 1, Col: 1, Msg: "the file looks like UTF-16 (" + e + ") without a byte-order mark: save it as UTF-8"}
	}
	b = bytes.TrimPrefix(b, UTF8BOM)
	line, start := 1, 0 // start: byte offset of the line
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7F { // most of a file
			i++
			continue
		}
		if c == '\n' {
			i++
			line, start = line+1, i
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		var msg string
		switch {
		case c == 0:
			msg = "a NUL byte: this is not a YAML text file (is it binary, or UTF-16?)"
		case r == utf8.RuneError && w <= 1:
			msg = fmt.Sprintf("invalid UTF-8 (byte 0x%02X): save the file as UTF-8", c)
		case yamlPrintable(r):
			i += w
			continue
		default:
			msg = fmt.Sprintf("control character U+%04X is not allowed in YAML: delete it, or write it as an escape (\"\\x%02X\") in a double-quoted string", r, r)
			if r > 0xFF {
				msg = fmt.Sprintf("character U+%04X is not allowed in YAML: delete it", r)
			}
		}
		return &SyntaxError{Line: line, Col: utf8.RuneCount(b[start:i]) + 1, Msg: "YAML syntax error: " + msg}
	}
	return nil
}

// yamlPrintable is yaml.v3's test of a character it reads (its readerc.go).
func yamlPrintable(r rune) bool {
	switch {
	case r == 0x09, r == 0x0A, r == 0x0D, r >= 0x20 && r <= 0x7E, r == 0x85:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// utf16Sniff returns "little-endian" or "big-endian" when b reads as UTF-16
// text without a byte-order mark: in its first bytes, mostly ASCII as
// people write datasets, one byte of each pair is NUL, always the same one.
func utf16Sniff(b []byte) string {
	n := min(len(b), 512) &^ 1
	if n < 4 {
		return ""
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*4 >= pairs*3 && even == 0:
		return "little-endian"
	case even*4 >= pairs*3 && odd == 0:
		return "big-endian"
	}
	return ""
}

// maxFaultSearch bounds the files whose syntax errors faultLine places:
// it parses the file's beginning a few times, which hand-written datasets
// afford and generated giants need not pay for.
const maxFaultSearch = 1 << 20

// faultLine places a yaml.v3 syntax error on the line where the text goes
// wrong. yaml.v3 reports the line of the construct it was parsing (the
// mapping that holds a badly indented key, or an unclosed "["), not of the
// fault: the fault is on the first line L such that the file cut after L
// fails with the same message while the file cut before L does not. That
// line is found by bisection from the reported line, and kept only when
// both conditions hold (a cut inside a quoted or flow value that spans
// lines fails differently, and then the reported line stays). The column
// is that of an unclosed "[" or "{" on line L when the message is about
// one (note then says so), else of the line's first character.
func faultLine(b []byte, msg string, reported int) (line, col int, note string, ok bool) {
	if len(b) > maxFaultSearch {
		return 0, 0, "", false
	}
	starts := []int{0}
	for i, c := range b {
		if c == '\n' && i+1 < len(b) {
			starts = append(starts, i+1)
		}
	}
	cut := func(l int) []byte { // the first l lines
		if l >= len(starts) {
			return b
		}
		return b[:starts[l]]
	}
	lo, hi := max(1, reported), len(starts) // yamlFails(cut(hi)) holds: b fails
	for lo < hi {
		mid := (lo + hi) / 2
		if _, failed := yamlFails(cut(mid)); failed {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if got, failed := yamlFails(cut(hi)); !failed || got != msg || hi <= reported {
		return 0, 0, "", false
	}
	if _, failed := yamlFails(cut(hi - 1)); failed {
		return 0, 0, "", false
	}
	text := bytes.TrimRight(cut(hi)[starts[hi-1]:], "\r\n")
	at := len(text) - len(bytes.TrimLeft(text, " \t")) // byte offset of the fault
	if strings.Contains(msg, "expected ',' or") {
		if open := unclosedFlow(text); open >= 0 {
			at, note = open, fmt.Sprintf(" (this %q is not closed)", text[open])
		}
	}
	return hi, utf8.RuneCount(text[:at]) + 1, note, true
}

// yamlFails decodes every document of b and returns yaml.v3's message for
// the first error, without its "yaml: line N: ".
func yamlFails(b []byte) (msg string, failed bool) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for {
		var doc yaml.Node
		err := DecodeYAML(dec, &doc)
		if err == nil {
			continue
		}
		if errors.Is(err, io.EOF) {
			return "", false
		}
		msg = err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			msg = m[2]
		}
		return msg, true
	}
}

// unclosedFlow returns the byte offset in line of the last "[" or "{" that
// the line opens and does not close, outside quotes and comments, or -1.
func unclosedFlow(line []byte) int {
	var open []int
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' '):
			i = len(line)
		case c == '[' || c == '{':
			open = append(open, i)
		case (c == ']' || c == '}') && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}
