package schema

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// SyntaxError is a parse error at a position; parsing stops at the first.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

// ParseJSON reads one JSON value (RFC 8259) and nothing after it but
// whitespace, building the positioned tree. It is a hand-written scanner,
// rather than encoding/json, because it must give the line and column of every
// value and key and keep duplicate keys for the decoder to report.
//
// Time is linear in len(b). Memory is the tree, about 100 bytes per value
// plus the unescaped strings (see the bound stated in load.go). Recursion is
// bounded by maxDepth.
func ParseJSON(b []byte) (*Node, *SyntaxError) {
	return ParseJSONFrom(b, 1, "empty file: no dataset")
}

// ParseJSONFrom parses one top-level value starting at line, reporting
// empty input with the given message.
func ParseJSONFrom(b []byte, line int, empty string) (*Node, *SyntaxError) {
	s := &jsonScanner{b: b, line: line, col: 1}
	s.space()
	if s.i >= len(b) {
		return nil, s.errorf("%s", empty)
	}
	n := s.value(0)
	if s.err != nil {
		return nil, s.err
	}
	s.space()
	if s.i < len(b) {
		return nil, s.errorf("JSON syntax error: unexpected %s after the top-level value", s.peekDesc())
	}
	return n, nil
}

type jsonScanner struct {
	b         []byte
	i         int // offset of the next byte
	line, col int // position of b[i]; col counts code points
	err       *SyntaxError
}

func (s *jsonScanner) errorf(format string, args ...any) *SyntaxError {
	if s.err == nil {
		s.err = &SyntaxError{Line: s.line, Col: s.col, Msg: fmt.Sprintf(format, args...)}
	}
	return s.err
}

// advance moves past n bytes that contain no newline.
func (s *jsonScanner) advance(n int) {
	for _, c := range s.b[s.i : s.i+n] {
		if c&0xC0 != 0x80 { // count code points, not continuation bytes
			s.col++
		}
	}
	s.i += n
}

func (s *jsonScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r':
			s.i++
			s.col++
		case '\n':
			s.i++
			s.line++
			s.col = 1
		default:
			return
		}
	}
}

// peekDesc describes the next input for an error message.
func (s *jsonScanner) peekDesc() string {
	if s.i >= len(s.b) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(s.b[s.i:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", s.b[s.i])
	}
	return strconv.QuoteRune(r)
}

func (s *jsonScanner) value(depth int) *Node {
	if s.i >= len(s.b) {
		s.errorf("JSON syntax error: unexpected end of file, want a value")
		return nil
	}
	n := &Node{Line: s.line, Col: s.col}
	switch c := s.b[s.i]; {
	case c == '{' || c == '[':
		if depth >= maxDepth {
			s.errorf("nesting too deep (more than %d levels)", maxDepth)
			return nil
		}
		if c == '{' {
			s.object(n, depth)
		} else {
			s.array(n, depth)
		}
	case c == '"':
		n.Scalar = StrScalar
		n.Text = s.str()
	case c == '-' || (c >= '0' && c <= '9'):
		s.number(n)
	case c == 't' || c == 'f' || c == 'n':
		s.literal(n)
	default:
		s.errorf("JSON syntax error: unexpected %s, want a value", s.peekDesc())
	}
	if s.err != nil {
		return nil
	}
	return n
}

func (s *jsonScanner) object(n *Node, depth int) {
	n.Kind = MappingNode
	s.advance(1)
	s.space()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.advance(1)
		return
	}
	for s.err == nil {
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			hint := ""
			if s.i < len(s.b) && (unicode.IsLetter(rune(s.b[s.i])) || s.b[s.i] == '\'') {
				hint = " (a file that starts with { is read as JSON; quote the keys)"
			}
			s.errorf("JSON syntax error: unexpected %s, want a string key%s", s.peekDesc(), hint)
			return
		}
		key := &Node{Line: s.line, Col: s.col, Scalar: StrScalar}
		key.Text = s.str()
		s.space()
		if s.err == nil && (s.i >= len(s.b) || s.b[s.i] != ':') {
			s.errorf("JSON syntax error: unexpected %s after key %q, want ':'", s.peekDesc(), key.Text)
		}
		if s.err != nil {
			return
		}
		s.advance(1)
		s.space()
		v := s.value(depth + 1)
		if s.err != nil {
			return
		}
		n.Pairs = append(n.Pairs, Pair{key, v})
		s.space()
		if s.i < len(s.b) && s.b[s.i] == ',' {
			s.advance(1)
			continue
		}
		if s.i < len(s.b) && s.b[s.i] == '}' {
			s.advance(1)
			return
		}
		s.errorf("JSON syntax error: unexpected %s in object, want ',' or '}'", s.peekDesc())
	}
}

func (s *jsonScanner) array(n *Node, depth int) {
	n.Kind = SequenceNode
	s.advance(1)
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.advance(1)
		return
	}
	for s.err == nil {
		s.space()
		v := s.value(depth + 1)
		if s.err != nil {
			return
		}
		n.Items = append(n.Items, v)
		s.space()
		if s.i < len(s.b) && s.b[s.i] == ',' {
			s.advance(1)
			continue
		}
		if s.i < len(s.b) && s.b[s.i] == ']' {
			s.advance(1)
			return
		}
		s.errorf("JSON syntax error: unexpected %s in list, want ',' or ']'", s.peekDesc())
	}
}

