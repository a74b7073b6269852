package fix

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestLiteralAstral: only \U escapes inside double-quoted scalars become
// characters; the same text anywhere else, an escaped backslash before a
// U, and characters that are not printable stay as they were.
func TestLiteralAstral(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"emoji", `quote: "a \U0001F44D b"` + "\n", "quote: \"a 👍 b\"\n"},
		{"skin tone and CJK", `q: "\U0001F44D\U0001F3FD \U00020BB7"` + "\n", "q: \"👍🏽 𠮷\"\n"},
		{"escaped backslash", `q: "a \\U0001F44D"` + "\n", `q: "a \\U0001F44D"` + "\n"},
		{"plain, single-quoted and comment",
			"p: see \\U0001F44D\ns: '\\U0001F44D'\n# \\U0001F44D\nq: \"\\U0001F44D\"\n",
			"p: see \\U0001F44D\ns: '\\U0001F44D'\n# \\U0001F44D\nq: \"👍\"\n"},
		{"over lines", "q: \"first \\U0001F600 and\n  then \\U0001F44D\"\n", "q: \"first 😀 and\n  then 👍\"\n"},
		{"other escapes kept", `q: "tab\t\u00e9 \U000E0001 \U0001F44D"` + "\n", `q: "tab\t\u00e9 \U000E0001 👍"` + "\n"},
		{"in a list and a flow map", "l:\n  - \"\\U0001F44D\"\n  - {k: \"\\U0001F600\"}\n", "l:\n  - \"👍\"\n  - {k: \"😀\"}\n"},
		{"not YAML", "q: \"\\U0001F44D\n  [", "q: \"\\U0001F44D\n  ["},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := string(literalAstral([]byte(c.in)))
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			var a, b any
			if yaml.Unmarshal([]byte(c.in), &a) == nil && (yaml.Unmarshal([]byte(got), &b) != nil || !equalAny(a, b)) {
				t.Errorf("reads back differently: %v, then %v", a, b)
			}
		})
	}
}

// TestYAMLEscapesAstral pins the encoder habit literalAstral exists for:
// if yaml.v3 ever writes 👍 as itself, literalAstral can go.
func TestYAMLEscapesAstral(t *testing.T) {
	out, err := yaml.Marshal(map[string]string{"q": "a 👍 b"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(`\U0001F44D`)) {
		t.Errorf("yaml.v3 now writes %q: literalAstral is no longer needed", out)
	}
	if got := literalAstral(out); string(got) != "q: \"a 👍 b\"\n" {
		t.Errorf("literalAstral(%q) = %q", out, got)
	}
}

// TestFixYAMLEmoji: validate --fix writes emoji as themselves, both when
// it splices a re-anchored quote into the file and when it encodes the
// whole file again.
func TestFixYAMLEmoji(t *testing.T) {
	const text = "Il a dit 👍 oui hier."
	for _, c := range []struct{ name, quote string }{
		{"spliced", "quote: \"a dit\"\n        suffix: \" 👍\"\n"},
		{"re-encoded", "quote: >-\n          a dit\n        suffix: \" 👍\"\n"}, // a block scalar cannot be spliced
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "dateline: 1\nsources:\n  - id: s\n    title: S 🚗\n    text: \"" + text + "\"\n" +
				"events:\n  - id: e\n    title: E\n    citations:\n      - source: s\n        " + c.quote
			out := fixReanchored(t, src, 5, 14) // on "dit 👍 oui"
			b, _ := os.ReadFile(out)
			if bytes.Contains(b, []byte(`\U`)) || !strings.Contains(string(b), "dit 👍 oui") || !strings.Contains(string(b), text) {
				t.Errorf("emoji escaped or lost:\n%s", b)
			}
			got := loadFile(out)
			if got.Timeline == nil || len(got.Problems) != 0 {
				t.Fatalf("%v", got.Problems)
			}
			if q := got.Timeline.Event(0).Citations[0].Quote; q != "dit 👍 oui" {
				t.Errorf("quote %q", q)
			}
		})
	}
}

// equalAny compares two decoded YAML documents.
func equalAny(a, b any) bool { return reflect.DeepEqual(a, b) }
