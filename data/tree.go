package data

import (
	"strconv"
	"strings"

	"dateline/timeline"
)

// maxDepth caps how deeply mappings and sequences may nest. Our schema nests
// five levels (dataset, events, event, citations, citation); the cap leaves
// room for mistakes while keeping every walk over the tree shallow, so a
// hostile file cannot exhaust the stack.
const maxDepth = 100

// The kinds of tree node.
const (
	scalarNode nodeKind = iota
	mappingNode
	sequenceNode
)

// nodeKind says whether a node is a scalar, a mapping or a sequence.
type nodeKind uint8

// The kinds of scalar. YAML and JSON both map onto these; which kinds a
// field accepts depends on the format (see decoder.anyText).
const (
	nullScalar  scalarKind = iota // YAML null/~/empty, JSON null
	strScalar                     // a JSON string; a YAML scalar tagged !!str
	intScalar                     // an integer written as one
	otherScalar                   // booleans, floats, timestamps, custom tags
	// badScalar stands in for a value already reported as a problem (a YAML
	// alias, nesting too deep); the decoder skips it without more messages.
	badScalar
)

// scalarKind says what a scalar was written as.
type scalarKind uint8

// node is one value of a YAML or JSON document with the position (1-based
// line and column in code points) where it was written. Both parsers build
// this tree so that one decoder and one path resolver serve both formats.
type node struct {
	kind      nodeKind
	sk        scalarKind // for scalars
	line, col int
	text      string  // the scalar's text as written (unquoted, unescaped)
	pairs     []pair  // for mappings, in file order (duplicates kept)
	items     []*node // for sequences
}

// pair is one key and value of a mapping.
type pair struct {
	key, value *node
}

func (n *node) isNull() bool { return n.kind == scalarNode && n.sk == nullScalar }

// describe names what a node is, for "want X, got Y" messages.
func (n *node) describe() string {
	switch n.kind {
	case mappingNode:
		return "a mapping"
	case sequenceNode:
		return "a list"
	}
	switch n.sk {
	case nullScalar:
		return "null"
	case strScalar:
		return "a string"
	case intScalar:
		return "an integer"
	}
	return strconv.Quote(n.text)
}

// get returns the value of the first pair whose key is name.
func (n *node) get(name string) *node {
	for _, p := range n.pairs {
		if p.key.kind == scalarNode && p.key.text == name {
			return p.value
		}
	}
	return nil
}

// locator finds the positions of timeline.Paths in a tree. It indexes the
// keys of big mappings on first use, so that placing many diagnostics stays
// linear even in a file with thousands of (unknown) keys in one mapping.
type locator struct {
	root  *node
	index map[*node]map[string]*node
}

// get returns the value of the first pair whose key is name.
func (lc *locator) get(n *node, name string) *node {
	const small = 16 // a record of our schema has at most 12 fields
	if len(n.pairs) <= small {
		return n.get(name)
	}
	m, ok := lc.index[n]
	if !ok {
		m = make(map[string]*node, len(n.pairs))
		for _, p := range n.pairs {
			if _, dup := m[p.key.text]; !dup && p.key.kind == scalarNode {
				m[p.key.text] = p.value
			}
		}
		if lc.index == nil {
			lc.index = map[*node]map[string]*node{}
		}
		lc.index[n] = m
	}
	return m[name]
}

// locate returns the position of the field a timeline.Path names, such as
// "events[3].citations[0].quote". When the path leads somewhere the file does
// not have (a field left out, or "sources[0].text" of a source that uses
// text_file), it returns the position of the nearest enclosing value that
// exists, and 1:1 when not even the first step exists.
func (lc *locator) locate(p timeline.Path) (line, col int) {
	if lc.root == nil || p == "" {
		return 1, 1
	}
	cur := lc.root
	found := false
	rest := string(p)
	for rest != "" {
		var seg string
		seg, rest, _ = strings.Cut(rest, ".")
		name, idx, _ := strings.Cut(seg, "[")
		next := cur
		if name != "" {
			if next.kind != mappingNode {
				break
			}
			v := lc.get(next, name)
			if v == nil && name == "text" {
				v = lc.get(next, "text_file") // the text came from a file: point at its name
			}
			if v == nil {
				break
			}
			next = v
		}
		ok := true
		for idx != "" && ok {
			var num string
			num, idx, _ = strings.Cut(idx, "]")
			idx = strings.TrimPrefix(idx, "[")
			i, err := strconv.Atoi(num)
			if err != nil || next.kind != sequenceNode || i < 0 || i >= len(next.items) {
				ok = false
				break
			}
			next = next.items[i]
		}
		if !ok {
			if next != cur { // the list exists but not the item: point at the list
				cur, found = next, true
			}
			break
		}
		cur, found = next, true
	}
	if !found {
		return 1, 1
	}
	return cur.line, cur.col
}
