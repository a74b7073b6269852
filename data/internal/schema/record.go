package schema

import "strings"

// recordSpec lists the fields of one kind of record, in schema order.
type recordSpec struct {
	Names    []string
	required []bool
}

// maxFields bounds the fields of any record in the schema.
const maxFields = 12

// fields holds a record's values and keys by index into its recordSpec;
// nil where the file does not give the field.
type fields struct {
	Vals, keys [maxFields]*Node
}

func Spec(names ...string) recordSpec {
	s := recordSpec{}
	for _, n := range names {
		req := strings.HasSuffix(n, "!")
		s.Names = append(s.Names, strings.TrimSuffix(n, "!"))
		s.required = append(s.required, req)
	}
	return s
}

// The records of the schema; "!" marks a required field ("dateline" is
// required too, but checked by decoder.version with its own message). The decoders read
// values by index, so the order here is load-bearing.
var (
	datasetFields  = Spec("dateline", "title", "sources", "actors", "events")
	SourceFields   = Spec("id!", "title!", "publisher", "published", "url", "retrieved", "archive_url", "text", "text_file", "sha256")
	actorFields    = Spec("id!", "name!", "kind!", "aliases")
	eventFields    = Spec("id!", "date", "date_note", "title!", "summary", "status", "actors", "tags", "citations")
	actorRefFields = Spec("actor!", "role")
	CitationFields = Spec("source!", "quote!", "prefix", "suffix", "start", "end")
)

func (s *recordSpec) index(name string) int {
	for i, n := range s.Names {
		if n == name {
			return i
		}
	}
	return -1
}

// Record checks that n is a mapping with only the spec's fields, each at
// most once, and the required ones present and not null. It reports every
// problem and returns what it found; ok is false when n is not a mapping.
// Unknown fields and repeated keys are reported with no path: the first value
// of a field is the one used, so nothing the domain says about the field
// follows from them.
func (d *Decoder) Record(n *Node, r RecPath, what string, s *recordSpec) (f fields, ok bool) {
	if n.Kind == ScalarNode && n.Scalar == badScalar {
		return f, false
	}
	if n.Kind != MappingNode {
		d.Errorf(n, r.self(), "%s must be a mapping, got %s", what, n.Describe())
		return f, false
	}
	for _, kv := range n.Pairs {
		k := kv.Key
		if k.Kind != ScalarNode || k.Scalar == NullScalar {
			d.Errorf(k, NoPath, "want a field name, got %s", k.Describe())
			continue
		}
		if k.Scalar == badScalar {
			continue
		}
		i := s.index(k.Text)
		if i < 0 {
			d.Errorf(k, NoPath, "unknown field %s in %s%s", Clip(k.Text), what, s.suggest(k.Text))
			continue
		}
		if first := f.keys[i]; first != nil {
			d.Errorf(k, NoPath, "duplicate key %q (first at line %d, column %d)", k.Text, first.Line, first.Col)
			continue
		}
		f.keys[i], f.Vals[i] = k, kv.Value
	}
	for i, req := range s.required {
		v := f.Vals[i]
		switch {
		case !req:
		case v == nil:
			d.Errorf(n, r.At(s.Names[i]), "%s is missing required field %q", what, s.Names[i])
		case v.IsNull():
			d.Errorf(v, r.At(s.Names[i]), "required field %q is null", s.Names[i])
		}
	}
	return f, true
}

// suggest names the field a misspelt name was probably meant to be, or lists
// the fields when none is close.
func (s *recordSpec) suggest(name string) string {
	best, bestDist := "", 3
	if len(name) <= 32 { // the distance is quadratic; long names are no typo
		for _, n := range s.Names {
			// Two edits at most, and no more than half the name: "<<" is not a typo of "id".
			if d := editDistance(strings.ToLower(name), n); d < bestDist && 2*d <= len(name) {
				best, bestDist = n, d
			}
		}
	}
	if best != "" {
		return " (did you mean " + best + "?)"
	}
	return " (fields: " + strings.Join(s.Names, ", ") + ")"
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
