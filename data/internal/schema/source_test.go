package schema

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSourceFileText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain\ntext", "plain\ntext"},
		{"\uFEFFwith a byte-order mark", "with a byte-order mark"},
		{"crlf\r\nline\r\nends\r\n", "crlf\nline\nends\n"},
		{"\uFEFFboth\r\n", "both\n"},
		{"a lone \r stays", "a lone \r stays"},
		{"only the first \uFEFF mark goes: \uFEFF", "only the first \uFEFF mark goes: \uFEFF"},
	} {
		if got := SourceFileText([]byte(tt.in)); got != tt.want {
			t.Errorf("SourceFileText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTextFileCRLF loads a dataset anchored (positions and checksum) on a
// source saved with LF line ends, after the source was saved again with a
// byte-order mark and CRLF line ends, as a Windows checkout would: nothing
// may drift.
func TestTextFileCRLF(t *testing.T) {
	lf := "First line.\n\nThe council met on Monday.\n"
	quote := "The council met on Monday."
	start := strings.Index(lf, quote)
	sum := sha256.Sum256([]byte(lf))
	ds := fmt.Sprintf(`dateline: 1
title: t
sources:
  - id: s
    title: minutes
    text_file: src.txt
    sha256: %x
events:
  - id: e
    date: 2024
    title: met
    citations:
      - source: s
        quote: %q
        start: %d
        end: %d
`, sum, quote, start, start+len(quote))
	dir := t.TempDir()
	crlf := "\uFEFF" + strings.ReplaceAll(lf, "\n", "\r\n")
	if err := os.WriteFile(filepath.Join(dir, "src.txt"), []byte(crlf), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ds.yaml")
	if err := os.WriteFile(path, []byte(ds), 0o644); err != nil {
		t.Fatal(err)
	}
	l := loadFile(t, path)
	if l.Timeline == nil || len(l.Problems) > 0 {
		t.Fatalf("problems with a CRLF source: %v", l.Problems)
	}
	if sp := l.Timeline.Event(0).Citations[0].Span; !sp.Resolved || sp.Reanchored || sp.Start != start {
		t.Errorf("span = %+v, want resolved in place at %d", sp, start)
	}
}
