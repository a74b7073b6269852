package schema

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestYAMLFaultPositions: yaml.v3 reports a character it cannot read at the
// last line it read (c.yaml:4:1 for a control character on line 2), and
// some syntax errors at the line of the mapping that holds the fault. Each
// fixture in testdata/yamlfaults is reported at its fault's line and
// column, in code points.
func TestYAMLFaultPositions(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"control.yaml", `2:10: error: YAML syntax error: control character U+0001 is not allowed in YAML`},
		{"del.yaml", `2:14: error: YAML syntax error: control character U+007F is not allowed in YAML`},
		{"invalid-utf8.yaml", `2:12: error: YAML syntax error: invalid UTF-8 (byte 0xE9): save the file as UTF-8`},
		{"nul.yaml", `4:8: error: YAML syntax error: a NUL byte`},
		{"utf16le.yaml", `1:1: error: the file looks like UTF-16 (little-endian) without a byte-order mark: save it as UTF-8`},
		{"utf16be.yaml", `1:1: error: the file looks like UTF-16 (big-endian) without a byte-order mark: save it as UTF-8`},
		{"bad-indent.yaml", `5:4: error: YAML syntax error: did not find expected '-' indicator`},
		{"unclosed-bracket.yaml", `5:11: error: YAML syntax error: did not find expected ',' or ']' (this '[' is not closed)`},
	} {
		l := loadFile(t, filepath.Join("testdata", "yamlfaults", c.file))
		if len(l.Problems) != 1 || !strings.HasPrefix(l.Problems[0].String(), l.File+":"+c.want) {
			t.Errorf("%s: problems %v\nwant %s:%s", c.file, l.Problems, l.File, c.want)
		}
	}
}

// TestYAMLFaultKeepsValidText: what yaml.v3 reads (tab, CR, NEL, no-break
// space, astral characters, a BOM first) passes the scan.
func TestYAMLFaultKeepsValidText(t *testing.T) {
	for _, b := range []string{
		"\ufeffdateline: 1\r\ntitle: \"a\tb\u0085c\u00a0d 🚗\"\r\nevents: []\r\n",
		"dateline: 1\ntitle: 'ü'\n",
	} {
		if e := scanYAMLText([]byte(b)); e != nil {
			t.Errorf("%q: %+v", b, e)
		}
	}
}
