package schema

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"dateline/data/embedded"
)

// These tests load datasets as the facade (package data) does for our YAML
// and JSON, which this package cannot import.

// loadBytes reads our YAML or JSON from b as data.LoadBytes does.
func loadBytes(name string, b []byte, dir string) *Loaded {
	return LoadTree(name, b, NewDiskFiles(dir))
}

// loadFile reads the YAML or JSON file at path, or stops the test.
func loadFile(t *testing.T, path string) *Loaded {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return loadBytes(path, b, filepath.Dir(path))
}

// loadEmbedded reads the embedded dataset's YAML, as data.Embedded gives it.
func loadEmbedded(t *testing.T) *Loaded {
	t.Helper()
	b, err := fs.ReadFile(embedded.FS, embedded.Name)
	if err != nil {
		t.Fatal(err)
	}
	l := LoadTree("embedded:"+embedded.Name, b, FsFiles{FS: embedded.FS, Prefix: "embedded:"})
	if l.Timeline == nil {
		t.Fatalf("the embedded dataset did not load: %v", l.Err())
	}
	return l
}
