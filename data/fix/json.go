package fix

import (
	"bufio"
	"bytes"
	"dateline/data/internal/schema"
	"dateline/data/jsonl"
	"fmt"
	"io"
	"strconv"
)

// json fixes a JSON dataset: the file's positioned tree, edited, written
// again with its keys in their order and the file's indentation (compact
// when the file is on one line); an object or list the file wrote on one
// line stays on one line, so that the diff shows only what changed.
func (p *plan) json(b []byte) ([]byte, error) {
	bom := bytes.HasPrefix(b, schema.UTF8BOM)
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	root, serr := schema.ParseJSON(b)
	if serr != nil {
		return nil, fmt.Errorf("%d:%d: %s", serr.Line, serr.Col, serr.Msg)
	}
	if root.Kind != schema.MappingNode {
		return nil, fmt.Errorf("not a JSON object")
	}
	p.dataset(&nodeMap{n: root})
	var out []byte
	if bom {
		out = append(out, schema.UTF8BOM...)
	}
	out = appendNode(out, root, "", jsonIndent(b))
	return append(out, '\n'), nil
}

// jsonIndent returns the white space that starts the first indented line
// of b, or "" (compact) when no line is indented.
func jsonIndent(b []byte) string {
	for line := range bytes.SplitSeq(b, []byte("\n")) {
		t := bytes.TrimLeft(line, " \t")
		if n := len(line) - len(t); n > 0 && len(bytes.TrimSpace(t)) > 0 {
			return string(line[:n])
		}
	}
	return ""
}

// appendNode writes n as JSON: strings quoted, other scalars as written.
// With unit "" it is compact; otherwise each key and item is on a line of
// its own, indented by one more unit than its container, except in an
// object or list that was on one line in the file (see onOneLine), which is
// written on one line again, as {"a": 1, "b": 2}.
func appendNode(b []byte, n *schema.Node, indent, unit string) []byte {
	if unit != "" && n.Kind != schema.ScalarNode && onOneLine(n, n.Line) {
		return appendFlat(b, n)
	}
	switch n.Kind {
	case schema.ScalarNode:
		if n.Scalar == schema.StrScalar {
			return jsonl.AppendJSONString(b, n.Text)
		}
		return append(b, n.Text...)
	case schema.MappingNode:
		if len(n.Pairs) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		inner := indent + unit
		for i, kv := range n.Pairs {
			if i > 0 {
				b = append(b, ',')
			}
			if unit != "" {
				b = append(append(b, '\n'), inner...)
			}
			b = append(jsonl.AppendJSONString(b, kv.Key.Text), ':')
			if unit != "" {
				b = append(b, ' ')
			}
			b = appendNode(b, kv.Value, inner, unit)
		}
		if unit != "" {
			b = append(append(b, '\n'), indent...)
		}
		return append(b, '}')
	}
	if len(n.Items) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	inner := indent + unit
	for i, it := range n.Items {
		if i > 0 {
			b = append(b, ',')
		}
		if unit != "" {
			b = append(append(b, '\n'), inner...)
		}
		b = appendNode(b, it, inner, unit)
	}
	if unit != "" {
		b = append(append(b, '\n'), indent...)
	}
	return append(b, ']')
}

// onOneLine reports whether the object or list n, read from the file, was on
// one line: every key and value in it that came from the file is on line
// (values the fix put in have no line, and do not count). An object or
// list with nothing from the file, or empty, is not.
func onOneLine(n *schema.Node, line int) bool {
	if line <= 0 {
		return false
	}
	some := false
	check := func(c *schema.Node) bool {
		switch {
		case c.Line == 0:
			return true // put in by the fix: goes wherever its container is
		case c.Line != line:
			return false
		}
		some = true
		return c.Kind == schema.ScalarNode || onOneLine(c, line)
	}
	for _, kv := range n.Pairs {
		if !check(kv.Key) || !check(kv.Value) {
			return false
		}
	}
	for _, it := range n.Items {
		if !check(it) {
			return false
		}
	}
	return some
}

// appendFlat writes n on one line, with a space after each comma and colon
// as people write one-line objects in indented files.
func appendFlat(b []byte, n *schema.Node) []byte {
	switch n.Kind {
	case schema.ScalarNode:
		return appendNode(b, n, "", "")
	case schema.MappingNode:
		b = append(b, '{')
		for i, kv := range n.Pairs {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(jsonl.AppendJSONString(b, kv.Key.Text), ": "...)
			b = appendFlat(b, kv.Value)
		}
		return append(b, '}')
	}
	b = append(b, '[')
	for i, it := range n.Items {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendFlat(b, it)
	}
	return append(b, ']')
}

