package export

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"dateline/data/embedded"
	"dateline/data/internal/schema"
)

// The facade, package data, imports this package, so these tests load
// datasets through the packages below it: our YAML and JSON through
// schema, the embedded dataset from its files.

// loadBytes reads our YAML or JSON from b as data.LoadBytes does.
func loadBytes(name string, b []byte, dir string) *schema.Loaded {
	return schema.LoadTree(name, b, schema.NewDiskFiles(dir))
}

// loadFile reads the YAML or JSON file at path, or stops the test.
func loadFile(t *testing.T, path string) *schema.Loaded {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return loadBytes(path, b, filepath.Dir(path))
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
