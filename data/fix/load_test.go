package fix

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data/embedded"
	"dateline/data/internal/schema"
	"dateline/data/jsonl"
	"dateline/data/timelinejs"
	"dateline/timeline"
)

// loadFile loads the dataset file at path by its format, as data.LoadFile
// does, through the packages below the facade: package data's tests check
// that the facade itself tells the formats apart the same way.
func loadFile(path string) *schema.Loaded {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") || jsonl.Sniff(path) {
		return jsonl.Load(path, nil)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return &schema.Loaded{File: path, Problems: []schema.Problem{{File: path, Severity: timeline.SeverityError, Message: fmt.Sprint(err)}}}
	}
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	switch {
	case timelinejs.Is(b):
		return timelinejs.Load(path, b)
	case timelinejs.IsSheetsCSV(b):
		return timelinejs.LoadSheetsCSV(path, b)
	}
	return schema.LoadTree(path, b, schema.NewDiskFiles(filepath.Dir(path)))
}

// loadEmbedded reads the embedded dataset's YAML, as data.Embedded gives it.
func loadEmbedded(t *testing.T) *schema.Loaded {
	t.Helper()
	b, err := fs.ReadFile(embedded.FS, embedded.Name)
	if err != nil {
		t.Fatal(err)
	}
	l := schema.LoadTree("embedded:"+embedded.Name, b, schema.FsFiles{FS: embedded.FS, Prefix: "embedded:"})
	if l.Timeline == nil {
		t.Fatalf("the embedded dataset did not load: %v", l.Err())
	}
	return l
}
