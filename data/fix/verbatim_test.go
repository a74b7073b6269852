package fix

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixRewritesTolerantQuotes: testdata/tolerant.{yaml,json} cite a source
// written with typographic quotes and dashes by quotes (and a prefix) typed
// with straight quotes, a hyphen and a double space, with their positions
// and the checksum already recorded. The fixed copy quotes the source's
// characters, so it loads without a single warning (what --strict needs),
// and nothing else in the file changes.
func TestFixRewritesTolerantQuotes(t *testing.T) {
	for _, c := range []struct {
		name      string
		old, want []string // the lines that change, in file order
	}{
		{"tolerant.yaml",
			[]string{`        quote: met in "March" - its chair`,
				`      - {source: memo, prefix: "The board met  in", quote: "\"March\" again.", start: 80, end: 94}`},
			[]string{`        quote: met in “March” — its chair`,
				`      - {source: memo, prefix: "The board met in ", quote: "“March” again.", start: 80, end: 94}`}},
		{"tolerant.json",
			[]string{`        {"source": "memo", "quote": "met in \"March\" - its chair", "start": 10, "end": 36}`,
				`        {"source": "memo", "prefix": "The board met  in", "quote": "\"March\" again.", "start": 80, "end": 94}`},
			[]string{`        {"source": "memo", "quote": "met in “March” — its chair", "start": 10, "end": 36}`,
				`        {"source": "memo", "prefix": "The board met in ", "quote": "“March” again.", "start": 80, "end": 94}`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := fixDir(t)
			in, out := filepath.Join(dir, c.name), filepath.Join(dir, "fixed-"+c.name)
			if l := loadFile(in); l.Timeline == nil || len(l.Problems) != 2 {
				t.Fatalf("fixture: want 2 tolerance warnings, got %v", l.Problems)
			}
			rep, got := fixed(t, in, out)
			if got.Timeline == nil || len(got.Problems) != 0 {
				t.Errorf("the fixed copy still has problems: %v", got.Problems)
			}
			if rep.Rewritten != 2 || rep.Positions != 0 || rep.Checksums+rep.NewChecksums != 0 {
				t.Errorf("report %+v", rep)
			}
			if s := rep.String(); !strings.Contains(s, "2 quotes rewritten in the source's characters") {
				t.Errorf("summary %q does not count the rewritten quotes", s)
			}
			before, _ := os.ReadFile(in)
			after, _ := os.ReadFile(out)
			want := string(before)
			for k := range c.old {
				if !strings.Contains(want, c.old[k]+"\n") {
					t.Fatalf("fixture lacks %q", c.old[k])
				}
				want = strings.Replace(want, c.old[k]+"\n", c.want[k]+"\n", 1)
			}
			if string(after) != want {
				t.Errorf("fixed copy:\n%s\nwant only the quotes changed:\n%s", after, want)
			}
		})
	}
}

// TestFixRewritesTolerantQuotesJSONL: a JSON Lines event line is rewritten
// (compact) with the source's characters; the header and the other event
// line stay byte for byte.
func TestFixRewritesTolerantQuotesJSONL(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "fixed.jsonl")
	lines := []string{
		`{"dateline": 1, "sources": [{"id": "memo", "title": "Memo", "text": "The board met in “March”.", "sha256": "` + sha256Hex("The board met in “March”.") + `"}]}`,
		`{"id": "meeting", "title": "The board meets", "citations": [{"source": "memo", "quote": "met in \"March\"", "start": 10, "end": 24}]}`,
		`{"id": "exact", "title": "Exact", "citations": [{"source": "memo", "quote": "The board", "start": 0, "end": 9}]}`,
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, got := fixed(t, in, out)
	if got.Timeline == nil || len(got.Problems) != 0 || rep.Rewritten != 1 {
		t.Errorf("report %s; problems %v", rep, got.Problems)
	}
	b, _ := os.ReadFile(out)
	want := lines[0] + "\n" +
		`{"id":"meeting","title":"The board meets","citations":[{"source":"memo","quote":"met in “March”","start":10,"end":24}]}` + "\n" +
		lines[2] + "\n"
	if string(b) != want {
		t.Errorf("got\n%s\nwant\n%s", b, want)
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
