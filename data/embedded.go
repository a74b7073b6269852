package data

import (
	"dateline/data/embedded"
	"dateline/data/internal/schema"
	"hash/crc32"
	"io/fs"

	"dateline/timeline"
)

// embeddedFS holds the default dataset and its source texts at its root.
var embeddedFS fs.FS = embedded.FS

// embeddedName is the default dataset's file in embeddedFS.
const embeddedName = embedded.Name

// Embedded loads the dataset built into the binary: the seed article's
// events. Its Problems name the file "embedded:kim-car-gift.yaml", and its
// sources' text_file paths resolve inside the embedded folder. Each call
// loads afresh, so callers may change what they get.
//
// Parsing the YAML was most of the first frame's CPU (issue 6), so the
// dataset comes from embeddedSnapshot, decoded ahead of time; the YAML is
// read only when the snapshot cannot stand in for it (see snapshotLoad).
func Embedded() *Loaded {
	if l := snapshotLoad(embeddedFS); l != nil {
		return l
	}
	return embeddedYAML()
}

// snapshotLoad returns what loading embedded/kim-car-gift.yaml from fsys
// gives, built from the snapshot, or nil when that might differ from the
// YAML path's result: when a file the snapshot was generated from has
// changed since (a build without `go test ./data -run TestEmbeddedSnapshot
// -update`), or when timeline.New reports anything at all, since placing a
// problem needs the YAML tree. TestSnapshotMatchesYAML checks that
// both paths agree.
func snapshotLoad(fsys fs.FS) *Loaded {
	for _, in := range embeddedSnapshotInputs {
		b, err := fs.ReadFile(fsys, in.name)
		if err != nil {
			return nil
		}
		// CRC-32 catches any accidental edit at a tenth of SHA-256's cost;
		// nobody forges the files in our own binary.
		if len(b) != in.size || crc32.ChecksumIEEE(b) != in.crc32 {
			return nil
		}
	}
	ds := embeddedSnapshot()
	tl, diags := timeline.New(ds) // as schema.LoadTree does
	if len(diags) > 0 {
		return nil
	}
	return &schema.Loaded{File: "embedded:" + embeddedName, Dataset: ds, Timeline: tl}
}

// embeddedYAML loads the embedded dataset by parsing its YAML.
func embeddedYAML() *Loaded {
	name := "embedded:" + embeddedName
	b, err := fs.ReadFile(embeddedFS, embeddedName)
	if err == nil {
		return load(name, b, schema.FsFiles{FS: embeddedFS, Prefix: "embedded:"})
	}
	// Unreachable with a correct build; reported rather than panicking.
	return &schema.Loaded{File: name, Problems: []Problem{{File: name, Severity: timeline.SeverityError, Message: "cannot read the embedded dataset: " + err.Error()}}}
}
