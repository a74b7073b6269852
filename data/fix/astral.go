package fix

import (
	"bytes"
	"reflect"
	"strconv"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// literalAstral undoes a habit of yaml.v3's encoder: it treats every
// character beyond the Basic Multilingual Plane (emoji, rarer CJK) as
// unprintable and writes it in double quotes as an escape, so a quote with
// 👍 came out of `validate --fix` as "\U0001F44D". YAML allows those
// characters as they are, so each such escape inside a double-quoted
// scalar of b is written as its character again. The scalars are found
// through the parsed document, so an escape-like text elsewhere (a plain
// or single-quoted scalar, a comment) is never touched, and the result is
// kept only if it reads back as the same document; otherwise b is
// returned unchanged.
func literalAstral(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\U`)) {
		return b
	}
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil {
		return b
	}
	lines := lineStarts(b)
	var quoted [][2]int // [from, to) of each double-quoted scalar
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Style&yaml.DoubleQuotedStyle != 0 {
			if from, to, ok := scalarExtent(b, lines, n); ok && b[from] == '"' {
				quoted = append(quoted, [2]int{from, to})
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	var out []byte
	at := 0
	for _, q := range quoted {
		if q[0] < at {
			return b // overlapping extents: not a document this understands
		}
		out = append(out, b[at:q[0]]...)
		out = appendLiteralAstral(out, b[q[0]:q[1]])
		at = q[1]
	}
	out = append(out, b[at:]...)
	var got, want any
	if yaml.Unmarshal(out, &got) != nil || yaml.Unmarshal(b, &want) != nil || !reflect.DeepEqual(got, want) {
		return b
	}
	return out
}

// appendLiteralAstral appends the double-quoted scalar s (quotes included)
// to dst with each \UXXXXXXXX escape of a printable character beyond
// U+FFFF written as the character itself; other escapes are kept.
func appendLiteralAstral(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			dst = append(dst, s[i])
			continue
		}
		if s[i+1] == 'U' && i+10 <= len(s) {
			if v, err := strconv.ParseUint(string(s[i+2:i+10]), 16, 32); err == nil {
				if r := rune(v); r > 0xFFFF && utf8.ValidRune(r) && unicode.IsPrint(r) {
					dst = utf8.AppendRune(dst, r)
					i += 9
					continue
				}
			}
		}
		dst = append(dst, s[i], s[i+1]) // an escape, kept whole: `\\U…` is no \U escape
		i++
	}
	return dst
}
