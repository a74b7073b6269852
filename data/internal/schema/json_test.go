package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// plain converts our tree to what encoding/json decodes (with UseNumber), so
// the two parsers can be compared. Duplicate keys keep the last value, as
// encoding/json does.
func plain(n *Node) any {
	switch n.Kind {
	case MappingNode:
		m := map[string]any{}
		for _, p := range n.Pairs {
			m[p.Key.Text] = plain(p.Value)
		}
		return m
	case SequenceNode:
		s := []any{}
		for _, it := range n.Items {
			s = append(s, plain(it))
		}
		return s
	}
	switch {
	case n.Scalar == NullScalar:
		return nil
	case n.Scalar == StrScalar:
		return n.Text
	case n.Text == "true" || n.Text == "false":
		return n.Text == "true"
	}
	return json.Number(n.Text)
}

func decodeStd(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

func TestParseJSONValues(t *testing.T) {
	inputs := []string{
		`{}`, `[]`, `{"a": [1, -2, 3.5, -0.25e+3, 1E9, 0], "b": {"c": null, "d": true, "e": false}}`,
		`{"s": "\"\\\/\b\f\n\r\t \u00e9 \ud83d\ude00 \u20ac"}`,
		`{"lone": "\ud800 and \udc00x and \ud800\u0041"}`,
		`{"utf8": "café ☕ 한국어"}`, " \r\n\t{ \"a\" : [ ] } \n",
		`{"a": 1, "a": 2}`, `{"": ""}`,
	}
	for _, in := range inputs {
		n, err := ParseJSON([]byte(in))
		if err != nil {
			t.Errorf("parseJSON(%q): %d:%d: %s", in, err.Line, err.Col, err.Msg)
			continue
		}
		want, werr := decodeStd([]byte(in))
		if werr != nil {
			t.Fatalf("encoding/json rejects %q: %v", in, werr)
		}
		if got := plain(n); !reflect.DeepEqual(got, want) {
			t.Errorf("parseJSON(%q) = %#v, want %#v", in, got, want)
		}
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		in        string
		line, col int
		msg       string
	}{
		{`{"a": 1,}`, 1, 9, `unexpected '}', want a string key`},
		{`{"a" 1}`, 1, 6, `unexpected '1' after key "a", want ':'`},
		{`{"a": [1 2]}`, 1, 10, `unexpected '2' in list, want ',' or ']'`},
		{`{"a": tru}`, 1, 7, `unexpected 't', want a value`},
		{`{"a": truex}`, 1, 11, `unexpected 'x' after a value`},
		{`{"a": 01}`, 1, 8, `unexpected '1' after a value`},
		{`{"a": 1.}`, 1, 9, `unexpected '}' in a number, want a digit`},
		{`{"a": -}`, 1, 8, `unexpected '}' in a number`},
		{`{"a": 1e}`, 1, 9, `unexpected '}' in a number, want a digit`},
		{`{"a": "\x"}`, 1, 8, `invalid escape '\x' in a string`},
		{`{"a": "\u12"}`, 1, 8, `invalid \u escape`},
		{"{\"a\": \"tab\there\"}", 1, 11, `control character 0x09 in a string`},
		{"{\n  \"a\": 'x'\n}", 2, 8, `unexpected '\'', want a value`},
		{"{\"é\": 1, \"ü\": ?}", 1, 15, `unexpected '?', want a value`},
		{`{"a": 1} x`, 1, 10, `unexpected 'x' after the top-level value`},
		{`{"a": [`, 1, 8, `unexpected end of file, want a value`},
		{`{"a"`, 1, 5, `unexpected end of file after key "a", want ':'`},
		{"{\"a\": \"\xff\"}", 1, 8, `invalid UTF-8 in a string (byte 0xff)`},
	}
	for _, tt := range tests {
		_, err := ParseJSON([]byte(tt.in))
		if err == nil {
			t.Errorf("parseJSON(%q) succeeded, want an error", tt.in)
			continue
		}
		if err.Line != tt.line || err.Col != tt.col || !bytes.Contains([]byte(err.Msg), []byte(tt.msg)) {
			t.Errorf("parseJSON(%q) = %d:%d: %s\nwant %d:%d: …%s…", tt.in, err.Line, err.Col, err.Msg, tt.line, tt.col, tt.msg)
		}
		if _, stdErr := decodeStd([]byte(tt.in)); stdErr == nil && tt.msg != "invalid UTF-8 in a string (byte 0xff)" && tt.msg != `unexpected 'x' after the top-level value` {
			t.Errorf("encoding/json accepts %q", tt.in)
		}
	}
}

func TestParseJSONPositions(t *testing.T) {
	in := "{\n  \"a\": [1,\n    {\"b\": \"한국\", \"c\": null}],\r\n\t\"d\": \"x\"\n}"
	n, err := ParseJSON([]byte(in))
	if err != nil {
		t.Fatal(err.Msg)
	}
	a := n.Pairs[0]
	obj := a.Value.Items[1]
	checks := []struct {
		name      string
		n         *Node
		line, col int
	}{
		{"root", n, 1, 1}, {"key a", a.Key, 2, 3}, {"list", a.Value, 2, 8}, {"1", a.Value.Items[0], 2, 9},
		{"object", obj, 3, 5}, {"key b", obj.Pairs[0].Key, 3, 6}, {"한국", obj.Pairs[0].Value, 3, 11},
		{"key c after wide text", obj.Pairs[1].Key, 3, 17}, {"null", obj.Pairs[1].Value, 3, 22},
		{"key d after CRLF and tab", n.Pairs[1].Key, 4, 2}, {"x", n.Pairs[1].Value, 4, 7},
	}
	for _, c := range checks {
		if c.n.Line != c.line || c.n.Col != c.col {
			t.Errorf("%s at %d:%d, want %d:%d", c.name, c.n.Line, c.n.Col, c.line, c.col)
		}
	}
}

// FuzzParseJSON compares our scanner with encoding/json: both accept or both
// reject every input (within our nesting cap and on valid UTF-8, where
// encoding/json is laxer), and accepted inputs decode to the same values.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5e3, "x\u00e9"], "b": {"c": null}}`, `{"a": 1,}`, `{"a": "\ud83d\ude00"}`, `[1]`, `"s"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := ParseJSON(b)
		if err != nil && (err.Line < 1 || err.Col < 1) {
			t.Fatalf("error without a position: %+v", err)
		}
		if !utf8.Valid(b) || (err != nil && bytes.Contains([]byte(err.Msg), []byte("nesting too deep"))) {
			return
		}
		want, stdErr := decodeStd(b)
		if stdErr == nil && bytes.TrimSpace(b) != nil {
			// encoding/json's Decoder stops after one value; Valid checks the rest.
			if !json.Valid(b) {
				stdErr = errTrailing
			}
		}
		switch {
		case err == nil && stdErr != nil:
			t.Fatalf("we accept %q, encoding/json says %v", b, stdErr)
		case err != nil && stdErr == nil:
			t.Fatalf("we reject %q (%d:%d: %s), encoding/json accepts it", b, err.Line, err.Col, err.Msg)
		case err == nil && !reflect.DeepEqual(plain(n), want):
			t.Fatalf("%q decodes to %#v, encoding/json to %#v", b, plain(n), want)
		}
	})
}

var errTrailing = &json.SyntaxError{}