func (s *jsonScanner) literal(n *Node) {
	for _, lit := range [...]string{"true", "false", "null"} {
		if strings.HasPrefix(string(s.b[s.i:min(len(s.b), s.i+5)]), lit) {
			n.Text = lit
			if lit == "null" {
				n.Scalar = NullScalar
			} else {
				n.Scalar = OtherScalar
			}
			s.advance(len(lit))
			s.checkDelimiter()
			return
		}
	}
	s.errorf("JSON syntax error: unexpected %s, want a value", s.peekDesc())
}

// checkDelimiter rejects a literal or number run together with what follows ("truex", "12a").
func (s *jsonScanner) checkDelimiter() {
	if s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n', ',', ']', '}':
		default:
			s.errorf("JSON syntax error: unexpected %s after a value", s.peekDesc())
		}
	}
}

// number scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (s *jsonScanner) number(n *Node) {
	b, start := s.b, s.i
	i := start
	digits := func() int {
		j := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i - j
	}
	if b[i] == '-' {
		i++
	}
	integer := true
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		s.advance(i - start)
		s.errorf("JSON syntax error: unexpected %s in a number", s.peekDesc())
		return
	}
	if i < len(b) && b[i] == '.' {
		integer = false
		i++
		if digits() == 0 {
			s.advance(i - start)
			s.errorf("JSON syntax error: unexpected %s in a number, want a digit", s.peekDesc())
			return
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		integer = false
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			s.advance(i - start)
			s.errorf("JSON syntax error: unexpected %s in a number, want a digit", s.peekDesc())
			return
		}
	}
	n.Text = string(b[start:i])
	n.Scalar = OtherScalar
	if integer {
		n.Scalar = IntScalar
	}
	s.advance(i - start)
	s.checkDelimiter()
}

// str scans a string starting at its opening quote and returns its value.
func (s *jsonScanner) str() string {
	s.advance(1)
	line, col := s.line, s.col
	b := s.b
	start := s.i
	// Fast path: no escapes, so the value is a slice of the input.
	i := start
	for ; i < len(b); i++ {
		c := b[i]
		if c == '"' {
			if !utf8.Valid(b[start:i]) {
				break // the slow path reports where
			}
			v := string(b[start:i])
			s.advance(i + 1 - start)
			return v
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	// The value is no longer than its text: find where that ends (at an
	// unescaped quote) to allocate it once rather than doubling up to it.
	for i < len(b) && b[i] != '"' {
		if b[i] == '\\' {
			i++
		}
		i++
	}
	var sb strings.Builder
	sb.Grow(min(i, len(b)) - start)
	for s.i < len(b) {
		c := b[s.i]
		switch {
		case c == '"':
			s.advance(1)
			return sb.String()
		case c == '\\':
			s.escape(&sb)
			if s.err != nil {
				return ""
			}
		case c < 0x20:
			s.errorf("JSON syntax error: control character 0x%02x in a string (write it as an escape)", c)
			return ""
		case c < utf8.RuneSelf:
			sb.WriteByte(c)
			s.advance(1)
		default:
			r, size := utf8.DecodeRune(b[s.i:])
			if r == utf8.RuneError && size == 1 {
				s.errorf("invalid UTF-8 in a string (byte 0x%02x)", c)
				return ""
			}
			sb.Write(b[s.i : s.i+size])
			s.advance(size)
		}
	}
	s.err = &SyntaxError{Line: line, Col: col - 1, Msg: fmt.Sprintf(
		"JSON syntax error: unexpected end of file in the string that starts at line %d, column %d", line, col-1)}
	return ""
}

func (s *jsonScanner) escape(sb *strings.Builder) {
	b := s.b
	if s.i+1 >= len(b) {
		s.errorf("JSON syntax error: unexpected end of file in a string")
		return
	}
	if r, ok := SimpleEscape(b[s.i+1]); ok {
		sb.WriteByte(r)
		s.advance(2)
		return
	}
	if b[s.i+1] != 'u' {
		s.errorf("JSON syntax error: invalid escape '\\%c' in a string", b[s.i+1])
		return
	}
	r, ok := s.hex4(s.i + 2)
	if !ok {
		s.errorf("JSON syntax error: invalid \\u escape in a string (want four hex digits)")
		return
	}
	s.advance(6)
	if utf16.IsSurrogate(r) {
		// A pair is two escapes; a lone surrogate becomes U+FFFD, as encoding/json does.
		if s.i+1 < len(b) && b[s.i] == '\\' && b[s.i+1] == 'u' {
			if r2, ok := s.hex4(s.i + 2); ok {
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					s.advance(6)
					sb.WriteRune(d)
					return
				}
			}
		}
		r = utf8.RuneError
	}
	sb.WriteRune(r)
}

func (s *jsonScanner) hex4(i int) (rune, bool) {
	if i+4 > len(s.b) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s.b[i:i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// SimpleEscape returns the byte a one-character escape such as \n stands for.
func SimpleEscape(c byte) (byte, bool) {
	switch c {
	case '"', '\\', '/':
		return c, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}
