package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"

	"dateline/timeline"
)

// ParseYAML reads the first YAML document of b into the positioned tree.
// A syntax error stops it (err is set, n is nil). Other problems (aliases,
// nesting too deep, a second document) are returned in probs and parsing goes
// on so that the rest of the file can be checked.
//
// yaml.v3 holds the whole document as *yaml.Node before we convert it, so
// this is where the memory bound stated in load.go is spent. yaml.v3 bounds
// nesting at 10,000 levels itself; we refuse more than maxDepth.
func ParseYAML(b []byte) (n *Node, probs []Problem, err *SyntaxError) {
	if e := scanYAMLText(b); e != nil {
		return nil, nil, e
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if e := DecodeYAML(dec, &doc); e != nil {
		if errors.Is(e, io.EOF) {
			return nil, nil, &SyntaxError{Line: 1, Col: 1, Msg: "empty file: no dataset (the file is empty or has only comments)"}
		}
		return nil, nil, yamlSyntaxError(e, b)
	}
	c := &yamlConverter{}
	n = c.convert(&doc, 0)
	var next yaml.Node
	switch e := DecodeYAML(dec, &next); {
	case e == nil:
		c.problem(next.Line, next.Column, "a second YAML document starts here; a dataset file holds one")
	case !errors.Is(e, io.EOF):
		return nil, nil, yamlSyntaxError(e, b)
	}
	return n, c.probs, nil
}

// DecodeYAML reads the next document. yaml.v3 turns its own failures into
// errors; anything else it panics with is a bug in it, which must not take
// dateline down, so it becomes an error too.
func DecodeYAML(dec *yaml.Decoder, doc *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the YAML parser failed: %v", r)
		}
	}()
	return dec.Decode(doc)
}

// yamlLine matches yaml.v3's error text: "yaml: line N: message".
var yamlLine = regexp.MustCompile(`(?s)^yaml: (?:line (\d+): )?(.*)$`)

// yamlSyntaxError places a yaml.v3 error. yaml.v3 gives a line but no column,
// and often the line of the construct it was in rather than of the fault:
// faultLine finds the fault's line and column when it can; otherwise the
// column is 1, and without a line the error is put on the last line, which
// is where a truncated document is noticed. Characters yaml.v3 cannot read
// never get here: scanYAMLText places them first.
func yamlSyntaxError(e error, b []byte) *SyntaxError {
	last := lastLine(b)
	line, msg := last, e.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		if n, err := strconv.Atoi(m[1]); err == nil && n >= 1 {
			line = min(n, last)
		}
	}
	col := 1
	if l, c, note, ok := faultLine(b, msg, line); ok {
		line, col, msg = l, c, msg+note
	}
	return &SyntaxError{Line: line, Col: col, Msg: "YAML syntax error: " + msg}
}

// lastLine returns the number of the last line of b that has content.
func lastLine(b []byte) int {
	b = bytes.TrimRight(b, "\r\n")
	return bytes.Count(b, []byte{'\n'}) + 1
}

// yamlConverter turns yaml.v3's node tree into ours.
type yamlConverter struct {
	probs []Problem
}

func (c *yamlConverter) problem(line, col int, format string, args ...any) {
	c.probs = append(c.probs, Problem{Line: line, Col: col, Severity: timeline.SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (c *yamlConverter) convert(y *yaml.Node, depth int) *Node {
	n := &Node{Line: y.Line, Col: y.Column}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return n // null
		}
		return c.convert(y.Content[0], depth)
	case yaml.AliasNode:
		// The node API does not expand aliases; we refuse them rather than
		// expand them, so that no file can make us build more than it holds
		// (a "billion laughs" alias bomb) and every value has one position.
		c.problem(y.Line, y.Column, "YAML alias *%s is not supported: write the value out", y.Value)
		n.Scalar = badScalar
		return n
	}
	if depth >= maxDepth && y.Kind != yaml.ScalarNode {
		c.problem(y.Line, y.Column, "nesting too deep (more than %d levels)", maxDepth)
		n.Scalar = badScalar
		return n
	}
	switch y.Kind {
	case yaml.MappingNode:
		n.Kind = MappingNode
		n.Pairs = make([]Pair, 0, len(y.Content)/2)
		for i := 0; i+1 < len(y.Content); i += 2 {
			n.Pairs = append(n.Pairs, Pair{c.convert(y.Content[i], depth+1), c.convert(y.Content[i+1], depth+1)})
		}
	case yaml.SequenceNode:
		n.Kind = SequenceNode
		n.Items = make([]*Node, len(y.Content))
		for i, v := range y.Content {
			n.Items[i] = c.convert(v, depth+1)
		}
	default:
		n.Text = y.Value
		switch y.ShortTag() {
		case "!!null":
			n.Scalar = NullScalar
		case "!!str":
			n.Scalar = StrScalar
		case "!!int":
			n.Scalar = IntScalar
		default:
			n.Scalar = OtherScalar
		}
	}
	return n
}
