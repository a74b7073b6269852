package schema

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"dateline/timeline"
)

// MarshalYAML writes ds in dateline's YAML schema, fields in schema order and
// empty optional fields left out. Source texts are written inline (the
// Dataset does not remember text_file), multi-line ones as literal blocks.
// Loading the result gives a Dataset equal to ds.
func MarshalYAML(ds *timeline.Dataset) ([]byte, error) { return MarshalYAMLFiles(ds, nil) }

// MarshalYAMLFiles is MarshalYAML with the sources named in textFiles (by
// id) written as text_file: that path instead of their text inline.
func MarshalYAMLFiles(ds *timeline.Dataset, textFiles map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(datasetNode(ds, textFiles)); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// MarshalJSON writes ds in dateline's JSON schema, the same fields as
// MarshalYAML, indented by two spaces and ending in a newline.
func MarshalJSON(ds *timeline.Dataset) ([]byte, error) { return MarshalJSONFiles(ds, nil) }

// MarshalJSONFiles is MarshalJSON with text_file sources, as MarshalYAMLFiles.
func MarshalJSONFiles(ds *timeline.Dataset, textFiles map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, datasetNode(ds, textFiles), ""); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// out builds the yaml.Node tree both marshallers write.
type out struct{ n *yaml.Node }

func mapping() out { return out{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}} }

func Str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case BlockSafe(s):
		n.Style = yaml.LiteralStyle
	case strings.ContainsAny(s, "\n\r"):
		// yaml.v3 would pick a block itself and lose a leading newline.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// BlockSafe reports whether s can be written as a literal block (|) and read
// back unchanged: several lines, no carriage returns or other control
// characters, and no leading blank or space, which yaml.v3 does not keep.
// Other strings are left to yaml.v3, which quotes them as needed.
func BlockSafe(s string) bool {
	if !strings.Contains(s, "\n") || strings.HasPrefix(s, "\n") || strings.HasPrefix(s, " ") {
		return false
	}
	for _, r := range s {
		if r != '\n' && (r < ' ' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff) {
			return false
		}
	}
	return true
}

// set adds key: v.
func (o out) set(key string, v *yaml.Node) {
	o.n.Content = append(o.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// opt adds key: s unless s is empty.
func (o out) opt(key, s string) {
	if s != "" {
		o.set(key, Str(s))
	}
}

// date adds key: d unless d is zero. Dates are written plain (2024-02-20,
// not "2024-02-20"), as people write them; the loader reads any scalar as text.
func (o out) date(key string, d timeline.Date) {
	if !d.IsZero() {
		n := Str(d.String())
		n.Tag = ""
		o.set(key, n)
	}
}

func (o out) integer(key string, v int) {
	o.set(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)})
}

func (o out) words(key string, ss []string) {
	if len(ss) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range ss {
		seq.Content = append(seq.Content, Str(s))
	}
	o.set(key, seq)
}

func (o out) list(key string, items []*yaml.Node) {
	if len(items) > 0 {
		o.set(key, &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items})
	}
}

func datasetNode(ds *timeline.Dataset, textFiles map[string]string) *yaml.Node {
	root := mapping()
	root.integer("dateline", 1)
	root.opt("title", ds.Title)
	var items []*yaml.Node
	for i := range ds.Sources {
		s := &ds.Sources[i]
		o := mapping()
		o.set("id", Str(s.ID))
		o.set("title", Str(s.Title))
		o.opt("publisher", s.Publisher)
		o.date("published", s.Published)
		o.opt("url", s.URL)
		o.date("retrieved", s.Retrieved)
		o.opt("archive_url", s.ArchiveURL)
		if f := textFiles[s.ID]; f != "" {
			o.set("text_file", Str(f))
		} else {
			o.set("text", Str(s.Text))
		}
		o.opt("sha256", s.SHA256)
		items = append(items, o.n)
	}
	root.list("sources", items)
	items = nil
	for i := range ds.Actors {
		a := &ds.Actors[i]
		o := mapping()
		o.set("id", Str(a.ID))
		o.set("name", Str(a.Name))
		o.set("kind", Str(a.Kind.String()))
		o.words("aliases", a.Aliases)
		items = append(items, o.n)
	}
	root.list("actors", items)
	items = nil
	for i := range ds.Events {
		items = append(items, eventNode(&ds.Events[i]))
	}
	root.list("events", items)
	return root.n
}

func eventNode(e *timeline.Event) *yaml.Node {
	o := mapping()
	o.set("id", Str(e.ID))
	o.date("date", e.Date)
	o.opt("date_note", e.DateNote)
	o.set("title", Str(e.Title))
	o.opt("summary", e.Summary)
	if e.Status != timeline.StatusOccurred {
		o.set("status", Str(e.Status.String()))
	}
	var refs []*yaml.Node
	for _, r := range e.Actors {
		if r.Role == "" {
			refs = append(refs, Str(r.Actor))
			continue
		}
		m := mapping()
		m.n.Style = yaml.FlowStyle
		m.set("actor", Str(r.Actor))
		m.set("role", Str(r.Role))
		refs = append(refs, m.n)
	}
	o.list("actors", refs)
	o.words("tags", e.Tags)
	var cites []*yaml.Node
	for i := range e.Citations {
		cites = append(cites, citationNode(&e.Citations[i]).n)
	}
	o.list("citations", cites)
	return o.n
}

func citationNode(c *timeline.Citation) out {
	m := mapping()
	m.set("source", Str(c.Source))
	m.set("quote", Str(c.Quote))
	m.context("prefix", c.Prefix)
	m.context("suffix", c.Suffix)
	if c.Start >= 0 {
		m.integer("start", c.Start)
	}
	if c.End >= 0 {
		m.integer("end", c.End)
	}
	return m
}

// context adds key: s unless s is empty, a prefix or suffix: never as a
// block, which would hide where a context that ends in a line break ends.
func (o out) context(key, s string) {
	if s == "" {
		return
	}
	n := Str(s)
	if n.Style == yaml.LiteralStyle {
		n.Style = yaml.DoubleQuotedStyle
	}
	o.set(key, n)
}

// MarshalCitation writes c as a one-item YAML list, to paste under an
// event's "citations:", with head as a comment above it and sourceNote as
// a comment after its source (neither when empty). Its fields are those
// MarshalYAML writes for a citation.
func MarshalCitation(c timeline.Citation, head, sourceNote string) ([]byte, error) {
	m := citationNode(&c)
	m.n.HeadComment = head
	m.n.Content[1].LineComment = sourceNote
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{m.n}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeJSON writes the tree as indented JSON: !!int scalars as numbers,
// every other scalar as a string.
func writeJSON(buf *bytes.Buffer, n *yaml.Node, indent string) error {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		open, close, step := byte('{'), byte('}'), 2
		if n.Kind == yaml.SequenceNode {
			open, close, step = '[', ']', 1
		}
		buf.WriteByte(open)
		inner := indent + "  "
		for i := 0; i < len(n.Content); i += step {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString("\n" + inner)
			if step == 2 {
				if err := writeJSON(buf, n.Content[i], inner); err != nil {
					return err
				}
				buf.WriteString(": ")
			}
			if err := writeJSON(buf, n.Content[i+step-1], inner); err != nil {
				return err
			}
		}
		if len(n.Content) > 0 {
			buf.WriteString("\n" + indent)
		}
		buf.WriteByte(close)
	default:
		if n.Tag == "!!int" {
			buf.WriteString(n.Value)
			return nil
		}
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false) // keep <, > and & readable in quotes
		if err := enc.Encode(n.Value); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode ends with a newline
	}
	return nil
}
