package schema

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
	ScalarNode nodeKind = iota
	MappingNode
	SequenceNode
)

// nodeKind says whether a node is a scalar, a mapping or a sequence.
type nodeKind uint8

// The kinds of scalar. YAML and JSON both map onto these; which kinds a
// field accepts depends on the format (see decoder.anyText).
const (
	NullScalar  scalarKind = iota // YAML null/~/empty, JSON null
	StrScalar                     // a JSON string; a YAML scalar tagged !!str
	IntScalar                     // an integer written as one
	OtherScalar                   // booleans, floats, timestamps, custom tags
	// badScalar stands in for a value already reported as a problem (a YAML
	// alias, nesting too deep); the decoder skips it without more messages.
	badScalar
)

// scalarKind says what a scalar was written as.
type scalarKind uint8

// Node is one value of a YAML or JSON document with the position (1-based
// line and column in code points) where it was written. Both parsers build
// this tree so that one decoder and one path resolver serve both formats.
type Node struct {
	Kind      nodeKind
	Scalar    scalarKind // for scalars
	Line, Col int
	Text      string  // the scalar's text as written (unquoted, unescaped)
	Pairs     []Pair  // for mappings, in file order (duplicates kept)
	Items     []*Node // for sequences
}

// Pair is one key and value of a mapping.
type Pair struct {
	Key, Value *Node
}

func (n *Node) IsNull() bool { return n.Kind == ScalarNode && n.Scalar == NullScalar }

// Describe names what a node is, for "want X, got Y" messages.
func (n *Node) Describe() string {
	switch n.Kind {
	case MappingNode:
		return "a mapping"
	case SequenceNode:
		return "a list"
	}
	switch n.Scalar {
	case NullScalar:
		return "null"
	case StrScalar:
		return "a string"
	case IntScalar:
		return "an integer"
	}
	return strconv.Quote(n.Text)
}

// Get returns the value of the first pair whose key is name.
func (n *Node) Get(name string) *Node {
	for _, p := range n.Pairs {
		if p.Key.Kind == ScalarNode && p.Key.Text == name {
			return p.Value
		}
	}
	return nil
}

// Locator finds the positions of timeline.Paths in a tree. It indexes the
// keys of big mappings on first use, so that placing many diagnostics stays
// linear even in a file with thousands of (unknown) keys in one mapping.
type Locator struct {
	Root  *Node
	index map[*Node]map[string]*Node
}

// get returns the value of the first pair whose key is name.
func (lc *Locator) get(n *Node, name string) *Node {
	const small = 16 // a record of our schema has at most 12 fields
	if len(n.Pairs) <= small {
		return n.Get(name)
	}
	m, ok := lc.index[n]
	if !ok {
		m = make(map[string]*Node, len(n.Pairs))
		for _, p := range n.Pairs {
			if _, dup := m[p.Key.Text]; !dup && p.Key.Kind == ScalarNode {
				m[p.Key.Text] = p.Value
			}
		}
		if lc.index == nil {
			lc.index = map[*Node]map[string]*Node{}
		}
		lc.index[n] = m
	}
	return m[name]
}

// At is Locate written as "LINE:COL", for the uses a Diagnostic lists.
func (lc *Locator) At(p timeline.Path) string {
	line, col := lc.Locate(p)
	return strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// Locate returns the position of the field a timeline.Path names, such as
// "events[3].citations[0].quote". When the path leads somewhere the file does
// not have (a field left out, or "sources[0].text" of a source that uses
// text_file), it returns the position of the nearest enclosing value that
// exists, and 1:1 when not even the first step exists.
func (lc *Locator) Locate(p timeline.Path) (line, col int) {
	if lc.Root == nil || p == "" {
		return 1, 1
	}
	cur := lc.Root
	found := false
	rest := string(p)
	for rest != "" {
		var seg string
		seg, rest, _ = strings.Cut(rest, ".")
		name, idx, _ := strings.Cut(seg, "[")
		next := cur
		if name != "" {
			if next.Kind != MappingNode {
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
			if err != nil || next.Kind != SequenceNode || i < 0 || i >= len(next.Items) {
				ok = false
				break
			}
			next = next.Items[i]
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
	return cur.Line, cur.Col
}
