package fix

// Splicing: yaml.v3 re-encodes a whole file in its own layout (blank lines
// between records go, folded text is re-flowed), so the YAML fixer first
// tries to apply its edits to the file's own bytes: a scalar replaced where
// it was written, a new field written on a line of its own next to its
// neighbour. The result is kept only if it reads back exactly as the
// re-encoded tree does; any edit it cannot place (a block scalar, a value
// spread over lines) makes it give up, and the re-encoded file is written.

import (
	"bytes"
	"dateline/data/jsonl"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yamlEdit is one change the fixer made to the node tree, in terms of the
// nodes the file was parsed into.
type yamlEdit struct {
	old *yaml.Node // replace: the value written in the file
	// insert: a new key and value in mapping m, after the value after
	// (the last field before it that the file has) or else before the key
	// before (the first field after it); either may be nil.
	m, after, before *yaml.Node
	key              string
	value            *yaml.Node // the new value, for both
	indent           int        // insert: the column of m's keys, 1-based
}

// yamlEdits records the edits of one fix. A nil *yamlEdits records nothing.
type yamlEdits struct {
	list []yamlEdit
	fail bool // an edit that splicing cannot do was made
}

func (e *yamlEdits) replace(old, value *yaml.Node) {
	if e != nil {
		e.list = append(e.list, yamlEdit{old: old, value: value})
	}
}

// insert records key: value inserted in m at pair index at (of m.Content
// before the insertion).
func (e *yamlEdits) insert(m *yaml.Node, at int, key string, value *yaml.Node) {
	if e == nil {
		return
	}
	ed := yamlEdit{m: m, key: key, value: value}
	for i := 2*at - 2; i >= 0; i -= 2 { // the nearest field the file has, before
		if m.Content[i].Line > 0 {
			ed.after, ed.indent = m.Content[i+1], m.Content[i].Column
			break
		}
	}
	for i := 2 * at; i+1 < len(m.Content); i += 2 { // and after
		if m.Content[i].Line > 0 {
			ed.before = m.Content[i]
			if ed.indent == 0 {
				ed.indent = m.Content[i].Column
			}
			break
		}
	}
	e.list = append(e.list, ed)
}

// splice is one piece of text put in place of [from, to) of the file.
type splice struct {
	from, to int
	text     string
	seq      int // order of insertion at one place
}

// spliceYAML applies the edits to b, the file's bytes; ok is false when
// some edit cannot be placed. want is the re-encoded file the result must
// read back as.
func spliceYAML(b []byte, edits *yamlEdits, want []byte) ([]byte, bool) {
	if edits.fail {
		return nil, false
	}
	lines := lineStarts(b)
	var out []splice
	for i, ed := range edits.list {
		s, ok := placeEdit(b, lines, ed)
		if !ok {
			return nil, false
		}
		s.seq = i
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(x, y splice) int {
		if x.from != y.from {
			return x.from - y.from
		}
		return x.seq - y.seq
	})
	var buf bytes.Buffer
	at := 0
	for _, s := range out {
		if s.from < at {
			return nil, false // overlapping edits
		}
		buf.Write(b[at:s.from])
		buf.WriteString(s.text)
		at = s.to
	}
	buf.Write(b[at:])
	var got, ref any
	if yaml.Unmarshal(buf.Bytes(), &got) != nil || yaml.Unmarshal(want, &ref) != nil || !reflect.DeepEqual(got, ref) {
		return nil, false
	}
	return buf.Bytes(), true
}

// lineStarts returns the byte offset of the start of each line.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset converts a yaml.v3 position (1-based line, column in code
// points) to a byte offset, or -1.
func offset(b []byte, lines []int, line, col int) int {
	if line < 1 || line > len(lines) || col < 1 {
		return -1
	}
	i := lines[line-1]
	for range col - 1 {
		if i >= len(b) || b[i] == '\n' {
			return -1
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return i
}

// placeEdit turns an edit into a splice.
func placeEdit(b []byte, lines []int, ed yamlEdit) (splice, bool) {
	if ed.old != nil {
		from, to, ok := scalarExtent(b, lines, ed.old)
		text, ok2 := inlineScalar(ed.value)
		return splice{from: from, to: to, text: text}, ok && ok2
	}
	val, ok := inlineScalar(ed.value)
	if !ok {
		return splice{}, false
	}
	if ed.m.Style&yaml.FlowStyle != 0 {
		if ed.after != nil {
			_, to, ok := scalarExtent(b, lines, ed.after)
			return splice{from: to, to: to, text: ", " + ed.key + ": " + val}, ok
		}
		if ed.before != nil {
			at := offset(b, lines, ed.before.Line, ed.before.Column)
			return splice{from: at, to: at, text: ed.key + ": " + val + ", "}, at >= 0
		}
		return splice{}, false
	}
	field := strings.Repeat(" ", ed.indent-1) + ed.key + ": " + val + "\n"
	if ed.after != nil && ed.after.Line >= 1 && ed.after.Line <= len(lines) {
		at := fieldEnd(b, lines, ed.after.Line, ed.indent)
		if at == len(b) && len(b) > 0 && b[len(b)-1] != '\n' {
			field = "\n" + strings.TrimSuffix(field, "\n")
		}
		return splice{from: at, to: at, text: field}, true
	}
	// Before the next key, when it starts its own line (a mapping's first
	// key may follow "- " instead).
	if ed.before != nil && ed.before != ed.m.Content[0] && ed.before.Line >= 1 && ed.before.Line <= len(lines) {
		at := lines[ed.before.Line-1]
		if strings.TrimLeft(string(b[at:offset(b, lines, ed.before.Line, ed.before.Column)]), " ") == "" {
			return splice{from: at, to: at, text: field}, true
		}
	}
	return splice{}, false
}

// fieldEnd returns the offset just past the last line of a field of a
// block mapping whose keys are at column indent and whose value starts on
// line: the last line with content before the next one indented no more
// than the keys (a block scalar, a nested record or a quoted scalar
// continued over lines all go on more indented). Blank lines and comments
// after it stay after the inserted field.
func fieldEnd(b []byte, lines []int, line, indent int) int {
	last := line
	for l := line + 1; l <= len(lines); l++ {
		text := b[lines[l-1]:]
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			text = text[:i]
		}
		t := bytes.TrimLeft(text, " ")
		if len(bytes.TrimSpace(t)) == 0 {
			continue
		}
		if len(text)-len(t) < indent || t[0] == '#' {
			break
		}
		last = l
	}
	if last < len(lines) {
		return lines[last]
	}
	return len(b)
}

// inlineScalar writes a scalar as it would appear after "key: " on one
// line, in its style when yaml.v3 can keep it on one line, else
// double-quoted.
func inlineScalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	if n.Tag == "!!int" {
		return n.Value, true
	}
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		c := *n
		c.HeadComment, c.LineComment, c.FootComment = "", "", ""
		if out, err := yaml.Marshal(&c); err == nil {
			s := strings.TrimSuffix(string(literalAstral(out)), "\n")
			if !strings.Contains(s, "\n") {
				return s, true
			}
		}
	}
	return string(jsonl.AppendJSONString(nil, n.Value)), true
}

