package data

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// json fixes a JSON dataset: the file's positioned tree, edited, written
// again with its keys in their order and the file's indentation (compact
// when the file is on one line); an object or list the file wrote on one
// line stays on one line, so that the diff shows only what changed.
func (p *fixPlan) json(b []byte) ([]byte, error) {
	bom := bytes.HasPrefix(b, utf8BOM)
	b = bytes.TrimPrefix(b, utf8BOM)
	root, serr := parseJSON(b)
	if serr != nil {
		return nil, fmt.Errorf("%d:%d: %s", serr.line, serr.col, serr.msg)
	}
	if root.kind != mappingNode {
		return nil, fmt.Errorf("not a JSON object")
	}
	p.dataset(&nodeMap{n: root})
	var out []byte
	if bom {
		out = append(out, utf8BOM...)
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
func appendNode(b []byte, n *node, indent, unit string) []byte {
	if unit != "" && n.kind != scalarNode && onOneLine(n, n.line) {
		return appendFlat(b, n)
	}
	switch n.kind {
	case scalarNode:
		if n.sk == strScalar {
			return appendJSONString(b, n.text)
		}
		return append(b, n.text...)
	case mappingNode:
		if len(n.pairs) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		inner := indent + unit
		for i, kv := range n.pairs {
			if i > 0 {
				b = append(b, ',')
			}
			if unit != "" {
				b = append(append(b, '\n'), inner...)
			}
			b = append(appendJSONString(b, kv.key.text), ':')
			if unit != "" {
				b = append(b, ' ')
			}
			b = appendNode(b, kv.value, inner, unit)
		}
		if unit != "" {
			b = append(append(b, '\n'), indent...)
		}
		return append(b, '}')
	}
	if len(n.items) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	inner := indent + unit
	for i, it := range n.items {
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
func onOneLine(n *node, line int) bool {
	if line <= 0 {
		return false
	}
	some := false
	check := func(c *node) bool {
		switch {
		case c.line == 0:
			return true // put in by the fix: goes wherever its container is
		case c.line != line:
			return false
		}
		some = true
		return c.kind == scalarNode || onOneLine(c, line)
	}
	for _, kv := range n.pairs {
		if !check(kv.key) || !check(kv.value) {
			return false
		}
	}
	for _, it := range n.items {
		if !check(it) {
			return false
		}
	}
	return some
}

// appendFlat writes n on one line, with a space after each comma and colon
// as people write one-line objects in indented files.
func appendFlat(b []byte, n *node) []byte {
	switch n.kind {
	case scalarNode:
		return appendNode(b, n, "", "")
	case mappingNode:
		b = append(b, '{')
		for i, kv := range n.pairs {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(appendJSONString(b, kv.key.text), ": "...)
			b = appendFlat(b, kv.value)
		}
		return append(b, '}')
	}
	b = append(b, '[')
	for i, it := range n.items {
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
func (p *fixPlan) jsonl(r io.Reader, w io.Writer) error {
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
func (p *fixPlan) jsonlLine(w io.Writer, b []byte, line int) error {
	body := bytes.TrimRight(b, "\r\n")
	end := b[len(body):]
	bom := line == 1 && bytes.HasPrefix(body, utf8BOM)
	if isBlankLine(body) {
		_, err := w.Write(b)
		return err
	}
	n, serr := parseJSONFrom(bytes.TrimPrefix(body, utf8BOM), line, "empty line")
	if serr != nil {
		return fmt.Errorf("line %d:%d: %s", serr.line, serr.col, serr.msg)
	}
	if n.kind != mappingNode {
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
		out = append(out, utf8BOM...)
	}
	out = append(appendNode(out, n, "", ""), end...)
	_, err := w.Write(out)
	return err
}

// nodeMap is a mapping of the positioned tree as a fixMap. changed says
// whether any edit was made through it or a list it returned.
type nodeMap struct {
	n       *node
	changed bool
	parent  *nodeMap // the map whose changed flag edits set too
}

func (m *nodeMap) mark() {
	for x := m; x != nil; x = x.parent {
		x.changed = true
	}
}

// value returns key's first value and its pair's index, or nil and -1.
func (m *nodeMap) value(key string) (*node, int) {
	for i, kv := range m.n.pairs {
		if kv.key.text == key {
			return kv.value, i
		}
	}
	return nil, -1
}

func (m *nodeMap) str(key string) (string, bool) {
	v, _ := m.value(key)
	if v == nil || v.kind != scalarNode || v.sk == nullScalar {
		return "", false
	}
	return v.text, true
}

func (m *nodeMap) set(key string, v *node, order []string) {
	m.mark()
	if _, i := m.value(key); i >= 0 {
		m.n.pairs[i].value = v
		return
	}
	keys := make([]string, len(m.n.pairs))
	for i, kv := range m.n.pairs {
		keys[i] = kv.key.text
	}
	at := insertAt(keys, key, order)
	kv := pair{key: &node{sk: strScalar, text: key}, value: v}
	m.n.pairs = append(m.n.pairs[:at], append([]pair{kv}, m.n.pairs[at:]...)...)
}

func (m *nodeMap) setStr(key, value string, order []string) {
	if old, _ := m.value(key); old != nil && old.kind == scalarNode && old.sk == strScalar && old.text == value {
		return
	}
	m.set(key, &node{sk: strScalar, text: value}, order)
}

func (m *nodeMap) setInt(key string, value int, order []string) {
	text := strconv.Itoa(value)
	if old, _ := m.value(key); old != nil && old.kind == scalarNode && old.sk == intScalar && old.text == text {
		return
	}
	m.set(key, &node{sk: intScalar, text: text}, order)
}

func (m *nodeMap) list(key string) []fixMap {
	v, _ := m.value(key)
	if v == nil || v.kind != sequenceNode {
		return nil
	}
	out := make([]fixMap, len(v.items))
	for i, it := range v.items {
		if it.kind == mappingNode {
			out[i] = &nodeMap{n: it, parent: m}
		}
	}
	return out
}

func (m *nodeMap) replace(old, new, value string) {
	if _, i := m.value(old); i >= 0 {
		m.mark()
		m.n.pairs[i] = pair{key: &node{sk: strScalar, text: new}, value: &node{sk: strScalar, text: value}}
	}
}
