package fix

import (
	"bytes"
	"dateline/data/internal/schema"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// yaml fixes a YAML dataset by editing yaml.v3's node tree of the file.
// The edits are applied to the file's own bytes when they can be (see
// spliceYAML), which keeps it as it was but for them; otherwise the tree is
// encoded again, which keeps comments, key order, styles and text_file
// references, but not blank lines or the wrapping of folded text.
func (p *plan) yaml(b []byte) ([]byte, error) {
	var doc yaml.Node
	if err := schema.DecodeYAML(yaml.NewDecoder(bytes.NewReader(b)), &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("not a YAML mapping")
	}
	edits := &yamlEdits{}
	p.dataset(yamlMap{doc.Content[0], edits})
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(yamlIndent(b))
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	encoded := literalAstral(buf.Bytes())
	if spliced, ok := spliceYAML(b, edits, encoded); ok {
		return spliced, nil
	}
	return encoded, nil
}

// yamlIndent guesses the file's indentation step: the smallest indentation
// of a line that has content, 2 when there is none.
func yamlIndent(b []byte) int {
	step := 0
	for line := range bytes.SplitSeq(b, []byte("\n")) {
		t := bytes.TrimLeft(line, " ")
		n := len(line) - len(t)
		if n > 0 && len(bytes.TrimSpace(t)) > 0 && t[0] != '#' && (step == 0 || n < step) {
			step = n
		}
	}
	if step < 2 || step > 8 {
		return 2
	}
	return step
}

// yamlMap is a yaml.v3 mapping node as a mapNode. Its edits are recorded
// in edits too, for spliceYAML.
type yamlMap struct {
	n     *yaml.Node
	edits *yamlEdits
}

// value returns key's value node and the index of its key, or nil and -1.
// The first occurrence counts, as it does for the loader.
func (m yamlMap) value(key string) (*yaml.Node, int) {
	for i := 0; i+1 < len(m.n.Content); i += 2 {
		if k := m.n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return m.n.Content[i+1], i
		}
	}
	return nil, -1
}

func (m yamlMap) str(key string) (string, bool) {
	v, _ := m.value(key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return "", false
	}
	return v.Value, true
}

func (m yamlMap) keys() []string {
	var keys []string
	for i := 0; i+1 < len(m.n.Content); i += 2 {
		keys = append(keys, m.n.Content[i].Value)
	}
	return keys
}

// set puts v as key's value, inserting key in schema order when absent.
func (m yamlMap) set(key string, v *yaml.Node, order []string) {
	if old, i := m.value(key); old != nil {
		// Keep the comments that were on the old value.
		v.HeadComment, v.LineComment, v.FootComment = old.HeadComment, old.LineComment, old.FootComment
		m.n.Content[i+1] = v
		m.edits.replace(old, v)
		return
	}
	at := insertAt(m.keys(), key, order)
	m.edits.insert(m.n, at, key, v)
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	m.n.Content = slices.Insert(m.n.Content, 2*at, k, v)
}

func (m yamlMap) setStr(key, value string, order []string) {
	old, _ := m.value(key)
	if old != nil && old.Kind == yaml.ScalarNode && old.Value == value {
		return
	}
	v := schema.Str(value)
	if old != nil && old.Kind == yaml.ScalarNode && keepsStyle(old.Style, value) {
		v.Style = old.Style
	}
	m.set(key, v, order)
}

// keepsStyle reports whether a string scalar written in style would read
// back as value: block styles need blockSafe text, plain and single-quoted
// ones a single line (yaml.v3 quotes a plain value that needs it).
func keepsStyle(style yaml.Style, value string) bool {
	switch {
	case style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return schema.BlockSafe(value)
	case style&yaml.DoubleQuotedStyle != 0:
		return true
	}
	return !strings.ContainsAny(value, "\n\r")
}

func (m yamlMap) setInt(key string, value int, order []string) {
	if old, _ := m.value(key); old != nil && old.Kind == yaml.ScalarNode && old.Value == strconv.Itoa(value) {
		return
	}
	m.set(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(value)}, order)
}

func (m yamlMap) list(key string) []mapNode {
	v, _ := m.value(key)
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]mapNode, len(v.Content))
	for i, it := range v.Content {
		if it.Kind == yaml.MappingNode {
			out[i] = yamlMap{it, m.edits}
		}
	}
	return out
}

func (m yamlMap) replace(old, new, value string) {
	if _, i := m.value(old); i >= 0 {
		if m.edits != nil {
			m.edits.fail = true // a key and a block of text: re-encode
		}
		m.n.Content[i].Value = new
		v := schema.Str(value)
		c := m.n.Content[i+1]
		v.HeadComment, v.LineComment, v.FootComment = c.HeadComment, c.LineComment, c.FootComment
		m.n.Content[i+1] = v
	}
}