// scalarExtent returns the bytes [from, to) a one-line or quoted scalar
// takes in the file; ok is false for block scalars and plain scalars that
// may go on over more lines.
func scalarExtent(b []byte, lines []int, n *yaml.Node) (from, to int, ok bool) {
	if n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || n.Anchor != "" {
		return 0, 0, false
	}
	from = offset(b, lines, n.Line, n.Column)
	if from < 0 || from >= len(b) {
		return 0, 0, false
	}
	switch b[from] {
	case '"':
		for i := from + 1; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return from, i + 1, true
			}
		}
		return 0, 0, false
	case '\'':
		for i := from + 1; i < len(b); i++ {
			if b[i] == '\'' {
				if i+1 < len(b) && b[i+1] == '\'' {
					i++
					continue
				}
				return from, i + 1, true
			}
		}
		return 0, 0, false
	}
	// Plain: to the end of the line or a comment, or in a flow collection
	// to the next indicator. What is there must be the value itself, which
	// rules out plain scalars continued on the next lines.
	end := bytes.IndexByte(b[from:], '\n')
	if end < 0 {
		end = len(b) - from
	}
	line := string(b[from : from+end])
	if i := strings.Index(line, " #"); i >= 0 {
		line = line[:i]
	}
	if t := strings.TrimRight(line, " \t\r"); t == n.Value {
		return from, from + len(t), true
	}
	if i := strings.IndexAny(line, ",]}"); i >= 0 {
		if t := strings.TrimRight(line[:i], " \t\r"); t == n.Value {
			return from, from + len(t), true
		}
	}
	return 0, 0, false
}