// jsonl fixes a JSON Lines dataset line by line, in one pass: the header
// and the event lines that change are written again compact; every other
// line (blank ones included) is copied as it was, with its line ending.
func (p *plan) jsonl(r io.Reader, w io.Writer) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			if werr := p.jsonlLine(w, b, line); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// jsonlLine fixes one line of a JSON Lines file; line 1 is the header.
func (p *plan) jsonlLine(w io.Writer, b []byte, line int) error {
	body := bytes.TrimRight(b, "\r\n")
	end := b[len(body):]
	bom := line == 1 && bytes.HasPrefix(body, schema.UTF8BOM)
	if jsonl.IsBlankLine(body) {
		_, err := w.Write(b)
		return err
	}
	n, serr := schema.ParseJSONFrom(bytes.TrimPrefix(body, schema.UTF8BOM), line, "empty line")
	if serr != nil {
		return fmt.Errorf("line %d:%d: %s", serr.Line, serr.Col, serr.Msg)
	}
	if n.Kind != schema.MappingNode {
		return fmt.Errorf("line %d: not a JSON object", line)
	}
	m := &nodeMap{n: n}
	if line == 1 {
		p.dataset(m)
		if p.err != nil {
			return p.err // before the temporary file replaces anything
		}
	} else {
		p.event(m)
	}
	if !m.changed {
		_, err := w.Write(b)
		return err
	}
	var out []byte
	if bom {
		out = append(out, schema.UTF8BOM...)
	}
	out = append(appendNode(out, n, "", ""), end...)
	_, err := w.Write(out)
	return err
}

// nodeMap is a mapping of the positioned tree as a mapNode. changed says
// whether any edit was made through it or a list it returned.
type nodeMap struct {
	n       *schema.Node
	changed bool
	parent  *nodeMap // the map whose changed flag edits set too
}

func (m *nodeMap) mark() {
	for x := m; x != nil; x = x.parent {
		x.changed = true
	}
}

// value returns key's first value and its pair's index, or nil and -1.
func (m *nodeMap) value(key string) (*schema.Node, int) {
	for i, kv := range m.n.Pairs {
		if kv.Key.Text == key {
			return kv.Value, i
		}
	}
	return nil, -1
}

func (m *nodeMap) str(key string) (string, bool) {
	v, _ := m.value(key)
	if v == nil || v.Kind != schema.ScalarNode || v.Scalar == schema.NullScalar {
		return "", false
	}
	return v.Text, true
}

func (m *nodeMap) set(key string, v *schema.Node, order []string) {
	m.mark()
	if _, i := m.value(key); i >= 0 {
		m.n.Pairs[i].Value = v
		return
	}
	keys := make([]string, len(m.n.Pairs))
	for i, kv := range m.n.Pairs {
		keys[i] = kv.Key.Text
	}
	at := insertAt(keys, key, order)
	kv := schema.Pair{Key: &schema.Node{Scalar: schema.StrScalar, Text: key}, Value: v}
	m.n.Pairs = append(m.n.Pairs[:at], append([]schema.Pair{kv}, m.n.Pairs[at:]...)...)
}

func (m *nodeMap) setStr(key, value string, order []string) {
	if old, _ := m.value(key); old != nil && old.Kind == schema.ScalarNode && old.Scalar == schema.StrScalar && old.Text == value {
		return
	}
	m.set(key, &schema.Node{Scalar: schema.StrScalar, Text: value}, order)
}

func (m *nodeMap) setInt(key string, value int, order []string) {
	text := strconv.Itoa(value)
	if old, _ := m.value(key); old != nil && old.Kind == schema.ScalarNode && old.Scalar == schema.IntScalar && old.Text == text {
		return
	}
	m.set(key, &schema.Node{Scalar: schema.IntScalar, Text: text}, order)
}

func (m *nodeMap) list(key string) []mapNode {
	v, _ := m.value(key)
	if v == nil || v.Kind != schema.SequenceNode {
		return nil
	}
	out := make([]mapNode, len(v.Items))
	for i, it := range v.Items {
		if it.Kind == schema.MappingNode {
			out[i] = &nodeMap{n: it, parent: m}
		}
	}
	return out
}

func (m *nodeMap) replace(old, new, value string) {
	if _, i := m.value(old); i >= 0 {
		m.mark()
		m.n.Pairs[i] = schema.Pair{Key: &schema.Node{Scalar: schema.StrScalar, Text: new}, Value: &schema.Node{Scalar: schema.StrScalar, Text: value}}
	}
}
