package fix

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixJSONOneLine: objects and lists the file wrote on one line stay on
// one line, whether unchanged or given new keys; the others keep the
// file's indentation. The copy differs from the file only where values do.
func TestFixJSONOneLine(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	src := `{
  "dateline": 1,
  "sources": [
    {"id": "s", "title": "S", "text": "Alpha beta gamma."}
  ],
  "actors": [{"id": "p", "name": "P", "kind": "person"}],
  "events": [
    {
      "id": "a",
      "title": "A",
      "actors": ["p"],
      "citations": [
        {"source": "s", "quote": "beta"},
        {
          "source": "s",
          "quote": "gamma"
        }
      ]
    }
  ]
}
`
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, out := fixed(t, in, filepath.Join(dir, "out.json"))
	if out.Timeline == nil || len(out.Problems) != 0 || rep.Positions != 2 || rep.NewChecksums != 1 {
		t.Fatalf("%s; problems %v", rep, out.Problems)
	}
	sum := sha256.Sum256([]byte("Alpha beta gamma."))
	want := strings.NewReplacer(
		`"text": "Alpha beta gamma."}`, `"text": "Alpha beta gamma.", "sha256": "`+hex.EncodeToString(sum[:])+`"}`,
		`"quote": "beta"}`, `"quote": "beta", "start": 6, "end": 10}`,
		`"quote": "gamma"`, "\"quote\": \"gamma\",\n          \"start\": 11,\n          \"end\": 16",
	).Replace(src)
	if got, _ := os.ReadFile(filepath.Join(dir, "out.json")); string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
